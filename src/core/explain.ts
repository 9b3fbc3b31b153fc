import { round2 } from './levels.js';
import { isNotApplicable } from './not-applicable.js';
import { scoreAnswers } from './score.js';
import type { AnswerValue, Answers, Bank } from './types.js';

export interface ExplainedItem {
  question: string;
  answer: AnswerValue;
  /** Item score s, 0..100. */
  score: number;
  weight: number;
  /** Points this item brings to its dimension score: w·s / Σw. */
  points: number;
  /** Share of the dimension score that comes from this item, in %. */
  share: number;
}

export interface ExplainedDimension {
  id: string;
  score: number | null;
  items: ExplainedItem[];
  /** Questions of the dimension answered "does not apply": asked, not scored. */
  notApplicable: string[];
}

export interface Improvement {
  question: string;
  dimension: string;
  answer: AnswerValue;
  score: number;
  /** Overall points gained if this one answer had the best item score (100). */
  gain: number;
}

export interface Explanation {
  overall: number | null;
  dimensions: ExplainedDimension[];
  /** Answers whose improvement would add the most to the overall score, best first. */
  improvements: Improvement[];
}

/**
 * How each answer makes its dimension score, and which answers would raise the overall score most.
 * The gain of item i of dimension d is (W_d / ΣW) · w_i · (100 − s_i) / Σw_d: the dimension
 * weights ΣW are those of dimensions with a score, as in the overall score itself.
 */
export function explainScores(bank: Bank, answers: Answers): Explanation {
  const result = scoreAnswers(bank, answers);
  const weightOf = new Map(bank.dimensions.map((d) => [d.id, d.weight]));
  const totalWeight = result.dimensions.reduce((sum, d) => sum + (d.score === null ? 0 : (weightOf.get(d.id) ?? 1)), 0);
  const improvements: Improvement[] = [];
  const dimensions = result.dimensions.map((d) => {
    const itemWeights = d.items.reduce((sum, item) => sum + item.weight, 0);
    const items = d.items.map((item) => {
      const points = itemWeights > 0 ? (item.weight * item.score) / itemWeights : 0;
      const gain = totalWeight > 0 && itemWeights > 0 ? ((weightOf.get(d.id) ?? 1) / totalWeight) * ((item.weight * (100 - item.score)) / itemWeights) : 0;
      if (gain > 0) improvements.push({ question: item.question, dimension: d.id, answer: item.value, score: round2(item.score), gain: round2(gain) });
      return {
        question: item.question,
        answer: item.value,
        score: round2(item.score),
        weight: item.weight,
        points: round2(points),
        share: d.score !== null && d.score > 0 ? round2((100 * points) / d.score) : 0,
      };
    });
    const notApplicable = bank.questions.filter((q) => q.dimension === d.id && isNotApplicable(q, result.answers[q.id])).map((q) => q.id);
    return { id: d.id, score: d.score === null ? null : round2(d.score), items, notApplicable };
  });
  improvements.sort((a, b) => b.gain - a.gain);
  return { overall: result.overall.score === null ? null : round2(result.overall.score), dimensions, improvements };
}
