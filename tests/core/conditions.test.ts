import { describe, expect, it } from '@jest/globals';
import { evaluateCondition, type Condition } from '../../src/core/index.js';

const answers = { role: 'sales', level: 4, tools: ['slack', 'teams'], ok: true, skipped: null };
const scores = { a: 45, b: null, overall: 60 };
const holds = (condition: Condition) => evaluateCondition(condition, { answers, scores });

describe('conditions (SPEC section 3)', () => {
  it.each<[Condition, boolean]>([
    [{ question: 'role', equals: 'sales' }, true],
    [{ question: 'role', equals: 'other' }, false],
    [{ question: 'ok', equals: true }, true],
    [{ question: 'level', equals: '4' }, true],
    [{ question: 'role', in: ['sales', 'lead'] }, true],
    [{ question: 'role', notIn: ['sales'] }, false],
    [{ question: 'role', notIn: ['lead'] }, true],
    [{ question: 'level', atLeast: 4 }, true],
    [{ question: 'level', atLeast: 5 }, false],
    [{ question: 'level', atMost: 4 }, true],
    [{ question: 'level', atLeast: 2, atMost: 3 }, false],
    [{ question: 'role', atLeast: 1 }, false],
    [{ question: 'tools', includes: 'teams' }, true],
    [{ question: 'tools', includes: 'notion' }, false],
    [{ question: 'tools', in: ['notion', 'slack'] }, true],
    [{ question: 'tools', notIn: ['notion'] }, true],
    [{ question: 'tools', equals: ['teams', 'slack'] }, true],
    [{ question: 'role', answered: true }, true],
    [{ question: 'skipped', answered: true }, false],
    [{ question: 'skipped', answered: false }, true],
    [{ question: 'absent', answered: false }, true],
    [{ question: 'absent', equals: 'x' }, false],
    [{ question: 'absent', notIn: ['x'] }, false],
    [{ question: 'skipped', notIn: ['x'] }, false],
    [{ not: { question: 'absent', equals: 'x' } }, true],
    [{ score: 'a', below: 50 }, true],
    [{ score: 'a', atLeast: 50 }, false],
    [{ score: 'a', atLeast: 45 }, true],
    [{ score: 'b', below: 50 }, false],
    [{ score: 'b', atLeast: 0 }, false],
    [{ score: 'overall', atLeast: 60 }, true],
    [{ score: 'missing', below: 100 }, false],
    [{ all: [{ question: 'role', equals: 'sales' }, { score: 'a', below: 50 }] }, true],
    [{ all: [{ question: 'role', equals: 'sales' }, { score: 'a', below: 40 }] }, false],
    [{ any: [{ question: 'role', equals: 'x' }, { question: 'ok', equals: true }] }, true],
    [{ any: [{ question: 'role', equals: 'x' }, { question: 'ok', equals: false }] }, false],
    [{ not: { any: [{ question: 'role', equals: 'x' }] } }, true],
  ])('%j is %s', (condition, expected) => expect(holds(condition)).toBe(expected));

  it('a score test without scores in the context is false', () => {
    expect(evaluateCondition({ score: 'a', below: 100 }, { answers })).toBe(false);
  });

  it('an inherited property is not an answer', () => {
    expect(evaluateCondition({ question: 'constructor', answered: true }, { answers: {} })).toBe(false);
    expect(evaluateCondition({ question: 'toString', answered: false }, { answers: {} })).toBe(true);
  });
});
