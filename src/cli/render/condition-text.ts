import type { Condition, Scalar } from '../../core/index.js';

const value = (v: Scalar | Scalar[]): string => (Array.isArray(v) ? `[${v.map((x) => JSON.stringify(x)).join(', ')}]` : JSON.stringify(v));

/** A condition in a compact, readable form: `sells = true and age in ["18-29"]`. */
export function describeCondition(condition: Condition): string {
  if ('all' in condition) return condition.all.map((c) => wrapped(c)).join(' and ');
  if ('any' in condition) return condition.any.map((c) => wrapped(c)).join(' or ');
  if ('not' in condition) return `not ${wrapped(condition.not)}`;
  if ('score' in condition) {
    const parts = [];
    if (condition.atLeast !== undefined) parts.push(`score ${condition.score} ≥ ${condition.atLeast}`);
    if (condition.below !== undefined) parts.push(`score ${condition.score} < ${condition.below}`);
    return parts.join(' and ');
  }
  const q = condition.question;
  const parts: string[] = [];
  if (condition.equals !== undefined) parts.push(`${q} = ${value(condition.equals)}`);
  if (condition.in !== undefined) parts.push(`${q} in ${value(condition.in)}`);
  if (condition.notIn !== undefined) parts.push(`${q} not in ${value(condition.notIn)}`);
  if (condition.atLeast !== undefined) parts.push(`${q} ≥ ${condition.atLeast}`);
  if (condition.atMost !== undefined) parts.push(`${q} ≤ ${condition.atMost}`);
  if (condition.includes !== undefined) parts.push(`${q} includes ${value(condition.includes)}`);
  if (condition.answered !== undefined) parts.push(`${q} ${condition.answered ? 'answered' : 'not answered'}`);
  return parts.join(' and ');
}

function wrapped(condition: Condition): string {
  const text = describeCondition(condition);
  return 'all' in condition || 'any' in condition ? `(${text})` : text;
}
