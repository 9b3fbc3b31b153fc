import { sameScalar } from './conditions.js';
import { isNotApplicable } from './not-applicable.js';
import type { AnswerValue, Question } from './types.js';

/** Position of v in [min, max] as 0..100, computed in the order SPEC section 4 writes it. */
function linear(v: number, min: number, max: number): number {
  // A range wider than the largest double (min -1e308, max 1e308) would give Infinity / Infinity:
  // halving every term first keeps the same ratio without overflow.
  if (!Number.isFinite(max - min)) return ((v / 2 - min / 2) / (max / 2 - min / 2)) * 100;
  return ((v - min) / (max - min)) * 100;
}

/** A loop, not Math.min(...values), which overflows the call stack on a very long scale. */
export function scaleBounds(values: readonly number[]): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const value of values) {
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return { min, max };
}

/** The bounds of a likert question's scale, found once per options array (shared by a scale's questions): a batch scores millions of answers. */
const boundsOf = new WeakMap<ReadonlyArray<{ value: unknown }>, { min: number; max: number }>();
function likertBounds(question: Question & { options: ReadonlyArray<{ value: unknown }> }): { min: number; max: number } {
  const options = question.options;
  let bounds = boundsOf.get(options);
  if (bounds === undefined) {
    bounds = scaleBounds(options.map((o) => o.value as number));
    boundsOf.set(options, bounds);
  }
  return bounds;
}

/**
 * The item score s in [0, 100] of one answer (SPEC section 4), or null when the answer is not
 * scored (skipped, "does not apply", or a type that never scores). Assumes the answer was validated.
 */
export function itemScore(question: Question, value: AnswerValue): number | null {
  if (value === null || value === undefined || isNotApplicable(question, value)) return null;
  switch (question.type) {
    case 'likert': {
      if (typeof value !== 'number') return null;
      const { min, max } = likertBounds(question);
      const s = linear(value, min, max);
      return question.reverse ? 100 - s : s;
    }
    case 'boolean': {
      if (typeof value !== 'boolean') return null;
      return value !== question.reverse ? 100 : 0;
    }
    case 'single': {
      const option = question.options.find((o) => !Array.isArray(value) && sameScalar(o.value, value));
      return option?.score ?? null;
    }
    case 'multiple': {
      if (!Array.isArray(value)) return null;
      let sum = 0;
      for (const option of question.options) {
        if (value.some((v) => sameScalar(option.value, v))) sum += option.score ?? 0;
      }
      return Math.min(sum, 100);
    }
    case 'number': {
      if (typeof value !== 'number' || question.min === undefined || question.max === undefined) return null;
      const clamped = Math.min(Math.max(value, question.min), question.max);
      const s = linear(clamped, question.min, question.max);
      return question.reverse ? 100 - s : s;
    }
    case 'text':
      return null;
  }
}
