import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { aggregateReports, checkMinGroup, createAggregator, isWithheld, type Aggregate } from '../../src/core/aggregate.js';
import { findLeak, protectRows } from '../../src/core/disclosure.js';
import { validateBank } from '../../src/core/index.js';
import { bankFrom, miniBank, reportFrom } from '../helpers.js';

/** SPEC section 10, each case of issue 13 on literals. */


const sampleResult = validateBank(parse(readFileSync(new URL('../fixtures/banks/sample.yaml', import.meta.url), 'utf8')));
if (!sampleResult.ok) throw new Error('sample bank');
const sample = sampleResult.value;

/** A non-seller of the sample bank, with answers that vary with i. */
const nonSeller = (i: number) =>
  reportFrom(sample, { age: '30-44', sells: false, 'async.interruptions': 1 + (i % 5), 'async.written': i % 2 === 0 ? 0 : 10, 'async.optional': null, 'digital.tools': 1 + (i % 11), 'digital.rules': i % 3 === 0, 'digital.support': 'some', 'digital.note': 3 });
const seller = reportFrom(sample, { age: '30-44', sells: true, 'async.interruptions': 5, 'async.written': 10, 'async.optional': 2, 'digital.tools': 3, 'digital.rules': true, 'digital.support': 'full', 'digital.note': 3, 'sales.channels': ['social', 'phone'], 'sales.cold_calls': true });
const twelve = [...Array.from({ length: 11 }, (_, i) => nonSeller(i)), seller];

const entry = (list: Array<{ id: string }>, id: string) => list.find((x) => x.id === id);

describe('a dimension or a question asked of fewer than k (a `when`)', () => {
  it('one seller among twelve, --by sells: no Sales figure and no sales question figure anywhere', () => {
    const result = aggregateReports(sample, twelve, { by: ['sells'], minGroup: 5 });
    expect(result.count).toBe(12);
    expect(entry(result.dimensions, 'sales')).toEqual({ id: 'sales', withheld: { code: 'few-respondents', reason: 'fewer than 5 respondents with a score' } });
    for (const id of ['sales.channels', 'sales.cold_calls']) expect(entry(result.questions, id)).toMatchObject({ id, withheld: { code: 'few-respondents' } });
    // sells = yes (1) is too small, and sells = no (11) is the group minus that one person.
    expect(result.segments).toEqual([]);
    expect(result.suppressed).toEqual([
      { by: 'sells', value: true, reason: 'fewer than 5 respondents, or hidden so that a group of fewer than 5 cannot be worked out by subtraction', code: 'hidden' },
      { by: 'sells', value: false, reason: 'fewer than 5 respondents, or hidden so that a group of fewer than 5 cannot be worked out by subtraction', code: 'hidden' },
    ]);
    // The seller's own figures (a Sales score, answered: 1) are nowhere in the output.
    const text = JSON.stringify(result);
    expect(text).not.toMatch(/"answered":1\b/);
    expect(text).not.toContain('"sales","count"');
  });

  it('shows a conditional figure where at least k have a score, and only there', () => {
    const sellers = Array.from({ length: 5 }, () => seller);
    const result = aggregateReports(sample, [...twelve.slice(0, 11), ...sellers], { by: [], minGroup: 5 });
    expect(entry(result.dimensions, 'sales')).toMatchObject({ id: 'sales', count: 5 });
    expect(entry(result.questions, 'sales.channels')).toMatchObject({ answered: 5 });
    // 4 sellers: withheld.
    expect(entry(aggregateReports(sample, [...twelve.slice(0, 11), ...sellers.slice(1)], { by: [], minGroup: 5 }).dimensions, 'sales')).toMatchObject({ withheld: { code: 'few-respondents' } });
  });
});

describe('--by a multiple-choice question', () => {
  const bank = bankFrom(
    miniBank({
      profile: [
        { id: 'tools', type: 'multiple', text: 'Tools', required: false, options: [{ value: 'mail' }, { value: 'chat' }, { value: 'wiki' }] },
        { id: 'team', type: 'single', text: 'Team', options: [{ value: 'red' }, { value: 'blue' }] },
        { id: 'remote', type: 'boolean', text: 'Remote?' },
      ],
      questions: [{ id: 'n', type: 'number', dimension: 'a', min: 0, max: 100, text: 'N' }],
    }),
  );
  const person = (tools: string[] | null, n: number, team = 'red', remote = false) => reportFrom(bank, { tools, n, team, remote });
  const meanOf = (result: Aggregate, value: string) => {
    const segment = result.segments.find((x) => x.value === value);
    const a = segment?.dimensions.find((d) => d.id === 'a');
    return a === undefined || isWithheld(a) ? undefined : a.mean;
  };

  it('the group minus a shown segment never gives back the one person outside it', () => {
    // Six use mail, one (score 97) uses chat only: group (7) − mail (6) was that person.
    const reports = [...[10, 20, 30, 40, 50, 60].map((n) => person(['mail'], n)), person(['chat'], 97)];
    const result = aggregateReports(bank, reports, { by: ['tools'], minGroup: 5 });
    expect(result.segments).toEqual([]);
    expect(result.suppressed.find((x) => x.value === 'mail')).toMatchObject({ code: 'hidden' });
  });

  it('overlapping segments: group − mail − chat = (the wiki person) − (the one with both): one of them is withheld', () => {
    const reports = [...[1, 2, 3, 4, 5].map((n) => person(['mail'], n)), ...[6, 7, 8, 9, 10].map((n) => person(['chat'], n)), person(['mail', 'chat'], 50), person(['wiki'], 90)];
    const result = aggregateReports(bank, reports, { by: ['tools'], minGroup: 5 });
    // One of the two is left; either way the other person's score cannot be solved for.
    expect(result.segments.map((x) => [x.value, x.count])).toEqual([['chat', 6]]);
    expect(meanOf(result, 'chat')).toBeCloseTo((6 + 7 + 8 + 9 + 10 + 50) / 6, 2);
    expect(result.suppressed.map((x) => [x.value, x.code])).toEqual([
      ['mail', 'hidden'],
      ['wiki', 'hidden'],
      [null, 'hidden'],
    ]);
  });

  it('the null "no answer" segment is protected like any other', () => {
    const reports = [...Array.from({ length: 10 }, (_, i) => person(['mail'], i * 10)), person(null, 99), person([], 98)];
    const result = aggregateReports(bank, reports, { by: ['tools'], minGroup: 5 });
    expect(result.segments).toEqual([]);
  });

  it('two breakdowns: red − remote = (red, on site) − (blue, remote) is caught across breakdowns', () => {
    const reports = [
      ...[1, 2, 3, 4].map((n) => person(['mail'], n, 'red', true)),
      person(['mail'], 50, 'red', false),
      person(['mail'], 60, 'blue', true),
      ...[5, 6, 7, 8].map((n) => person(['mail'], n, 'blue', false)),
    ];
    const result = aggregateReports(bank, reports, { by: ['team', 'remote'], minGroup: 5 });
    // Each breakdown alone would be fine (5 and 5); together they would give away the two.
    const shownBy = new Set(result.segments.map((x) => x.by));
    expect(shownBy.size).toBeLessThanOrEqual(1);
    expect(result.segments.length).toBe(2);
  });
});

describe('the --by question itself', () => {
  it('its own distribution is never shown: it would give the size of a suppressed segment', () => {
    const result = aggregateReports(sample, twelve, { by: ['sells'], minGroup: 5 });
    expect(entry(result.questions, 'sells')).toEqual({ id: 'sells', type: 'boolean', withheld: { code: 'by-question', reason: expect.any(String) } });
    // Without --by sells, its distribution is an ordinary one (the number who chose an option may be small).
    expect(entry(aggregateReports(sample, twelve, { by: [], minGroup: 5 }).questions, 'sells')).toMatchObject({ distribution: { true: 1, false: 11 } });
  });
});

describe('a whole group smaller than k', () => {
  it('shows its count and nothing else', () => {
    const result = aggregateReports(sample, twelve.slice(0, 4), { by: ['sells', 'age'], minGroup: 5 });
    expect(result).toEqual({
      count: 4,
      minGroup: 5,
      withheld: { code: 'small-group', reason: 'fewer than 5 respondents' },
      overall: { id: 'overall', withheld: { code: 'small-group', reason: 'fewer than 5 respondents' } },
      dimensions: [],
      questions: [],
      segments: [],
      suppressed: [],
    });
  });

  it('the streaming API gives the same as the pure function', () => {
    const aggregator = createAggregator(sample, { by: ['sells'], minGroup: 3 });
    for (const report of twelve) aggregator.add(report);
    expect(aggregator.result()).toEqual(aggregateReports(sample, twelve, { by: ['sells'], minGroup: 3 }));
  });
});

describe('--min-group and suppressed', () => {
  it('refuses a k below 3', () => {
    expect(checkMinGroup(2)).toContain('at least 3');
    expect(checkMinGroup(1)).not.toBeNull();
    expect(checkMinGroup(3.5)).not.toBeNull();
    expect(checkMinGroup(Number.NaN)).not.toBeNull();
    expect(checkMinGroup(3)).toBeNull();
    expect(() => createAggregator(sample, { by: [], minGroup: 0 })).toThrow(RangeError);
  });

  it('suppressed says what and why, never how many', () => {
    const result = aggregateReports(sample, twelve, { by: ['sells', 'age'], minGroup: 5 });
    for (const x of result.suppressed) expect(Object.keys(x).sort()).toEqual(['by', 'code', 'reason', 'value']);
    expect(result.suppressed.map((x) => [x.by, x.value])).toEqual([
      ['sells', true],
      ['sells', false],
      ['age', '18-29'],
      ['age', '45+'],
    ]);
    // age is required and asked of all: no null segment to list.
  });
});

describe('findLeak and protectRows', () => {
  it('finds the group minus the shown segments of a partition', () => {
    // cells: A (6), B (1); rows: group, A
    expect(findLeak([6, 1], [[0, 1], [0]], 5)).toMatchObject({ rows: [0, 1] });
    expect(findLeak([6, 5], [[0, 1], [0]], 5)).toBeNull();
  });

  it('finds a difference of two people, and a small cell determined alone', () => {
    // cells: mail only 5, chat only 5, both 1, wiki 1; rows: group, mail, chat
    expect(findLeak([5, 5, 1, 1], [[0, 1, 2, 3], [0, 2], [1, 2]], 5)).not.toBeNull();
    expect(findLeak([5, 5, 1, 1], [[0, 1, 2, 3], [1, 2]], 5)).toBeNull();
    // a row holding only 2 people
    expect(findLeak([8, 2], [[0, 1], [1]], 5)).not.toBeNull();
  });

  it('withholds the smallest row taking part, never a kept one', () => {
    expect([...protectRows([5, 5, 1, 1], [[0, 1, 2, 3], [0, 2], [1, 2]], 5, (row) => row === 0)]).toEqual([1]);
    expect([...protectRows([6, 1], [[0, 1], [0]], 5, (row) => row === 0)]).toEqual([1]);
    expect(protectRows([6, 7], [[0, 1], [0], [1]], 5, (row) => row === 0).size).toBe(0);
  });
});

describe('a question asked according to a --by question with hidden groups', () => {
  it('six sellers and one non-seller, --by sells: Sales (6 ≥ k) would tell that one person does not sell', () => {
    const group = [nonSeller(0), ...Array.from({ length: 6 }, () => seller)];
    const result = aggregateReports(sample, group, { by: ['sells'], minGroup: 5 });
    expect(result.suppressed.map((x) => [x.value, x.code])).toEqual([
      [true, 'hidden'],
      [false, 'hidden'],
    ]);
    // Before: Sales (count 6) next to the group's 7 gave the size of the hidden "no" group.
    for (const id of ['sales']) expect(entry(result.dimensions, id)).toMatchObject({ withheld: { code: 'complementary', reason: expect.stringContaining('"sells"') } });
    for (const id of ['sales.channels', 'sales.cold_calls']) expect(entry(result.questions, id)).toMatchObject({ withheld: { code: 'complementary' } });
    // Async and Digital are asked of all: shown.
    expect(entry(result.dimensions, 'async')).toMatchObject({ count: 7 });
    // Without --by sells, nothing is hidden: Sales is an ordinary figure over its 6 sellers.
    expect(entry(aggregateReports(sample, group, { by: [], minGroup: 5 }).dimensions, 'sales')).toMatchObject({ count: 6 });
  });

  it('follows `when` through other questions, and a dimension only when all its questions depend', () => {
    const bank = bankFrom(
      miniBank({
        profile: [{ id: 'remote', type: 'boolean', text: 'Remote?' }],
        dimensions: [{ id: 'a', title: 'A' }, { id: 'b', title: 'B' }],
        questions: [
          { id: 'x', type: 'boolean', dimension: 'a', text: 'X', when: { question: 'remote', equals: true } },
          { id: 'y', type: 'boolean', dimension: 'a', text: 'Y', when: { question: 'x', answered: true } },
          { id: 'z', type: 'boolean', dimension: 'b', text: 'Z', when: { not: { question: 'y', equals: false } } },
          { id: 'w', type: 'boolean', dimension: 'b', text: 'W' },
        ],
      }),
    );
    const people = [...Array.from({ length: 6 }, () => reportFrom(bank, { remote: true, x: true, y: true, z: true, w: true })), reportFrom(bank, { remote: false, z: false, w: false })];
    const result = aggregateReports(bank, people, { by: ['remote'], minGroup: 5 });
    const codes = (list: Array<{ id: string; withheld?: { code: string } }>) => Object.fromEntries(list.map((e) => [e.id, e.withheld?.code ?? 'shown']));
    expect(codes(result.questions)).toEqual({ remote: 'by-question', x: 'complementary', y: 'complementary', z: 'complementary', w: 'shown' });
    // a is scored only through x and y; b also through w, asked of all.
    expect(codes([...result.dimensions, result.overall])).toEqual({ a: 'complementary', b: 'shown', overall: 'shown' });
  });
});
