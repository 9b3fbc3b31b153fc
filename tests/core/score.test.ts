import { describe, expect, it } from '@jest/globals';
import { buildReport, itemScore, round2, scoreAnswers, type Answers, type AnswerValue } from '../../src/core/index.js';
import { bankFrom, miniBank } from '../helpers.js';

const likert = (id: string, extra: Record<string, unknown> = {}) => ({ id, type: 'likert', dimension: 'a', scale: 'agree5', text: id, ...extra });

describe('item scores (SPEC section 4)', () => {
  const bank = bankFrom(
    miniBank({
      questions: [
        likert('lk'),
        likert('lkr', { reverse: true }),
        { id: 'odd', type: 'likert', dimension: 'a', text: 'odd', options: [{ value: -2 }, { value: 0 }, { value: 6 }] },
        { id: 'yes', type: 'boolean', dimension: 'a', text: 'b' },
        { id: 'no', type: 'boolean', dimension: 'a', text: 'b', reverse: true },
        { id: 'one', type: 'single', dimension: 'a', text: 's', options: [{ value: 'x', score: 30 }, { value: 2, score: 70 }] },
        { id: 'many', type: 'multiple', dimension: 'a', text: 'm', options: [{ value: 'x', score: 60 }, { value: 'y', score: 70 }, { value: 'z', score: 5 }] },
        { id: 'n', type: 'number', dimension: 'a', text: 'n', min: 2, max: 12 },
        { id: 'nr', type: 'number', dimension: 'a', text: 'n', min: 2, max: 12, reverse: true },
      ],
    }),
  );
  const q = (id: string) => {
    const question = bank.questions.find((x) => x.id === id);
    if (!question) throw new Error(id);
    return question;
  };
  it.each<[string, AnswerValue, number]>([
    ['lk', 1, 0],
    ['lk', 4, 75],
    ['lkr', 4, 25],
    ['lkr', 1, 100],
    ['odd', 0, 25],
    ['odd', 6, 100],
    ['yes', true, 100],
    ['yes', false, 0],
    ['no', true, 0],
    ['no', false, 100],
    ['one', 'x', 30],
    ['one', 2, 70],
    ['many', ['x'], 60],
    ['many', ['x', 'y'], 100],
    ['many', ['z', 'x'], 65],
    ['many', [], 0],
    ['n', 7, 50],
    ['n', -5, 0],
    ['n', 100, 100],
    ['nr', 4.5, 75],
    ['nr', 100, 0],
  ])('%s = %j scores %d', (id, value, expected) => {
    expect(itemScore(q(id), value)).toBeCloseTo(expected, 10);
  });
  it('a skipped answer is not scored', () => {
    expect(itemScore(q('lk'), null)).toBeNull();
  });
});

describe('dimension and overall scores', () => {
  const bank = bankFrom(
    miniBank({
      dimensions: [
        { id: 'a', title: 'A', weight: 3 },
        { id: 'b', title: 'B' },
        { id: 'c', title: 'C' },
      ],
      profile: [{ id: 'role', type: 'single', text: 'r', options: [{ value: 'sales' }, { value: 'other' }] }],
      questions: [
        likert('a1', { weight: 2 }),
        likert('a2'),
        likert('a3', { weight: 0 }),
        likert('a4', { required: false }),
        { id: 'b1', type: 'boolean', dimension: 'b', text: 'b' },
        { id: 'c1', type: 'boolean', dimension: 'c', text: 'c', when: { question: 'role', equals: 'sales' } },
        { id: 'free', type: 'text', text: 'free', required: false },
      ],
    }),
  );

  it('weights items in a dimension and dimensions in the overall; ignores weight 0, skipped and hidden', () => {
    const answers: Answers = { role: 'other', a1: 5, a2: 2, a3: 1, a4: null, b1: false, c1: true, free: 'hi' };
    const result = scoreAnswers(bank, answers);
    // a = (2*100 + 1*25) / 3 = 75; b = 0; c hidden -> null; overall = (3*75 + 1*0) / 4 = 56.25
    expect(result.dimensions.map((d) => [d.id, d.score, d.answered, d.questions])).toEqual([
      ['a', 75, 2, 3],
      ['b', 0, 1, 1],
      ['c', null, 0, 0],
    ]);
    expect(result.overall.score).toBe(56.25);
    expect(result.overall.level?.id).toBe('mid');
    expect(result.hidden).toEqual(['c1']);
    expect(result.answers).not.toHaveProperty('c1');
  });

  it('no scored answer at all gives no overall score and no level', () => {
    const result = scoreAnswers(bank, { role: 'other', a1: null, a2: null, a4: null, b1: null });
    expect(result.overall).toEqual({ score: null, level: null });
  });

  it('levels are chosen on the unrounded score; reports round to 2 decimals', () => {
    const levels = [
      { id: 'low', min: 0, label: 'Low' },
      { id: 'high', min: 66.67, label: 'High' },
    ];
    const b = bankFrom(miniBank({ levels, questions: [likert('x'), likert('y'), likert('z')] }));
    // (100 + 100 + 0) / 3 = 66.666…: rounds to 66.67 but stays below the 66.67 boundary
    const report = buildReport(b, { answers: { x: 5, y: 5, z: 1 } }, { lang: 'en', createdAt: 'now', tool: { name: 'diag', version: '0' } });
    expect(report.scores.overall).toEqual({ score: 66.67, level: 'low', levelLabel: 'Low' });
    const exact = buildReport(b, { answers: { x: 5, y: 5, z: 5 } }, { lang: 'en', createdAt: 'now', tool: { name: 'diag', version: '0' } });
    expect(exact.scores.dimensions[0]?.level).toBe('high');
  });
});

describe('round2', () => {
  it.each([
    [1.005, 1.01],
    [66.66666666, 66.67],
    [33.333333, 33.33],
    [0.125, 0.13],
    [100, 100],
    [1e-9, 0],
  ])('%d -> %d', (value, expected) => expect(round2(value)).toBe(expected));

  it('gives what rounding the decimal text gives, for scores, ties, negatives, zeros and huge values', () => {
    const byText = (value: number) => {
      const shifted = Number(`${value}e2`);
      if (!Number.isFinite(shifted)) return Math.round(value * 100) / 100;
      const rounded = Number(`${Math.round(shifted)}e-2`);
      return Number.isFinite(rounded) ? rounded : Math.round(value * 100) / 100;
    };
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const values = [0, -0, 1.005, 2.675, -1.005, 0.125, -0.125, 99.995, 1e-9, -1e-9, 1e21, -1e21, 5e-324, Number.MAX_VALUE, 123456789.125, 1 / 3, 200 / 3, 87.5, 62.5];
    for (let i = 0; i < 20_000; i++) values.push(random() * 100, Math.round(random() * 1e6) / 1e4, (Math.round(random() * 20_000) + 0.5) / 200, (random() - 0.5) * 1e12);
    for (const value of values) expect([value, round2(value)]).toEqual([value, byText(value)]);
  });
});
