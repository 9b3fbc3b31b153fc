import { describe, expect, it } from '@jest/globals';
import { aggregateReports, isWithheld } from '../../src/core/aggregate.js';
import { findLeak, type AnswerValue } from '../../src/core/index.js';
import { createReliabilityAggregator } from '../../src/core/reliability.js';
import { bankFrom, miniBank, reportFrom } from '../helpers.js';

/** `--by Q` where some said "does not apply" to Q (SPEC sections 9 and 10). */


const bank = bankFrom(
  miniBank({
    profile: [
      { id: 'team', type: 'single', text: 'Team size?', required: true, notApplicable: true, options: [{ value: 'small', label: 'Small' }, { value: 'large', label: 'Large' }] },
      { id: 'manager', type: 'boolean', text: 'Manager?', required: false, notApplicable: { en: 'I work alone' } },
      { id: 'tools', type: 'multiple', text: 'Tools?', required: false, notApplicable: true, options: [{ value: 'mail', label: 'Mail' }, { value: 'chat', label: 'Chat' }] },
    ],
  }),
);

const person = (i: number, profile: Record<string, AnswerValue>) => reportFrom(bank, { ...profile, q1: 1 + (i % 5) });
const many = (n: number, profile: Record<string, AnswerValue>, from = 0) => Array.from({ length: n }, (_, i) => person(from + i, profile));
const hidden = (by: string, value: unknown) => ({ by, value, code: 'hidden', reason: 'fewer than 5 respondents, or hidden so that a group of fewer than 5 cannot be worked out by subtraction' });

describe('--by a question answered "does not apply"', () => {
  it('puts those who said it does not apply in a segment of their own, value "n/a", with their figures', () => {
    const reports = [...many(5, { team: 'small' }), ...many(6, { team: 'large' }, 5), ...many(5, { team: 'n/a' }, 11)];
    const result = aggregateReports(bank, reports, { by: ['team'], minGroup: 5 });
    expect(result.segments.map((x) => [x.value, x.count])).toEqual([
      ['small', 5],
      ['large', 6],
      ['n/a', 5],
    ]);
    // q1 = 1 + (i % 5) for i = 11..15: 2, 3, 4, 5, 1.
    const na = result.segments[2];
    expect(na?.dimensions[0]).toMatchObject({ id: 'a', count: 5 });
    expect(na !== undefined && !isWithheld(na.dimensions[0] ?? { id: 'a', withheld: { code: 'small-group', reason: '' } })).toBe(true);
    // `team` is required: nobody can be in the "no answer" segment, which is not listed.
    expect(result.suppressed).toEqual([]);
    // The --by question's own figures stay hidden, n/a count included.
    expect(result.questions.find((q) => q.id === 'team')).toMatchObject({ withheld: { code: 'by-question' } });
  });

  it('hides a "does not apply" segment smaller than k, and a segment that would give it by subtraction', () => {
    // 12 people: small 5, large 5, n/a 2. Showing small and large would give n/a = 12 − 5 − 5.
    const reports = [...many(5, { team: 'small' }), ...many(5, { team: 'large' }, 5), ...many(2, { team: 'n/a' }, 10)];
    const result = aggregateReports(bank, reports, { by: ['team'], minGroup: 5 });
    expect(result.segments.length).toBeLessThanOrEqual(1);
    expect(result.suppressed).toContainEqual(hidden('team', 'n/a'));
    const shownPeople = result.segments.map((x) => x.count);
    // Whatever is shown, no count or figure is about the two: no row combination isolates them.
    const cells = [5, 5, 2];
    const rows = [[0, 1, 2], ...result.segments.map((x) => [x.value === 'small' ? 0 : x.value === 'large' ? 1 : 2])];
    expect(findLeak(cells, rows, 5)).toBeNull();
    expect(shownPeople.every((n) => n >= 5)).toBe(true);
    // The two people's q1 answers (1 + 10 % 5 = 1, 2) appear in no segment.
    expect(JSON.stringify(result.segments)).not.toContain('"n/a"');
  });

  it('lists the "does not apply" segment as hidden even when nobody chose it, so the list tells nothing', () => {
    const reports = [...many(5, { team: 'small' }), ...many(5, { team: 'large' }, 5)];
    const result = aggregateReports(bank, reports, { by: ['team'], minGroup: 5 });
    expect(result.segments.map((x) => [x.value, x.count])).toEqual([
      ['small', 5],
      ['large', 5],
    ]);
    expect(result.suppressed).toEqual([hidden('team', 'n/a')]);
  });

  it('keeps "does not apply" apart from "no answer" on an optional boolean and on a multiple choice', () => {
    const reports = [...many(5, { team: 'small', manager: true, tools: ['mail'] }), ...many(5, { team: 'small', manager: 'n/a', tools: 'n/a' }, 5), ...many(5, { team: 'large', manager: null, tools: [] }, 10)];
    const result = aggregateReports(bank, reports, { by: ['manager', 'tools'], minGroup: 5 });
    const of = (by: string) => result.segments.filter((x) => x.by === by).map((x) => [x.value, x.count]);
    expect(of('manager')).toEqual([
      [true, 5],
      ['n/a', 5],
      [null, 5],
    ]);
    expect(of('tools')).toEqual([
      ['mail', 5],
      ['n/a', 5],
      [null, 5],
    ]);
    expect(result.suppressed).toEqual([hidden('manager', false), hidden('tools', 'chat')]);
  });
});

describe('--stats by a question answered "does not apply"', () => {
  const statsBank = bankFrom(
    miniBank({
      profile: [{ id: 'manager', type: 'boolean', text: 'Manager?', required: false, notApplicable: true }],
      questions: ['q1', 'q2', 'q3'].map((id) => ({ id, type: 'likert', dimension: 'a', scale: 'agree5', text: id })),
    }),
  );
  // Items that vary together, so that alpha exists in every segment.
  const one = (manager: AnswerValue, i: number) => reportFrom(statsBank, { manager, q1: 1 + (i % 5), q2: 1 + ((i + 1) % 5), q3: 1 + (i % 5) });
  const reports = [0, 1, 2].flatMap((g) => Array.from({ length: 10 }, (_, i) => one(g === 0 ? true : g === 1 ? 'n/a' : null, i + g)));

  it('computes the n/a segment over those who said it does not apply, and the no-answer segment without them', () => {
    const result = aggregateReports(statsBank, reports, { by: ['manager'], minGroup: 5 });
    expect(result.segments.map((x) => [x.value, x.count])).toEqual([
      [true, 10],
      ['n/a', 10],
      [null, 10],
    ]);
    const reliability = createReliabilityAggregator(statsBank, { minGroup: 5, by: ['manager'] });
    for (const r of reports) reliability.add(r);
    const stats = reliability.result(result.segments);
    expect(stats.segments.map((x) => [x.value, x.dimensions[0]?.reliability.n])).toEqual([
      [true, 10],
      ['n/a', 10],
      [null, 10],
    ]);
  });
});
