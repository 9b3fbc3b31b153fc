import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { checkBy, createAggregator, isWithheld, type Aggregate, type DimensionEntry, type DimensionStats, type QuestionEntry, type QuestionStats } from '../../src/core/aggregate.js';
import { buildReport, validateAnswers, validateBank, type AnswerValue, type Bank, type Report } from '../../src/core/index.js';
import { bankFrom, miniBank } from '../helpers.js';

const context = { lang: 'en', createdAt: '2026-01-01T00:00:00.000Z', tool: { name: 'diag', version: 'test' } };

const bank = bankFrom(
  miniBank({
    profile: [
      { id: 'team', type: 'single', text: 'Team', required: false, options: [{ value: 'red' }, { value: 'blue' }, { value: 'green' }] },
      { id: 'remote', type: 'boolean', text: 'Remote?' },
    ],
    dimensions: [{ id: 'a', title: 'A' }, { id: 'b', title: 'B' }],
    questions: [
      // A number on 0..100 scores its own value: dimension a is whatever we choose.
      { id: 'n', type: 'number', dimension: 'a', min: 0, max: 100, required: false, text: 'N' },
      { id: 'q5', type: 'likert', dimension: 'b', scale: 'agree5', reverse: true, benchmark: { agreeShare: 68 }, text: 'Q5' },
      { id: 'q3', type: 'likert', dimension: 'b', options: [{ value: 1 }, { value: 2 }, { value: 3 }], required: false, text: 'Q3' },
      { id: 'tools', type: 'multiple', dimension: 'b', required: false, text: 'T', options: [{ value: 'mail', score: 50 }, { value: 'chat', score: 50 }, { value: 'wiki', score: 50 }] },
      { id: 'followup', type: 'boolean', dimension: 'b', when: { question: 'remote', equals: true }, text: 'F' },
      { id: 'note', type: 'text', required: false, text: 'Note' },
    ],
  }),
);

function reportFrom(target: Bank, raw: unknown): Report {
  const answers = validateAnswers(target, raw);
  if (!answers.ok) throw new Error(JSON.stringify(answers.errors));
  return buildReport(target, answers.value, context);
}

/** One respondent of the test bank: a neutral default, overridden by `answers`. */
const respondent = (answers: Record<string, AnswerValue> = {}) => reportFrom(bank, { answers: { team: 'red', remote: false, q5: 3, ...answers } });

function aggregate(reports: Report[], by: string[] = [], minGroup = 1): Aggregate {
  const aggregator = createAggregator(bank, { by, minGroup });
  for (const report of reports) aggregator.add(report);
  return aggregator.result();
}

function dimension(stats: { dimensions: DimensionEntry[] }, id: string): DimensionStats {
  const found = stats.dimensions.find((d) => d.id === id);
  if (found === undefined || isWithheld(found)) throw new Error(`no dimension ${id} shown`);
  return found;
}

function question(stats: { questions: QuestionEntry[] }, id: string): QuestionStats {
  const found = stats.questions.find((q) => q.id === id);
  if (found === undefined || isWithheld(found)) throw new Error(`no question ${id} shown`);
  return found;
}

const withN = (values: Array<number | null>) => values.map((n) => respondent({ n }));

describe('dimension statistics', () => {
  it('odd count: mean, median, quartiles, min, max (5 values, sorted 1 3 5 7 9)', () => {
    expect(dimension(aggregate(withN([5, 1, 9, 3, 7])), 'a')).toEqual({
      id: 'a', count: 5, mean: 5, median: 5, q1: 3, q3: 7, min: 1, max: 9, levels: { low: 5, mid: 0, high: 0 },
    });
  });

  it('even count: the median is the mean of the middle two, quartiles interpolate (type 7)', () => {
    // h = p·3: q1 at 0.75 -> 10 + 0.75·10, q3 at 2.25 -> 30 + 0.25·10
    expect(dimension(aggregate(withN([40, 10, 30, 20])), 'a')).toMatchObject({ count: 4, mean: 25, median: 25, q1: 17.5, q3: 32.5, min: 10, max: 40 });
  });

  it('rounds half up at the end only, on 2-decimal scores', () => {
    // sum 213.75 / 6 = 35.625; median (10 + 40.01) / 2 = 25.005; q1 = 2.5 + 0.25·7.5 = 4.375; q3 = 40.01 + 0.75·19.99 = 55.0025
    const stats = dimension(aggregate(withN([99.99, 1.25, 60, 2.5, 40.01, 10])), 'a');
    expect(stats).toEqual({ id: 'a', count: 6, mean: 35.63, median: 25.01, q1: 4.38, q3: 55, min: 1.25, max: 99.99, levels: { low: 3, mid: 1, high: 2 } });
  });

  it('counts only respondents with a score, and every level of the bank', () => {
    const result = aggregate(withN([null, 80, null, 40]));
    expect(result.count).toBe(4);
    expect(dimension(result, 'a')).toEqual({ id: 'a', count: 2, mean: 60, median: 60, q1: 50, q3: 70, min: 40, max: 80, levels: { low: 0, mid: 1, high: 1 } });
    expect(dimension(result, 'b').count).toBe(4);
  });

  it('withholds a dimension nobody has a score in, and an empty group shows its count only', () => {
    expect(aggregate(withN([null, null])).dimensions.find((d) => d.id === 'a')).toEqual({ id: 'a', withheld: { code: 'few-respondents', reason: 'fewer than 1 respondents with a score' } });
    expect(aggregate([])).toEqual({
      count: 0, minGroup: 1, withheld: { code: 'small-group', reason: 'fewer than 1 respondents' },
      overall: { id: 'overall', withheld: { code: 'small-group', reason: 'fewer than 1 respondents' } },
      dimensions: [], questions: [], segments: [], suppressed: [],
    });
  });

  it('summarises the overall score like a dimension', () => {
    // a = n, b = q5 3 reversed = 50: overall (n + 50) / 2
    expect(aggregate(withN([0, 100, null])).overall).toMatchObject({ id: 'overall', count: 3, mean: 50, median: 50, min: 25, max: 75 });
  });
});

describe('question statistics', () => {
  it('agreeShare on a 5-point scale counts 4 and 5 before reverse, with the distribution in option order', () => {
    const stats = question(aggregate([5, 4, 3, 1, 4].map((q5) => respondent({ q5 }))), 'q5');
    expect(stats).toEqual({ id: 'q5', type: 'likert', answered: 5, skipped: 0, distribution: { 1: 1, 2: 0, 3: 1, 4: 2, 5: 1 }, agreeShare: 60, reference: 68 });
  });

  it('agreeShare on a 3-point scale counts the highest value alone, over those who answered', () => {
    const reports = [respondent({ q3: 3 }), respondent({ q3: 2 }), respondent({ q3: 3 }), respondent({ q3: null }), respondent()];
    expect(question(aggregate(reports), 'q3')).toEqual({ id: 'q3', type: 'likert', answered: 3, skipped: 1, distribution: { 1: 0, 2: 1, 3: 2 }, agreeShare: 66.67 });
    expect(aggregate([respondent({ q3: null })]).questions.find((q) => q.id === 'q3')).toMatchObject({ withheld: { code: 'few-respondents' } });
  });

  it('counts a multiple answer once per chosen option; an empty choice is answered', () => {
    const reports = [respondent({ tools: ['mail', 'chat'] }), respondent({ tools: ['chat'] }), respondent({ tools: [] }), respondent({ tools: null })];
    expect(question(aggregate(reports), 'tools')).toEqual({ id: 'tools', type: 'multiple', answered: 3, skipped: 1, distribution: { mail: 1, chat: 2, wiki: 0 } });
  });

  it('a hidden question is neither answered nor skipped; booleans count true then false', () => {
    const reports = [respondent({ remote: true, followup: true }), respondent({ remote: true, followup: false }), respondent({ remote: false })];
    const result = aggregate(reports);
    expect(question(result, 'followup')).toEqual({ id: 'followup', type: 'boolean', answered: 2, skipped: 0, distribution: { true: 1, false: 1 } });
    expect(Object.keys(question(result, 'remote').distribution ?? {})).toEqual(['true', 'false']);
  });

  it('includes profile questions, and number questions get mean, min and max of the raw answers', () => {
    const result = aggregate([respondent({ team: 'blue', n: 12.5 }), respondent({ n: 7 }), respondent({ team: null, n: null })]);
    expect(question(result, 'team')).toEqual({ id: 'team', type: 'single', answered: 2, skipped: 1, distribution: { red: 1, blue: 1, green: 0 } });
    expect(question(result, 'n')).toEqual({ id: 'n', type: 'number', answered: 2, skipped: 1, mean: 9.75, min: 7, max: 12.5 });
  });

  it('never aggregates free text: counts only', () => {
    const result = aggregate([respondent({ note: 'Jeanne from accounting' }), respondent({ note: null }), respondent()]);
    expect(question(result, 'note')).toEqual({ id: 'note', type: 'text', answered: 1, skipped: 1 });
    expect(JSON.stringify(result)).not.toContain('Jeanne');
  });
});

describe('segments', () => {
  const team = (value: string | null, n: number) => respondent({ team: value, n });
  // red 5 (n = 10..50), blue 4, green none, no answer 2
  const reports = [10, 20, 30, 40, 50].map((n) => team('red', n)).concat([1, 2, 3, 4].map((n) => team('blue', n)), [team(null, 90), team(null, 70)]);

  it('lists segments in option order then null, each with its own figures', () => {
    const result = aggregate(reports, ['team'], 1);
    expect(result.segments.map((s) => [s.by, s.value, s.count])).toEqual([
      ['team', 'red', 5],
      ['team', 'blue', 4],
      ['team', null, 2],
    ]);
    expect(result.segments[0]).not.toHaveProperty('label');
    expect(dimension(result.segments[0] ?? { dimensions: [] }, 'a')).toMatchObject({ count: 5, mean: 30, median: 30 });
    expect(question(result.segments[2] ?? { questions: [] }, 'n')).toMatchObject({ answered: 2, skipped: 0 });
    // The question the group is broken down by: its answers are the segments, nowhere else.
    for (const group of [result, ...result.segments]) expect(group.questions.find((q) => q.id === 'team')).toEqual({ id: 'team', type: 'single', withheld: { code: 'by-question', reason: expect.any(String) } });
  });

  it('suppresses a segment smaller than minGroup: listed in suppressed, nowhere else, without its count', () => {
    const result = aggregate(reports, ['team'], 5);
    expect(result.segments.map((s) => s.value)).toEqual(['red']);
    // Every value not shown is listed, green (nobody) too: the list tells nothing of who answered what.
    expect(result.suppressed).toEqual([
      { by: 'team', value: 'blue', reason: 'fewer than 5 respondents, or hidden so that a group of fewer than 5 cannot be worked out by subtraction', code: 'hidden' },
      { by: 'team', value: 'green', reason: 'fewer than 5 respondents, or hidden so that a group of fewer than 5 cannot be worked out by subtraction', code: 'hidden' },
      { by: 'team', value: null, reason: 'fewer than 5 respondents, or hidden so that a group of fewer than 5 cannot be worked out by subtraction', code: 'hidden' },
    ]);
    expect(result.segments.map((s) => s.count)).toEqual([5]);
    expect(result.minGroup).toBe(5);
  });

  it('hides the smallest segment shown too when the hidden ones add up to fewer than minGroup', () => {
    // team: red 5, blue 6, no answer 2
    const group = [...[1, 2, 3, 4, 5].map((n) => team('red', n)), ...[1, 2, 3, 4, 5, 6].map((n) => team('blue', n)), team(null, 1), team(null, 2)];
    const result = aggregate(group, ['team'], 5);
    // null (2) is too small; red (5), the smallest shown, is hidden with it: 7 hidden, blue (6) shown
    expect(result.segments.map((s) => [s.value, s.count])).toEqual([['blue', 6]]);
    expect(result.suppressed.map((s) => [s.value, s.code])).toEqual([
      ['red', 'hidden'],
      ['green', 'hidden'],
      [null, 'hidden'],
    ]);
    // Once what is hidden reaches minGroup, nothing more is hidden.
    const bigger = aggregate([...group, team(null, 3), team(null, 4), team(null, 5)], ['team'], 5);
    expect(bigger.segments.map((s) => s.value)).toEqual(['red', 'blue', null]);
  });

  it('protects a multiple breakdown against subtraction too: the group minus "mail" would be the one "chat"', () => {
    const picks = [['mail'], ['mail'], ['mail'], ['mail'], ['mail'], ['chat']];
    const result = aggregate(picks.map((tools) => respondent({ tools })), ['tools'], 5);
    expect(result.segments).toEqual([]);
    expect(result.suppressed.map((s) => [s.value, s.code])).toEqual([
      ['mail', 'hidden'],
      ['chat', 'hidden'],
      ['wiki', 'hidden'],
      [null, 'hidden'],
    ]);
  });

  it('puts a respondent of a multiple breakdown in each chosen option; nothing chosen, skipped or hidden is null', () => {
    const picks = [['mail', 'chat'], ['chat'], [], null];
    const result = aggregate(picks.map((tools) => respondent({ tools })).concat(respondent()), ['tools', 'remote']);
    expect(result.segments.map((s) => [s.by, s.value, s.count])).toEqual([
      ['tools', 'mail', 1],
      ['tools', 'chat', 2],
      ['tools', null, 3],
      ['remote', false, 5],
    ]);
  });

  it('orders boolean segments true then false', () => {
    const result = aggregate([respondent({ remote: false }), respondent({ remote: true, followup: true })], ['remote']);
    expect(result.segments.map((s) => s.value)).toEqual([true, false]);
  });

  it('ignores a by that checkBy refuses', () => {
    expect(aggregate(reports, ['nope', 'q5']).segments).toEqual([]);
  });
});

describe('checkBy', () => {
  it('accepts single, multiple and boolean questions, profile or scored', () => {
    expect(checkBy(bank, ['team', 'remote', 'tools', 'followup'])).toEqual([]);
  });

  it('refuses an unknown id with a suggestion, and other types naming the allowed ones', () => {
    const problems = checkBy(bank, ['team', 'taem', 'q5', 'note']);
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      [['by', 1], 'unknown-question'],
      [['by', 2], 'bad-by-type'],
      [['by', 3], 'bad-by-type'],
    ]);
    expect(problems[0]?.message).toContain('did you mean "team"');
    expect(problems[1]?.message).toMatch(/likert.*single, multiple or boolean/);
  });
});

describe('streaming', () => {
  it('aggregates 100000 reports without keeping them', () => {
    const base = respondent({ n: 0 });
    const aggregator = createAggregator(bank, { by: ['team'], minGroup: 5 });
    for (let i = 0; i < 100000; i++) {
      const score = (i % 100) + 0.5;
      aggregator.add({ ...base, scores: { ...base.scores, dimensions: base.scores.dimensions.map((d) => (d.id === 'a' ? { ...d, score } : d)) } });
    }
    const result = aggregator.result();
    // 0.5, 1.5 … 99.5, 1000 times each: q1 at 24999.75 lies between 24.5 and 25.5
    expect(dimension(result, 'a')).toMatchObject({ count: 100000, mean: 50, median: 50, q1: 25.25, q3: 74.75, min: 0.5, max: 99.5 });
    expect(result.segments.map((s) => [s.value, s.count])).toEqual([['red', 100000]]);
  });

  it('is not affected by changes to a report after it was added', () => {
    const report = respondent({ n: 40 });
    const aggregator = createAggregator(bank, { by: [], minGroup: 1 });
    aggregator.add(report);
    report.answers['n'] = 99;
    for (const d of report.scores.dimensions) d.score = 99;
    expect(dimension(aggregator.result(), 'a').mean).toBe(40);
    expect(question(aggregator.result(), 'n').mean).toBe(40);
  });
});

type GroupLike = Pick<Aggregate, 'overall' | 'dimensions' | 'questions'>;

/** [segment value or 'all', figure id, code] of every withheld figure. */
function withheldOf(result: Aggregate): Array<[string, string, string]> {
  const groups: Array<[string, GroupLike]> = [['all', result], ...result.segments.map((x): [string, GroupLike] => [String(x.value), x])];
  return groups.flatMap(([name, g]) => [g.overall, ...g.dimensions, ...g.questions].flatMap((e): Array<[string, string, string]> => (isWithheld(e) ? [[name, e.id, e.withheld.code]] : [])));
}

/** The figures of `source` (e.g. an independent computation) at the places `shape` shows figures. */
function shownOf(source: Aggregate, shape: Aggregate = source): unknown {
  const pick = (from: GroupLike, like: GroupLike) => [like.overall, ...like.dimensions, ...like.questions].filter((e) => !isWithheld(e)).map((e) => [from.overall, ...from.dimensions, ...from.questions].find((x) => x.id === e.id));
  return {
    count: source.count,
    group: pick(source, shape),
    segments: shape.segments.map((x) => {
      const from = source.segments.find((y) => y.by === x.by && y.value === x.value);
      return from === undefined ? null : { value: from.value, count: from.count, figures: pick(from, x) };
    }),
  };
}

describe('the fixture group, against tests/scripts/aggregate-check.py', () => {
  const fixtures = new URL('../fixtures/', import.meta.url);
  const bankResult = validateBank(parse(readFileSync(new URL('banks/sample.yaml', fixtures), 'utf8')));
  if (!bankResult.ok) throw new Error(JSON.stringify(bankResult.errors));
  const sample = bankResult.value;
  const folder = new URL('group/answers/', fixtures);
  const files = readdirSync(folder).filter((f) => f.endsWith('.yaml')).sort();

  it('matches the independently computed expected.json', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
    const aggregator = createAggregator(sample, { by: ['age'], minGroup: 5 });
    const warnings: string[] = [];
    for (const file of files) {
      const answers = validateAnswers(sample, parse(readFileSync(new URL(file, folder), 'utf8')));
      if (!answers.ok) throw new Error(`${file}: ${JSON.stringify(answers.errors)}`);
      warnings.push(...answers.warnings.map((w) => `${file}: ${w.code}`));
      aggregator.add(buildReport(sample, answers.value, context));
    }
    const expected: unknown = JSON.parse(readFileSync(new URL('group/expected.json', fixtures), 'utf8'));
    const result = aggregator.result();
    expect(warnings).toEqual(['r01.yaml: hidden-answer', 'r01.yaml: hidden-answer']);
    // 45+ (3 people) is too small; 18-29, the smallest shown, is hidden too, or the whole group
    // minus the segments shown would give away the figures of the three.
    expect(result.suppressed.map((s) => [s.value, s.code])).toEqual([
      ['18-29', 'hidden'],
      ['45+', 'hidden'],
    ]);
    expect(question(result, 'async.optional').skipped).toBeGreaterThan(0);
    // expected.json holds every figure, computed without any privacy rule: what is shown must be
    // exactly those figures, and what is withheld exactly the list below.
    // 4 of the 30-44 were asked about cold calls: fewer than 5, withheld there (8 in the whole group: shown).
    // sales.cold_calls has 4 answers in 30-44, so Sales (which mixes it in) and the overall score
    // (which mixes Sales in) are withheld there too (privacy2: the composite would give it back).
    expect(withheldOf(result)).toEqual([
      ['all', 'age', 'by-question'],
      ['30-44', 'overall', 'complementary'],
      ['30-44', 'sales', 'complementary'],
      ['30-44', 'age', 'by-question'],
      ['30-44', 'sales.cold_calls', 'few-respondents'],
    ]);
    expect(shownOf(result)).toEqual(shownOf(expected as Aggregate, result));
  });
});

describe('ChoiceIndex', () => {
  it('gives the indexes chosenIndexes gives, by sameScalar: numbers and their text alike, booleans apart, lists sorted and once', async () => {
    const { ChoiceIndex, chosenIndexes } = await import('../../src/core/aggregate-group.js');
    const choices = [1, '2', 'x', true, false, 3, '1e3', '1000', 'Infinity', '-0', ' 4', '', 0, '1'];
    const index = new ChoiceIndex(choices);
    const values: AnswerValue[] = [null, 1, '1', 2, '2', 'x', 'X', true, false, 'true', 0, -0, '0', '-0', 1000, '1e3', Infinity, 'Infinity', 4, ' 4', '4', '', [], [3, 1], ['x', 'x', 1, '1'], [true, 'true', 2], [9], 'n/a'];
    for (const value of values) expect([value, [...index.indexes(value)]]).toEqual([value, chosenIndexes(choices, value)]);
    // NaN is matched by sameScalar only with the text "NaN": the index says the same.
    const odd = new ChoiceIndex([Number.NaN, 'NaN']);
    for (const value of [Number.NaN, 'NaN', [Number.NaN]] as AnswerValue[]) expect([...odd.indexes(value)]).toEqual(chosenIndexes([Number.NaN, 'NaN'], value));
    expect([...new ChoiceIndex(['a']).indexes(Number.NaN)]).toEqual([]);
  });
});

describe('fingerprint (the same respondent with the same answers)', () => {
  it('is the same whatever the order of keys, differs with any answer, and tells skipped (null) from not asked', async () => {
    const { fingerprint } = await import('../../src/core/aggregate.js');
    const { readRespondent } = await import('../../src/core/aggregate-group.js');
    const of = (report: Partial<Report>) => fingerprint(readRespondent(bank, { respondent: 'Ana', profile: {}, answers: {}, scores: { overall: { score: null, level: null, levelLabel: null }, dimensions: [] }, ...report } as Report));
    expect(of({ profile: { team: 'red', remote: true }, answers: { q5: 3, n: 4 } })).toBe(of({ profile: { remote: true, team: 'red' }, answers: { n: 4, q5: 3 } }));
    expect(of({ answers: { q5: 3 } })).not.toBe(of({ answers: { q5: 4 } }));
    expect(of({ answers: { q5: 3 } })).not.toBe(of({ answers: { q5: '3' } }));
    expect(of({ answers: { n: null } })).not.toBe(of({ answers: {} }));
    expect(of({ answers: { tools: ['mail', 'chat'] } })).not.toBe(of({ answers: { tools: ['mail'] } }));
    expect(of({ answers: { note: 'a\u0000' } })).not.toBe(of({ answers: { note: 'a' } }));
    expect(of({ respondent: 'Bo', answers: { q5: 3 } })).not.toBe(of({ answers: { q5: 3 } }));
    expect(of({ respondent: null })).toBeNull();
    expect(of({ respondent: '' })).toBeNull();
  });
});
