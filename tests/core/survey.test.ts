import { describe, expect, it } from '@jest/globals';
import { runSurvey, type AnswerValue, type AskContext, type Question } from '../../src/core/index.js';
import { bankFrom, miniBank } from '../helpers.js';

const bank = bankFrom(
  miniBank({
    dimensions: [{ id: 'a', title: 'A' }, { id: 's', title: 'Sales' }],
    profile: [{ id: 'sells', type: 'boolean', text: 'Do you sell?' }],
    questions: [
      { id: 'q1', type: 'likert', dimension: 'a', scale: 'agree5', text: 'q1' },
      { id: 'opt', type: 'likert', dimension: 'a', scale: 'agree5', text: 'opt', required: false },
      { id: 's1', type: 'boolean', dimension: 's', text: 's1', when: { question: 'sells', equals: true } },
      { id: 's2', type: 'boolean', dimension: 's', text: 's2', when: { question: 's1', equals: true } },
    ],
  }),
);

/** An `ask` that answers from a script and records what it was asked. */
function scripted(script: Record<string, AnswerValue[]>) {
  const asked: Array<[string, AskContext]> = [];
  const ask = async (question: Question, context: AskContext) => {
    asked.push([question.id, context]);
    const next = script[question.id]?.shift();
    if (next === undefined) throw new Error(`unexpected question ${question.id}`);
    return next;
  };
  return { ask, asked };
}

describe('runSurvey', () => {
  it('asks in bank order, showing conditional questions once their condition holds', async () => {
    const { ask, asked } = scripted({ sells: [true], q1: [4], opt: [null], s1: [true], s2: [false] });
    const answers = await runSurvey(bank, { ask });
    expect(asked.map(([id]) => id)).toEqual(['sells', 'q1', 'opt', 's1', 's2']);
    expect(answers).toEqual({ sells: true, q1: 4, opt: null, s1: true, s2: false });
    expect(asked.map(([, c]) => [c.index, c.total, c.newSection])).toEqual([
      [1, 3, true],
      [2, 4, true],
      [3, 4, false],
      [4, 4, true],
      [5, 5, false],
    ]);
    expect(asked[3]?.[1].dimension?.id).toBe('s');
  });

  it('never asks a hidden question', async () => {
    const { ask, asked } = scripted({ sells: [false], q1: [1], opt: [2] });
    expect(await runSurvey(bank, { ask })).toEqual({ sells: false, q1: 1, opt: 2 });
    expect(asked.map(([id]) => id)).not.toContain('s1');
  });

  it('saves after every answer and resumes without asking again', async () => {
    const saved: Array<Record<string, AnswerValue>> = [];
    const first = scripted({ sells: [true], q1: [3] });
    await expect(runSurvey(bank, { ask: first.ask, onAnswer: (a) => void saved.push({ ...a }) })).rejects.toThrow('unexpected question opt');
    expect(saved.at(-1)).toEqual({ sells: true, q1: 3 });
    const second = scripted({ opt: [5], s1: [false] });
    const answers = await runSurvey(bank, { ask: second.ask, initial: saved.at(-1) });
    expect(second.asked.map(([id]) => id)).toEqual(['opt', 's1']);
    expect(answers).toEqual({ sells: true, q1: 3, opt: 5, s1: false });
  });

  it('lets the review change an answer, re-applying the conditions', async () => {
    const { ask, asked } = scripted({ sells: [false, true], q1: [2], opt: [null], s1: [true], s2: [true] });
    const reviews: string[][] = [];
    let round = 0;
    const answers = await runSurvey(bank, {
      ask,
      review: async (shown) => {
        reviews.push(shown.map((x) => `${x.question.id}=${String(x.answer)}`));
        return round++ === 0 ? { change: 'sells' } : { done: true };
      },
    });
    expect(reviews).toEqual([
      ['sells=false', 'q1=2', 'opt=null'],
      ['sells=true', 'q1=2', 'opt=null', 's1=true', 's2=true'],
    ]);
    const again = asked.find(([id], i) => id === 'sells' && i > 0);
    expect(again?.[1].previous).toBe(false);
    expect(answers).toEqual({ sells: true, q1: 2, opt: null, s1: true, s2: true });
  });

  it('drops answers that a changed answer hides', async () => {
    const { ask } = scripted({ sells: [true, false], q1: [2], opt: [1], s1: [true], s2: [true] });
    let round = 0;
    const answers = await runSurvey(bank, { ask, review: async () => (round++ === 0 ? { change: 'sells' } : { done: true }) });
    expect(answers).toEqual({ sells: false, q1: 2, opt: 1 });
  });
});
