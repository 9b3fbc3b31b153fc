import { describe, expect, it } from '@jest/globals';
import { aggregateReports, isWithheld, type Aggregate, type QuestionEntry } from '../../src/core/aggregate.js';
import { buildReport, validateAnswers, type AnswerValue, type Bank, type Report } from '../../src/core/index.js';
import { bankFrom, miniBank } from '../helpers.js';

/** SPEC section 10: attacks by a curious participant (privacy2), each on literals. */

const context = { lang: 'en', createdAt: '2026-01-01T00:00:00.000Z', tool: { name: 'diag', version: 'test' } };

function reportFrom(target: Bank, answers: Record<string, AnswerValue>): Report {
  const checked = validateAnswers(target, { answers });
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  return buildReport(target, checked.value, context);
}

const bank = bankFrom(
  miniBank({
    profile: [{ id: 'team', type: 'single', text: 'Team', options: [{ value: 'a' }, { value: 'b' }, { value: 'c' }] }],
    questions: [
      { id: 'q1', type: 'likert', dimension: 'a', scale: 'agree5', text: 'Q1' },
      { id: 'opt', type: 'likert', dimension: 'a', scale: 'agree5', required: false, text: 'Optional' },
      { id: 'hours', type: 'number', dimension: 'a', min: 0, max: 40, required: false, text: 'Hours' },
    ],
  }),
);

const person = (team: string, hours: number | null, opt: number | null = hours === null ? null : 3) => reportFrom(bank, { team, q1: 3, opt, hours });
const question = (entries: QuestionEntry[], id: string) => entries.find((q) => q.id === id);
const segment = (result: Aggregate, value: string) => result.segments.find((s) => s.value === value);

describe('a figure is over those who answered, not those who were asked', () => {
  // Team a: five answered 10 hours. Team b: one answered 37, four skipped. Both teams have 5 people,
  // and b's figure is withheld (one answer), yet group (6 answers, mean 14.5, max 37) − a (5, mean 10)
  // gave back the one answer of b: 6 × 14.5 − 5 × 10 = 37.
  const reports = [...Array.from({ length: 5 }, () => person('a', 10)), person('b', 37, 5), ...Array.from({ length: 4 }, () => person('b', null))];

  it('does not let the group minus a segment give back one answer among skips', () => {
    const result = aggregateReports(bank, reports, { by: ['team'], minGroup: 5 });
    expect(result.segments.map((s) => [s.value, s.count])).toEqual([
      ['a', 5],
      ['b', 5],
    ]);
    for (const id of ['hours', 'opt']) {
      const group = question(result.questions, id);
      const a = question(segment(result, 'a')?.questions ?? [], id);
      const b = question(segment(result, 'b')?.questions ?? [], id);
      expect(b).toMatchObject({ withheld: { code: 'few-respondents' } });
      // At most one of the group and segment a is shown: either alone tells nothing of the one answer.
      expect([group, a].filter((x) => x !== undefined && !isWithheld(x))).toHaveLength(1);
    }
    // The group's figure is kept (it is over 6 answers); segment a's is the one withheld.
    expect(question(result.questions, 'hours')).toMatchObject({ answered: 6, skipped: 4, max: 37 });
  });

  it('still shows both where the answers outside the segment are k or more', () => {
    const more = [...Array.from({ length: 5 }, () => person('a', 10)), ...[30, 31, 32, 33, 34].map((h) => person('b', h))];
    const result = aggregateReports(bank, more, { by: ['team'], minGroup: 5 });
    expect(question(segment(result, 'a')?.questions ?? [], 'hours')).toMatchObject({ answered: 5, mean: 10 });
    expect(question(result.questions, 'hours')).toMatchObject({ answered: 10 });
  });
});
