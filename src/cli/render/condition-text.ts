import type { Condition, Scalar } from '../../core/index.js';
import type { Messages } from '../i18n.js';

type Words = Messages['condition'];
const value = (v: Scalar | Scalar[]): string => (Array.isArray(v) ? `[${v.map((x) => JSON.stringify(x)).join(', ')}]` : JSON.stringify(v));

/** A condition in a compact, readable form, in the words of `w`: `sells = true and age in ["18-29"]`. */
export function describeCondition(condition: Condition, w: Words): string {
  if ('all' in condition) return condition.all.map((c) => wrapped(c, w)).join(` ${w.and} `);
  if ('any' in condition) return condition.any.map((c) => wrapped(c, w)).join(` ${w.or} `);
  if ('not' in condition) return `${w.not} ${wrapped(condition.not, w)}`;
  if ('score' in condition) {
    const parts = [];
    if (condition.atLeast !== undefined) parts.push(`${w.score} ${condition.score} ≥ ${condition.atLeast}`);
    if (condition.below !== undefined) parts.push(`${w.score} ${condition.score} < ${condition.below}`);
    return parts.join(` ${w.and} `);
  }
  const q = condition.question;
  const parts: string[] = [];
  if (condition.equals !== undefined) parts.push(`${q} = ${value(condition.equals)}`);
  if (condition.in !== undefined) parts.push(`${q} ${w.in} ${value(condition.in)}`);
  if (condition.notIn !== undefined) parts.push(`${q} ${w.notIn} ${value(condition.notIn)}`);
  if (condition.atLeast !== undefined) parts.push(`${q} ≥ ${condition.atLeast}`);
  if (condition.atMost !== undefined) parts.push(`${q} ≤ ${condition.atMost}`);
  if (condition.includes !== undefined) parts.push(`${q} ${w.includes} ${value(condition.includes)}`);
  if (condition.answered !== undefined) parts.push(`${q} ${condition.answered ? w.answered : w.notAnswered}`);
  return parts.join(` ${w.and} `);
}

function wrapped(condition: Condition, w: Words): string {
  const text = describeCondition(condition, w);
  return 'all' in condition || 'any' in condition ? `(${text})` : text;
}
