import type { AnswerValue, Question } from './types.js';

/**
 * The values of a likert scale that count as "agreeing": the two highest, or the highest alone on
 * a scale of fewer than four values (SPEC section 8), before any reverse.
 */
export function agreeValues(values: readonly number[]): number[] {
  const distinct = [...new Set(values)].sort((a, b) => b - a);
  return distinct.slice(0, distinct.length >= 4 ? 2 : 1);
}

/** Whether an answer is an "agree" answer; null where the notion does not apply. */
export function isAgreement(question: Question, value: AnswerValue): boolean | null {
  if (value === null || value === undefined) return null;
  if (question.type === 'likert' && typeof value === 'number') {
    return agreeValues(question.options.map((o) => o.value)).includes(value);
  }
  if (question.type === 'boolean' && typeof value === 'boolean') return value;
  return null;
}
