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

/**
 * Σ w·s / Σ w over the first `n` weights and scores (SPEC section 4), null when the weights sum to
 * nothing. Arrays rather than pairs, so that the quick way of src/core/respondent.ts shares it
 * without building objects.
 */
export function weightedMean(weights: readonly number[], scores: readonly number[], n = weights.length): number | null {
  let largest = 0;
  for (let i = 0; i < n; i++) largest = Math.max(largest, weights[i] as number);
  // Weights near the largest double overflow Σ w·s, and weights near the smallest lose their
  // digits: scale them by the largest then. Ordinary weights keep SPEC's arithmetic exactly.
  const unit = largest > 1e300 || (largest > 0 && largest < 1e-300) ? largest : 1;
  let total = 0;
  let sum = 0;
  let lowest = Infinity;
  let highest = -Infinity;
  for (let i = 0; i < n; i++) {
    const weight = weights[i] as number;
    const score = scores[i] as number;
    total += (weight / unit) * score;
    sum += weight / unit;
    lowest = Math.min(lowest, score);
    highest = Math.max(highest, score);
  }
  // A mean lies between its extremes; rounding can put it one ulp outside (100.00000000000001).
  return sum > 0 ? Math.min(Math.max(total / sum, lowest), highest) : null;
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
    const weights: number[] = [];
    const scores: number[] = [];
    let notApplicable = 0;
    for (const question of scored) {
      const value = Object.hasOwn(answers, question.id) ? (answers[question.id] ?? null) : null;
      if (isNotApplicable(question, value)) notApplicable += 1;
      const score = itemScore(question, value);
      if (score === null) continue;
      items.push({ question: question.id, dimension: dimension.id, value, score, weight: question.weight });
      weights.push(question.weight);
      scores.push(score);
    }
    const score = weightedMean(weights, scores);
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
  const dimensionWeights: number[] = [];
  const dimensionScores: number[] = [];
  dimensions.forEach((d, i) => {
    if (d.score === null) return;
    dimensionWeights.push(bank.dimensions[i]?.weight ?? 1);
    dimensionScores.push(d.score);
  });
  const overallScore = weightedMean(dimensionWeights, dimensionScores);
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
