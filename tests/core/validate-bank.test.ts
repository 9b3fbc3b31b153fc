import { describe, expect, it } from '@jest/globals';
import { validateBank } from '../../src/core/index.js';
import { miniBank } from '../helpers.js';

function problems(raw: unknown): Array<[string, string]> {
  const result = validateBank(raw);
  return result.ok ? [] : result.errors.map((e) => [e.path.join('.'), e.code]);
}

describe('validateBank', () => {
  it('accepts a minimal bank and applies defaults', () => {
    const result = validateBank(miniBank({}));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const q = result.value.questions[0];
    expect(q).toMatchObject({ weight: 1, required: true, reverse: false, profile: false, scale: 'agree5' });
    expect(result.value.dimensions[0]?.weight).toBe(1);
    expect(result.value.recommendations).toEqual([]);
  });

  it('refuses a non-mapping', () => {
    expect(problems('hello')).toEqual([['', 'type']]);
    expect(problems(null)).toEqual([['', 'type']]);
  });

  it('lists every problem at once', () => {
    const raw = miniBank({
      id: 'Not A Slug',
      version: '1.0',
      dimensions: [{ id: 'a', title: 'A' }, { id: 'a', title: 'again' }, { id: 'overall', title: 'x' }],
      levels: [{ id: 'l1', min: 5, label: 'x' }, { id: 'l2', min: 3, label: 'y' }],
      questions: [
        { id: 'q1', type: 'likert', dimension: 'a', scale: 'agree7', text: 'x' },
        { id: 'q1', type: 'boolean', dimension: 'a', text: 'dup' },
        { id: 'Bad Id', type: 'boolean', dimension: 'a', text: 'x' },
        { id: 'q3', type: 'single', dimension: 'a', text: 'x', options: [{ value: 'a' }] },
        { id: 'q4', type: 'number', dimension: 'a', text: 'x', min: 5, max: 5 },
        { id: 'q5', type: 'boolean', dimension: 'zz', text: 'x' },
        { id: 'q6', type: 'boolean', text: 'x' },
        { id: 'q7', type: 'boolean', dimension: 'a', text: 'x', when: { question: 'q8', equals: true } },
        { id: 'q8', type: 'boolean', dimension: 'a', text: 'x', when: { question: 'ghost', equals: true } },
        { id: 'q9', type: 'boolean', dimension: 'a', text: 'x', when: { score: 'a', below: 3 } },
        { id: 'q10', type: 'likert', dimension: 'a', text: 'x', options: [{ value: 3 }, { value: 3 }] },
        { id: 'q11', type: 'maybe', dimension: 'a', text: 'x' },
      ],
      recommendations: [
        { id: 'r1', title: 't', text: 't', when: { score: 'nope', below: 3 } },
        { id: 'r1', title: 't', text: 't' },
        { id: 'r2', title: 't', text: 't', priority: 0 },
        { id: 'r3', title: 't', text: 't', when: { question: 'q1', atleast: 3 } },
      ],
    });
    expect(problems(raw)).toEqual(
      expect.arrayContaining([
        ['id', 'pattern'],
        ['version', 'pattern'],
        ['dimensions.1.id', 'duplicate-id'],
        ['dimensions.2.id', 'reserved-id'],
        ['levels.0.min', 'first-level-min'],
        ['levels.1.min', 'levels-order'],
        ['questions.0.scale', 'unknown-scale'],
        ['questions.1.id', 'duplicate-id'],
        ['questions.2.id', 'pattern'],
        ['questions.3.options.0.score', 'missing-score'],
        ['questions.4.max', 'min-max'],
        ['questions.5.dimension', 'unknown-dimension'],
        ['questions.6.dimension', 'required'],
        ['questions.7.when.question', 'forward-reference'],
        ['questions.8.when.question', 'unknown-question'],
        ['questions.9.when', 'score-in-question'],
        ['questions.10.options.1.value', 'duplicate-value'],
        ['questions.11.type', 'unknown-type'],
        ['recommendations.0.when.score', 'unknown-dimension'],
        ['recommendations.1.id', 'duplicate-id'],
        ['recommendations.2.priority', 'range'],
        ['recommendations.3.when.atleast', 'unknown-operator'],
      ]),
    );
  });

  it('says that a condition on the question itself refers to itself, not to a later question', () => {
    const result = validateBank(
      miniBank({
        questions: [
          { id: 'q1', type: 'likert', dimension: 'a', scale: 'agree5', text: 'x', when: { question: 'q1', atLeast: 3 } },
          { id: 'q2', type: 'likert', dimension: 'a', scale: 'agree5', text: 'x', when: { any: [{ question: 'q1', atLeast: 3 }, { question: 'q2', answered: true }] } },
          { id: 'q3', type: 'likert', dimension: 'a', scale: 'agree5', text: 'x', when: { question: 'q4', answered: true } },
          { id: 'q4', type: 'likert', dimension: 'a', scale: 'agree5', text: 'x' },
        ],
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.path.join('.'), e.code, e.message])).toEqual([
      ['questions.0.when.question', 'self-reference', 'question "q1" refers to itself: a condition may only look at questions asked before'],
      ['questions.1.when.any.1.question', 'self-reference', 'question "q2" refers to itself: a condition may only look at questions asked before'],
      ['questions.2.when.question', 'forward-reference', 'question "q4" comes later in the file: a condition may only look at questions asked before'],
    ]);
  });

  it('requires the default language in every Text map', () => {
    const raw = miniBank({ languages: ['fr', 'en'], title: { en: 'Only English' } });
    expect(problems(raw)).toContainEqual(['title', 'missing-default-language']);
    expect(problems(miniBank({ languages: ['fr', 'en'], title: { fr: 'Titre' } }))).toEqual([]);
  });

  it('refuses a likert scale with fewer than two distinct values', () => {
    expect(problems(miniBank({ scales: { one: { options: [{ value: 1 }] } } }))).toContainEqual(['scales.one.options', 'scale-too-small']);
  });

  it('needs options with score only on scored choice questions', () => {
    const unscored = miniBank({
      profile: [{ id: 'age', type: 'single', text: 'x', options: [{ value: 'young' }, { value: 'old' }] }],
      questions: [
        { id: 'q1', type: 'likert', dimension: 'a', scale: 'agree5', text: 'x' },
        { id: 'q2', type: 'single', weight: 0, text: 'x', options: [{ value: 'a' }] },
      ],
    });
    expect(problems(unscored)).toEqual([]);
  });

  it('warns about unknown keys with a suggestion, without refusing', () => {
    const result = validateBank(miniBank({ questions: [{ id: 'q1', type: 'likert', dimension: 'a', scale: 'agree5', text: 'x', revers: true }] }));
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => w.message)).toEqual([expect.stringContaining('did you mean "reverse"')]);
  });

  it('refuses a scored number question without bounds', () => {
    const raw = miniBank({ questions: [{ id: 'n', type: 'number', dimension: 'a', text: 'x', min: 0 }] });
    expect(problems(raw)).toContainEqual(['questions.0.max', 'required']);
  });
});
