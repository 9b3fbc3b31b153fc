import { notApplicableText } from './not-applicable.js';
import { resolveText } from './text.js';
import type { Answers, AnswerValue, Bank, Condition, Question, Text } from './types.js';
import { applyConditions } from './visibility.js';

/**
 * How long a survey takes, from the text a respondent actually reads. The defaults are
 * documented assumptions, not measurements: 200 words a minute is a common figure for reading
 * ordinary prose on a screen (adults read 200 to 300), and 4 seconds is the time to pick an
 * answer once the question is read.
 */
export interface TimeAssumptions {
  /** Reading speed; default 200 words a minute. */
  wordsPerMinute?: number;
  /** Time to choose or type an answer, on top of reading; default 4 seconds. */
  secondsPerQuestion?: number;
}

export interface PathTime {
  /** Questions asked on this path (profile included). */
  questions: number;
  /** Words shown: welcome text, section descriptions, questions, help and choices. */
  words: number;
  seconds: number;
}

export interface TimeRange {
  least: PathTime;
  most: PathTime;
  /** False when there were too many paths to try them all: least and most are then bounds. */
  exact: boolean;
}

const DEFAULTS = { wordsPerMinute: 200, secondsPerQuestion: 4 };
const MAX_PATHS = 4096;

function words(text: Text | undefined, lang: string, fallback: string): number {
  const s = resolveText(text, lang, fallback).trim();
  return s === '' ? 0 : s.split(/\s+/u).length;
}

/** Words a respondent reads on one question's screen. */
function questionWords(question: Question, lang: string, fallback: string): number {
  let n = words(question.text, lang, fallback) + words(question.help, lang, fallback) + words(notApplicableText(question), lang, fallback);
  if (question.type === 'likert' || question.type === 'single' || question.type === 'multiple') {
    for (const option of question.options) n += words(option.label, lang, fallback);
  } else if (question.type === 'boolean') {
    n += 2;
  }
  return n;
}

/** The time of the path these answers lead to: the questions they make visible, read once each. */
export function estimatePathTime(bank: Bank, answers: Answers, lang: string, assumptions: TimeAssumptions = {}): PathTime {
  const { wordsPerMinute, secondsPerQuestion } = { ...DEFAULTS, ...assumptions };
  const fallback = bank.languages[0] ?? lang;
  const { visible } = applyConditions(bank, answers);
  let total = words(bank.title, lang, fallback) + words(bank.description, lang, fallback);
  const sections = new Set<string>();
  for (const question of visible) {
    total += questionWords(question, lang, fallback);
    // A dimension's description is shown above its questions: read once per section.
    const dimension = question.dimension === undefined ? undefined : bank.dimensions.find((d) => d.id === question.dimension);
    if (dimension !== undefined && !sections.has(dimension.id)) {
      sections.add(dimension.id);
      total += words(dimension.description, lang, fallback);
    }
  }
  return { questions: visible.length, words: total, seconds: (total / wordsPerMinute) * 60 + visible.length * secondsPerQuestion };
}

function referencedQuestions(condition: Condition, into: Set<string>): void {
  if ('all' in condition) condition.all.forEach((c) => referencedQuestions(c, into));
  else if ('any' in condition) condition.any.forEach((c) => referencedQuestions(c, into));
  else if ('not' in condition) referencedQuestions(condition.not, into);
  else if ('question' in condition) into.add(condition.question);
}

/** The answers worth trying for a question that decides a path (undefined: not answered). */
function candidates(question: Question): Array<AnswerValue | undefined> {
  // A required question is always answered: "unanswered" is a path only where it may be skipped.
  const tail: Array<AnswerValue | undefined> = [...(question.required ? [] : [undefined]), ...(question.notApplicable === undefined ? [] : ['n/a'])];
  switch (question.type) {
    case 'likert':
    case 'single':
      return [...question.options.map((o) => o.value), ...tail];
    case 'multiple':
      return [[], question.options.map((o) => o.value), ...question.options.map((o) => [o.value]), ...tail];
    case 'boolean':
      return [true, false, ...tail];
    case 'number':
      return [question.min ?? 0, question.max ?? 100, ...tail];
    case 'text':
      return ['…', ...tail];
  }
}

/**
 * The shortest and the longest path through a bank, trying every combination of the answers that
 * `when` conditions look at (up to a few thousand combinations; beyond that, bounds).
 */
export function estimateTimeRange(bank: Bank, lang: string, assumptions: TimeAssumptions = {}): TimeRange {
  const deciding = new Set<string>();
  for (const question of bank.questions) if (question.when !== undefined) referencedQuestions(question.when, deciding);
  const deciders = bank.questions.filter((q) => deciding.has(q.id));
  let combinations = 1;
  for (const question of deciders) combinations *= candidates(question).length;
  if (combinations > MAX_PATHS) {
    // Too many paths: the questions without a condition, and every question, bound the range.
    const always = { ...bank, questions: bank.questions.filter((q) => q.when === undefined) };
    const every = { ...bank, questions: bank.questions.map(({ when: _when, ...q }) => q) };
    return { least: estimatePathTime(always, {}, lang, assumptions), most: estimatePathTime(every, {}, lang, assumptions), exact: false };
  }
  let least: PathTime | undefined;
  let most: PathTime | undefined;
  const answers: Record<string, AnswerValue> = {};
  const walk = (i: number): void => {
    const question = deciders[i];
    if (question === undefined) {
      const time = estimatePathTime(bank, answers, lang, assumptions);
      if (least === undefined || time.seconds < least.seconds) least = time;
      if (most === undefined || time.seconds > most.seconds) most = time;
      return;
    }
    for (const value of candidates(question)) {
      if (value === undefined) delete answers[question.id];
      else answers[question.id] = value;
      walk(i + 1);
    }
    delete answers[question.id];
  };
  walk(0);
  const empty = estimatePathTime(bank, {}, lang, assumptions);
  return { least: least ?? empty, most: most ?? empty, exact: true };
}

/** Seconds as whole minutes for a person: at least 1. */
export function roundMinutes(seconds: number): number {
  return Math.max(1, Math.round(seconds / 60));
}
