import type { Respondent, RespondentScore } from './aggregate-group.js';
import { itemScore } from './item-score.js';
import { levelOf, round2 } from './levels.js';
import { weightedMean } from './score.js';
import type { AnswerValue, Bank, Question } from './types.js';
import { quickAnswers } from './validate/answers.js';
import { isScored } from './visibility.js';

/** Per dimension, in bank order, its scored questions and their positions in the bank. */
interface ScorePlan {
  dimensions: ReadonlyArray<{ id: string; weight: number; questions: readonly Question[]; positions: readonly number[] }>;
}
const plans = new WeakMap<Bank, ScorePlan>();
function planOf(bank: Bank): ScorePlan {
  let plan = plans.get(bank);
  if (plan === undefined) {
    plan = {
      dimensions: bank.dimensions.map((d) => {
        const questions: Question[] = [];
        const positions: number[] = [];
        bank.questions.forEach((q, i) => {
          if (isScored(q) && q.dimension === d.id) {
            questions.push(q);
            positions.push(i);
          }
        });
        return { id: d.id, weight: d.weight ?? 1, questions, positions };
      }),
    };
    plans.set(bank, plan);
  }
  return plan;
}

/** As buildReport gives a score: rounded, with the id of its level (found on the unrounded score). */
function reported(bank: Bank, id: string, score: number | null): RespondentScore & { id: string } {
  return score === null ? { id, score: null, level: null } : { id, score: round2(score), level: levelOf(bank.levels, score)?.id ?? null };
}

/**
 * The scores of answers held by bank position, as buildReport words them (rounded, level ids):
 * scoreAnswers's arithmetic (SPEC section 4) on the visible answers, without its items.
 */
export function scoresByPosition(bank: Bank, values: ReadonlyArray<AnswerValue | undefined>): Pick<Respondent, 'overall' | 'dimensions'> {
  const plan = planOf(bank);
  const weights: number[] = [];
  const scores: number[] = [];
  const dimensionWeights: number[] = [];
  const dimensionScores: number[] = [];
  const dimensions: Array<RespondentScore & { id: string }> = [];
  for (const d of plan.dimensions) {
    let n = 0;
    for (let j = 0; j < d.questions.length; j++) {
      const question = d.questions[j] as Question;
      const score = itemScore(question, values[d.positions[j] as number] ?? null);
      if (score === null) continue;
      weights[n] = question.weight;
      scores[n] = score;
      n++;
    }
    const score = weightedMean(weights, scores, n);
    if (score !== null) {
      dimensionWeights.push(d.weight);
      dimensionScores.push(score);
    }
    dimensions.push(reported(bank, d.id, score));
  }
  const overall = weightedMean(dimensionWeights, dimensionScores, dimensionScores.length);
  return { overall: overall === null ? { score: null, level: null } : { score: round2(overall), level: levelOf(bank.levels, overall)?.id ?? null }, dimensions };
}

/**
 * What a group aggregate reads of a clean answer record (see quickAnswers): the same as
 * readRespondent of the report buildReport makes of validateAnswers's result, without the three
 * mappings and the report in between. Undefined when the record is not clean: then validate it,
 * build its report and read that.
 */
export function quickRespondent(bank: Bank, input: unknown): Respondent | undefined {
  const read = quickAnswers(bank, input);
  if (read === undefined) return undefined;
  return { name: read.respondent, ...scoresByPosition(bank, read.values), answers: read.values };
}
