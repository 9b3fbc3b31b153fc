import { evaluateCondition } from '../conditions.js';
import { itemScore } from '../item-score.js';
import type { AnswerValue, Bank, Condition, Question, Scalar } from '../types.js';

/**
 * Simulated respondents for `diag lint`: every profile path (each combination of answers to the
 * profile questions that some `when` looks at), and on each path the lowest answers, the highest,
 * and a seeded random sample. Answers are chosen in bank order with the conditions applied as the
 * survey applies them, so that every simulated answer set is one a real respondent could give.
 */

/** mulberry32: small, fast, seedable (Math.random is not). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `target`: on each question, the answer whose item score is nearest the target (reaches middle levels). */
export type Mode = 'min' | 'max' | 'random' | 'target';

/** One simulated respondent: the answers, the questions asked, and each `when` met on the way. */
export interface Simulated {
  path: number;
  mode: Mode;
  answers: Record<string, AnswerValue>;
  asked: Question[];
  /** Per question index with a `when`: whether it held (questions not reached are absent). */
  conditions: Map<number, boolean>;
}

/** Question ids that some `when` (of a question or a recommendation) tests. */
function testedIds(bank: Bank): Set<string> {
  const ids = new Set<string>();
  const visit = (c: Condition | undefined): void => {
    if (c === undefined) return;
    if ('all' in c) c.all.forEach(visit);
    else if ('any' in c) c.any.forEach(visit);
    else if ('not' in c) visit(c.not);
    else if ('question' in c) ids.add(c.question);
  };
  for (const q of bank.questions) visit(q.when);
  return ids;
}

/** The values a profile path tries for one question. */
function pathValues(question: Question): AnswerValue[] {
  const values: AnswerValue[] = [];
  switch (question.type) {
    case 'single':
    case 'likert':
      values.push(...question.options.map((o) => o.value));
      break;
    case 'multiple':
      values.push([], ...question.options.map((o) => [o.value]), question.options.map((o) => o.value));
      break;
    case 'boolean':
      values.push(true, false);
      break;
    case 'number': {
      const low = question.min ?? 0;
      const high = question.max ?? low + 10;
      values.push(low, (low + high) / 2, high);
      break;
    }
    case 'text':
      values.push('…');
  }
  if (!question.required) values.push(null);
  if (question.notApplicable !== undefined) values.push('n/a');
  return values;
}

/** An answer for a question, by mode: the one with the lowest item score, the highest, or any. */
function answerFor(question: Question, mode: Mode, random: () => number, target: number): AnswerValue {
  const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(random() * list.length)];
  if (mode === 'random') {
    if (!question.required && random() < 0.1) return null;
    if (question.notApplicable !== undefined && random() < 0.05) return 'n/a';
    switch (question.type) {
      case 'likert':
      case 'single':
        return pick(question.options.map((o) => o.value)) ?? null;
      case 'multiple':
        return question.options.filter(() => random() < 0.5).map((o) => o.value);
      case 'boolean':
        return random() < 0.5;
      case 'number': {
        const low = question.min ?? 0;
        const high = question.max ?? low + 10;
        // Whole numbers, as people answer, and the bounds themselves often enough.
        const r = random();
        return r < 0.1 ? low : r > 0.9 ? high : Math.round(low + random() * (high - low));
      }
      case 'text':
        return random() < 0.5 ? null : '…';
    }
  }
  const candidates = pathValues(question).filter((v) => v !== null && v !== 'n/a');
  let best: AnswerValue = candidates[0] ?? null;
  let bestScore: number | null = null;
  for (const value of candidates) {
    const s = itemScore(question, value);
    if (s === null) continue;
    const better = bestScore === null || (mode === 'min' ? s < bestScore : mode === 'max' ? s > bestScore : Math.abs(s - target) < Math.abs(bestScore - target));
    if (better) {
      best = value;
      bestScore = s;
    }
  }
  return best;
}

/** One walk through the bank in order, with the profile answers of a path fixed. */
function walk(bank: Bank, fixed: ReadonlyMap<string, AnswerValue>, mode: Mode, random: () => number, path: number, target = 50): Simulated {
  const answers: Record<string, AnswerValue> = {};
  const asked: Question[] = [];
  const conditions = new Map<number, boolean>();
  bank.questions.forEach((question, index) => {
    if (question.when !== undefined) {
      const holds = evaluateCondition(question.when, { answers });
      conditions.set(index, holds);
      if (!holds) return;
    }
    asked.push(question);
    answers[question.id] = fixed.has(question.id) ? (fixed.get(question.id) ?? null) : answerFor(question, question.profile && mode !== 'random' ? 'random' : mode, random, target);
  });
  return { path, mode, answers, asked, conditions };
}

/**
 * Every combination of answers to the profile questions that conditions test, in bank order; when
 * there are more than `limit`, a sample of `limit` paths in which every answer of every such
 * question appears at least once (path i takes answer i of each question, then random ones), so
 * that a truncated run does not report a condition as never holding only because its answer was
 * never tried. `sampled` says which.
 */
export function profilePaths(bank: Bank, limit: number, random: () => number = prng(1)): { paths: Array<Map<string, AnswerValue>>; sampled: boolean } {
  const tested = testedIds(bank);
  const axes = bank.questions.filter((q) => q.profile && tested.has(q.id));
  let size = 1;
  for (const question of axes) size = Math.min(size * pathValues(question).length, Number.MAX_SAFE_INTEGER);
  if (size > limit) {
    const paths: Array<Map<string, AnswerValue>> = [];
    for (let i = 0; i < limit; i++) {
      const path = new Map<string, AnswerValue>();
      for (const question of axes) {
        if (question.when !== undefined && !evaluateCondition(question.when, { answers: Object.fromEntries(path) })) continue;
        const values = pathValues(question);
        path.set(question.id, i < values.length ? (values[i] ?? null) : (values[Math.floor(random() * values.length)] ?? null));
      }
      paths.push(path);
    }
    return { paths, sampled: true };
  }
  let paths: Array<Map<string, AnswerValue>> = [new Map()];
  for (const question of axes) {
    const next: Array<Map<string, AnswerValue>> = [];
    for (const path of paths) {
      // A profile question hidden on this path keeps the path as it is.
      const answers = Object.fromEntries(path);
      if (question.when !== undefined && !evaluateCondition(question.when, { answers })) {
        next.push(path);
        continue;
      }
      for (const value of pathValues(question)) next.push(new Map([...path, [question.id, value]]));
    }
    paths = next;
  }
  return { paths, sampled: false };
}

export interface SimulationOptions {
  seed: number;
  /** Random respondents in all (spread over the paths); at least 3 per path. */
  samples: number;
  /** Profile paths beyond this are not enumerated. */
  maxPaths: number;
}

export interface Simulation {
  paths: Array<Map<string, AnswerValue>>;
  /** True when there were more paths than maxPaths: `paths` is then a sample of them. */
  truncated: boolean;
  respondents: Simulated[];
}

export function simulate(bank: Bank, options: SimulationOptions): Simulation {
  const random = prng(options.seed);
  const { paths, sampled: truncated } = profilePaths(bank, options.maxPaths, random);
  const perPath = Math.max(3, Math.ceil(options.samples / Math.max(paths.length, 1)));
  // Each level's lower bound and the middle of its band, so that a level inside the range is tried.
  const bounds = [...bank.levels.map((l) => l.min), 100].sort((a, b) => a - b);
  const targets = [...new Set(bounds.flatMap((b, i) => (i + 1 < bounds.length ? [b, (b + (bounds[i + 1] ?? b)) / 2] : [])))];
  const respondents: Simulated[] = [];
  paths.forEach((fixed, index) => {
    respondents.push(walk(bank, fixed, 'min', random, index), walk(bank, fixed, 'max', random, index));
    for (const target of targets) respondents.push(walk(bank, fixed, 'target', random, index, target));
    for (let i = 0; i < perPath; i++) respondents.push(walk(bank, fixed, 'random', random, index));
  });
  return { paths, truncated, respondents };
}

/** A short description of a path: `manages = true, sells = false` (empty when there is one path). */
export function describePath(path: ReadonlyMap<string, AnswerValue>): Array<[string, Scalar | Scalar[] | null]> {
  return [...path.entries()];
}
