import { describe, expect, it } from '@jest/globals';
import { estimatePathTime, estimateTimeRange, roundMinutes } from '../../src/core/index.js';
import { bankFrom, miniBank } from '../helpers.js';

// Title "Mini" (1 word); agree5 labels "1".."5" (5 words); dimension A has no description.
const bank = bankFrom(
  miniBank({
    description: 'two words',
    profile: [{ id: 'sells', type: 'boolean', text: 'Do you sell?' }],
    questions: [
      { id: 'q1', type: 'likert', dimension: 'a', scale: 'agree5', text: 'one two three', help: 'four five' },
      { id: 'q2', type: 'likert', dimension: 'a', scale: 'agree5', text: 'a b c d e f', when: { question: 'sells', equals: true }, notApplicable: 'not me' },
    ],
  }),
);

describe('estimatePathTime', () => {
  it('counts the words shown on the path, at 200 words a minute, plus 4 seconds a question', () => {
    // 1 (title) + 2 (description) + "Do you sell?" 3 + Yes/No 2 + q1 3 + 2 + 5 = 18 words, 2 questions
    expect(estimatePathTime(bank, { sells: false }, 'en')).toEqual({ questions: 2, words: 18, seconds: (18 / 200) * 60 + 8 });
    // + q2: 6 + 5 labels + "not me" 2 = 13 words
    expect(estimatePathTime(bank, { sells: true }, 'en')).toEqual({ questions: 3, words: 31, seconds: (31 / 200) * 60 + 12 });
  });

  it('takes other assumptions', () => {
    expect(estimatePathTime(bank, { sells: false }, 'en', { wordsPerMinute: 60, secondsPerQuestion: 0 }).seconds).toBe(18);
  });
});

describe('estimateTimeRange', () => {
  it('tries every path the conditions allow: the shortest and the longest', () => {
    const range = estimateTimeRange(bank, 'en');
    expect(range).toEqual({ exact: true, least: estimatePathTime(bank, { sells: false }, 'en'), most: estimatePathTime(bank, { sells: true }, 'en') });
  });

  it('falls back to bounds when there are too many paths', () => {
    const questions = Array.from({ length: 14 }, (_, i) => ({ id: `b${i}`, type: 'boolean', dimension: 'a', text: 'x', ...(i > 0 ? { when: { question: `b${i - 1}`, equals: true } } : {}) }));
    const wide = bankFrom(miniBank({ questions: [...questions, { id: 'last', type: 'boolean', dimension: 'a', text: 'y', when: { question: 'b13', equals: true } }] }));
    const range = estimateTimeRange(wide, 'en');
    expect([range.exact, range.least.questions, range.most.questions]).toEqual([false, 1, 15]);
  });

  it('rounds to whole minutes, at least one', () => {
    expect([roundMinutes(10), roundMinutes(89), roundMinutes(91)]).toEqual([1, 1, 2]);
  });
});
