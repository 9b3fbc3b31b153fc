import { LIMITS } from '../limits.js';
import { ProblemList, type Path, type Validated } from '../problems.js';
import { say, show, suggest, type Entity } from '../problem-text.js';
import type { Bank, Dimension, Level, Question, Recommendation, Scale, Text } from '../types.js';
import { readCondition, type ConditionScope } from './condition.js';
import { Fields, isObject } from './fields.js';
import { readQuestion, readScaleOptions } from './question.js';
import { readText, type TextRules } from './text.js';

export const BANK_ID = /^[a-z0-9][a-z0-9-]*$/;
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
const LANGUAGE = /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$/;
const NORMS_FILE = /^(?![/\\]|[A-Za-z]:)(?!(.*[/\\])?\.\.([/\\]|$))[^\0]*\.json$/;
const TOP_KEYS = ['$schema', 'id', 'version', 'languages', 'title', 'description', 'scales', 'dimensions', 'levels', 'profile', 'questions', 'recommendations', 'norms'];

/** Iterates the mappings of a list, recording a problem for each item that is not one. */
function eachMapping(list: unknown[] | undefined, path: Path, errors: ProblemList, shape: string, visit: (fields: Fields, index: number) => void): void {
  list?.forEach((item, index) => {
    if (isObject(item)) visit(new Fields(item, [...path, index], errors), index);
    else errors.add([...path, index], 'type', say('mustBe', { expected: 'mapping', shape: `(${shape})`, actual: show(item) }));
  });
}

function uniqueId(fields: Fields, seen: Set<string>, what: Entity, pattern?: RegExp): string | undefined {
  const id = fields.string('id', { required: true, ...(pattern ? { pattern, rule: 'entityId' as const, entity: what } : {}) });
  if (id === undefined) return undefined;
  if (seen.has(id)) {
    fields.fail('id', 'duplicate-id', say('idTwice', { entity: what, id }));
    return undefined;
  }
  seen.add(id);
  return id;
}

/** Whether Intl accepts the tag: `en-a1` passes the pattern, then makes toLocaleString throw. */
function isLocale(tag: string): boolean {
  try {
    Intl.getCanonicalLocales(tag);
    return true;
  } catch {
    return false;
  }
}

function readLanguages(fields: Fields): string[] {
  const list = fields.list('languages', { required: true, nonEmpty: true }) ?? [];
  const languages: string[] = [];
  list.forEach((lang, i) => {
    if (typeof lang !== 'string' || !LANGUAGE.test(lang) || !isLocale(lang)) fields.errors.add(fields.at('languages').concat(i), 'type', say('badLanguage', { actual: show(lang) }));
    else if (languages.includes(lang)) fields.errors.add(fields.at('languages').concat(i), 'duplicate-id', say('languageTwice', { lang }));
    else languages.push(lang);
  });
  return languages.length > 0 ? languages : ['en'];
}

function readScales(fields: Fields, rules: TextRules): Map<string, Scale> {
  const scales = new Map<string, Scale>();
  if (!fields.has('scales')) return scales;
  const raw = fields.raw('scales');
  if (!isObject(raw)) {
    fields.fail('scales', 'type', say('mustBe', { expected: 'scales', actual: show(raw) }));
    return scales;
  }
  for (const [id, scale] of Object.entries(raw)) {
    const path = fields.at('scales').concat(id);
    if (!isObject(scale)) {
      fields.errors.add(path, 'type', say('mustBe', { expected: 'scale', actual: show(scale) }));
      continue;
    }
    if (!Object.hasOwn(scale, 'options')) {
      fields.errors.add(path, 'required', say('required', { key: 'options' }));
      continue;
    }
    const options = readScaleOptions(scale.options, [...path, 'options'], fields, rules);
    if (options) scales.set(id, { id, options });
  }
  return scales;
}

function readDimensions(fields: Fields, rules: TextRules): Dimension[] {
  const dimensions: Dimension[] = [];
  const seen = new Set<string>();
  eachMapping(fields.list('dimensions', { required: true, nonEmpty: true }), fields.at('dimensions'), fields.errors, '{id, title}', (dim) => {
    dim.unknownKeys(['id', 'title', 'description', 'weight'], rules.warnings);
    const id = uniqueId(dim, seen, 'dimension');
    if (id === 'overall') dim.fail('id', 'reserved-id', say('reservedOverall', {}));
    const title = readText(dim.raw('title'), dim.at('title'), rules);
    const description = readText(dim.raw('description'), dim.at('description'), rules, false);
    const weight = dim.number('weight', { exclusiveMin: 0 }) ?? 1;
    if (id !== undefined && title !== undefined) {
      dimensions.push({ id, title, weight, ...(description === undefined ? {} : { description }) });
    }
  });
  return dimensions;
}

function readLevels(fields: Fields, rules: TextRules): Level[] {
  const levels: Level[] = [];
  const seen = new Set<string>();
  eachMapping(fields.list('levels', { required: true, nonEmpty: true }), fields.at('levels'), fields.errors, '{id, min, label}', (lvl, index) => {
    lvl.unknownKeys(['id', 'min', 'label', 'description'], rules.warnings);
    const id = uniqueId(lvl, seen, 'level');
    const min = lvl.number('min', { required: true, min: 0, max: 100 });
    const label = readText(lvl.raw('label'), lvl.at('label'), rules);
    const description = readText(lvl.raw('description'), lvl.at('description'), rules, false);
    if (index === 0 && min !== undefined && min !== 0) lvl.fail('min', 'first-level-min', say('firstLevelMin', { min }));
    const previous = levels[levels.length - 1];
    if (index > 0 && min !== undefined && previous !== undefined && levels.length === index && min <= previous.min) {
      lvl.fail('min', 'levels-order', say('levelsOrder', { min, previous: previous.min }));
    }
    if (id !== undefined && min !== undefined && label !== undefined) {
      levels.push({ id, min, label, ...(description === undefined ? {} : { description }) });
    }
  });
  return levels;
}

function readRecommendations(fields: Fields, rules: TextRules, scope: ConditionScope, dimensions: ReadonlySet<string>): Recommendation[] {
  const recommendations: Recommendation[] = [];
  const seen = new Set<string>();
  eachMapping(fields.list('recommendations'), fields.at('recommendations'), fields.errors, '{id, when, title, text}', (rec) => {
    const before = fields.errors.size;
    rec.unknownKeys(['id', 'when', 'dimension', 'priority', 'title', 'text', 'link'], rules.warnings);
    const id = uniqueId(rec, seen, 'recommendation', BANK_ID);
    const when = rec.has('when') ? readCondition(rec.raw('when'), rec.at('when'), scope) : undefined;
    const dimension = rec.string('dimension');
    if (dimension !== undefined && !dimensions.has(dimension)) {
      rec.fail('dimension', 'unknown-dimension', say('unknownDimension', { id: dimension, ...suggest(dimension, dimensions) }));
    }
    const priority = rec.number('priority', { min: 1, max: 5, integer: true }) ?? 3;
    const title = readText(rec.raw('title'), rec.at('title'), rules);
    const text = readText(rec.raw('text'), rec.at('text'), rules);
    const link = rec.string('link', { pattern: /^https?:\/\/\S+$/, rule: 'link' });
    if (fields.errors.size === before && id !== undefined && title !== undefined && text !== undefined) {
      recommendations.push({
        id,
        priority,
        title,
        text,
        ...(when === undefined ? {} : { when }),
        ...(dimension === undefined ? {} : { dimension }),
        ...(link === undefined ? {} : { link }),
      });
    }
  });
  return recommendations;
}

/**
 * Validates a parsed bank (SPEC section 2): every problem at once, each with its path.
 * Pure: the caller parses the file and turns paths into lines.
 */
export function validateBank(raw: unknown): Validated<Bank> {
  const errors = new ProblemList();
  const warnings = new ProblemList();
  if (!isObject(raw)) {
    errors.add([], 'type', say('notABank', { actual: show(raw) }));
    return { ok: false, errors: errors.items, warnings: [] };
  }
  const top = new Fields(raw, [], errors);
  top.unknownKeys(TOP_KEYS, warnings);
  const id = top.string('id', { required: true, pattern: BANK_ID, rule: 'bankId' });
  const version = top.string('version', { required: true, pattern: SEMVER, rule: 'semver' });
  const languages = readLanguages(top);
  const rules: TextRules = { languages, errors, warnings };
  const title = readText(raw.title, ['title'], rules);
  const description = readText(raw.description, ['description'], rules, false);
  // SPEC section 13: a norms file shipped beside the bank, by a relative path that stays beside it.
  const norms = top.string('norms', { pattern: NORMS_FILE, rule: 'normsFile' });
  const scales = readScales(top, rules);
  const invalidScales = new Set(isObject(raw.scales) ? Object.keys(raw.scales).filter((k) => !scales.has(k)) : []);
  const dimensions = readDimensions(top, rules);
  const levels = readLevels(top, rules);
  const dimensionIds = new Set(dimensions.map((d) => d.id));

  const sections = [
    { key: 'profile', list: top.list('profile'), profile: true },
    { key: 'questions', list: top.list('questions', { required: true, nonEmpty: true }), profile: false },
  ];
  const total = sections.reduce((sum, section) => sum + (section.list?.length ?? 0), 0);
  if (total > LIMITS.questions) {
    errors.add(['questions'], 'too-many', say('tooManyQuestions', { count: total, limit: LIMITS.questions }));
    return { ok: false, errors: errors.items, warnings: warnings.items };
  }
  const allQuestionIds = new Set<string>();
  for (const section of sections) {
    for (const q of section.list ?? []) if (isObject(q) && typeof q.id === 'string') allQuestionIds.add(q.id);
  }
  const known = new Map<string, Question>();
  const seenIds = new Set<string>();
  const questions: Question[] = [];
  for (const section of sections) {
    section.list?.forEach((rawQuestion, index) => {
      const path = [section.key, index];
      const qid = isObject(rawQuestion) && typeof rawQuestion.id === 'string' ? rawQuestion.id : undefined;
      const scope: ConditionScope = { questions: known, declared: seenIds, allQuestionIds, dimensions: null, errors, warnings, ...(qid === undefined ? {} : { self: qid }) };
      const question = readQuestion(rawQuestion, path, section.profile, { ...rules, scales, invalidScales, dimensions: dimensionIds, conditions: scope });
      if (qid !== undefined && seenIds.has(qid)) {
        errors.add([...path, 'id'], 'duplicate-id', say('questionIdTwice', { id: qid }));
        return;
      }
      if (qid !== undefined) seenIds.add(qid);
      if (question) {
        known.set(question.id, question);
        questions.push(question);
      }
    });
  }
  const recommendationScope: ConditionScope = { questions: known, declared: allQuestionIds, allQuestionIds, dimensions: dimensionIds, errors, warnings };
  const recommendations = readRecommendations(top, rules, recommendationScope, dimensionIds);

  if (errors.size > 0 || id === undefined || version === undefined || title === undefined) {
    return { ok: false, errors: errors.items, warnings: warnings.items };
  }
  const bank: Bank = {
    id,
    version,
    languages,
    title,
    ...(description === undefined ? {} : { description: description satisfies Text }),
    scales: [...scales.values()],
    dimensions,
    levels,
    questions,
    recommendations,
    ...(norms === undefined ? {} : { norms }),
  };
  return { ok: true, value: bank, warnings: warnings.items };
}
