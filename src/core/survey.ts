import { applyConditions } from './visibility.js';
import type { AnswerValue, Bank, Dimension, Question } from './types.js';

/** What the survey tells `ask` about where the respondent is. */
export interface AskContext {
  /** 1-based position among the questions asked with the current answers. */
  index: number;
  total: number;
  /** The dimension of the question, for section headings; undefined for profile and unscored ones. */
  dimension: Dimension | undefined;
  /** True on the first question of a new section (profile, a dimension, or other questions). */
  newSection: boolean;
  /** The current answer when the question is asked again from the review. */
  previous: AnswerValue | undefined;
}

/** Asks one question and resolves with the answer (null = skipped). Rejecting aborts the survey. */
export type Ask = (question: Question, context: AskContext) => Promise<AnswerValue>;

/** The review step: `done`, or the id of a question to change. */
export type Review = (questions: ReadonlyArray<{ question: Question; answer: AnswerValue }>) => Promise<{ done: true } | { change: string }>;

export interface SurveyOptions {
  ask: Ask;
  review?: Review;
  /** Answers given before (a resumed run); their questions are not asked again. */
  initial?: Readonly<Record<string, AnswerValue>>;
  /** Called after every answer with all answers so far, to save progress. */
  onAnswer?: (answers: Readonly<Record<string, AnswerValue>>) => Promise<void> | void;
}

function sectionOf(question: Question): string {
  return question.profile ? '#profile' : (question.dimension ?? '#other');
}

/**
 * Runs a survey over a bank, in bank order, re-applying every `when` after each answer: a question
 * appears as soon as its condition holds and disappears when it stops holding. Answers to
 * questions that become hidden are kept (they come back if the condition holds again) but are
 * never scored, since scoring re-applies the conditions.
 */
export async function runSurvey(bank: Bank, options: SurveyOptions): Promise<Record<string, AnswerValue>> {
  const answers: Record<string, AnswerValue> = { ...options.initial };
  const dimensions = new Map(bank.dimensions.map((d) => [d.id, d]));
  const visible = () => applyConditions(bank, answers).visible;

  const askOne = async (question: Question, again: boolean): Promise<void> => {
    const list = visible();
    const position = list.findIndex((q) => q.id === question.id);
    const before = list[position - 1];
    const answer = await options.ask(question, {
      index: position + 1,
      total: list.length,
      dimension: question.dimension === undefined ? undefined : dimensions.get(question.dimension),
      newSection: !again && (before === undefined || sectionOf(before) !== sectionOf(question)),
      previous: Object.hasOwn(answers, question.id) ? answers[question.id] : undefined,
    });
    answers[question.id] = answer;
    await options.onAnswer?.(answers);
  };

  const askMissing = async (): Promise<void> => {
    for (;;) {
      const next = visible().find((q) => !Object.hasOwn(answers, q.id));
      if (next === undefined) return;
      await askOne(next, false);
    }
  };

  await askMissing();
  if (options.review) {
    for (;;) {
      const shown = visible().map((question) => ({ question, answer: answers[question.id] ?? null }));
      const choice = await options.review(shown);
      if ('done' in choice) break;
      const question = bank.questions.find((q) => q.id === choice.change);
      if (question === undefined) continue;
      await askOne(question, true);
      await askMissing();
    }
  }
  return applyConditions(bank, answers).answers;
}
