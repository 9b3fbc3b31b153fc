import { describe, expect, it } from '@jest/globals';
import { buildReport, validateAnswers, type Report } from '../../src/core/index.js';
import { applyNorms, createNormsBuilder, percentileOf, validateNorms, type Norms } from '../../src/core/norms.js';
import { bankFrom, miniBank } from '../helpers.js';

const context = { lang: 'en', createdAt: '2026-01-01T00:00:00.000Z', tool: { name: 'diag', version: 'test' } };
// A number on 0..100 scores its own value: the dimension score is whatever we choose.
const bank = bankFrom(miniBank({ questions: [{ id: 'n', type: 'number', dimension: 'a', min: 0, max: 100, text: 'N' }] }));
const reportWith = (n: number): Report => {
  const answers = validateAnswers(bank, { answers: { n } });
  if (!answers.ok) throw new Error('invalid');
  return buildReport(bank, answers.value, context);
};

function normsOf(scores: number[], minGroup = 5): ReturnType<ReturnType<typeof createNormsBuilder>['result']> {
  const builder = createNormsBuilder(bank, { minGroup });
  for (const s of scores) builder.add(reportWith(s));
  return builder.result('2026-02-01T00:00:00.000Z');
}

describe('norms', () => {
  it('type-7 percentile points: 101 scores 0..100 give q_j = j', () => {
    const result = normsOf(Array.from({ length: 101 }, (_, i) => i));
    if (!result.ok) throw new Error(result.reason);
    expect(result.value.overall.points).toEqual(Array.from({ length: 99 }, (_, i) => i + 1));
    expect(result.value).toMatchObject({ kind: 'diag-norms', bank: { id: 'mini', version: '1.0.0' }, n: 101, createdAt: '2026-02-01T00:00:00.000Z' });
  });

  it('interpolates between order statistics', () => {
    // Scores 0, 2, 4, …, 58 (30 values): h = 29·j/100; q1 = 0.29 × 2 = 0.58, q50 = x[14.5] = 29, q99 = x[28.71] = 57.42.
    const result = normsOf(Array.from({ length: 30 }, (_, i) => i * 2));
    if (!result.ok) throw new Error(result.reason);
    const points = result.value.overall.points;
    expect([points[0], points[49], points[98]]).toEqual([0.58, 29, 57.42]);
  });

  it('refuses fewer than max(k, 30) respondents', () => {
    expect(normsOf(Array.from({ length: 29 }, (_, i) => i))).toEqual({ ok: false, reason: 'norms need at least 30 respondents with a score (max(--min-group, 30)); there are 29', needed: 30, n: 29, floor: 30 });
    expect(normsOf(Array.from({ length: 30 }, (_, i) => i), 31).ok).toBe(false);
  });

  it('counts the points at or below the score: "at or above P % of the group"', () => {
    const points = Array.from({ length: 99 }, (_, i) => i + 1);
    expect([percentileOf(points, 0), percentileOf(points, 1), percentileOf(points, 62.5), percentileOf(points, 99), percentileOf(points, 100)]).toEqual([0, 1, 62, 99, 99]);
    expect(percentileOf(Array(99).fill(50), 49.99)).toBe(0);
    expect(percentileOf(Array(99).fill(50), 50)).toBe(99);
  });

  it('adds percentiles from the unrounded score when it is given', () => {
    const result = normsOf(Array.from({ length: 101 }, (_, i) => i));
    if (!result.ok) throw new Error(result.reason);
    const report = reportWith(62);
    const normed = applyNorms(report, result.value);
    expect(normed.scores.overall.percentile).toBe(62);
    expect(normed.scores.dimensions[0]?.percentile).toBe(62);
    expect(normed.norms).toEqual({ bankVersion: '1.0.0', createdAt: '2026-02-01T00:00:00.000Z', n: 101 });
    // 61.996 shows as 62.00, but is below q62 = 62.
    expect(applyNorms(report, result.value, { overall: 61.996, a: 61.996 }).scores.overall.percentile).toBe(61);
    expect(report.scores.overall.percentile).toBeUndefined();
  });

  it('validates a norms file, refusing what is not one', () => {
    const good: Norms = { kind: 'diag-norms', schemaVersion: 1, bank: { id: 'mini', version: '1.0.0' }, createdAt: '', n: 40, overall: { n: 40, points: Array(99).fill(10) }, dimensions: {}, omitted: [] };
    expect(validateNorms(good).ok).toBe(true);
    const bad = (raw: unknown) => {
      const r = validateNorms(raw);
      return r.ok ? [] : r.errors.map((e) => e.path.join('.'));
    };
    expect(bad([])).toEqual(['']);
    expect(bad({ ...good, kind: 'other' })).toEqual(['kind']);
    expect(bad({ ...good, overall: { n: 40, points: [1, 2] } })).toEqual(['overall.points']);
    expect(bad({ ...good, dimensions: { a: { n: 40, points: [...Array(98).fill(10), 5] } } })).toEqual(['dimensions.a.points']);
    expect(bad({ ...good, overall: { n: 0, points: Array(99).fill(101) } })).toEqual(['overall.n', 'overall.points']);
  });

  it('keeps a dimension named __proto__ or constructor like any other, in the file made and the file read back', () => {
    const odd = bankFrom(
      miniBank({
        dimensions: [{ id: '__proto__', title: 'P' }, { id: 'constructor', title: 'C' }],
        questions: [
          { id: 'p', type: 'number', dimension: '__proto__', min: 0, max: 100, text: 'P' },
          { id: 'c', type: 'number', dimension: 'constructor', min: 0, max: 100, text: 'C' },
        ],
      }),
    );
    const builder = createNormsBuilder(odd, { minGroup: 5 });
    for (let i = 0; i < 40; i++) {
      const answers = validateAnswers(odd, { answers: { p: i, c: 100 - i } });
      if (!answers.ok) throw new Error('invalid');
      builder.add(buildReport(odd, answers.value, context));
    }
    const result = builder.result('2026-02-01T00:00:00.000Z');
    if (!result.ok) throw new Error(result.reason);
    const written = JSON.parse(JSON.stringify(result.value));
    expect(Object.keys(written.dimensions).sort()).toEqual(['__proto__', 'constructor']);
    const read = validateNorms(written);
    if (!read.ok) throw new Error('refused');
    expect(Object.keys(read.value.dimensions).sort()).toEqual(['__proto__', 'constructor']);
    // An id the norms do not hold is not found on Object.prototype either.
    expect(Object.hasOwn(read.value.dimensions, 'toString')).toBe(false);
    expect(Object.getPrototypeOf(read.value.dimensions)).toBe(Object.prototype);
  });
});
