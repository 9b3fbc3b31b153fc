import { describe, expect, it } from '@jest/globals';
import { aggregateReports, isWithheld, type Aggregate, type QuestionEntry } from '../../src/core/aggregate.js';
import { protectCells } from '../../src/core/disclosure.js';
import { buildReport, validateAnswers } from '../../src/core/index.js';
import { bankFrom, miniBank, reportFrom } from '../helpers.js';

/** SPEC section 10: attacks by a curious participant (privacy2), each on literals. */


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

describe('overlapping segments: counts are whole numbers between 0 and the cell size', () => {
  const tools = bankFrom(
    miniBank({
      profile: [{ id: 'tools', type: 'multiple', text: 'Tools', options: [{ value: 'mail' }, { value: 'chat' }, { value: 'wiki' }] }],
      questions: [{ id: 'q1', type: 'likert', dimension: 'a', scale: 'agree5', text: 'Q1' }],
    }),
  );
  const user = (picked: string[], q1: number) => reportFrom(tools, { tools: picked, q1 });
  // Five use mail only (q1 = 2), five chat only (3), five wiki only (4), one uses all three (5).
  // No linear combination of group, chat and wiki isolates that one person, but the counts do:
  // "5" is chosen once in the group, once in chat and once in wiki. If the one who chose it were
  // not the one in both, chat and wiki would hold two different people choosing 5, more than the
  // group's one. So the person who uses all three tools answered 5.
  const reports = [...Array.from({ length: 5 }, () => user(['mail'], 2)), ...Array.from({ length: 5 }, () => user(['chat'], 3)), ...Array.from({ length: 5 }, () => user(['wiki'], 4)), user(['mail', 'chat', 'wiki'], 5)];

  it('no figure is shown in two segments that share fewer than k people', () => {
    const result = aggregateReports(tools, reports, { by: ['tools'], minGroup: 5 });
    const showing = (id: string) => result.segments.filter((s) => [...s.dimensions, ...s.questions, s.overall].some((e) => e.id === id && !isWithheld(e))).map((s) => s.value);
    for (const id of ['q1', 'a', 'overall']) {
      const where = showing(id);
      expect(where.filter((v) => v === 'chat' || v === 'wiki' || v === 'mail').length).toBeLessThanOrEqual(1);
    }
    // The segment counts alone are safe (how many use each tool) and stay shown.
    expect(result.segments.map((s) => [s.value, s.count])).toEqual([
      ['chat', 6],
      ['wiki', 6],
    ]);
    // The group's figures stay shown.
    expect(question(result.questions, 'q1')).toMatchObject({ answered: 16, distribution: { '5': 1 } });
  });
});

const context = { lang: 'en', createdAt: '2026-01-01T00:00:00.000Z', tool: { name: 'diag', version: 'test' } };

describe('the same respondent twice', () => {
  const named = (respondent: string, team: string, hours: number) => {
    const checked = validateAnswers(bank, { respondent, answers: { team, q1: 3, opt: 3, hours } });
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
    return buildReport(bank, checked.value, context);
  };

  it('is counted once when the name and every answer are the same (a report beside its answer file)', () => {
    // Three people, two of them twice: five files, but a figure over three.
    const three = [named('Ana', 'a', 1), named('Bo', 'a', 2), named('Cy', 'a', 3)];
    const result = aggregateReports(bank, [...three, named('Ana', 'a', 1), named('Bo', 'a', 2)], { by: [], minGroup: 5 });
    expect(result).toMatchObject({ count: 3, withheld: { code: 'small-group' }, dimensions: [], questions: [] });
  });

  it('is counted twice when the answers differ (two people may share a first name), and anonymous files always count', () => {
    const people = [named('Ana', 'a', 1), named('Ana', 'a', 2), named('Bo', 'a', 2), named('Cy', 'a', 3), person('a', 4), person('a', 4)];
    expect(aggregateReports(bank, people, { by: [], minGroup: 5 }).count).toBe(6);
  });
});

describe('suppressed says nothing of how many', () => {
  it('one code and one reason for every hidden segment: "complementary" (k or more) next to the counts shown gave the size of the rest', () => {
    // Group 11, team b (5) shown, a (5) hidden, c (1) hidden. Had a said "k or more", the rest
    // (11 − 5 − a ≥ 0, and not 0 or a would not be hidden) would be exactly 1: c's size.
    const reports = [...Array.from({ length: 5 }, () => person('a', 1)), ...Array.from({ length: 5 }, () => person('b', 2)), person('c', 3)];
    const result = aggregateReports(bank, reports, { by: ['team'], minGroup: 5 });
    expect(result.segments.map((s) => [s.value, s.count])).toEqual([['b', 5]]);
    const reason = 'fewer than 5 respondents, or hidden so that a group of fewer than 5 cannot be worked out by subtraction';
    expect(result.suppressed).toEqual([
      { by: 'team', value: 'a', code: 'hidden', reason },
      { by: 'team', value: 'c', code: 'hidden', reason },
    ]);
  });
});

describe('protectCells', () => {
  it('withholds until every cell is empty or holds k, and gives back what is not needed', () => {
    // cells: mail only 5, chat only 5, wiki only 5, all three 1; rows: group, chat, wiki.
    expect([...protectCells([[5, 5, 5, 1]], [[0, 1, 2, 3], [1, 3], [2, 3]], 5, (row) => row === 0)]).toEqual([1]);
    // Two breakdowns crossed: team a (cells 0, 1), team b (2, 3); remote (1, 3). Cells 3, 2, 2, 3.
    // Smallest first would withhold a row of each breakdown; one breakdown alone is safe (5 and 5).
    const hidden = protectCells([[3, 2, 2, 3]], [[0, 1, 2, 3], [0, 1], [2, 3], [1, 3], [0, 2]], 5, (row) => row === 0);
    expect(hidden.size).toBe(2);
    expect([[1, 2], [3, 4]]).toContainEqual([...hidden].sort());
    // Under several sets of people at once (asked, answered): a cell small in either is a reason.
    expect([...protectCells([[5, 5], [5, 1]], [[0, 1], [0]], 5, (row) => row === 0)]).toEqual([1]);
    expect(protectCells([[5, 5], [5, 0]], [[0, 1], [0]], 5, (row) => row === 0).size).toBe(0);
  });
});

describe('a dimension scored only by the --by question', () => {
  const scored = bankFrom(
    miniBank({
      dimensions: [
        { id: 'a', title: 'A' },
        { id: 'm', title: 'M' },
      ],
      questions: [
        { id: 'q1', type: 'likert', dimension: 'a', scale: 'agree5', text: 'Q1' },
        { id: 'mode', type: 'single', dimension: 'm', text: 'Mode', options: [{ value: 'x', score: 0 }, { value: 'y', score: 50 }, { value: 'z', score: 100 }] },
      ],
    }),
  );
  const one = (mode: string, q1: number) => reportFrom(scored, { q1, mode });
  // mode x (score 0): one person; y: five; z: five. x is hidden, and one of y, z with it; but M's
  // levels in the group (low 1, high 10) and its mean (750 / 11) gave x's size: one.
  const reports = [one('x', 1), ...Array.from({ length: 5 }, (_, i) => one('y', 1 + i)), ...Array.from({ length: 5 }, (_, i) => one('z', 1 + i))];

  it('is withheld like the question itself: its levels and mean would give the size of a hidden group', () => {
    const result = aggregateReports(scored, reports, { by: ['mode'], minGroup: 5 });
    expect(result.segments).toHaveLength(1);
    expect(result.dimensions.find((d) => d.id === 'm')).toEqual({ id: 'm', withheld: { code: 'by-question', reason: expect.stringContaining('broken down by') } });
    for (const s of result.segments) expect(s.dimensions.find((d) => d.id === 'm')).toMatchObject({ withheld: { code: 'by-question' } });
    // Dimension a is shown; the overall score, which mixes M in, is not (see below).
    expect(result.dimensions.find((d) => d.id === 'a')).toMatchObject({ count: 11 });
    expect(result.overall).toMatchObject({ withheld: { code: 'complementary' } });
    // Without --by mode, M is an ordinary figure.
    expect(aggregateReports(scored, reports, { by: [], minGroup: 5 }).dimensions.find((d) => d.id === 'm')).toMatchObject({ count: 11, levels: { low: 1 } });
  });
});

describe('the overall score mixes the dimensions', () => {
  it('is withheld where a dimension it mixes in is hidden: overall − the dimensions shown gave the hidden one', () => {
    const scored = bankFrom(
      miniBank({
        dimensions: [
          { id: 'a', title: 'A' },
          { id: 'm', title: 'M' },
        ],
        questions: [
          { id: 'q1', type: 'likert', dimension: 'a', scale: 'agree5', text: 'Q1' },
          { id: 'mode', type: 'single', dimension: 'm', text: 'Mode', options: [{ value: 'x', score: 0 }, { value: 'y', score: 50 }, { value: 'z', score: 100 }] },
        ],
      }),
    );
    const one = (mode: string, q1: number) => reportFrom(scored, { q1, mode });
    const reports = [one('x', 1), ...Array.from({ length: 5 }, (_, i) => one('y', 1 + i)), ...Array.from({ length: 5 }, (_, i) => one('z', 1 + i))];
    // M is hidden (scored only by --by mode), but overall = (A + M) / 2 for everyone: 2 × overall − A
    // was M's mean, 750 / 11, which gave the size of the hidden group x.
    const result = aggregateReports(scored, reports, { by: ['mode'], minGroup: 5 });
    expect(result.overall).toMatchObject({ withheld: { code: 'complementary' } });
    for (const s of result.segments) expect(s.overall).toMatchObject({ withheld: { code: 'complementary' } });
    expect(result.dimensions.find((d) => d.id === 'a')).toMatchObject({ count: 11 });
  });

  it('one seller: the group overall minus the dimensions shown gave their Sales score against their own average', () => {
    const sales = bankFrom(
      miniBank({
        profile: [{ id: 'sells', type: 'boolean', text: 'Sells?' }],
        dimensions: [
          { id: 'a', title: 'A' },
          { id: 's', title: 'S' },
        ],
        questions: [
          { id: 'q1', type: 'likert', dimension: 'a', scale: 'agree5', text: 'Q1' },
          { id: 'sq', type: 'likert', dimension: 's', scale: 'agree5', text: 'S?', when: { question: 'sells', equals: true } },
        ],
      }),
    );
    const people = [...Array.from({ length: 11 }, (_, i) => reportFrom(sales, { sells: false, q1: 1 + (i % 5) })), reportFrom(sales, { sells: true, q1: 2, sq: 5 })];
    const result = aggregateReports(sales, people, { by: [], minGroup: 5 });
    expect(result.dimensions.find((d) => d.id === 's')).toMatchObject({ withheld: { code: 'few-respondents' } });
    expect(result.overall).toMatchObject({ withheld: { code: 'complementary' } });
    // Five sellers: S is shown, and so is the overall score.
    const five = [...people.slice(0, 7), ...Array.from({ length: 5 }, () => reportFrom(sales, { sells: true, q1: 2, sq: 5 }))];
    expect(aggregateReports(sales, five, { by: [], minGroup: 5 }).overall).toMatchObject({ count: 12 });
  });
});

describe('a dimension mixes its questions', () => {
  it('is withheld where a scored question of it is hidden for its values: the dimension minus the questions shown gave it back', () => {
    const managers = bankFrom(
      miniBank({
        profile: [{ id: 'manages', type: 'boolean', text: 'Manages?' }],
        questions: [
          { id: 'q1', type: 'likert', dimension: 'a', scale: 'agree5', text: 'Q1' },
          { id: 'cat', type: 'likert', dimension: 'a', scale: 'agree5', text: 'Catalyst', when: { question: 'manages', equals: true } },
        ],
      }),
    );
    // Ten people, two managers: "cat" is withheld (2 answers), but a's sum minus q1's scores
    // gave the two managers' cat scores against their own q1.
    const people = [...Array.from({ length: 8 }, (_, i) => reportFrom(managers, { manages: false, q1: 1 + (i % 5) })), reportFrom(managers, { manages: true, q1: 2, cat: 5 }), reportFrom(managers, { manages: true, q1: 3, cat: 5 })];
    const result = aggregateReports(managers, people, { by: [], minGroup: 5 });
    expect(result.questions.find((q) => q.id === 'cat')).toMatchObject({ withheld: { code: 'few-respondents' } });
    expect(result.dimensions.find((d) => d.id === 'a')).toMatchObject({ withheld: { code: 'complementary' } });
    expect(result.overall).toMatchObject({ withheld: { code: 'complementary' } });
    expect(result.questions.find((q) => q.id === 'q1')).toMatchObject({ answered: 10 });
    // Five managers: all shown.
    const five = [...people.slice(0, 5), ...Array.from({ length: 5 }, () => reportFrom(managers, { manages: true, q1: 2, cat: 4 }))];
    const shown = aggregateReports(managers, five, { by: [], minGroup: 5 });
    expect(shown.dimensions.find((d) => d.id === 'a')).toMatchObject({ count: 10 });
    expect(shown.overall).toMatchObject({ count: 10 });
  });
});
