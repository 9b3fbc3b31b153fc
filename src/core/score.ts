import { itemScore } from './item-score.js';
import { levelOf } from './levels.js';
import { applyConditions, isScored } from './visibility.js';
import type { Answers, AnswerValue, Bank, Level } from './types.js';

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
  let total = 0;
  let weights = 0;
  for (const { weight, score } of pairs) {
    total += weight * score;
    weights += weight;
  }
  return weights > 0 ? total / weights : null;
}

/** Scores validated answers against a bank: SPEC section 4, nothing rounded. */
export function scoreAnswers(bank: Bank, given: Answers): ScoreResult {
  const { visible, hidden, answers } = applyConditions(bank, given);
  const dimensions: DimensionResult[] = bank.dimensions.map((dimension) => {
    const scored = visible.filter((q) => isScored(q) && q.dimension === dimension.id);
    const items: ItemResult[] = [];
    for (const question of scored) {
      const value = answers[question.id] ?? null;
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
  const table: Record<string, number | null> = { overall: result.overall.score };
  for (const d of result.dimensions) table[d.id] = d.score;
  return table;
}
