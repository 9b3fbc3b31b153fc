import { LIMITS } from '../limits.js';
import type { Path } from '../problems.js';
import { say, show, suggest } from '../problem-text.js';
import { NOT_APPLICABLE, type Benchmark, type ChoiceOption, type Question, type QuestionType, type Scale, type ScaleOption, type Text } from '../types.js';
import { readCondition, type ConditionScope } from './condition.js';
import { Fields, isObject } from './fields.js';
import { readText, type TextRules } from './text.js';

export const QUESTION_ID = /^[a-z][a-z0-9_.-]*$/;
const TYPES: readonly QuestionType[] = ['likert', 'single', 'multiple', 'boolean', 'number', 'text'];
const BETTER = ['lower', 'higher'] as const;
const KEYS = ['id', 'type', 'dimension', 'text', 'help', 'scale', 'options', 'reverse', 'weight', 'required', 'when', 'benchmark', 'min', 'max', 'notApplicable'];

export interface QuestionContext extends TextRules {
  scales: ReadonlyMap<string, Scale>;
  invalidScales: ReadonlySet<string>;
  dimensions: ReadonlySet<string>;
  conditions: ConditionScope;
}

/** Reads likert options (inline or from the scale), refusing a scale of fewer than two values. */
export function readScaleOptions(value: unknown, path: Path, fields: Fields, rules: TextRules): ScaleOption[] | undefined {
  if (!Array.isArray(value)) {
    fields.errors.add(path, 'type', say('mustBe', { expected: 'options', actual: show(value) }));
    return undefined;
  }
  if (value.length > LIMITS.options) {
    fields.errors.add(path, 'too-many', say('tooManyOptions', { count: value.length, limit: LIMITS.options }));
    return undefined;
  }
  const options: ScaleOption[] = [];
  // A Set, not options.some(): a long scale must not take quadratic time.
  const seen = new Set<number>();
  value.forEach((raw, i) => {
    const at = [...path, i];
    if (!isObject(raw)) {
      fields.errors.add(at, 'type', say('mustBe', { expected: 'mapping', shape: '{value, label}', actual: show(raw) }));
      return;
    }
    const option = new Fields(raw, at, fields.errors);
    const v = option.number('value', { required: true });
    const label = readText(raw.label, [...at, 'label'], rules, false);
    if (v === undefined) return;
    if (seen.has(v)) fields.errors.add([...at, 'value'], 'duplicate-value', say('valueTwice', { value: String(v) }));
    seen.add(v);
    options.push({ value: v, label: label ?? String(v) });
  });
  if (seen.size < 2 && options.length === value.length) {
    fields.errors.add(path, 'scale-too-small', say('scaleTooSmall', {}));
    return undefined;
  }
  return options.length === value.length ? options : undefined;
}

function readChoiceOptions(fields: Fields, scored: boolean, rules: TextRules): ChoiceOption[] | undefined {
  const list = fields.list('options', { required: true, nonEmpty: true });
  if (list === undefined) return undefined;
  if (list.length > LIMITS.options) return fields.fail('options', 'too-many', say('tooManyOptions', { count: list.length, limit: LIMITS.options }));
  const options: ChoiceOption[] = [];
  const seen = new Set<string>();
  let ok = true;
  list.forEach((raw, i) => {
    const at = fields.at('options').concat(i);
    if (!isObject(raw)) {
      fields.errors.add(at, 'type', say('mustBe', { expected: 'mapping', shape: `{value, label${scored ? ', score' : ''}}`, actual: show(raw) }));
      ok = false;
      return;
    }
    const option = new Fields(raw, at, fields.errors);
    const value = raw.value;
    if (typeof value !== 'string' && !(typeof value === 'number' && Number.isFinite(value))) {
      option.fail('value', value === undefined ? 'required' : 'type', value === undefined ? say('required', { key: 'value' }) : say('mustBe', { expected: 'stringOrNumber', actual: show(value) }));
      ok = false;
      return;
    }
    if (seen.has(String(value))) {
      option.fail('value', 'duplicate-value', say('valueTwice', { value: JSON.stringify(value) }));
      ok = false;
    }
    seen.add(String(value));
    const score = option.number('score', { min: 0, max: 100 });
    if (scored && !option.has('score')) {
      option.fail('score', 'missing-score', say('missingScore', { value: JSON.stringify(value) }));
      ok = false;
    }
    const label = readText(raw.label, [...at, 'label'], rules, false);
    options.push({ value, label: label ?? String(value), ...(score === undefined ? {} : { score }) });
  });
  return ok ? options : undefined;
}

function readBenchmark(value: unknown, path: Path, fields: Fields, rules: TextRules): Benchmark | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value)) {
    fields.errors.add(path, 'type', say('mustBe', { expected: 'benchmark', actual: show(value) }));
    return undefined;
  }
  const benchmark = new Fields(value, path, fields.errors);
  benchmark.unknownKeys(['agreeShare', 'source', 'note', 'better'], rules.warnings);
  const agreeShare = benchmark.number('agreeShare', { min: 0, max: 100 });
  const source = readText(value.source, [...path, 'source'], rules, false);
  const note = readText(value.note, [...path, 'note'], rules, false);
  const betterRaw = benchmark.string('better');
  const better = BETTER.find((b) => b === betterRaw);
  if (betterRaw !== undefined && better === undefined) {
    benchmark.fail('better', 'bad-better', say('badBetter', { value: JSON.stringify(betterRaw), allowed: BETTER }));
  }
  return {
    ...(agreeShare === undefined ? {} : { agreeShare }),
    ...(source === undefined ? {} : { source }),
    ...(note === undefined ? {} : { note }),
    ...(better === undefined ? {} : { better }),
  };
}

/**
 * SPEC section 9: `notApplicable` is a Text (the wording of the choice) or true (the tool's
 * wording); false is accepted and means "not offered". Refused on text questions, whose answer is
 * free (`n/a` would be an ordinary text there), and where an option already has the value `n/a`.
 */
function readNotApplicable(raw: Record<string, unknown>, fields: Fields, type: QuestionType | undefined, rules: TextRules): Text | true | undefined {
  if (!fields.has('notApplicable')) return undefined;
  const value = raw.notApplicable;
  if (value === false) return undefined;
  const path = fields.at('notApplicable');
  const text = value === true ? true : typeof value === 'string' || isObject(value) ? readText(value, path, rules) : undefined;
  if (value !== true && typeof value !== 'string' && !isObject(value)) {
    fields.fail('notApplicable', 'type', say('notApplicableType', { actual: show(value) }));
    return undefined;
  }
  if (type === 'text') {
    fields.fail('notApplicable', 'not-applicable-on-text', say('notApplicableOnText', {}));
    return undefined;
  }
  if ((type === 'single' || type === 'multiple') && Array.isArray(raw.options)) {
    raw.options.forEach((option, i) => {
      if (isObject(option) && option.value === NOT_APPLICABLE) {
        fields.errors.add(fields.at('options').concat(i, 'value'), 'not-applicable-value', say('notApplicableOption', { value: NOT_APPLICABLE }));
      }
    });
  }
  return text;
}

/** Validates one question of `profile` or `questions`; undefined (with problems recorded) when invalid. */
export function readQuestion(raw: unknown, path: Path, profile: boolean, context: QuestionContext): Question | undefined {
  if (!isObject(raw)) {
    context.errors.add(path, 'type', say('mustBe', { expected: 'mapping', shape: 'with id, type and text', actual: show(raw) }));
    return undefined;
  }
  const fields = new Fields(raw, path, context.errors);
  const before = context.errors.size;
  fields.unknownKeys(KEYS, context.warnings);
  const id = fields.string('id', { required: true, pattern: QUESTION_ID, rule: 'questionId' });
  const typeRaw = fields.raw('type');
  const type = TYPES.find((t) => t === typeRaw);
  if (type === undefined) {
    if (typeRaw === undefined) fields.missing('type');
    else fields.fail('type', 'unknown-type', say('unknownType', { value: JSON.stringify(typeRaw), ...(typeof typeRaw === 'string' ? suggest(typeRaw, TYPES) : {}), types: TYPES }));
  }
  const text = readText(raw.text, fields.at('text'), context);
  const help = readText(raw.help, fields.at('help'), context, false);
  const weight = fields.number('weight', { min: 0 }) ?? 1;
  const required = fields.boolean('required') ?? true;
  const reverse = fields.boolean('reverse') ?? false;
  if (fields.has('reverse') && type !== undefined && !['likert', 'boolean', 'number'].includes(type)) {
    context.warnings.add(fields.at('reverse'), 'ignored', say('reverseIgnored', { type }));
  }
  const dimension = fields.string('dimension');
  if (dimension !== undefined && !context.dimensions.has(dimension)) {
    fields.fail('dimension', 'unknown-dimension', say('unknownDimension', { id: dimension, ...suggest(dimension, context.dimensions) }));
  }
  if (profile && dimension !== undefined) {
    context.warnings.add(fields.at('dimension'), 'ignored', say('profileDimensionIgnored', {}));
  }
  const scored = !profile && type !== 'text' && weight > 0;
  if (scored && dimension === undefined && type !== undefined && !fields.has('dimension')) {
    fields.fail('dimension', 'required', say('dimensionRequired', {}));
  }
  const when = fields.has('when') ? readCondition(raw.when, fields.at('when'), context.conditions) : undefined;
  const benchmark = readBenchmark(fields.raw('benchmark'), fields.at('benchmark'), fields, context);
  const notApplicable = readNotApplicable(raw, fields, type, context);

  let question: Question | undefined;
  const base = {
    id: id ?? '',
    text: text ?? '',
    ...(help === undefined ? {} : { help }),
    ...(dimension === undefined || profile || type === 'text' ? {} : { dimension }),
    weight,
    required,
    ...(when === undefined ? {} : { when }),
    ...(benchmark === undefined ? {} : { benchmark }),
    ...(notApplicable === undefined ? {} : { notApplicable }),
    profile,
  };
  if (type === 'likert') {
    let options: ScaleOption[] | undefined;
    const scaleId = fields.string('scale');
    if (fields.has('scale') && fields.has('options')) {
      fields.fail('options', 'scale-and-options', say('scaleAndOptions', {}));
    } else if (scaleId !== undefined) {
      options = context.scales.get(scaleId)?.options;
      // A scale that exists but is invalid was reported where it is defined.
      if (options === undefined && !context.invalidScales.has(scaleId)) fields.fail('scale', 'unknown-scale', say('unknownScale', { id: scaleId, ...suggest(scaleId, context.scales.keys()) }));
    } else if (fields.has('options')) {
      options = readScaleOptions(raw.options, fields.at('options'), fields, context);
    } else if (!fields.has('scale')) {
      fields.fail('scale', 'required', say('scaleRequired', {}));
    }
    if (options) question = { ...base, type, ...(scaleId === undefined ? {} : { scale: scaleId }), options, reverse };
  } else if (type === 'single' || type === 'multiple') {
    const options = readChoiceOptions(fields, scored && dimension !== undefined, context);
    if (options) question = { ...base, type, options };
  } else if (type === 'number') {
    const min = fields.number('min');
    const max = fields.number('max');
    if (min !== undefined && max !== undefined && min >= max) {
      fields.fail('max', 'min-max', say('minMax', { min, max }));
    } else if (scored && (!fields.has('min') || !fields.has('max'))) {
      fields.fail(fields.has('min') ? 'max' : 'min', 'required', say('minMaxRequired', {}));
    }
    question = { ...base, type, reverse, ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
  } else if (type === 'boolean') {
    question = { ...base, type, reverse };
  } else if (type === 'text') {
    question = { ...base, type };
  }
  return context.errors.size === before ? question : undefined;
}
