import { evaluateCondition } from './conditions.js';
import { notApplicableIds } from './not-applicable.js';
import { scoreTable, type ScoreResult } from './score.js';
import type { Bank, Recommendation } from './types.js';

/**
 * The recommendations whose `when` holds, ordered by priority (1 first), then by the score of
 * their dimension (weakest first, none last), then by their order in the bank.
 */
export function recommend(bank: Bank, result: ScoreResult): Recommendation[] {
  const scores = scoreTable(result);
  const context = { answers: result.answers, scores, notApplicable: notApplicableIds(bank) };
  const dimensionScore = (r: Recommendation): number => {
    const score = r.dimension === undefined ? undefined : scores[r.dimension];
    return score === undefined || score === null ? Infinity : score;
  };
  return bank.recommendations
    .map((recommendation, index) => ({ recommendation, index }))
    .filter(({ recommendation }) => recommendation.when === undefined || evaluateCondition(recommendation.when, context))
    .sort(
      (a, b) =>
        a.recommendation.priority - b.recommendation.priority ||
        compareScores(dimensionScore(a.recommendation), dimensionScore(b.recommendation)) ||
        a.index - b.index,
    )
    .map(({ recommendation }) => recommendation);
}

/** Infinity - Infinity is NaN, so compare instead of subtracting. */
function compareScores(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
