import { itemScore } from './item-score.js';
import { levelOf } from './levels.js';
import { isNotApplicable } from './not-applicable.js';
import { applyConditions, isScored } from './visibility.js';
import type { Answers, AnswerValue, Bank, Level, Question } from './types.js';

/** One scored answer: what it contributes to its dimension. */
export interface ItemResult {
  question: string;
  dimension: string;
  value: AnswerValue;
  score: number;
  weight: number;
}

export interface DimensionResult {
  id: string;
  /** Unrounded; null when no scored question of the dimension was answered. */
  score: number | null;
  level: Level | null;
  /** Scored questions of the dimension that were answered. */
  answered: number;
  /** Scored questions of the dimension that were asked (visible) to this respondent. */
  questions: number;
  /** Of those, how many were answered "does not apply" (`n/a`): not scored, not skipped either. */
  notApplicable: number;
  items: ItemResult[];
}

export interface ScoreResult {
  overall: { score: number | null; level: Level | null };
  dimensions: DimensionResult[];
  /** Answers to visible questions only. */
  answers: Record<string, AnswerValue>;
  hidden: string[];
}

function weightedMean(pairs: ReadonlyArray<{ weight: number; score: number }>): number | null {
  let largest = 0;
  for (const { weight } of pairs) largest = Math.max(largest, weight);
  // Weights near the largest double overflow Σ w·s, and weights near the smallest lose their
  // digits: scale them by the largest then. Ordinary weights keep SPEC's arithmetic exactly.
  const unit = largest > 1e300 || (largest > 0 && largest < 1e-300) ? largest : 1;
  let total = 0;
  let weights = 0;
  let lowest = Infinity;
  let highest = -Infinity;
  for (const { weight, score } of pairs) {
    total += (weight / unit) * score;
    weights += weight / unit;
    lowest = Math.min(lowest, score);
    highest = Math.max(highest, score);
  }
  // A mean lies between its extremes; rounding can put it one ulp outside (100.00000000000001).
  return weights > 0 ? Math.min(Math.max(total / weights, lowest), highest) : null;
}

/** The scored questions of each dimension, in bank order, found once per bank: a batch scores millions of answer files. */
const scoredIndexes = new WeakMap<Bank, ReadonlyMap<string, readonly Question[]>>();
function scoredByDimension(bank: Bank): ReadonlyMap<string, readonly Question[]> {
  let index = scoredIndexes.get(bank);
  if (index === undefined) {
    const built = new Map<string, Question[]>(bank.dimensions.map((d) => [d.id, []]));
    for (const question of bank.questions) if (isScored(question) && question.dimension !== undefined) built.get(question.dimension)?.push(question);
    index = built;
    scoredIndexes.set(bank, index);
  }
  return index;
}

/** Scores validated answers against a bank: SPEC section 4, nothing rounded. */
export function scoreAnswers(bank: Bank, given: Answers): ScoreResult {
  const { hidden, answers } = applyConditions(bank, given);
  const hiddenIds = new Set(hidden);
  const byDimension = scoredByDimension(bank);
  const dimensions: DimensionResult[] = bank.dimensions.map((dimension) => {
    const scored = (byDimension.get(dimension.id) ?? []).filter((q) => !hiddenIds.has(q.id));
    const items: ItemResult[] = [];
    let notApplicable = 0;
    for (const question of scored) {
      const value = Object.hasOwn(answers, question.id) ? (answers[question.id] ?? null) : null;
      if (isNotApplicable(question, value)) notApplicable += 1;
      const score = itemScore(question, value);
      if (score !== null) items.push({ question: question.id, dimension: dimension.id, value, score, weight: question.weight });
    }
    const score = weightedMean(items);
    return {
      id: dimension.id,
      score,
      level: score === null ? null : levelOf(bank.levels, score),
      answered: items.length,
      questions: scored.length,
      notApplicable,
      items,
    };
  });
  const overallScore = weightedMean(
    dimensions.flatMap((d, i) => (d.score === null ? [] : [{ weight: bank.dimensions[i]?.weight ?? 1, score: d.score }])),
  );
  return {
    overall: { score: overallScore, level: overallScore === null ? null : levelOf(bank.levels, overallScore) },
    dimensions,
    answers,
    hidden,
  };
}

/** Unrounded scores by dimension id and `overall`, as conditions read them. */
export function scoreTable(result: ScoreResult): Record<string, number | null> {
  // fromEntries defines own properties: a dimension id such as `__proto__` is an entry like any other.
  const entries: Array<[string, number | null]> = [['overall', result.overall.score], ...result.dimensions.map((d): [string, number | null] => [d.id, d.score])];
  return Object.fromEntries(entries);
}
