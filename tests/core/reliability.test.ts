import { describe, expect, it } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { createAggregator } from '../../src/core/aggregate.js';
import { buildReport, validateAnswers, validateBank, type Bank, type Report } from '../../src/core/index.js';
import { alphaBelow, createReliabilityAggregator, round3, type GroupReliability, type ReliabilityReport } from '../../src/core/reliability.js';
import { bankFrom, miniBank } from '../helpers.js';

const context = { lang: 'en', createdAt: '2026-01-01T00:00:00.000Z', tool: { name: 'diag', version: 'test' }, scoresOnly: true };
const fixtures = new URL('../fixtures/', import.meta.url);

function reportOf(bank: Bank, raw: unknown): Report {
  const answers = validateAnswers(bank, raw);
  if (!answers.ok) throw new Error(JSON.stringify(answers.errors));
  return buildReport(bank, answers.value, context);
}

const three = bankFrom(
  miniBank({
    profile: [{ id: 'team', type: 'single', text: 'Team', options: [{ value: 'red' }, { value: 'blue' }] }],
    questions: ['q1', 'q2', 'q3'].map((id) => ({ id, type: 'likert', dimension: 'a', scale: 'agree5', text: id })),
  }),
);

function statsOf(bank: Bank, rows: ReadonlyArray<Record<string, unknown>>, minGroup = 5, by: string[] = []): ReliabilityReport {
  const stats = createReliabilityAggregator(bank, { minGroup, by });
  const aggregator = createAggregator(bank, { by, minGroup });
  for (const answers of rows) {
    const report = reportOf(bank, { answers });
    stats.add(report);
    aggregator.add(report);
  }
  return stats.result(aggregator.result().segments);
}

// Values 1..5 score 0, 25, 50, 75, 100. Worked by hand: item variance numerators 12500, 12500,
// 9000; total 99000; alpha = 3/2 × (1 − 34000/99000) = 65/66 = 0.98484… Without q1: cov(q2, q3) =
// 10000, total 12500 + 9000 + 2 × 10000 = 41500, alpha = 2 × (1 − 21500/41500) = 0.9638…
const worked = [
  [1, 1, 2],
  [2, 2, 2],
  [3, 3, 4],
  [4, 4, 4],
  [5, 5, 5],
].flatMap((r) => [r, r]);
const rowsOf = (values: number[][]) => values.map(([q1, q2, q3]) => ({ team: 'red', q1, q2, q3 }));

describe('Cronbach alpha on literals', () => {
  it('gives the hand-worked alpha, alpha if deleted and item–total r', () => {
    const result = statsOf(three, rowsOf(worked));
    expect(result.dimensions).toEqual([{ id: 'a', reliability: { alpha: 0.985, n: 10, items: 3, alphaIfDeleted: { q1: 0.964, q2: 0.964, q3: 1 } } }]);
    // q1 and q2 are identical: deleting q3 leaves two equal items, alpha 1. r(q1, q2 + q3) =
    // 22500 / √(12500 × 41500) = 0.9879; r(q3, q1 + q2) = 20000 / √(9000 × 50000) = 0.9428.
    expect(result.questions.map((q) => [q.id, q.itemTotal, q.floor, q.ceiling])).toEqual([
      ['q1', 0.988, 20, 20],
      ['q2', 0.988, 20, 20],
      ['q3', 0.943, 0, 20],
    ]);
  });

  it('withholds alpha below max(k, 10) respondents, and below k for floor and ceiling', () => {
    const nine = statsOf(three, rowsOf(worked.slice(0, 9)));
    expect(nine.dimensions[0]?.reliability).toEqual({ alpha: null, items: 3, withheld: { code: 'few-respondents', reason: 'fewer than 10 respondents answered all 3 questions' } });
    expect(nine.questions[0]).toEqual({ id: 'q1', dimension: 'a', itemTotal: null, floor: 22.22, ceiling: 11.11 });
    const k12 = statsOf(three, rowsOf(worked), 12);
    expect(k12.dimensions[0]?.reliability.withheld?.code).toBe('few-respondents');
    expect(k12.questions[0]?.floor).toBeNull();
  });

  it('withholds alpha when an item or the total has a variance of 0, naming the item', () => {
    const flat = statsOf(three, rowsOf(worked.map(([a, b]) => [a ?? 1, b ?? 1, 3])));
    expect(flat.dimensions[0]?.reliability).toMatchObject({ alpha: null, n: 10, withheld: { code: 'zero-variance', reason: expect.stringContaining('q3') } });
    expect(flat.questions.map((q) => q.itemTotal)).toEqual([1, 1, null]);
    // q1 + q2 + q3 = 8 for everyone: the total does not vary although every item does.
    const constant = statsOf(three, rowsOf([[1, 2, 5], [2, 3, 3], [3, 2, 3], [5, 1, 2], [2, 2, 4]].flatMap((r) => [r, r])));
    expect(constant.dimensions[0]?.reliability.withheld?.code).toBe('zero-variance');
  });

  it('keeps only listwise-complete respondents and never a question with a `when`', () => {
    const bank = bankFrom(
      miniBank({
        profile: [{ id: 'lead', type: 'boolean', text: 'Lead?' }],
        questions: [
          { id: 'q1', type: 'likert', dimension: 'a', scale: 'agree5', text: 'Q1' },
          { id: 'q2', type: 'likert', dimension: 'a', scale: 'agree5', required: false, text: 'Q2' },
          { id: 'q3', type: 'likert', dimension: 'a', scale: 'agree5', when: { question: 'lead', equals: true }, text: 'Q3' },
        ],
      }),
    );
    const rows = worked.map(([q1, q2, q3], i) => ({ lead: i % 2 === 0, q1, q2: i === 0 ? null : q2, ...(i % 2 === 0 ? { q3 } : {}) }));
    const result = statsOf(bank, [...rows, { lead: false, q1: 2, q2: 2 }, { lead: false, q1: 4, q2: 5 }]);
    expect(result.dimensions[0]?.reliability).toMatchObject({ n: 11, items: 2 });
    expect(Object.keys(result.dimensions[0]?.reliability.alphaIfDeleted ?? {})).toEqual(['q1', 'q2']);
    expect(result.questions.find((q) => q.id === 'q3')?.itemTotal).toBeUndefined();
  });

  it('stays accurate over a large stream (co-moments, not sums of squares)', () => {
    const stats = createReliabilityAggregator(three, { minGroup: 5, by: [] });
    const reports = worked.map(([q1, q2, q3]) => reportOf(three, { answers: { team: 'red', q1, q2, q3 } }));
    for (let i = 0; i < 20_000; i++) for (const r of reports) stats.add(r);
    expect(stats.result([]).dimensions[0]?.reliability).toMatchObject({ alpha: 0.985, n: 200_000, alphaIfDeleted: { q3: 1 } });
  });

  it('lists the dimensions below --min-alpha, in the group and the segments', () => {
    const result = statsOf(three, rowsOf(worked));
    expect(alphaBelow(result, 0.99)).toEqual([{ by: null, value: null, dimension: 'a', alpha: 0.985 }]);
    expect(alphaBelow(result, 0.985)).toEqual([]);
  });

  it('rounds half up to 3 decimals, without -0', () => {
    expect([round3(0.0005), round3(-0.0004), round3(0.9995), round3(-0.8996)]).toEqual([0.001, 0, 1, -0.9]);
    expect(Object.is(round3(-0.0001), 0)).toBe(true);
  });
});

/** What the TypeScript code gives, in the shape the Python checker writes (withheld as its code). */
function comparable(result: ReliabilityReport): unknown {
  const group = (g: GroupReliability) => ({
    dimensions: g.dimensions.map((d) => {
      const { withheld, ...rest } = d.reliability;
      return { id: d.id, reliability: withheld === undefined ? rest : { ...rest, withheld: withheld.code } };
    }),
    questions: g.questions,
  });
  return { ...group(result), segments: result.segments.map((s) => ({ by: s.by, value: s.value, ...group(s) })) };
}

function loadBank(name: string): Bank {
  const text = readFileSync(new URL(`banks/${name}`, fixtures), 'utf8');
  const result = validateBank(parse(text));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

function run(bank: Bank, answers: unknown[], by: string): ReliabilityReport {
  const stats = createReliabilityAggregator(bank, { minGroup: 5, by: [by] });
  const aggregator = createAggregator(bank, { by: [by], minGroup: 5 });
  for (const raw of answers) {
    const report = reportOf(bank, raw);
    stats.add(report);
    aggregator.add(report);
  }
  return stats.result(aggregator.result().segments);
}

const ndjson = (name: string) =>
  readFileSync(new URL(`stats/${name}`, fixtures), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l): unknown => JSON.parse(l));

describe('against the exact computation of tests/scripts/reliability-check.py', () => {
  const expected = JSON.parse(readFileSync(new URL('stats/expected.json', fixtures), 'utf8')) as Record<string, { segments: Array<{ value: unknown }> }>;
  const sample = loadBank('sample.yaml');
  const stats = loadBank('stats.json');
  const folder = new URL('group/answers/', fixtures);
  const cases: Array<[string, () => ReliabilityReport]> = [
    ['sample-group', () => run(sample, readdirSync(folder).filter((f) => f.endsWith('.yaml')).sort().map((f): unknown => parse(readFileSync(new URL(f, folder), 'utf8'))), 'age')],
    ['stats-a', () => run(stats, ndjson('stats-a.ndjson'), 'role')],
    ['stats-flat', () => run(stats, ndjson('stats-flat.ndjson'), 'role')],
  ];

  it.each(cases)('%s: every alpha, alpha if deleted, item–total r and share', (name, compute) => {
    const want = expected[name];
    if (want === undefined) throw new Error(`no ${name} in expected.json`);
    const got = compute();
    const shown = new Set(got.segments.map((s) => JSON.stringify(s.value)));
    // The checker knows nothing of privacy: compare the segments the aggregate showed.
    expect(comparable(got)).toEqual({ ...want, segments: want.segments.filter((s) => shown.has(JSON.stringify(s.value))) });
  });

  it('covers a conditional question, a zero variance and a negative alpha', () => {
    const text = JSON.stringify(expected);
    expect(text).toContain('"few-items"');
    expect(text).toContain('"zero-variance"');
    expect(text).toMatch(/"alpha":-0\.9\b/);
  });

  const python = spawnSync('python3', ['--version']).status === 0;
  (python ? it : it.skip)('expected.json is what the checker computes today (python3 present)', () => {
    const script = fileURLToPath(new URL('../scripts/reliability-check.py', import.meta.url));
    expect(JSON.parse(execFileSync('python3', [script], { encoding: 'utf8' }))).toEqual(expected);
  });
});
