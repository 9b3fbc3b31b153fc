/**
 * fast-check arbitraries of valid question banks (SPEC section 2, as the plain objects a YAML file
 * parses to) and of valid answer files for them (SPEC section 5).
 *
 * Banks are drawn in two steps: random "drafts" (ids, types, numbers, and indexes into lists not
 * known yet), then a pure `assemble` that turns indexes into references. That keeps every `when`
 * on earlier questions only, every dimension and scale reference defined, without `chain`, so
 * that counterexamples shrink well.
 */
import fc from 'fast-check';
import type { Bank, QuestionTest, QuestionType, Scalar, ScoreTest } from '../../src/core/index.js';

/** A Text as written in a bank: a plain string, or a map language -> string. */
export type RawText = string | Record<string, string>;

export interface RawScaleOption {
  value: number;
  label?: RawText;
}

export interface RawChoiceOption {
  value: string | number;
  label?: RawText;
  score?: number;
}

/** Conditions are written in a bank exactly as the core types them. */
export type RawQuestionTest = QuestionTest;
export type RawScoreTest = ScoreTest;

export type RawCondition = RawQuestionTest | RawScoreTest | { all: RawCondition[] } | { any: RawCondition[] } | { not: RawCondition };

interface RawQuestionBase {
  id: string;
  text: RawText;
  help?: RawText;
  dimension?: string;
  weight?: number;
  required?: boolean;
  /** Meaningful on likert, boolean and number; accepted (with a warning) elsewhere. */
  reverse?: boolean;
  when?: RawCondition;
  benchmark?: { agreeShare?: number; source?: RawText };
}

export interface RawLikert extends RawQuestionBase {
  type: 'likert';
  scale?: string;
  options?: RawScaleOption[];
}

export interface RawChoice extends RawQuestionBase {
  type: 'single' | 'multiple';
  options: RawChoiceOption[];
}

export interface RawNumber extends RawQuestionBase {
  type: 'number';
  min?: number;
  max?: number;
}

export interface RawPlain extends RawQuestionBase {
  type: 'boolean' | 'text';
}

export type RawQuestion = RawLikert | RawChoice | RawNumber | RawPlain;

export interface RawDimension {
  id: string;
  title: RawText;
  description?: RawText;
  weight?: number;
}

export interface RawLevel {
  id: string;
  min: number;
  label: RawText;
  description?: RawText;
}

export interface RawRecommendation {
  id: string;
  when?: RawCondition;
  dimension?: string;
  priority?: number;
  title: RawText;
  text: RawText;
  link?: string;
}

/** A bank exactly as SPEC section 2 writes it: what `validateBank` and bank.schema.json receive. */
export interface RawBank {
  $schema?: string;
  id: string;
  version: string;
  languages: string[];
  title: RawText;
  description?: RawText;
  scales?: Record<string, { options: RawScaleOption[] }>;
  dimensions: RawDimension[];
  levels: RawLevel[];
  profile?: RawQuestion[];
  questions: RawQuestion[];
  recommendations?: RawRecommendation[];
}

/** An answer file of SPEC section 5. */
export interface RawAnswerFile {
  bank?: string;
  respondent?: string;
  lang?: string;
  answers: Record<string, unknown>;
}

export interface BankOptions {
  /**
   * Also draw extreme but valid numbers (weights near 0 or 1e308, likert values and number ranges
   * spanning most of the doubles), which stress overflow in the arithmetic of SPEC section 4.
   */
  extreme?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Small pieces

const LANGUAGES = ['fr', 'en', 'de', 'es', 'pt-BR'];

/** Question ids that are (or look like) Object.prototype members, to catch `obj[id]` lookups. */
const AWKWARD_IDS = ['constructor', 'hasownproperty', 'prototype', 'tostring'];

const plainString = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.constantFrom('Vous êtes « interrompu·e » ?', 'Ärger\nmit\tTabs', '\u001b[31mred\u001b[0m', '🙂 👍🏽', '') },
);

/** A Text before the bank's languages are known: resolved by `resolveText`. */
interface TextSeed {
  plain: boolean;
  main: string;
  extra: Array<[number, string]>;
}

const textSeed: fc.Arbitrary<TextSeed> = fc.record({
  plain: fc.boolean(),
  main: plainString,
  extra: fc.array(fc.tuple(fc.nat(), plainString), { maxLength: 2 }),
});

/** A plain string, or a map that has the default language and maybe others of the bank. */
function resolveText(seed: TextSeed, languages: readonly string[]): RawText {
  const [first, ...others] = languages;
  if (seed.plain || first === undefined) return seed.main;
  const text: Record<string, string> = { [first]: seed.main };
  for (const [pick, string] of seed.extra) {
    const lang = at(others, pick);
    if (lang !== undefined) text[lang] = string;
  }
  return text;
}

const slug = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,10}$/);
const questionId = fc.oneof({ weight: 8, arbitrary: fc.stringMatching(/^[a-z][a-z0-9_.-]{0,12}$/) }, { weight: 1, arbitrary: fc.constantFrom(...AWKWARD_IDS) });
/** Dimension and level ids have no pattern in SPEC; `__proto__` is one a lookup table must survive. */
const entityId = fc.oneof({ weight: 8, arbitrary: slug }, { weight: 1, arbitrary: fc.constantFrom(...AWKWARD_IDS, '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'Management & co', 'é') });

function weightArb(options: BankOptions, allowZero: boolean): fc.Arbitrary<number | undefined> {
  const normal: Array<fc.Arbitrary<number | undefined>> = [
    fc.constant(undefined),
    fc.integer({ min: 1, max: 5 }),
    fc.double({ min: 0.01, max: 1000, noNaN: true }),
  ];
  if (allowZero) normal.push(fc.constant(0));
  if (options.extreme) normal.push(fc.constantFrom(1e308, Number.MAX_VALUE, 5e-324, 1e-300, 2 ** 53 + 2));
  return fc.oneof(...normal);
}

function scaleValues(options: BankOptions): fc.Arbitrary<number[]> {
  const value = options.extreme
    ? fc.oneof(fc.integer({ min: -10, max: 10 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(-Number.MAX_VALUE, Number.MAX_VALUE, 5e-324))
    : fc.oneof(fc.integer({ min: -10, max: 10 }), fc.double({ min: -1000, max: 1000, noNaN: true }));
  // Values are unique under ===, as the validator compares them (so 0 and -0 are the same value).
  return fc.uniqueArray(value, { minLength: 2, maxLength: 7, comparator: (a, b) => a === b });
}

function numberRange(options: BankOptions): fc.Arbitrary<{ min: number; max: number }> {
  const normal = fc
    .tuple(fc.oneof(fc.integer({ min: -100, max: 100 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.double({ min: 1e-3, max: 1e6, noNaN: true })))
    .map(([min, width]) => ({ min, max: min + width }))
    .filter(({ min, max }) => min < max);
  if (!options.extreme) return normal;
  return fc.oneof(normal, fc.constantFrom({ min: -Number.MAX_VALUE, max: Number.MAX_VALUE }, { min: -1e308, max: 1e308 }, { min: 0, max: 5e-324 }, { min: 1e15, max: 1e15 + 1 }));
}

const choiceValue: fc.Arbitrary<string | number> = fc.oneof(fc.string({ maxLength: 8 }), fc.integer({ min: -5, max: 50 }), fc.double({ min: -10, max: 10, noNaN: true }), fc.constantFrom('yes', 'no', '1', 'true', 'null', '__proto__'));
const optionScore = fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true }), fc.constantFrom(0, 100));

// ---------------------------------------------------------------------------------------------
// Conditions: a tree of seeds, resolved against the questions a condition may look at.

type LeafOperator = 'equals' | 'in' | 'notIn' | 'atLeast' | 'atMost' | 'includes' | 'answered';

interface LeafSeed {
  kind: 'leaf';
  pick: number;
  operators: LeafOperator[];
  picks: number[];
  number: number;
  flag: boolean;
  /** For recommendations: a score test instead of a question test. */
  score: boolean;
}

type ConditionSeed = LeafSeed | { kind: 'all' | 'any'; items: ConditionSeed[] } | { kind: 'not'; item: ConditionSeed };

const leafSeed: fc.Arbitrary<LeafSeed> = fc.record({
  kind: fc.constant<'leaf'>('leaf'),
  pick: fc.nat(),
  operators: fc.uniqueArray(fc.constantFrom<LeafOperator>('equals', 'in', 'notIn', 'atLeast', 'atMost', 'includes', 'answered'), { minLength: 1, maxLength: 2 }),
  picks: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
  number: fc.oneof(fc.integer({ min: -5, max: 105 }), fc.double({ min: -10, max: 110, noNaN: true })),
  flag: fc.boolean(),
  score: fc.boolean(),
});

const conditionSeed: fc.Arbitrary<ConditionSeed> = fc.letrec<{ node: ConditionSeed }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 6, arbitrary: leafSeed },
    { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom<'all' | 'any'>('all', 'any'), items: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant<'not'>('not'), item: tie('node') }) },
  ),
})).node;

function at<T>(list: readonly T[], index: number): T | undefined {
  return list.length === 0 ? undefined : list[index % list.length];
}

/** The values a question's answers take, for conditions to test against. */
function answerValues(question: RawQuestion, scales: RawBank['scales']): Scalar[] {
  switch (question.type) {
    case 'likert':
      return (question.options ?? (question.scale === undefined ? undefined : scales?.[question.scale]?.options) ?? []).map((o) => o.value);
    case 'single':
    case 'multiple':
      return question.options.map((o) => o.value);
    case 'boolean':
      return [true, false];
    case 'number':
      return [question.min ?? 0, question.max ?? 10, ((question.min ?? 0) + (question.max ?? 10)) / 2];
    case 'text':
      return ['', 'yes', 'a comment'];
  }
}

interface ConditionScope {
  questions: readonly RawQuestion[];
  scales: RawBank['scales'];
  /** Dimension ids, for score tests; empty where they are not allowed (questions' `when`). */
  scores: readonly string[];
}

function resolveLeaf(seed: LeafSeed, scope: ConditionScope): RawCondition | undefined {
  if (seed.score && scope.scores.length > 0) {
    const id = at(scope.scores, seed.pick) ?? 'overall';
    const test: RawScoreTest = { score: id };
    if (seed.flag || seed.operators.length > 1) test.below = seed.number;
    if (!seed.flag || seed.operators.length > 1) test.atLeast = seed.number - 20;
    return test;
  }
  const question = at(scope.questions, seed.pick);
  if (question === undefined) return undefined;
  const values = answerValues(question, scope.scales);
  const chosen = [...new Set(seed.picks.map((p) => at(values, p)).filter((v): v is Scalar => v !== undefined))];
  const first = chosen[0] ?? values[0] ?? seed.number;
  const test: RawQuestionTest = { question: question.id };
  for (const operator of seed.operators) {
    switch (operator) {
      case 'equals':
        test.equals = question.type === 'multiple' && seed.flag ? chosen : first;
        break;
      case 'in':
      case 'notIn':
        test[operator] = chosen;
        break;
      case 'atLeast':
      case 'atMost':
        test[operator] = typeof first === 'number' && seed.flag ? first : seed.number;
        break;
      case 'includes':
        if (question.type === 'multiple') test.includes = first;
        else test.answered = seed.flag;
        break;
      case 'answered':
        test.answered = seed.flag;
        break;
    }
  }
  return test;
}

function resolveCondition(seed: ConditionSeed, scope: ConditionScope): RawCondition | undefined {
  if (seed.kind === 'leaf') return resolveLeaf(seed, scope);
  if (seed.kind === 'not') {
    const inner = resolveCondition(seed.item, scope);
    return inner === undefined ? undefined : { not: inner };
  }
  const items = seed.items.map((s) => resolveCondition(s, scope)).filter((c): c is RawCondition => c !== undefined);
  if (items.length === 0) return undefined;
  return seed.kind === 'all' ? { all: items } : { any: items };
}

// ---------------------------------------------------------------------------------------------
// Questions

interface QuestionDraft {
  type: QuestionType;
  weight: number | undefined;
  required: boolean | undefined;
  reverse: boolean | undefined;
  dimensionPick: number;
  /** An unscored question may still name a dimension. */
  unscoredDimension: boolean;
  useScale: boolean;
  scalePick: number;
  scale: number[];
  scaleLabels: boolean;
  choices: Array<{ value: string | number; score: number; scored: boolean; label: string | undefined }>;
  range: { min: number; max: number };
  /** For an unscored number question: which of min and max it gives. */
  bounds: 'both' | 'min' | 'max' | 'none';
  when: ConditionSeed | undefined;
  help: boolean;
  benchmark: { agreeShare?: number; source?: string } | undefined;
}

function questionDraft(options: BankOptions): fc.Arbitrary<QuestionDraft> {
  return fc.record({
    type: fc.constantFrom<QuestionType>('likert', 'likert', 'single', 'multiple', 'boolean', 'number', 'text'),
    weight: weightArb(options, true),
    required: fc.option(fc.boolean(), { nil: undefined }),
    reverse: fc.option(fc.boolean(), { nil: undefined }),
    dimensionPick: fc.nat(),
    unscoredDimension: fc.boolean(),
    useScale: fc.boolean(),
    scalePick: fc.nat(),
    scale: scaleValues(options),
    scaleLabels: fc.boolean(),
    choices: fc.uniqueArray(
      fc.record({ value: choiceValue, score: optionScore, scored: fc.boolean(), label: fc.option(plainString, { nil: undefined }) }),
      // Values are unique as strings: the validator refuses 1 and "1" in one question.
      { minLength: 1, maxLength: 6, selector: (c) => String(c.value) },
    ),
    range: numberRange(options),
    bounds: fc.constantFrom<'both' | 'min' | 'max' | 'none'>('both', 'both', 'min', 'max', 'none'),
    when: fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: conditionSeed }),
    help: fc.boolean(),
    benchmark: fc.option(fc.record({ agreeShare: fc.integer({ min: 0, max: 100 }), source: plainString }, { requiredKeys: [], noNullPrototype: true }), { nil: undefined, freq: 4 }),
  });
}

interface AssembleContext {
  dimensions: readonly string[];
  scales: RawBank['scales'];
  scaleIds: readonly string[];
  earlier: readonly RawQuestion[];
  profile: boolean;
  texts: { text: RawText; help: RawText };
}

function assembleQuestion(id: string, draft: QuestionDraft, context: AssembleContext): RawQuestion {
  const { profile } = context;
  const weight = draft.weight;
  const scored = !profile && draft.type !== 'text' && (weight === undefined || weight > 0);
  const dimension = scored || (!profile && draft.unscoredDimension) ? at(context.dimensions, draft.dimensionPick) : undefined;
  const when = draft.when === undefined ? undefined : resolveCondition(draft.when, { questions: context.earlier, scales: context.scales, scores: [] });
  const base: RawQuestionBase = {
    id,
    text: context.texts.text,
    ...(draft.help ? { help: context.texts.help } : {}),
    ...(dimension === undefined ? {} : { dimension }),
    ...(weight === undefined ? {} : { weight }),
    ...(draft.required === undefined ? {} : { required: draft.required }),
    ...(when === undefined ? {} : { when }),
    ...(draft.benchmark === undefined ? {} : { benchmark: draft.benchmark }),
  };
  const reverse = draft.reverse === undefined ? {} : { reverse: draft.reverse };
  switch (draft.type) {
    case 'likert': {
      const scale = draft.useScale ? at(context.scaleIds, draft.scalePick) : undefined;
      if (scale !== undefined) return { ...base, ...reverse, type: 'likert', scale };
      return { ...base, ...reverse, type: 'likert', options: draft.scale.map((value) => (draft.scaleLabels ? { value, label: `v${value}` } : { value })) };
    }
    case 'single':
    case 'multiple': {
      // A scored choice question needs a score on every option; an unscored one may have some.
      const needsScore = scored && dimension !== undefined;
      const options = draft.choices.map((c) => ({
        value: c.value,
        ...(c.label === undefined ? {} : { label: c.label }),
        ...(needsScore || c.scored ? { score: c.score } : {}),
      }));
      return { ...base, type: draft.type, options };
    }
    case 'number': {
      const bounds = scored ? 'both' : draft.bounds;
      return {
        ...base,
        ...reverse,
        type: 'number',
        ...(bounds === 'both' || bounds === 'min' ? { min: draft.range.min } : {}),
        ...(bounds === 'both' || bounds === 'max' ? { max: draft.range.max } : {}),
      };
    }
    case 'boolean':
      return { ...base, ...reverse, type: 'boolean' };
    case 'text':
      return { ...base, type: 'text' };
  }
}

// ---------------------------------------------------------------------------------------------
// Banks

interface BankDraft {
  id: string;
  version: string;
  languages: string[];
  withSchema: boolean;
  description: boolean;
  scaleIds: string[];
  scales: number[][];
  dimensionIds: string[];
  dimensionWeights: Array<number | undefined>;
  levelIds: string[];
  levelMins: number[];
  questionIds: string[];
  profile: QuestionDraft[];
  questions: QuestionDraft[];
  recommendations: Array<{ id: string; when: ConditionSeed | undefined; dimension: number | undefined; priority: number | undefined; link: boolean }>;
}

function bankDraft(options: BankOptions): fc.Arbitrary<BankDraft> {
  const question = questionDraft(options);
  return fc.record({
    id: slug,
    version: fc.constantFrom('1.0.0', '0.1.0', '2.10.3-beta.1', '1.0.0+build.5'),
    languages: fc.shuffledSubarray(LANGUAGES, { minLength: 1, maxLength: 3 }),
    withSchema: fc.boolean(),
    description: fc.boolean(),
    scaleIds: fc.uniqueArray(fc.oneof(slug, fc.constantFrom('agree5', 'constructor', 'toString')), { maxLength: 3 }),
    scales: fc.array(scaleValues(options), { minLength: 3, maxLength: 3 }),
    dimensionIds: fc.uniqueArray(entityId.filter((id) => id !== 'overall'), { minLength: 1, maxLength: 4 }),
    dimensionWeights: fc.array(weightArb(options, false), { minLength: 4, maxLength: 4 }),
    levelIds: fc.uniqueArray(entityId, { minLength: 4, maxLength: 4 }),
    levelMins: fc.uniqueArray(fc.oneof(fc.integer({ min: 1, max: 100 }), fc.double({ min: 0, max: 100, minExcluded: true, noNaN: true })), { maxLength: 3 }),
    questionIds: fc.uniqueArray(questionId, { minLength: 12, maxLength: 12 }),
    profile: fc.array(question, { maxLength: 2 }),
    questions: fc.array(question, { minLength: 1, maxLength: 9 }),
    recommendations: fc.uniqueArray(
      fc.record({
        id: slug,
        when: fc.option(conditionSeed, { nil: undefined, freq: 5 }),
        dimension: fc.option(fc.nat(), { nil: undefined }),
        priority: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
        link: fc.boolean(),
      }),
      { maxLength: 5, selector: (r) => r.id },
    ),
  });
}

/** Valid banks, as the plain object a YAML file would parse to. */
export function rawBankArb(options: BankOptions = {}): fc.Arbitrary<RawBank> {
  return fc.tuple(bankDraft(options), fc.array(textSeed, { minLength: 16, maxLength: 16 })).map(([draft, texts]) => assembleBank(draft, texts));
}

function assembleBank(draft: BankDraft, texts: readonly TextSeed[]): RawBank {
  let next = 0;
  const text = (): RawText => {
    const seed = texts[next++ % texts.length];
    return seed === undefined ? 'x' : resolveText(seed, draft.languages);
  };
  const scales: Record<string, { options: RawScaleOption[] }> = {};
  draft.scaleIds.forEach((id, i) => {
    const values = draft.scales[i] ?? [1, 2];
    // defineProperty, so that an id such as `constructor` is an own key like YAML makes it.
    Object.defineProperty(scales, id, { value: { options: values.map((value) => ({ value, label: text() })) }, enumerable: true, writable: true, configurable: true });
  });
  const dimensions: RawDimension[] = draft.dimensionIds.map((id, i) => {
    const weight = draft.dimensionWeights[i];
    return { id, title: text(), ...(i % 2 === 1 ? { description: text() } : {}), ...(weight === undefined ? {} : { weight }) };
  });
  const mins = [0, ...[...draft.levelMins].sort((a, b) => a - b)];
  const levels: RawLevel[] = mins.map((min, i) => ({ id: draft.levelIds[i] ?? `level-${i}`, min, label: text(), ...(i === 1 ? { description: text() } : {}) }));
  const dimensionIds = dimensions.map((d) => d.id);
  const scaleIds = draft.scaleIds;
  const earlier: RawQuestion[] = [];
  let idIndex = 0;
  const section = (drafts: readonly QuestionDraft[], profile: boolean): RawQuestion[] =>
    drafts.map((d) => {
      const id = draft.questionIds[idIndex++] ?? `q${idIndex}`;
      const question = assembleQuestion(id, d, { dimensions: dimensionIds, scales, scaleIds, earlier: [...earlier], profile, texts: { text: text(), help: text() } });
      earlier.push(question);
      return question;
    });
  const profile = section(draft.profile, true);
  const questions = section(draft.questions, false);
  const all = [...profile, ...questions];
  const recommendations: RawRecommendation[] = draft.recommendations.map((r) => {
    const when = r.when === undefined ? undefined : resolveCondition(r.when, { questions: all, scales, scores: [...dimensionIds, 'overall'] });
    const dimension = r.dimension === undefined ? undefined : at(dimensionIds, r.dimension);
    return {
      id: r.id,
      ...(when === undefined ? {} : { when }),
      ...(dimension === undefined ? {} : { dimension }),
      ...(r.priority === undefined ? {} : { priority: r.priority }),
      title: text(),
      text: text(),
      ...(r.link ? { link: `https://example.org/${r.id}` } : {}),
    };
  });
  return {
    ...(draft.withSchema ? { $schema: '../schema/bank.schema.json' } : {}),
    id: draft.id,
    version: draft.version,
    languages: draft.languages,
    title: text(),
    ...(draft.description ? { description: text() } : {}),
    ...(scaleIds.length > 0 ? { scales } : {}),
    dimensions,
    levels,
    ...(profile.length > 0 ? { profile } : {}),
    questions,
    ...(recommendations.length > 0 ? { recommendations } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Answers

const anyNumber = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, Number.MAX_VALUE, -Number.MAX_VALUE, 5e-324, 2 ** 53),
);

/** A stringified number matches a numeric option ("1" for 1): the validator maps it back. */
function looseChoice(value: string | number, asString: boolean): string | number {
  return typeof value === 'number' && asString ? String(value) : value;
}

function valueArb(question: Bank['questions'][number]): fc.Arbitrary<unknown> {
  switch (question.type) {
    case 'likert':
      return fc.constantFrom(...question.options.map((o) => o.value));
    case 'single':
      return fc.tuple(fc.constantFrom(...question.options.map((o) => o.value)), fc.boolean()).map(([v, s]) => looseChoice(v, s));
    case 'multiple':
      return fc.tuple(fc.shuffledSubarray(question.options.map((o) => o.value)), fc.boolean()).map(([vs, s]) => vs.map((v) => looseChoice(v, s)));
    case 'boolean':
      return fc.boolean();
    case 'number': {
      const { min, max } = question;
      const inside = min !== undefined && max !== undefined ? [fc.double({ min, max, noNaN: true }), fc.constantFrom(min, max)] : [];
      return fc.oneof(anyNumber, ...inside);
    }
    case 'text':
      return fc.oneof(plainString, fc.integer(), fc.boolean());
  }
}

/**
 * Valid answer files for a bank: every required question answered with one of its values (hidden
 * ones too: they are ignored), optional ones answered, skipped with null, or left out.
 */
export function answerFileArb(bank: Bank): fc.Arbitrary<RawAnswerFile> {
  const entries = bank.questions.map((question) => {
    const value = valueArb(question);
    const entry = question.required
      ? value.map((v) => [v])
      : fc.oneof(value.map((v) => [v]), fc.constant([null]), fc.constant([]));
    return entry.map((present): Array<[string, unknown]> => present.map((v) => [question.id, v]));
  });
  return fc
    .record({
      entries: fc.tuple(...entries),
      bank: fc.boolean(),
      respondent: fc.option(plainString, { nil: undefined }),
      lang: fc.option(fc.constantFrom(...bank.languages), { nil: undefined }),
    })
    .map(({ entries: list, bank: named, respondent, lang }) => ({
      ...(named ? { bank: bank.id } : {}),
      ...(respondent === undefined ? {} : { respondent }),
      ...(lang === undefined ? {} : { lang }),
      answers: Object.fromEntries(list.flat()),
    }));
}
