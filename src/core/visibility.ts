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
 * What settleAnswers found for answers it froze, kept on them under a symbol, not enumerable (no
 * Object.keys, JSON or spread sees it): frozen, they cannot change and make it wrong. (A WeakMap
 * of a million short-lived keys costs the garbage collector more.)
 */
const SETTLED = Symbol('settled answers');
interface Settled {
  bank: Bank;
  visible: readonly Question[];
  hidden: readonly string[];
  answers: Record<string, AnswerValue>;
}

/**
 * Freezes the answers of an applyConditions result and remembers its visibility, so that
 * applying the conditions to them again (scoring validated answers) costs a look-up: applying
 * them to the answers of visible questions gives the same questions, the same hidden ones and the
 * same answers. Frozen, they cannot change afterwards and make the remembered result wrong.
 */
export function settleAnswers(bank: Bank, result: VisibleAnswers): Record<string, AnswerValue> {
  const { answers } = result;
  const settled: Settled = { bank, visible: result.visible.slice(), hidden: result.hidden.slice(), answers };
  Object.defineProperty(answers, SETTLED, { value: settled, enumerable: false, writable: false, configurable: false });
  return Object.freeze(answers);
}

/**
 * Walks the questions in bank order, deciding each one's visibility from the answers to the
 * visible questions before it, so that an answer to a hidden question never leaks into a condition.
 */
export function applyConditions(bank: Bank, given: Answers): VisibleAnswers {
  // Validated answers are already what this gives back for them (see settleAnswers).
  const known = (given as { [SETTLED]?: Settled })[SETTLED];
  if (known !== undefined && known.bank === bank) return { visible: known.visible.slice(), hidden: known.hidden.slice(), answers: known.answers };
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
