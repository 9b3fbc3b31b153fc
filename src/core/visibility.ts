import { evaluateCondition } from './conditions.js';
import { notApplicableIds } from './not-applicable.js';
import type { Answers, AnswerValue, Bank, Question } from './types.js';

export interface VisibleAnswers {
  /** Questions asked of this respondent, in bank order. */
  visible: Question[];
  /** Ids of questions hidden by their `when`. */
  hidden: string[];
  /** Answers to visible questions only; hidden questions count as unanswered for later conditions. */
  answers: Record<string, AnswerValue>;
}

/**
 * Walks the questions in bank order, deciding each one's visibility from the answers to the
 * visible questions before it, so that an answer to a hidden question never leaks into a condition.
 */
export function applyConditions(bank: Bank, given: Answers): VisibleAnswers {
  const visible: Question[] = [];
  const hidden: string[] = [];
  const answers: Record<string, AnswerValue> = {};
  // One context for every condition: it reads `answers` as they grow.
  const context = { answers, notApplicable: notApplicableIds(bank) };
  for (const question of bank.questions) {
    if (question.when !== undefined && !evaluateCondition(question.when, context)) {
      hidden.push(question.id);
      continue;
    }
    visible.push(question);
    const value = Object.hasOwn(given, question.id) ? given[question.id] : undefined;
    if (value !== undefined) answers[question.id] = value;
  }
  return { visible, hidden, answers };
}

/** True when the question counts towards a dimension score. */
export function isScored(question: Question): boolean {
  return !question.profile && question.type !== 'text' && question.weight > 0 && question.dimension !== undefined;
}
