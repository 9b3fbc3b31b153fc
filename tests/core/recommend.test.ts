import { describe, expect, it } from '@jest/globals';
import { recommend, scoreAnswers } from '../../src/core/index.js';
import { bankFrom, miniBank } from '../helpers.js';

describe('recommendations', () => {
  const bank = bankFrom(
    miniBank({
      dimensions: [
        { id: 'a', title: 'A' },
        { id: 'b', title: 'B' },
        { id: 'c', title: 'C' },
      ],
      questions: [
        { id: 'qa', type: 'likert', dimension: 'a', scale: 'agree5', text: 'a' },
        { id: 'qb', type: 'likert', dimension: 'b', scale: 'agree5', text: 'b' },
        { id: 'qc', type: 'likert', dimension: 'c', scale: 'agree5', text: 'c', required: false },
      ],
      recommendations: [
        { id: 'general', title: 't', text: 't' },
        { id: 'no-dim-p1', priority: 1, title: 't', text: 't' },
        { id: 'b-p1', priority: 1, dimension: 'b', title: 't', text: 't' },
        { id: 'a-p1', priority: 1, dimension: 'a', title: 't', text: 't' },
        { id: 'c-p1', priority: 1, dimension: 'c', title: 't', text: 't' },
        { id: 'a-p1-again', priority: 1, dimension: 'a', title: 't', text: 't' },
        { id: 'a-low', priority: 2, dimension: 'a', when: { score: 'a', below: 50 }, title: 't', text: 't' },
        { id: 'b-high', priority: 2, dimension: 'b', when: { score: 'b', atLeast: 50 }, title: 't', text: 't' },
        { id: 'answer', priority: 4, when: { question: 'qa', atMost: 2 }, title: 't', text: 't' },
      ],
    }),
  );

  it('orders by priority, then weakest dimension first (no score last), then bank order', () => {
    // a = 25, b = 75, c has no score
    const ids = recommend(bank, scoreAnswers(bank, { qa: 2, qb: 4, qc: null })).map((r) => r.id);
    expect(ids).toEqual(['a-p1', 'a-p1-again', 'b-p1', 'no-dim-p1', 'c-p1', 'a-low', 'b-high', 'general', 'answer']);
  });

  it('drops recommendations whose condition is false', () => {
    const ids = recommend(bank, scoreAnswers(bank, { qa: 5, qb: 1, qc: 3 })).map((r) => r.id);
    expect(ids).not.toContain('a-low');
    expect(ids).not.toContain('b-high');
    expect(ids).not.toContain('answer');
    // b = 0 is now the weakest
    expect(ids.slice(0, 3)).toEqual(['b-p1', 'c-p1', 'a-p1']);
  });
});
