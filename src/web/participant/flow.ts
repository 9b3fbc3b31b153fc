import { applyConditions, resolveText, type AnswerValue, type Bank, type Question } from '../../core/index.js';

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

/**
 * Reading speed for the time estimate: 200 words a minute, plus 4 seconds per question to choose
 * and tap. Counted over the words a respondent actually reads: the question, its help, its options.
 */
const WORDS_PER_MINUTE = 200;
const SECONDS_PER_QUESTION = 4;

function words(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

function secondsFor(question: Question, lang: string, fallback: string): number {
  const t = (text: Parameters<typeof resolveText>[0]) => resolveText(text, lang, fallback);
  let count = words(t(question.text)) + words(t(question.help));
  if (question.type === 'likert' || question.type === 'single' || question.type === 'multiple') {
    for (const option of question.options) count += words(t(option.label));
  }
  if (question.type === 'boolean') count += 2;
  return (count / WORDS_PER_MINUTE) * 60 + SECONDS_PER_QUESTION;
}

export interface Estimate {
  least: number;
  most: number;
  minutesLeast: number;
  minutesMost: number;
}

/**
 * The shortest path asks the questions without a condition; the longest asks every one. The
 * minutes are rounded up: a promise of "about 5 minutes" that takes 7 is worse than the reverse.
 */
export function estimate(bank: Bank, lang: string): Estimate {
  const fallback = bank.languages[0] ?? lang;
  const always = bank.questions.filter((q) => q.when === undefined);
  const minutes = (list: readonly Question[]) => Math.max(1, Math.ceil(list.reduce((sum, q) => sum + secondsFor(q, lang, fallback), 0) / 60));
  return { least: always.length, most: bank.questions.length, minutesLeast: minutes(always), minutesMost: minutes(bank.questions) };
}
