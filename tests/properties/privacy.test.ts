/**
 * SPEC section 10 as a property, on generated groups: random banks whose questions have a `when`,
 * random `--by` of every type (single, boolean, multiple), random k from 3 to 8.
 *
 * The check is written apart from src/core/disclosure.ts and works from the respondents, not
 * from the core's cells: for each figure of one output, the test builds, from the reports alone,
 * the equations a reader has (one per group or segment where the figure is shown: the sum over its
 * contributors), and asks whether some nonzero combination of them involves fewer than k people.
 * Such a combination exists exactly when removing those people's columns lowers the rank of the
 * equations (the combination would vanish on every other column), so the test deletes every set
 * of fewer than k respondents (whole groups of identical columns; supersets of a set that already
 * lowers the rank need no check) and compares ranks, with its own exact elimination.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { aggregateReports, buildReport, findLeak, isWithheld, validateAnswers, validateBank, type Aggregate, type AnswerValue, type Bank, type Report, type Scalar } from '../../src/core/index.js';

const SEED = 1310;
const RUNS = 400;

// ---------------------------------------------------------------------------------------------
// Generated banks and groups

interface ByDraft {
  type: 'single' | 'boolean' | 'multiple';
  options: number;
  required: boolean;
  /** Offers "does not apply" (SPEC section 9): those who choose it are a segment of their own. */
  notApplicable: boolean;
}

interface ItemDraft {
  type: 'likert' | 'boolean' | 'number';
  dimension: number;
  /** Index of the profile question it depends on, and which of its values; undefined: always asked. */
  when: { on: number; value: number; answered: boolean } | undefined;
  required: boolean;
}

const byDraft = fc.record({ type: fc.constantFrom<ByDraft['type']>('single', 'boolean', 'multiple'), options: fc.integer({ min: 2, max: 4 }), required: fc.boolean(), notApplicable: fc.boolean() });
const itemDraft = fc.record({
  type: fc.constantFrom<ItemDraft['type']>('likert', 'boolean', 'number'),
  dimension: fc.nat({ max: 2 }),
  when: fc.option(fc.record({ on: fc.nat({ max: 2 }), value: fc.nat({ max: 3 }), answered: fc.boolean() }), { nil: undefined, freq: 2 }),
  required: fc.boolean(),
});

const optionValues = (draft: ByDraft) => Array.from({ length: draft.options }, (_, i) => `v${i}`);

function makeBank(profile: ByDraft[], items: ItemDraft[], dimensions: number): Bank {
  const profileQuestions = profile.map((p, i) => {
    const base = { id: `p${i}`, text: `P${i}`, required: p.type === 'multiple' ? false : p.required, ...(p.notApplicable ? { notApplicable: true } : {}) };
    return p.type === 'boolean' ? { ...base, type: 'boolean' } : { ...base, type: p.type, options: optionValues(p).map((value) => ({ value, score: 50 })) };
  });
  const questions = items.map((item, i) => {
    const dimension = `d${item.dimension % dimensions}`;
    let when: unknown;
    if (item.when !== undefined) {
      const on = profile[item.when.on % profile.length];
      const id = `p${item.when.on % profile.length}`;
      if (on === undefined) when = undefined;
      else if (item.when.answered) when = { question: id, answered: true };
      else if (on.type === 'boolean') when = { question: id, equals: item.when.value % 2 === 0 };
      else if (on.type === 'multiple') when = { question: id, includes: optionValues(on)[item.when.value % on.options] };
      else when = { question: id, equals: optionValues(on)[item.when.value % on.options] };
    }
    const base = { id: `q${i}`, text: `Q${i}`, dimension, required: item.required, ...(when === undefined ? {} : { when }) };
    if (item.type === 'likert') return { ...base, type: 'likert', options: [1, 2, 3, 4, 5].map((value) => ({ value, label: String(value) })) };
    if (item.type === 'number') return { ...base, type: 'number', min: 0, max: 100 };
    return { ...base, type: 'boolean' };
  });
  const raw = {
    id: 'gen',
    version: '1.0.0',
    languages: ['en'],
    title: 'Generated',
    dimensions: Array.from({ length: dimensions }, (_, i) => ({ id: `d${i}`, title: `D${i}` })),
    levels: [
      { id: 'low', min: 0, label: 'Low' },
      { id: 'high', min: 50, label: 'High' },
    ],
    profile: profileQuestions,
    questions,
  };
  const result = validateBank(raw);
  if (!result.ok) throw new Error(`generated bank refused: ${JSON.stringify(result.errors)}\n${JSON.stringify(raw)}`);
  return result.value;
}

/** One respondent's raw choices: an index per question, used modulo its options. */
const respondentDraft = fc.record({
  profile: fc.array(fc.record({ pick: fc.nat({ max: 9 }), many: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), skip: fc.nat({ max: 5 }) }), { minLength: 3, maxLength: 3 }),
  items: fc.array(fc.record({ value: fc.nat({ max: 100 }), skip: fc.nat({ max: 5 }) }), { minLength: 6, maxLength: 6 }),
});

function answersFor(bank: Bank, draft: { profile: Array<{ pick: number; many: boolean[]; skip: number }>; items: Array<{ value: number; skip: number }> }): Record<string, AnswerValue> {
  const answers: Record<string, AnswerValue> = {};
  let p = 0;
  let q = 0;
  for (const question of bank.questions) {
    if (question.profile) {
      const d = draft.profile[p++] ?? { pick: 0, many: [], skip: 1 };
      // Lopsided on purpose: most pick the first value, so that small segments are common.
      const first = d.pick < 6 ? 0 : d.pick - 5;
      if (!question.required && d.skip === 0) answers[question.id] = null;
      else if (question.notApplicable !== undefined && (d.skip === 1 || d.skip === 2)) answers[question.id] = 'n/a';
      else if (question.type === 'boolean') answers[question.id] = first % 2 === 0;
      else if (question.type === 'single') answers[question.id] = question.options[first % question.options.length]?.value ?? null;
      else if (question.type === 'multiple') answers[question.id] = question.options.filter((_, i) => d.many[i] === true || (i === 0 && d.pick < 5)).map((o) => o.value);
    } else {
      const d = draft.items[q++] ?? { value: 0, skip: 1 };
      if (!question.required && d.skip === 0) answers[question.id] = null;
      else if (question.type === 'likert') answers[question.id] = 1 + (d.value % 5);
      else if (question.type === 'number') answers[question.id] = d.value;
      else answers[question.id] = d.value % 2 === 0;
    }
  }
  return answers;
}

function reportOf(bank: Bank, answers: Record<string, AnswerValue>): Report {
  const checked = validateAnswers(bank, { answers });
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  return buildReport(bank, checked.value, { lang: 'en', createdAt: '2026-01-01T00:00:00.000Z', tool: { name: 'diag', version: 'test' } });
}

interface Case {
  bank: Bank;
  reports: Report[];
  by: string[];
  k: number;
}

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    profile: fc.array(byDraft, { minLength: 1, maxLength: 3 }),
    items: fc.array(itemDraft, { minLength: 2, maxLength: 6 }),
    dimensions: fc.integer({ min: 1, max: 3 }),
    people: fc.array(respondentDraft, { maxLength: 16 }),
    byOrder: fc.array(fc.nat({ max: 2 }), { minLength: 1, maxLength: 3 }),
    k: fc.integer({ min: 3, max: 8 }),
  })
  .map(({ profile, items, dimensions, people, byOrder, k }) => {
    const bank = makeBank(profile, items, dimensions);
    const by = [...new Set(byOrder.map((i) => `p${i % profile.length}`))];
    return { bank, reports: people.map((d) => reportOf(bank, answersFor(bank, d))), by, k };
  });

// ---------------------------------------------------------------------------------------------
// The independent check

/** The answer a report holds for a question; undefined when it was not asked. */
function answerIn(report: Report, bank: Bank, id: string): AnswerValue | undefined {
  const question = bank.questions.find((q) => q.id === id);
  const section = question?.profile === true ? report.profile : report.answers;
  return Object.hasOwn(section, id) ? section[id] : undefined;
}

/** Whether a respondent is in the segment `value` of `by` (null: no answer, or nothing chosen; `n/a`: does not apply). */
function inSegment(report: Report, bank: Bank, by: string, value: Scalar | null): boolean {
  const answer = answerIn(report, bank, by);
  const picked = answer === undefined || answer === null ? [] : Array.isArray(answer) ? answer : [answer];
  return value === null ? picked.length === 0 : picked.some((v) => v === value);
}

/** Rank of a 0/1 matrix by exact fraction-free elimination (entries stay small integers). */
function rank(matrix: number[][]): number {
  const rows = matrix.map((r) => [...r]);
  let r = 0;
  const width = rows[0]?.length ?? 0;
  for (let c = 0; c < width && r < rows.length; c++) {
    const p = rows.findIndex((row, i) => i >= r && row[c] !== 0);
    if (p < 0) continue;
    [rows[r], rows[p]] = [rows[p] as number[], rows[r] as number[]];
    const pivot = rows[r] as number[];
    for (let i = r + 1; i < rows.length; i++) {
      const row = rows[i] as number[];
      const f = row[c] ?? 0;
      if (f === 0) continue;
      const a = pivot[c] ?? 1;
      let g = 0;
      for (let j = 0; j < width; j++) {
        row[j] = (row[j] ?? 0) * a - (pivot[j] ?? 0) * f;
        g = gcdNumber(g, row[j] ?? 0);
      }
      if (g > 1) for (let j = 0; j < width; j++) row[j] = (row[j] ?? 0) / g;
    }
    r += 1;
  }
  return r;
}

function gcdNumber(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

/**
 * Some set of fewer than k of `people` (indexes) such that a nonzero combination of the equations
 * (each a set of people) lives on it alone; undefined when there is none.
 */
function isolatingSet(people: number[], equations: Array<Set<number>>, k: number): number[] | undefined {
  if (equations.length === 0 || people.length === 0) return undefined;
  // People in exactly the same equations are one column group: deleting part of it changes nothing.
  const groups = new Map<string, number[]>();
  for (const person of people) {
    const key = equations.map((e) => (e.has(person) ? '1' : '0')).join('');
    groups.set(key, [...(groups.get(key) ?? []), person]);
  }
  const columns = [...groups.entries()].map(([key, members]) => ({ vector: [...key].map(Number), members }));
  const matrix = (kept: typeof columns) => equations.map((_, row) => kept.map((c) => c.vector[row] ?? 0));
  const full = rank(matrix(columns));
  let found: number[] | undefined;
  const visit = (from: number, removed: number[], size: number) => {
    if (found !== undefined) return;
    if (removed.length > 0) {
      const kept = columns.filter((_, i) => !removed.includes(i));
      if (rank(matrix(kept)) < full) {
        found = removed.flatMap((i) => columns[i]?.members ?? []);
        return;
      }
    }
    for (let i = from; i < columns.length; i++) {
      const n = columns[i]?.members.length ?? 0;
      if (size + n < k) visit(i + 1, [...removed, i], size + n);
    }
  };
  visit(0, [], 0);
  return found;
}

type Figure = { kind: 'overall' } | { kind: 'dimension'; id: string } | { kind: 'question'; id: string };

function contributes(report: Report, bank: Bank, figure: Figure): { contributor: boolean; answered: boolean } {
  if (figure.kind === 'overall') return { contributor: report.scores.overall.score !== null, answered: report.scores.overall.score !== null };
  if (figure.kind === 'dimension') {
    const scored = report.scores.dimensions.some((d) => d.id === figure.id && d.score !== null);
    return { contributor: scored, answered: scored };
  }
  const answer = answerIn(report, bank, figure.id);
  // "Does not apply" is asked but not a value: outside distributions and means, like a skip.
  const notApplicable = answer === 'n/a' && bank.questions.find((q) => q.id === figure.id)?.notApplicable !== undefined;
  return { contributor: answer !== undefined, answered: answer !== undefined && answer !== null && !notApplicable };
}

/** Every violation of SPEC section 10 found in one output; empty when there is none. */
function violations({ bank, reports, by, k }: Case, result: Aggregate): string[] {
  const found: string[] = [];
  const everyone = reports.map((_, i) => i);
  if (reports.length < k) {
    const empty = result.withheld !== undefined && result.dimensions.length === 0 && result.questions.length === 0 && result.segments.length === 0 && result.suppressed.length === 0 && isWithheld(result.overall);
    if (!empty) found.push(`a group of ${reports.length} < k = ${k} shows more than its count`);
    return found;
  }
  const groups = [{ name: 'group', members: everyone, entries: result }, ...result.segments.map((x) => ({ name: `${x.by}=${String(x.value)}`, members: everyone.filter((i) => inSegment(reports[i] as Report, bank, x.by, x.value)), entries: x }))];
  for (const x of result.segments) {
    const members = everyone.filter((i) => inSegment(reports[i] as Report, bank, x.by, x.value));
    if (members.length !== x.count) found.push(`segment ${x.by}=${String(x.value)}: count ${x.count}, but ${members.length} respondents`);
    if (members.length < k) found.push(`segment ${x.by}=${String(x.value)} shown with ${members.length} < k`);
  }
  for (const x of result.suppressed) if ('count' in x) found.push('a suppressed segment shows a count');
  // The segment counts.
  const countLeak = isolatingSet(everyone, groups.map((g) => new Set(g.members)), k);
  if (countLeak !== undefined) found.push(`segment counts isolate respondents ${countLeak.join(',')}`);
  // Each figure.
  const figures: Figure[] = [{ kind: 'overall' }, ...bank.dimensions.map((d): Figure => ({ kind: 'dimension', id: d.id })), ...bank.questions.map((q): Figure => ({ kind: 'question', id: q.id }))];
  for (const figure of figures) {
    const id = figure.kind === 'overall' ? 'overall' : figure.id;
    const equations: Array<Set<number>> = [];
    for (const g of groups) {
      const list = figure.kind === 'overall' ? [g.entries.overall] : figure.kind === 'dimension' ? g.entries.dimensions : g.entries.questions;
      const entry = list.find((e) => e.id === id);
      if (entry === undefined || isWithheld(entry)) continue;
      if (figure.kind === 'question' && by.includes(id)) found.push(`${g.name}: the --by question ${id} shows its distribution`);
      const answered = g.members.filter((i) => contributes(reports[i] as Report, bank, figure).answered).length;
      if (answered < k) found.push(`${g.name}: ${id} shown over ${answered} < k = ${k} respondents`);
      equations.push(new Set(g.members.filter((i) => contributes(reports[i] as Report, bank, figure).contributor)));
    }
    const contributors = everyone.filter((i) => contributes(reports[i] as Report, bank, figure).contributor);
    const leak = isolatingSet(contributors, equations, k);
    if (leak !== undefined) found.push(`${id}: the figures shown isolate respondents ${leak.join(',')} (k = ${k})`);
    // Its distribution and mean are over those who answered: no combination may isolate fewer of them.
    const answering = everyone.filter((i) => contributes(reports[i] as Report, bank, figure).answered);
    const answerLeak = isolatingSet(answering, equations, k);
    if (answerLeak !== undefined) found.push(`${id}: the figures shown isolate answers of respondents ${answerLeak.join(',')} (k = ${k})`);
    // Counts are whole numbers from 0 to a cell's size, so that bounds can pin a small cell down even
    // where no combination isolates it: those in exactly the same shown rows are 0 or at least k.
    for (const [what, set] of [['asked', contributors], ['answering', answering]] as const) {
      const cells = new Map<string, number>();
      for (const i of set) {
        const key = equations.map((e) => (e.has(i) ? '1' : '0')).join('');
        cells.set(key, (cells.get(key) ?? 0) + 1);
      }
      for (const [key, n] of cells) if (n < k && equations.length > 0) found.push(`${id}: ${n} ${what} respondent(s) in exactly the rows ${key}, fewer than k = ${k}`);
    }
  }
  return found;
}

describe('SPEC section 10 on generated groups', () => {
  it('the independent check itself finds the leaks of a naive output', () => {
    // group of 7, shown segment of 6: the seventh is isolated.
    expect(isolatingSet([0, 1, 2, 3, 4, 5, 6], [new Set([0, 1, 2, 3, 4, 5, 6]), new Set([0, 1, 2, 3, 4, 5])], 5)).toEqual([6]);
    // overlapping segments: group − mail − chat = wiki − both
    const mail = new Set([0, 1, 2, 3, 4, 10]);
    const chat = new Set([5, 6, 7, 8, 9, 10]);
    expect(isolatingSet([...Array(12).keys()], [new Set(Array(12).keys()), mail, chat], 5)?.sort()).toEqual([10, 11]);
    expect(isolatingSet([...Array(12).keys()], [new Set(Array(12).keys()), chat], 5)).toBeUndefined();
  });

  it('findLeak agrees with the independent check on random equations (exact, no search bound reached)', () => {
    const equationsArb = fc.record({
      people: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 9 }),
      rows: fc.array(fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }), { minLength: 1, maxLength: 6 }),
      k: fc.integer({ min: 3, max: 8 }),
    });
    let leaks = 0;
    fc.assert(
      fc.property(equationsArb, ({ people, rows, k }) => {
        const members = rows.map((row) => people.flatMap((_, c) => (row[c] === true ? [c] : [])));
        // The same equations over persons: cell c holds people[c] persons.
        const personsOf = people.map((n, c) => Array.from({ length: n }, (_, j) => people.slice(0, c).reduce((a, b) => a + b, 0) + j));
        const everyone = personsOf.flat();
        const equations = members.map((cells) => new Set(cells.flatMap((c) => personsOf[c] ?? [])));
        const expected = isolatingSet(everyone, equations, k) !== undefined;
        if (expected) leaks += 1;
        expect(findLeak(people, members, k) !== null).toBe(expected);
      }),
      { seed: SEED, numRuns: 400 },
    );
    expect(leaks).toBeGreaterThan(40);
  });

  it('no figure is about fewer than k, and no combination of the figures shown isolates fewer than k', () => {
    let withSegments = 0;
    let withWithheld = 0;
    let withNotApplicable = 0;
    fc.assert(
      fc.property(caseArb, (c) => {
        const result = aggregateReports(c.bank, c.reports, { by: c.by, minGroup: c.k });
        if (result.segments.length > 0) withSegments += 1;
        if (result.dimensions.some(isWithheld)) withWithheld += 1;
        if (result.segments.some((x) => x.value === 'n/a')) withNotApplicable += 1;
        expect(violations(c, result)).toEqual([]);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // The generator must reach the interesting cases, or the property says little.
    expect(withSegments).toBeGreaterThan(RUNS / 10);
    expect(withWithheld).toBeGreaterThan(RUNS / 10);
    expect(withNotApplicable).toBeGreaterThan(RUNS / 40);
  });
});
