import { evaluateCondition, sameScalar } from '../conditions.js';
import { LIMITS } from '../limits.js';
import { ProblemList, type Validated } from '../problems.js';
import { say, show, suggest, type ProblemText } from '../problem-text.js';
import { notApplicableIds, offersNotApplicable } from '../not-applicable.js';
import { NOT_APPLICABLE, type AnswerFile, type Answers, type AnswerValue, type Bank, type Question, type Scalar } from '../types.js';
import { applyConditions, settleAnswers } from '../visibility.js';
import { BANK_HISTORY, type BankVersionIds } from './bank-history.js';
import { isObject } from './fields.js';

const TOP_KEYS = ['$schema', 'bank', 'bankVersion', 'respondent', 'lang', 'createdAt', 'answers'];

/** RFC 3339 date-time, as report.schema.json's `createdAt` (and JSON Schema's `date-time`) is. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
/** What people also write: a date alone (midnight UTC), a space or lower case letters. */
const LOOSE_DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:\d{2})?)?$/;
const INVALID_DATE = Symbol('invalid date');

/**
 * An answer file's `createdAt`, which its report carries: a date-time as written, a date or a
 * YAML timestamp as the date-time it means, or none. Anything else would be copied into a report
 * that says it is a date (and `diag compare` would print « Évolution du not a date … »), so it
 * is refused.
 */
function createdAtOf(value: unknown): string | undefined | typeof INVALID_DATE {
  if (value === undefined || value === null) return undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? INVALID_DATE : value.toISOString();
  if (typeof value !== 'string' || !LOOSE_DATE_TIME.test(value)) return INVALID_DATE;
  // A date alone is midnight UTC, a time without a zone UTC too (never the machine's own zone).
  const time = Date.parse(/[Tt ]\d{2}:\d{2}(?::[\d.]+)?$/.test(value) ? `${value}Z` : value);
  if (Number.isNaN(time)) return INVALID_DATE;
  return DATE_TIME.test(value) ? value : new Date(time).toISOString();
}

function listAll(values: readonly Scalar[]): string {
  return values.map((v) => JSON.stringify(v)).join(', ');
}

/** Whether a single or multiple question has an option of this value (a bank may name one `n/a`). */
function isChoiceValue(question: Question, value: Scalar): boolean {
  return (question.type === 'single' || question.type === 'multiple') && question.options.some((o) => sameScalar(o.value, value));
}

/**
 * A question's option values, and the same by String(value), built once per options array: a
 * batch checks millions of answers. Keyed by the array, not the question: the questions of one
 * scale share their scale's options (validateBank), so a bank of forty likert questions on two
 * scales builds two indexes, not forty (a short command's first record allocated ~20 KB for them).
 */
interface OptionIndex {
  values: readonly Scalar[];
  byString: ReadonlyMap<string, Scalar>;
}
const optionIndexes = new WeakMap<ReadonlyArray<{ value: Scalar }>, OptionIndex>();
function optionsOf(question: Question & { options: ReadonlyArray<{ value: Scalar }> }): OptionIndex {
  const options = question.options;
  let index = optionIndexes.get(options);
  if (index === undefined) {
    const values = options.map((o) => o.value);
    // By String(value), which is how sameScalar matches a string or number: linear, not quadratic.
    index = { values, byString: new Map(values.map((v) => [String(v), v])) };
    optionIndexes.set(options, index);
  }
  return index;
}

const INVALID = Symbol('invalid');

/**
 * readAnswer without the problems: the canonical value of a valid answer, or INVALID, which
 * readAnswer then words. It accepts exactly what readAnswer accepts (tests/core/validate-answers
 * checks the two side by side), at no allocation for a valid scalar.
 */
function quickAnswer(question: Question, value: unknown): AnswerValue | typeof INVALID {
  if (value === null) return question.required ? INVALID : null;
  if (value === NOT_APPLICABLE && offersNotApplicable(question)) return NOT_APPLICABLE;
  switch (question.type) {
    case 'likert':
      return typeof value === 'number' && optionsOf(question).byString.get(String(value)) === value ? value : INVALID;
    case 'single':
      return typeof value === 'string' || typeof value === 'number' ? (optionsOf(question).byString.get(String(value)) ?? INVALID) : INVALID;
    case 'multiple': {
      if (!Array.isArray(value)) return INVALID;
      const { byString } = optionsOf(question);
      const chosen: Scalar[] = [];
      for (const item of value) {
        const match = typeof item === 'string' || typeof item === 'number' ? byString.get(String(item)) : undefined;
        if (match === undefined || chosen.includes(match)) return INVALID;
        chosen.push(match);
      }
      return chosen;
    }
    case 'boolean':
      return typeof value === 'boolean' ? value : INVALID;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : INVALID;
    case 'text':
      if (typeof value === 'string') return value.length <= LIMITS.textLength ? value : INVALID;
      return typeof value === 'number' || typeof value === 'boolean' ? String(value) : INVALID;
  }
}

/**
 * Checks one answer against its question; returns the canonical value (option values as the bank
 * spells them). The path of a problem (`[section, id]`) is built only when there is one: a batch
 * checks millions of answers, nearly all of them valid.
 */
function readAnswer(question: Question, value: unknown, section: string, errors: ProblemList): AnswerValue | undefined {
  const id = question.id;
  const fail = (code: string, text: ProblemText): undefined => {
    errors.add([section, id], code, text);
    return undefined;
  };
  if (value === null) {
    return question.required ? fail('required', say('answerRequired', { id })) : null;
  }
  // SPEC section 9: `n/a` only where the question offers it, and then listed among the allowed values.
  const na = offersNotApplicable(question);
  if (na && value === NOT_APPLICABLE) return NOT_APPLICABLE;
  const listValues = (values: readonly Scalar[]): string => listAll(na ? [...values, NOT_APPLICABLE] : values);
  if (value === NOT_APPLICABLE && !na && question.type !== 'text' && !isChoiceValue(question, value)) {
    return fail('not-applicable-not-offered', say('notApplicableNotOffered', { value: NOT_APPLICABLE }));
  }
  switch (question.type) {
    case 'likert': {
      const { values, byString } = optionsOf(question);
      if (typeof value !== 'number') return fail('type', say('answerExpects', { id, expected: 'oneOf', allowed: listValues(values), actual: show(value) }));
      return byString.get(String(value)) === value ? value : fail('bad-value', say('notOnScale', { id, value: String(value), allowed: listValues(values) }));
    }
    case 'single': {
      const { values, byString } = optionsOf(question);
      if (typeof value !== 'string' && typeof value !== 'number') return fail('type', say('answerExpects', { id, expected: 'oneOf', allowed: listValues(values), actual: show(value) }));
      const match = byString.get(String(value));
      return match ?? fail('bad-value', say('notAnOption', { id, value: JSON.stringify(value), ...suggest(String(value), values.map(String)), allowed: listValues(values) }));
    }
    case 'multiple': {
      const { values, byString } = optionsOf(question);
      if (!Array.isArray(value)) return fail('type', say('answerExpects', { id, expected: 'listOf', example: JSON.stringify(values[0]), allowed: listValues(values), actual: show(value) }));
      const chosen: Scalar[] = [];
      const taken = new Set<Scalar>();
      let ok = true;
      value.forEach((item, i) => {
        const scalar = typeof item === 'string' || typeof item === 'number';
        const match = scalar ? byString.get(String(item)) : undefined;
        if (match === undefined) {
          // Only scalars get a "did you mean": String() of a mapping such as {toString: 1} throws.
          errors.add([section, id, i], 'bad-value', say('notAnOption', { id, value: JSON.stringify(item), ...(scalar ? suggest(String(item), values.map(String)) : {}), allowed: listAll(values), ...(na ? { alone: NOT_APPLICABLE } : {}) }));
          ok = false;
        } else if (taken.has(match)) {
          errors.add([section, id, i], 'duplicate-value', say('chosenTwice', { id, value: JSON.stringify(item) }));
          ok = false;
        } else {
          taken.add(match);
          chosen.push(match);
        }
      });
      return ok ? chosen : undefined;
    }
    case 'boolean':
      return typeof value === 'boolean' ? value : fail('type', say('answerExpects', { id, expected: 'boolean', ...(na ? { or: NOT_APPLICABLE } : {}), actual: show(value) }));
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : fail('type', say('answerExpects', { id, expected: 'number', ...(question.min === undefined ? {} : { min: question.min }), ...(question.max === undefined ? {} : { max: question.max }), ...(na ? { or: NOT_APPLICABLE } : {}), actual: show(value) }));
    case 'text':
      if (typeof value === 'string') return value.length <= LIMITS.textLength ? value : fail('too-long', say('answerTooLong', { id, length: value.length, limit: LIMITS.textLength }));
      // YAML turns `comment: 2024` into a number; a text answer should not be refused for that.
      return typeof value === 'number' || typeof value === 'boolean' ? String(value) : fail('type', say('answerExpects', { id, expected: 'text', actual: show(value) }));
  }
}

/** Questions by id, built once per bank: a batch validates thousands of files against one bank. */
const indexes = new WeakMap<Bank, ReadonlyMap<string, Question>>();
function questionsById(bank: Bank): ReadonlyMap<string, Question> {
  let index = indexes.get(bank);
  if (index === undefined) {
    index = new Map(bank.questions.map((q) => [q.id, q]));
    indexes.set(bank, index);
  }
  return index;
}

/** The fields of an input that validation reads: an answer file's own, or those of a report (SPEC section 6), so reports can be re-scored. */
interface Fields {
  bank: unknown;
  bankVersion: unknown;
  respondent: unknown;
  lang: unknown;
  createdAt: unknown;
  /** A report's profile, kept apart from its answers: never merged into a copy (a batch re-scores millions). */
  profile: Record<string, unknown> | undefined;
  /** The answer file's `answers` as given (checked to be a mapping later); a report's, or {}. */
  answers: unknown;
}

function fromReport(raw: Record<string, unknown>): Fields {
  const bank = isObject(raw.bank) ? raw.bank.id : raw.bank;
  const bankVersion = isObject(raw.bank) ? raw.bank.version : undefined;
  return {
    bank,
    bankVersion,
    respondent: raw.respondent ?? undefined,
    lang: raw.lang,
    createdAt: raw.createdAt,
    profile: isObject(raw.profile) ? raw.profile : {},
    answers: isObject(raw.answers) ? raw.answers : {},
  };
}

/**
 * Calls `fn` for every answer of a profile and answers mapping as if they were one mapping
 * `{...profile, ...answers}` (the value from `answers` when an id is in both), with the section
 * the id is reported in (`profile` when it is in the profile): the same answers, in the same
 * order, without building the merged copy.
 */
function eachAnswer(profile: Record<string, unknown> | undefined, answers: Record<string, unknown>, fn: (id: string, value: unknown, section: string) => void): void {
  if (profile !== undefined) {
    for (const id of Object.keys(profile)) fn(id, Object.hasOwn(answers, id) ? answers[id] : profile[id], 'profile');
  }
  for (const id of Object.keys(answers)) {
    if (profile === undefined || !Object.hasOwn(profile, id)) fn(id, answers[id], 'answers');
  }
}

/**
 * The earlier version of the bank an answer file was written for: the one it names (`bankVersion`,
 * or a report's bank.version) when it has unknown ids, or else the one whose ids explain at least
 * three unknown ids and four in five of them.
 */
function olderVersion(bank: Bank, declared: unknown, unknown: readonly string[]): BankVersionIds | undefined {
  if (unknown.length === 0) return undefined;
  const versions = BANK_HISTORY.filter((h) => h.bank === bank.id && h.version !== bank.version);
  const named = versions.find((h) => h.version === declared);
  if (named !== undefined) return named;
  return versions.find((h) => {
    const ids = new Set(h.ids);
    const explained = unknown.filter((id) => ids.has(id)).length;
    return explained >= 3 && explained * 5 >= unknown.length * 4;
  });
}

export function isReport(raw: unknown): raw is Record<string, unknown> {
  return isObject(raw) && Object.hasOwn(raw, 'schemaVersion') && Object.hasOwn(raw, 'scores');
}

/**
 * Validates an answer file (SPEC section 5), or a report, against a bank: every problem at once.
 * Answers to questions hidden by their `when` are dropped with a warning.
 */
/** For tests: the fast check and the full one, which must agree on every answer. */
export const answerCheckers = {
  quick: (question: Question, value: unknown): AnswerValue | undefined => {
    const quick = quickAnswer(question, value);
    return quick === INVALID ? undefined : quick;
  },
  full: (question: Question, value: unknown): AnswerValue | undefined => readAnswer(question, value, 'answers', new ProblemList()),
};

/** The bank position of each question id, and the ids of the questions that offer `n/a` (as conditions read them). */
interface Positions {
  byId: ReadonlyMap<string, number>;
  notApplicable: ReadonlySet<string>;
}
const positions = new WeakMap<Bank, Positions>();
function positionsOf(bank: Bank): Positions {
  let found = positions.get(bank);
  if (found === undefined) {
    const byId = new Map<string, number>();
    // Ids are unique in a valid bank.
    bank.questions.forEach((q, i) => {
      if (!byId.has(q.id)) byId.set(q.id, i);
    });
    found = { byId, notApplicable: notApplicableIds(bank) };
    positions.set(bank, found);
  }
  return found;
}

/** A clean answer record, read by bank position (see quickAnswers). */
export interface QuickAnswers {
  respondent: string | null;
  /**
   * By bank position, what a report built from the record holds: the canonical answer to a visible
   * question, null where it was skipped, undefined where it was not answered or not asked (hidden).
   */
  values: Array<AnswerValue | undefined>;
}

const NO_ANSWERS: Record<string, unknown> = Object.freeze({});

/**
 * The answers of an answer file (not a report) that validateAnswers accepts with no warning, read
 * straight into bank order: the same canonical values, the same visibility, without the mappings
 * validation, visibility and the report would build one after the other (a group aggregate reads
 * millions). Undefined for anything else — a report, an unknown key or question, a bad answer, a
 * missing one, an answer to a hidden question, another bank version — which validateAnswers then
 * words: so this never decides alone that a record is wrong. tests/core/quick-respondent.test.ts
 * and tests/properties/quick-respondent.test.ts check it against validateAnswers and buildReport,
 * on literals and on generated records, good and bad.
 */
export function quickAnswers(bank: Bank, input: unknown): QuickAnswers | undefined {
  if (!isObject(input)) return undefined;
  const record: unknown = input;
  if (isReport(record)) return undefined;
  for (const key of Object.keys(input)) if (!TOP_KEYS.includes(key)) return undefined;
  if (input.bank !== undefined && input.bank !== bank.id) return undefined;
  const { respondent, lang } = input;
  if (respondent !== undefined && respondent !== null && typeof respondent !== 'string') return undefined;
  if (lang !== undefined && lang !== null && (typeof lang !== 'string' || !bank.languages.includes(lang))) return undefined;
  if (input.bankVersion !== undefined && input.bankVersion !== bank.version) return undefined;
  if (createdAtOf(input.createdAt) === INVALID_DATE) return undefined;
  const given = input.answers === undefined || input.answers === null ? NO_ANSWERS : input.answers;
  if (!isObject(given)) return undefined;
  const { questions } = bank;
  const { byId, notApplicable } = positionsOf(bank);
  const checked: Array<AnswerValue | undefined> = new Array<AnswerValue | undefined>(questions.length).fill(undefined);
  for (const id of Object.keys(given)) {
    const at = byId.get(id);
    const question = at === undefined ? undefined : questions[at];
    if (at === undefined || question === undefined) return undefined;
    const answer = quickAnswer(question, given[id]);
    if (answer === INVALID) return undefined;
    checked[at] = answer;
  }
  const values: Array<AnswerValue | undefined> = new Array<AnswerValue | undefined>(questions.length).fill(undefined);
  // As applyConditions: a condition reads the visible answers before its question, the only ones
  // set in `values` when it is evaluated.
  const answerOf = (id: string) => {
    const at = byId.get(id);
    return at === undefined ? undefined : values[at];
  };
  const context = { answers: NO_ANSWERS as Answers, notApplicable, answerOf };
  for (let i = 0; i < questions.length; i++) {
    const question = questions[i] as Question;
    const answer = checked[i];
    if (question.when !== undefined && !evaluateCondition(question.when, context)) {
      // An answer to a hidden question is dropped with a warning (null: dropped in silence).
      if (answer !== undefined && answer !== null) return undefined;
      continue;
    }
    if (answer === undefined && question.required) return undefined;
    values[i] = answer;
  }
  return { respondent: typeof respondent === 'string' ? respondent : null, values };
}

export function validateAnswers(bank: Bank, input: unknown): Validated<AnswerFile> {
  const errors = new ProblemList();
  const warnings = new ProblemList();
  if (!isObject(input)) {
    errors.add([], 'type', say('notAnAnswerFile', { actual: show(input) }));
    return { ok: false, errors: errors.items, warnings: [] };
  }
  const file: Record<string, unknown> = input;
  const report: boolean = isReport(file);
  const raw: Fields = report
    ? fromReport(file)
    : { bank: file.bank, bankVersion: file.bankVersion, respondent: file.respondent, lang: file.lang, createdAt: file.createdAt, profile: undefined, answers: file.answers };
  if (!report) {
    for (const key of Object.keys(file)) {
      if (!TOP_KEYS.includes(key)) warnings.add([key], 'unknown-key', say('unknownKey', { key, ...suggest(key, TOP_KEYS) }));
    }
  }
  if (raw.bank !== undefined && raw.bank !== bank.id) {
    errors.add(['bank'], 'bank-mismatch', say('bankMismatch', { file: JSON.stringify(raw.bank), bank: bank.id }));
  }
  const respondent = raw.respondent;
  if (respondent !== undefined && respondent !== null && typeof respondent !== 'string') {
    errors.add(['respondent'], 'type', say('mustBe', { expected: 'string', actual: show(respondent) }));
  }
  const lang = raw.lang;
  if (lang !== undefined && lang !== null && (typeof lang !== 'string' || !bank.languages.includes(lang))) {
    errors.add(['lang'], 'unknown-language', say('langNotInBank', { lang: JSON.stringify(lang), languages: bank.languages }));
  }
  const createdAt = createdAtOf(raw.createdAt);
  if (createdAt === INVALID_DATE) errors.add(['createdAt'], 'type', say('mustBe', { expected: 'dateTime', actual: show(raw.createdAt) }));
  const given = raw.answers === undefined || raw.answers === null ? {} : raw.answers;
  if (!isObject(given)) {
    errors.add(['answers'], 'type', say('mustBe', { expected: 'answers', actual: show(given) }));
    return { ok: false, errors: errors.items, warnings: warnings.items };
  }
  const { profile } = raw;
  const byId = questionsById(bank);
  const checked: Record<string, AnswerValue> = {};
  const unknown: string[] = [];
  let answered = 0;
  const before = errors.size;
  eachAnswer(profile, given, (id, value, section) => {
    answered += 1;
    const question = byId.get(id);
    if (question === undefined) {
      unknown.push(id);
      errors.add([section, id], 'unknown-question', say('notAQuestion', { id, bank: bank.id, ...suggest(id, byId.keys()) }));
      return;
    }
    const quick = quickAnswer(question, value);
    const answer = quick === INVALID ? readAnswer(question, value, section, errors) : quick;
    if (answer !== undefined) checked[id] = answer;
  });
  const older = olderVersion(bank, raw.bankVersion, unknown);
  if (older !== undefined) {
    // One message instead of a wall of unknown ids (and of the problems of its answers): the file was written for another version.
    errors.items.length = before;
    errors.add(['answers'], 'old-bank-version', say('oldBankVersion', { bank: bank.id, version: older.version, unknown: unknown.length, answered, current: bank.version, changes: older.changes }));
    return { ok: false, errors: errors.items, warnings: warnings.items };
  }
  if (typeof raw.bankVersion === 'string' && raw.bankVersion !== bank.version) {
    warnings.add(['bankVersion'], 'bank-version-mismatch', say('bankVersionMismatch', { bank: bank.id, version: raw.bankVersion, current: bank.version }));
  } else if (raw.bankVersion !== undefined && typeof raw.bankVersion !== 'string') {
    warnings.add(['bankVersion'], 'type', say('bankVersionType', { current: bank.version, actual: show(raw.bankVersion) }));
  }
  const conditioned = applyConditions(bank, checked);
  const { visible, hidden } = conditioned;
  // With errors, visibility is computed from partial answers: warnings about it would mislead.
  if (errors.size === 0 && hidden.length > 0) {
    const hiddenIds = new Set(hidden);
    eachAnswer(profile, given, (id, value, section) => {
      if (hiddenIds.has(id) && value !== null) warnings.add([section, id], 'hidden-answer', say('hiddenAnswer', { id }));
    });
  }
  for (const question of visible) {
    if (question.required && !Object.hasOwn(given, question.id) && !(profile !== undefined && Object.hasOwn(profile, question.id))) {
      errors.add(['answers'], 'missing-answer', say('missingAnswer', { id: question.id }));
    }
  }
  if (errors.size > 0) return { ok: false, errors: errors.items, warnings: warnings.items };
  return {
    ok: true,
    value: {
      ...(typeof raw.bank === 'string' ? { bank: raw.bank } : {}),
      ...(typeof respondent === 'string' ? { respondent } : {}),
      ...(typeof lang === 'string' ? { lang } : {}),
      ...(createdAt === undefined || createdAt === INVALID_DATE ? {} : { createdAt }),
      // Frozen: scoring them again finds their visibility without walking the conditions.
      answers: settleAnswers(bank, conditioned),
    },
    warnings: warnings.items,
  };
}
