import { resolveText } from './text.js';
import type { Question, Text } from './types.js';

/**
 * How long a list of questions takes to answer: the words shown read at a steady pace, plus a
 * fixed time to choose each answer. 200 words a minute is a common figure for reading on screen
 * (Brysbaert 2019 measured 238 for silent reading of non-fiction in English; survey text is read
 * with more care), and 4 seconds an answer is a typical figure for simple closed questions.
 */
export const READING_WORDS_PER_MINUTE = 200;
export const SECONDS_PER_ANSWER = 4;

/** Words of a text: runs of letters or digits (French elisions such as « l’équipe » count as one). */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:[’'-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/** Every text a person reads on the question's screen: the question, its help and its choices. */
export function wordsShown(question: Question, lang: string, fallback: string): number {
  const read = (text: Text | undefined) => countWords(resolveText(text, lang, fallback));
  let words = read(question.text) + read(question.help);
  if (question.type === 'likert' || question.type === 'single' || question.type === 'multiple') {
    const options: ReadonlyArray<{ label: Text }> = question.options;
    for (const option of options) words += read(option.label);
  } else if (question.type === 'boolean') words += 2;
  if (question.notApplicable !== undefined) words += question.notApplicable === true ? 4 : read(question.notApplicable);
  return words;
}

export interface TimeEstimate {
  questions: number;
  words: number;
  seconds: number;
}

/** The estimated time to answer these questions, in the given language (whole seconds). */
export function estimateTime(questions: readonly Question[], lang: string, fallback: string): TimeEstimate {
  let words = 0;
  for (const question of questions) words += wordsShown(question, lang, fallback);
  const seconds = Math.round((words * 60) / READING_WORDS_PER_MINUTE + questions.length * SECONDS_PER_ANSWER);
  return { questions: questions.length, words, seconds };
}
