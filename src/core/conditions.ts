import { NOT_APPLICABLE, type AnswerValue, type Answers, type Condition, type QuestionTest, type Scalar, type ScoreTest } from './types.js';

/** What a condition can look at: visible answers so far and, for recommendations, the scores. */
export interface ConditionContext {
  answers: Answers;
  /**
   * Reads an answer instead of `answers` when given: undefined when there is none to read, as for
   * an id not in `answers`. For answers held another way than a mapping (see ./respondent.ts).
   */
  answerOf?: (id: string) => AnswerValue | undefined;
  /** Unrounded scores by dimension id and `overall`; null where there is no score. */
  scores?: Readonly<Record<string, number | null>>;
  /**
   * Ids of the questions that offer "does not apply" (SPEC section 9), so that an ordinary option
   * named `n/a` elsewhere stays an ordinary value. Absent: every `n/a` answer is "does not apply".
   */
  notApplicable?: ReadonlySet<string>;
}

/** Equality that lets `1` match `"1"`, since YAML authors quote numbers inconsistently. */
export function sameScalar(a: Scalar, b: Scalar): boolean {
  if (a === b) return true;
  const mixed = (typeof a === 'number' && typeof b === 'string') || (typeof a === 'string' && typeof b === 'number');
  return mixed && String(a) === String(b);
}

function asList(value: Scalar | Scalar[]): Scalar[] {
  return Array.isArray(value) ? value : [value];
}

function sameSet(a: Scalar[], b: Scalar[]): boolean {
  return a.length === b.length && a.every((x) => b.some((y) => sameScalar(x, y)));
}

function numeric(value: AnswerValue): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

/** Every operator present in the test must hold (several in one test are ANDed). */
function questionTest(test: QuestionTest, context: ConditionContext): boolean {
  const value = context.answerOf !== undefined ? context.answerOf(test.question) : Object.hasOwn(context.answers, test.question) ? context.answers[test.question] : undefined;
  const answered = value !== undefined && value !== null;
  if (test.answered !== undefined && test.answered !== answered) return false;
  // `n/a` counts as an answer, but no value test holds on it (SPEC section 9).
  const notApplicable = value === NOT_APPLICABLE && (context.notApplicable?.has(test.question) ?? true);
  if (test.notApplicable !== undefined && (!answered || test.notApplicable !== notApplicable)) return false;
  const noOperator = test.equals === undefined && test.in === undefined && test.notIn === undefined && test.atLeast === undefined && test.atMost === undefined && test.includes === undefined;
  if (noOperator) return test.answered !== undefined || test.notApplicable !== undefined;
  if (!answered || notApplicable) return false;
  const chosen = asList(value);
  if (test.equals !== undefined && !sameSet(chosen, asList(test.equals))) return false;
  if (test.in !== undefined && !chosen.some((v) => test.in?.some((x) => sameScalar(v, x)))) return false;
  if (test.notIn !== undefined && chosen.some((v) => test.notIn?.some((x) => sameScalar(v, x)))) return false;
  if (test.includes !== undefined && !(Array.isArray(value) && value.some((v) => sameScalar(v, test.includes ?? '')))) {
    return false;
  }
  const n = numeric(value);
  if (test.atLeast !== undefined && !(n !== undefined && n >= test.atLeast)) return false;
  if (test.atMost !== undefined && !(n !== undefined && n <= test.atMost)) return false;
  return true;
}

function scoreTest(test: ScoreTest, context: ConditionContext): boolean {
  const score = context.scores?.[test.score];
  if (score === undefined || score === null) return false;
  if (test.below !== undefined && !(score < test.below)) return false;
  if (test.atLeast !== undefined && !(score >= test.atLeast)) return false;
  return true;
}

/** Evaluates a condition. A test on a missing answer or score is false, except `answered: false`. */
export function evaluateCondition(condition: Condition, context: ConditionContext): boolean {
  if ('all' in condition) return condition.all.every((c) => evaluateCondition(c, context));
  if ('any' in condition) return condition.any.some((c) => evaluateCondition(c, context));
  if ('not' in condition) return !evaluateCondition(condition.not, context);
  if ('score' in condition) return scoreTest(condition, context);
  return questionTest(condition, context);
}
