import { NOT_APPLICABLE, type AnswerValue, type Bank, type Question, type Text } from './types.js';

/** The wording of a "does not apply" answer when a bank writes `notApplicable: true`. */
export const DEFAULT_NOT_APPLICABLE_TEXT: Text = {
  fr: 'Ne s’applique pas à ma situation',
  en: 'Does not apply to me',
};

/** Question types that may offer `n/a` (SPEC section 9): every type but text, whose answer is free. */
export const NOT_APPLICABLE_TYPES: readonly Question['type'][] = ['likert', 'single', 'multiple', 'boolean', 'number'];

/** Whether the question offers a "does not apply" answer. */
export function offersNotApplicable(question: Question): boolean {
  return question.notApplicable !== undefined && question.type !== 'text';
}

/** The label of the question's "does not apply" answer; undefined when it offers none. */
export function notApplicableText(question: Question): Text | undefined {
  if (!offersNotApplicable(question)) return undefined;
  return question.notApplicable === true || question.notApplicable === undefined ? DEFAULT_NOT_APPLICABLE_TEXT : question.notApplicable;
}

/** Whether an answer is the "does not apply" answer of this question (not a real option named `n/a`). */
export function isNotApplicable(question: Question, value: AnswerValue | undefined): boolean {
  return value === NOT_APPLICABLE && offersNotApplicable(question);
}

const idsByBank = new WeakMap<Bank, ReadonlySet<string>>();

/** Ids of the bank's questions that offer `n/a`, as conditions read them; built once per bank. */
export function notApplicableIds(bank: Bank): ReadonlySet<string> {
  let ids = idsByBank.get(bank);
  if (ids === undefined) {
    ids = new Set(bank.questions.filter(offersNotApplicable).map((q) => q.id));
    idsByBank.set(bank, ids);
  }
  return ids;
}
