import { describe, expect, it } from '@jest/globals';
import { applyConditions, validateAnswers } from '../../src/core/index.js';
import { answerCheckers } from '../../src/core/validate/answers.js';
import { bankFrom, miniBank } from '../helpers.js';

const bank = bankFrom(
  miniBank({
    profile: [{ id: 'sells', type: 'boolean', text: 'x' }],
    questions: [
      { id: 'q1', type: 'likert', dimension: 'a', scale: 'agree5', text: 'x' },
      { id: 'pick', type: 'single', dimension: 'a', text: 'x', options: [{ value: 'one', score: 0 }, { value: 2, score: 100 }] },
      { id: 'multi', type: 'multiple', dimension: 'a', text: 'x', options: [{ value: 'a', score: 50 }, { value: 'b', score: 50 }], when: { question: 'sells', equals: true } },
      { id: 'n', type: 'number', dimension: 'a', text: 'x', min: 0, max: 10, required: false },
      { id: 'note', type: 'text', text: 'x', required: false },
    ],
  }),
);

const codes = (raw: unknown) => {
  const result = validateAnswers(bank, raw);
  return result.ok ? [] : result.errors.map((e) => [e.path.join('.'), e.code]);
};

describe('validateAnswers', () => {
  it('accepts a complete file, keeps canonical values and drops hidden answers with a warning', () => {
    const result = validateAnswers(bank, { bank: 'mini', answers: { sells: false, q1: 3, pick: '2', multi: ['a'], n: 50, note: 2024 } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.answers).toEqual({ sells: false, q1: 3, pick: 2, n: 50, note: '2024' });
    expect(result.warnings.map((w) => w.code)).toEqual(['hidden-answer']);
  });

  it('lists every problem: unknown id, bad values, wrong types, missing required, bank mismatch', () => {
    expect(codes({ bank: 'other', lang: 'de', answers: { sells: 'yes', q1: 7, pick: 'three', qq1: 1, n: 'many' } })).toEqual([
      ['bank', 'bank-mismatch'],
      ['lang', 'unknown-language'],
      ['answers.sells', 'type'],
      ['answers.q1', 'bad-value'],
      ['answers.pick', 'bad-value'],
      ['answers.qq1', 'unknown-question'],
      ['answers.n', 'type'],
    ]);
  });

  it('takes a createdAt that is a date-time (or a YAML timestamp), and refuses any other', () => {
    const answers = { sells: false, q1: 3, pick: '2', n: 50 };
    for (const createdAt of ['2026-11-23T09:30:00Z', '2026-11-23T09:30:00.000Z', '2026-11-23T10:30:00+01:00', new Date('2026-11-23T09:30:00Z')]) {
      const result = validateAnswers(bank, { createdAt, answers });
      expect(result.ok && result.value.createdAt).toBe(createdAt instanceof Date ? '2026-11-23T09:30:00.000Z' : createdAt);
    }
    // What people also write, kept as the date-time it means (UTC when no zone is said).
    for (const [createdAt, meant] of [
      ['2026-11-23', '2026-11-23T00:00:00.000Z'],
      ['2026-11-23 09:30', '2026-11-23T09:30:00.000Z'],
      ['2026-11-23 09:30:00', '2026-11-23T09:30:00.000Z'],
      ['2026-11-23t09:30:00z', '2026-11-23T09:30:00.000Z'],
      ['2026-11-23 10:30:00+01:00', '2026-11-23T09:30:00.000Z'],
    ]) {
      const result = validateAnswers(bank, { createdAt, answers });
      expect(result.ok && result.value.createdAt).toBe(meant);
    }
    for (const createdAt of ['not a date', '23/11/2026', '2026-13-45T99:99:99Z', '2026-11-23T', '', 12, true, ['2026-11-23T09:30:00Z'], new Date(Number.NaN)]) {
      expect(codes({ createdAt, answers })).toEqual([['createdAt', 'type']]);
    }
    expect(validateAnswers(bank, { createdAt: null, answers }).ok).toBe(true);
  });

  it('suggests the closest id', () => {
    const result = validateAnswers(bank, { answers: { sells: true, q1: 1, pick: 'one', multi: ['a'], mutli: [] } });
    expect(result.ok ? [] : result.errors.map((e) => e.message)).toEqual(['"mutli" is not a question of bank "mini" (did you mean "multi"?)']);
  });

  it('refuses a skipped required question and a missing visible one', () => {
    expect(codes({ answers: { sells: true, q1: null, pick: 'one' } })).toEqual([
      ['answers.q1', 'required'],
      ['answers', 'missing-answer'],
    ]);
  });

  it('refuses a duplicate choice in a multiple answer', () => {
    expect(codes({ answers: { sells: true, q1: 1, pick: 'one', multi: ['a', 'a'] } })).toEqual([['answers.multi.1', 'duplicate-value']]);
  });

  it('reads a report back as answers', () => {
    const report = { schemaVersion: 1, scores: {}, bank: { id: 'mini', version: '1.0.0' }, respondent: 'Léa', lang: 'en', profile: { sells: false }, answers: { q1: 2, pick: 'one', n: null } };
    const result = validateAnswers(bank, report);
    expect(result.ok && result.value).toEqual({ bank: 'mini', respondent: 'Léa', lang: 'en', answers: { sells: false, q1: 2, pick: 'one', n: null } });
  });

  it('reads a report\'s profile and answers where they are: problems name their section, an id in both takes the answers\' value', () => {
    const base = { schemaVersion: 1, scores: {}, bank: { id: 'mini', version: '1.0.0' }, lang: 'en' };
    // Problems in either section, in the order of {...profile, ...answers}, each with its own path.
    expect(codes({ ...base, profile: { sells: 'yes', nope: 1 }, answers: { q1: 9, pick: 'one', multi: ['a', 'x'] } })).toEqual([
      ['profile.sells', 'type'],
      ['profile.nope', 'unknown-question'],
      ['answers.q1', 'bad-value'],
      ['answers.multi.1', 'bad-value'],
    ]);
    // A hidden answer in the profile section is warned about there.
    const hidden = validateAnswers(bank, { ...base, profile: { sells: false, multi: ['a'] }, answers: { q1: 2, pick: 'one' } });
    expect(hidden.ok).toBe(true);
    expect(hidden.warnings.map((w) => [w.path.join('.'), w.code])).toEqual([['profile.multi', 'hidden-answer']]);
    // The same id in both: the value of `answers` counts, reported under `profile` (as the merged mapping did).
    const both = validateAnswers(bank, { ...base, profile: { sells: true, q1: 'bad' }, answers: { q1: 4, pick: 2, multi: ['b'] } });
    expect(both.ok && both.value.answers).toEqual({ sells: true, q1: 4, pick: 2, multi: ['b'] });
    expect(codes({ ...base, profile: { sells: true, q1: 4 }, answers: { q1: 'bad', pick: 2, multi: ['b'] } })).toEqual([['profile.q1', 'type']]);
    // A required question answered in neither section is missing; in either, it is answered.
    expect(codes({ ...base, profile: {}, answers: { q1: 1, pick: 'one' } })).toEqual([['answers', 'missing-answer']]);
    expect(codes({ ...base, profile: { q1: 1 }, answers: { sells: false, pick: 'one' } })).toEqual([]);
  });

  it('keeps the typed text of a problem and builds its path only for that answer', () => {
    const result = validateAnswers(bank, { answers: { sells: false, q1: 7, pick: 'one' } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([expect.objectContaining({ path: ['answers', 'q1'], code: 'bad-value', text: expect.objectContaining({ key: 'notOnScale', args: expect.objectContaining({ id: 'q1', value: '7' }) }) })]);
  });

  it('treats __proto__ and constructor as unknown ids, never as object internals', () => {
    const raw = JSON.parse('{"answers": {"__proto__": {"polluted": 1}, "constructor": 1, "sells": false, "q1": 1, "pick": "one"}}');
    expect(codes(raw)).toEqual([
      ['answers.__proto__', 'unknown-question'],
      ['answers.constructor', 'unknown-question'],
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('accepts by its fast check exactly the answers the full check accepts, with the same canonical value', () => {
    const checked = bankFrom(
      miniBank({
        questions: [
          { id: 'lk', type: 'likert', dimension: 'a', scale: 'agree5', text: 'x' },
          { id: 'lkna', type: 'likert', dimension: 'a', scale: 'agree5', text: 'x', notApplicable: true, required: false },
          { id: 'one', type: 'single', dimension: 'a', text: 'x', options: [{ value: 'one', score: 0 }, { value: 2, score: 100 }, { value: 'n/a', score: 50 }] },
          { id: 'onena', type: 'single', dimension: 'a', text: 'x', notApplicable: true, options: [{ value: 'one', score: 0 }, { value: 2, score: 100 }] },
          { id: 'many', type: 'multiple', dimension: 'a', text: 'x', options: [{ value: 'a', score: 50 }, { value: 1, score: 50 }] },
          { id: 'manyna', type: 'multiple', dimension: 'a', text: 'x', notApplicable: true, required: false, options: [{ value: 'a', score: 50 }, { value: 'b', score: 50 }] },
          { id: 'yes', type: 'boolean', dimension: 'a', text: 'x' },
          { id: 'yesna', type: 'boolean', dimension: 'a', text: 'x', notApplicable: true },
          { id: 'num', type: 'number', dimension: 'a', text: 'x', min: 0, max: 10, required: false },
          { id: 'numna', type: 'number', dimension: 'a', text: 'x', min: 0, max: 10, notApplicable: true },
          { id: 'free', type: 'text', text: 'x', required: false },
        ],
      }),
    );
    const values: unknown[] = [null, 'n/a', 1, '1', 2, '2', 3, 5, 6, 3.5, -0, Number.NaN, Infinity, true, false, 'true', 'one', 'One', 'a', 'b', '', [], ['a'], [1], ['1'], ['a', 1], ['a', 'a'], [1, '1'], ['n/a'], [{}], [null], [true], {}, { a: 1 }, 'x'.repeat(20_000), 2024];
    for (const question of checked.questions) {
      for (const value of values) expect([question.id, value, answerCheckers.quick(question, value)]).toEqual([question.id, value, answerCheckers.full(question, value)]);
    }
  });

  it('gives frozen answers, whose conditions applied again give what a fresh copy gives', () => {
    const result = validateAnswers(bank, { answers: { sells: false, q1: 2, pick: 'one', multi: ['a'], n: 3 } });
    if (!result.ok) throw new Error('expected valid answers');
    const answers = result.value.answers;
    expect(Object.isFrozen(answers)).toBe(true);
    expect(() => {
      (answers as Record<string, unknown>).q1 = 5;
    }).toThrow(TypeError);
    expect(Object.keys(answers)).toEqual(['sells', 'q1', 'pick', 'n']);
    expect(JSON.stringify(answers)).toBe('{"sells":false,"q1":2,"pick":"one","n":3}');
    const again = applyConditions(bank, answers);
    const fresh = applyConditions(bank, { ...answers });
    expect({ visible: again.visible.map((q) => q.id), hidden: again.hidden, answers: again.answers }).toEqual({ visible: fresh.visible.map((q) => q.id), hidden: fresh.hidden, answers: fresh.answers });
    // Another bank does not take what was found for this one.
    const other = bankFrom(miniBank({ profile: [{ id: 'sells', type: 'boolean', text: 'x' }], questions: [{ id: 'q1', type: 'likert', dimension: 'a', scale: 'agree5', text: 'x', when: { question: 'sells', equals: true } }] }));
    expect(applyConditions(other, answers).hidden).toEqual(['q1']);
  });
});
