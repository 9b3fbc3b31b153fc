import { sameScalar } from '../conditions.js';
import { LIMITS } from '../limits.js';
import { ProblemList, type Path, type Validated } from '../problems.js';
import { suggestion } from '../suggest.js';
import type { AnswerFile, AnswerValue, Bank, Question, Scalar } from '../types.js';
import { applyConditions } from '../visibility.js';
import { describe, isObject } from './fields.js';

const TOP_KEYS = ['$schema', 'bank', 'respondent', 'lang', 'createdAt', 'answers'];

function listValues(values: readonly Scalar[]): string {
  return values.map((v) => JSON.stringify(v)).join(', ');
}

/** A question's option values, and the same by String(value), built once per question: a batch checks millions of answers. */
interface OptionIndex {
  values: readonly Scalar[];
  byString: ReadonlyMap<string, Scalar>;
}
const optionIndexes = new WeakMap<Question, OptionIndex>();
function optionsOf(question: Question & { options: ReadonlyArray<{ value: Scalar }> }): OptionIndex {
  let index = optionIndexes.get(question);
  if (index === undefined) {
    const values = question.options.map((o) => o.value);
    // By String(value), which is how sameScalar matches a string or number: linear, not quadratic.
    index = { values, byString: new Map(values.map((v) => [String(v), v])) };
    optionIndexes.set(question, index);
  }
  return index;
}

/**
 * Checks one answer against its question; returns the canonical value (option values as the bank
 * spells them). The path is built only for a problem: most answers have none.
 */
function readAnswer(question: Question, value: unknown, at: () => Path, errors: ProblemList): AnswerValue | undefined {
  const fail = (code: string, message: string): undefined => {
    errors.add(at(), code, `${question.id}: ${message}`);
    return undefined;
  };
  if (value === null) {
    return question.required ? fail('required', 'is required and cannot be skipped (null)') : null;
  }
  switch (question.type) {
    case 'likert': {
      const { values, byString } = optionsOf(question);
      if (typeof value !== 'number') return fail('type', `expects one of ${listValues(values)}, not ${describe(value)}`);
      return byString.get(String(value)) === value ? value : fail('bad-value', `${value} is not a value of the scale; allowed: ${listValues(values)}`);
    }
    case 'single': {
      const { values, byString } = optionsOf(question);
      if (typeof value !== 'string' && typeof value !== 'number') return fail('type', `expects one of ${listValues(values)}, not ${describe(value)}`);
      const match = byString.get(String(value));
      return match ?? fail('bad-value', `${JSON.stringify(value)} is not an option${suggestion(String(value), values.map(String))}; allowed: ${listValues(values)}`);
    }
    case 'multiple': {
      const { values, byString } = optionsOf(question);
      if (!Array.isArray(value)) return fail('type', `expects a list of options such as [${JSON.stringify(values[0])}], not ${describe(value)}; allowed: ${listValues(values)}`);
      const chosen: Scalar[] = [];
      const taken = new Set<Scalar>();
      let ok = true;
      value.forEach((item, i) => {
        const scalar = typeof item === 'string' || typeof item === 'number';
        const match = scalar ? byString.get(String(item)) : undefined;
        if (match === undefined) {
          // Only scalars get a "did you mean": String() of a mapping such as {toString: 1} throws.
          errors.add([...at(), i], 'bad-value', `${question.id}: ${JSON.stringify(item)} is not an option${scalar ? suggestion(String(item), values.map(String)) : ''}; allowed: ${listValues(values)}`);
          ok = false;
        } else if (taken.has(match)) {
          errors.add([...at(), i], 'duplicate-value', `${question.id}: ${JSON.stringify(item)} is chosen twice`);
          ok = false;
        } else {
          taken.add(match);
          chosen.push(match);
        }
      });
      return ok ? chosen : undefined;
    }
    case 'boolean':
      return typeof value === 'boolean' ? value : fail('type', `expects true or false, not ${describe(value)}`);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : fail('type', `expects a number${question.min !== undefined && question.max !== undefined ? ` from ${question.min} to ${question.max}` : ''}, not ${describe(value)}`);
    case 'text':
      if (typeof value === 'string') return value.length <= LIMITS.textLength ? value : fail('too-long', `is ${value.length} characters long; the limit is ${LIMITS.textLength}`);
      // YAML turns `comment: 2024` into a number; a text answer should not be refused for that.
      return typeof value === 'number' || typeof value === 'boolean' ? String(value) : fail('type', `expects text, not ${describe(value)}`);
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

/** The answers of a file, by section: a report keeps its profile apart from its answers. */
type Sections = ReadonlyArray<readonly [section: string, answers: Record<string, unknown>]>;

/**
 * Turns a saved report (SPEC section 6) back into an answer file, so reports can be re-scored.
 * Its profile and answers are read where they are, not merged into one new object: building it
 * (a spread, or a loop) then walking it again was a third of `diag aggregate` of reports.
 */
function fromReport(raw: Record<string, unknown>): { file: Record<string, unknown>; sections: Sections | undefined } {
  const bank = isObject(raw.bank) ? raw.bank.id : raw.bank;
  const profile = isObject(raw.profile) ? raw.profile : {};
  const answers = raw.answers === undefined || raw.answers === null ? {} : raw.answers;
  return {
    file: { bank, respondent: raw.respondent ?? undefined, lang: raw.lang, createdAt: raw.createdAt, answers },
    sections: isObject(answers) ? [['profile', profile], ['answers', answers]] : undefined,
  };
}

export function isReport(raw: unknown): raw is Record<string, unknown> {
  return isObject(raw) && Object.hasOwn(raw, 'schemaVersion') && Object.hasOwn(raw, 'scores');
}

/**
 * Validates an answer file (SPEC section 5), or a report, against a bank: every problem at once.
 * Answers to questions hidden by their `when` are dropped with a warning.
 */
export function validateAnswers(bank: Bank, input: unknown): Validated<AnswerFile> {
  const errors = new ProblemList();
  const warnings = new ProblemList();
  if (!isObject(input)) {
    errors.add([], 'type', `an answer file must be a mapping with "answers", not ${describe(input)}`);
    return { ok: false, errors: errors.items, warnings: [] };
  }
  const report = isReport(input);
  const { file: raw, sections: reportSections } = report ? fromReport(input) : { file: input, sections: undefined };
  if (!report) {
    for (const key of Object.keys(raw)) {
      if (!TOP_KEYS.includes(key)) warnings.add([key], 'unknown-key', `unknown key "${key}" is ignored${suggestion(key, TOP_KEYS)}`);
    }
  }
  if (raw.bank !== undefined && raw.bank !== bank.id) {
    errors.add(['bank'], 'bank-mismatch', `this file is for bank ${JSON.stringify(raw.bank)}, but the bank is "${bank.id}" (choose it with --bank)`);
  }
  const respondent = raw.respondent;
  if (respondent !== undefined && respondent !== null && typeof respondent !== 'string') {
    errors.add(['respondent'], 'type', `must be a string, not ${describe(respondent)}`);
  }
  const lang = raw.lang;
  if (lang !== undefined && lang !== null && (typeof lang !== 'string' || !bank.languages.includes(lang))) {
    errors.add(['lang'], 'unknown-language', `${JSON.stringify(lang)} is not a language of the bank; allowed: ${bank.languages.join(', ')}`);
  }
  const createdAt = typeof raw.createdAt === 'string' ? raw.createdAt : raw.createdAt instanceof Date ? raw.createdAt.toISOString() : undefined;
  const given = raw.answers === undefined || raw.answers === null ? {} : raw.answers;
  if (!isObject(given)) {
    errors.add(['answers'], 'type', `must be a mapping of question id -> answer, not ${describe(given)}`);
    return { ok: false, errors: errors.items, warnings: warnings.items };
  }
  const sections: Sections = reportSections ?? [['answers', given]];
  const sectionOf = (id: string): string | undefined => sections.find(([, answers]) => Object.hasOwn(answers, id))?.[0];
  const byId = questionsById(bank);
  const checked: Record<string, AnswerValue> = {};
  for (const [section, answers] of sections) {
    for (const id in answers) {
      if (!Object.hasOwn(answers, id)) continue;
      const value = answers[id];
      const path = () => [section, id];
      const question = byId.get(id);
      if (question === undefined) {
        errors.add(path(), 'unknown-question', `"${id}" is not a question of bank "${bank.id}"${suggestion(id, byId.keys())}`);
        continue;
      }
      const answer = readAnswer(question, value, path, errors);
      if (answer !== undefined) checked[id] = answer;
    }
  }
  const { visible, hidden, answers } = applyConditions(bank, checked);
  // With errors, visibility is computed from partial answers: warnings about it would mislead.
  // From the few hidden questions, not by walking every answer again.
  for (const id of errors.size > 0 ? [] : hidden) {
    const section = sectionOf(id);
    const value = sections.find(([name]) => name === section)?.[1][id];
    if (section !== undefined && value !== null && value !== undefined) {
      warnings.add([section, id], 'hidden-answer', `${id}: the question is not asked with these answers (its "when" is false); the answer is ignored`);
    }
  }
  for (const question of visible) {
    if (question.required && sectionOf(question.id) === undefined) {
      errors.add(['answers'], 'missing-answer', `${question.id}: required question not answered`);
    }
  }
  if (errors.size > 0) return { ok: false, errors: errors.items, warnings: warnings.items };
  return {
    ok: true,
    value: {
      ...(typeof raw.bank === 'string' ? { bank: raw.bank } : {}),
      ...(typeof respondent === 'string' ? { respondent } : {}),
      ...(typeof lang === 'string' ? { lang } : {}),
      ...(createdAt === undefined ? {} : { createdAt }),
      answers,
    },
    warnings: warnings.items,
  };
}
