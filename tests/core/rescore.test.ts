import { describe, expect, it } from '@jest/globals';
import { buildReport, validateAnswers, type Bank, type Report } from '../../src/core/index.js';
import { lenientBank, rescoreReport, summarizeRescore } from '../../src/core/rescore.js';
import { bankFrom, miniBank } from '../helpers.js';

const tool = { name: 'diag', version: 'test' };
const v1 = bankFrom(
  miniBank({
    version: '1.0.0',
    questions: [
      { id: 'q1', type: 'likert', dimension: 'a', scale: 'agree5', text: 'Q1' },
      { id: 'q2', type: 'single', dimension: 'a', text: 'Q2', options: [{ value: 'no', score: 0 }, { value: 'some', score: 50 }, { value: 'yes', score: 100 }] },
    ],
    recommendations: [{ id: 'low', when: { score: 'a', below: 50 }, title: 'Low', text: 'Low' }],
  }),
);
// 1.1.0: "some" is worth 75, q3 is new and required, "yes" was renamed "always", the advice stops at 40.
const v2 = bankFrom(
  miniBank({
    version: '1.1.0',
    questions: [
      { id: 'q1', type: 'likert', dimension: 'a', scale: 'agree5', text: 'Q1' },
      { id: 'q2', type: 'single', dimension: 'a', text: 'Q2', options: [{ value: 'no', score: 0 }, { value: 'some', score: 75 }, { value: 'always', score: 100 }] },
      { id: 'q3', type: 'boolean', dimension: 'a', text: 'Q3' },
    ],
    recommendations: [{ id: 'low', when: { score: 'a', below: 40 }, title: 'Low', text: 'Low' }],
  }),
);

function report(bank: Bank, respondent: string, answers: Record<string, unknown>): Report {
  const checked = validateAnswers(bank, { respondent, answers });
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  return buildReport(bank, checked.value, { lang: 'en', createdAt: '2026-01-01T00:00:00.000Z', tool });
}

describe('rescore', () => {
  const lenient = lenientBank(v2);
  const rescore = (old: Report) => {
    const r = rescoreReport(v2, lenient, old, { tool });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return r.value;
  };

  it('re-scores with the new version, leaving out what it refuses and inventing nothing', () => {
    // q1 = 2 → 25; q2 some: 50 → 75. Score (25 + 50)/2 = 37.5 → (25 + 75)/2 = 50: no longer below 40.
    const ann = rescore(report(v1, 'Ann', { q1: 2, q2: 'some' }));
    expect(ann.comparison.overall).toMatchObject({ old: 37.5, new: 50, delta: 12.5, oldLevel: 'low', newLevel: 'mid' });
    expect(ann.comparison.recommendations.gone.map((r) => r.id)).toEqual(['low']);
    expect([ann.dropped, ann.unanswered]).toEqual([[], ['q3']]);
    // q2 = yes no longer exists: only q1 = 5 → 100 counts; it was (100 + 100)/2 = 100.
    const bob = rescore(report(v1, 'Bob', { q1: 5, q2: 'yes' }));
    expect([bob.dropped, bob.comparison.overall.new, bob.comparison.overall.delta]).toEqual([['q2'], 100, 0]);
  });

  it('sums up the impact over everyone', () => {
    const all = [rescore(report(v1, 'Ann', { q1: 2, q2: 'some' })), rescore(report(v1, 'Bob', { q1: 5, q2: 'yes' })), rescore(report(v1, 'Cy', { q1: 1, q2: 'no' }))];
    const summary = summarizeRescore(v2, all);
    expect(summary.bank).toEqual({ id: 'mini', newVersion: '1.1.0', oldVersions: ['1.0.0'] });
    expect(summary.scores.find((s) => s.id === 'overall')).toMatchObject({ count: 3, changed: 1, meanDelta: 4.17, minDelta: 0, maxDelta: 12.5, levelChanges: 1 });
    expect(summary.recommendations).toEqual([{ id: 'low', title: 'Low', added: 0, removed: 1 }]);
    expect(summary.dropped).toEqual({ q2: 1 });
  });
});
