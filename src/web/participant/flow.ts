import { applyConditions, estimateTimeRange, roundMinutes, type AnswerValue, type Bank, type Question } from '../../core/index.js';

/**
 * The order of the survey, as `runSurvey` (src/core/survey.ts) walks it, but one screen at a time:
 * the questions asked are always the core's `applyConditions` of the answers so far, so a question
 * appears or disappears as soon as an answer changes.
 */

export type Answers = Record<string, AnswerValue>;

export function visibleQuestions(bank: Bank, answers: Answers): Question[] {
  return applyConditions(bank, answers).visible;
}

/** The first visible question without an answer (a skip is an answer: null), if any. */
export function firstMissing(bank: Bank, answers: Answers): Question | undefined {
  return visibleQuestions(bank, answers).find((q) => !Object.hasOwn(answers, q.id));
}

/**
 * Where "Next" goes from a question: the next visible one in bank order; or, when the question was
 * changed from the review, the first one still unanswered (a change can reveal new questions),
 * else the review.
 */
export function nextPosition(bank: Bank, answers: Answers, current: string, fromReview: boolean): string {
  const list = visibleQuestions(bank, answers);
  if (fromReview) return firstMissing(bank, answers)?.id ?? 'review';
  const index = list.findIndex((q) => q.id === current);
  return list[index + 1]?.id ?? firstMissing(bank, answers)?.id ?? 'review';
}

/** Where "Back" goes: the visible question before, or the welcome screen. */
export function previousPosition(bank: Bank, answers: Answers, current: string): string {
  const list = visibleQuestions(bank, answers);
  const index = current === 'review' ? list.length : list.findIndex((q) => q.id === current);
  return index > 0 ? (list[index - 1]?.id ?? 'welcome') : 'welcome';
}

/** The section a question belongs to, for the progress line: a dimension, the profile, or neither. */
export function sectionId(question: Question): string {
  return question.profile ? '#profile' : (question.dimension ?? '#other');
}

export interface Estimate {
  least: number;
  most: number;
  minutesLeast: number;
  minutesMost: number;
}

/**
 * The welcome screen's promise, from the core's own estimate (the one `diag run` and `diag lint`
 * use): the shortest and the longest path, the words shown on each read at 200 words a minute
 * plus 4 seconds per question.
 */
export function estimate(bank: Bank, lang: string): Estimate {
  const time = estimateTimeRange(bank, lang);
  return { least: time.least.questions, most: time.most.questions, minutesLeast: roundMinutes(time.least.seconds), minutesMost: roundMinutes(time.most.seconds) };
}
