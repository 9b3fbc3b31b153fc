import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import {
  buildReport,
  createAggregator,
  evaluateCondition,
  explainScores,
  itemScore,
  recommend,
  scoreAnswers,
  validateAnswers,
  validateBank,
  type Answers,
  type Bank,
} from '../../src/core/index.js';
import { parseSource } from '../../src/cli/source.js';
import { bankFrom, miniBank } from '../helpers.js';

const likertNa = { id: 'q1', type: 'likert', dimension: 'a', scale: 'agree5', text: 'Q1', notApplicable: true };
const codes = (raw: unknown) => {
  const r = validateBank(raw);
  return r.ok ? [] : r.errors.map((e) => e.code);
};

describe('bank validation of notApplicable (SPEC section 9)', () => {
  it('accepts true, a Text and false on every type but text', () => {
    for (const type of [
      { type: 'likert', scale: 'agree5' },
      { type: 'boolean' },
      { type: 'number', min: 0, max: 5 },
      { type: 'single', options: [{ value: 'x', label: 'X', score: 10 }] },
      { type: 'multiple', options: [{ value: 'x', label: 'X', score: 10 }] },
    ]) {
      for (const notApplicable of [true, 'None', { en: 'Not me' }, false]) {
        const bank = bankFrom(miniBank({ questions: [{ id: 'q', dimension: 'a', text: 'Q', ...type, notApplicable }] }));
        expect([type.type, bank.questions[0]?.notApplicable]).toEqual([type.type, notApplicable === false ? undefined : notApplicable]);
      }
    }
  });

  it('refuses it on a text question, a wrong type, and an option valued n/a beside it', () => {
    expect(codes(miniBank({ questions: [{ id: 'q', type: 'text', text: 'Q', notApplicable: true }] }))).toEqual(['not-applicable-on-text']);
    expect(codes(miniBank({ questions: [{ ...likertNa, notApplicable: 3 }] }))).toEqual(['type']);
    const clash = miniBank({ questions: [{ id: 'q', type: 'single', dimension: 'a', text: 'Q', notApplicable: true, options: [{ value: 'n/a', label: 'NA', score: 0 }, { value: 'y', label: 'Y', score: 1 }] }] });
    const result = validateBank(clash);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.map((e) => [e.code, e.path.join('.')])).toEqual([['not-applicable-value', 'questions.0.options.0.value']]);
  });

  it('still allows an option valued n/a where the question offers no notApplicable', () => {
    const bank = bankFrom(miniBank({ questions: [{ id: 'q', type: 'single', dimension: 'a', text: 'Q', options: [{ value: 'n/a', label: 'NA', score: 0 }, { value: 'y', label: 'Y', score: 100 }] }] }));
    const file = validateAnswers(bank, { answers: { q: 'n/a' } });
    expect(file.ok).toBe(true);
    expect(scoreAnswers(bank, { q: 'n/a' }).dimensions[0]).toMatchObject({ score: 0, notApplicable: 0 });
    expect(evaluateCondition({ question: 'q', equals: 'n/a' }, { answers: { q: 'n/a' }, notApplicable: new Set() })).toBe(true);
  });

  it('validates the notApplicable test of conditions, with a warning where it can never hold', () => {
    const ok = validateBank(miniBank({ questions: [likertNa, { id: 'q2', type: 'boolean', dimension: 'a', text: 'Q2', when: { question: 'q1', notApplicable: true } }] }));
    expect(ok.ok && ok.warnings).toEqual([]);
    const bad = validateBank(miniBank({ questions: [likertNa, { id: 'q2', type: 'boolean', dimension: 'a', text: 'Q2', when: { question: 'q1', notApplicable: 'yes' } }] }));
    expect(bad.ok ? [] : bad.errors.map((e) => e.code)).toEqual(['type']);
    const never = validateBank(miniBank({ questions: [{ ...likertNa, notApplicable: undefined }, { id: 'q2', type: 'boolean', dimension: 'a', text: 'Q2', when: { question: 'q1', notApplicable: true } }] }));
    expect(never.warnings.map((w) => w.code)).toEqual(['not-applicable-not-offered']);
    const valueTest = validateBank(miniBank({ questions: [{ id: 'q', type: 'single', dimension: 'a', text: 'Q', notApplicable: true, options: [{ value: 'x', label: 'X', score: 0 }] }], recommendations: [{ id: 'r', title: 'T', text: 'T', when: { question: 'q', equals: 'n/a' } }] }));
    expect(valueTest.warnings.map((w) => w.code)).toEqual(['not-applicable-value-test']);
  });
});

describe('answers of n/a', () => {
  const bank = bankFrom(miniBank({ questions: [likertNa, { id: 'q2', type: 'likert', dimension: 'a', scale: 'agree5', text: 'Q2' }, { id: 'n', type: 'number', dimension: 'a', min: 0, max: 10, notApplicable: true, text: 'N' }] }));

  it('are accepted only where declared; the message lists n/a among the allowed values', () => {
    expect(validateAnswers(bank, { answers: { q1: 'n/a', q2: 3, n: 'n/a' } })).toMatchObject({ ok: true, value: { answers: { q1: 'n/a', q2: 3, n: 'n/a' } } });
    const refused = validateAnswers(bank, { answers: { q1: 'N/A', q2: 'n/a', n: 'x' } });
    expect(refused.ok).toBe(false);
    const errors = refused.ok ? [] : refused.errors;
    expect(errors.map((e) => [e.path.join('.'), e.code])).toEqual([
      ['answers.q1', 'type'],
      ['answers.q2', 'not-applicable-not-offered'],
      ['answers.n', 'type'],
    ]);
    expect(errors[0]?.message).toContain('1, 2, 3, 4, 5, "n/a"');
    expect(errors[2]?.message).toContain('or "n/a"');
  });

  it('satisfy required: a required question answered n/a is answered', () => {
    expect(validateAnswers(bank, { answers: { q1: 'n/a', q2: 1, n: 2 } }).ok).toBe(true);
    expect(validateAnswers(bank, { answers: { q2: 1, n: 2 } }).ok).toBe(false);
  });

  it('are not scored, like a skip, and counted per dimension', () => {
    expect(itemScore(bank.questions[0]!, 'n/a')).toBeNull();
    const result = scoreAnswers(bank, { q1: 'n/a', q2: 5, n: 'n/a' });
    expect(result.dimensions[0]).toMatchObject({ score: 100, answered: 1, questions: 3, notApplicable: 2 });
    const all = scoreAnswers(bank, { q1: 'n/a', q2: 'n/a', n: 'n/a' });
    expect(all.dimensions[0]).toMatchObject({ score: null, answered: 0, notApplicable: 2 });
  });
});

describe('conditions on n/a', () => {
  const answers: Answers = { q: 'n/a', r: 3 };
  const context = { answers, notApplicable: new Set(['q', 'r']) };
  it('answered is true, every value test false, notApplicable true', () => {
    expect(evaluateCondition({ question: 'q', answered: true }, context)).toBe(true);
    expect(evaluateCondition({ question: 'q', answered: false }, context)).toBe(false);
    for (const test of [{ equals: 'n/a' }, { in: ['n/a', 1] }, { notIn: [1] }, { atLeast: 0 }, { atMost: 100 }, { includes: 'n/a' }]) {
      expect([test, evaluateCondition({ question: 'q', ...test }, context)]).toEqual([test, false]);
    }
    expect(evaluateCondition({ question: 'q', notApplicable: true }, context)).toBe(true);
    expect(evaluateCondition({ question: 'q', notApplicable: false }, context)).toBe(false);
    expect(evaluateCondition({ not: { question: 'q', notApplicable: true } }, context)).toBe(false);
  });
  it('notApplicable: false holds for a real answer, never for a missing one', () => {
    expect(evaluateCondition({ question: 'r', notApplicable: false }, context)).toBe(true);
    expect(evaluateCondition({ question: 'r', notApplicable: true }, context)).toBe(false);
    expect(evaluateCondition({ question: 'missing', notApplicable: false }, context)).toBe(false);
    expect(evaluateCondition({ question: 'missing', notApplicable: true }, context)).toBe(false);
    expect(evaluateCondition({ question: 'r', notApplicable: false, atLeast: 3 }, context)).toBe(true);
  });
});

describe('the fixture bank not-applicable.yaml', () => {
  const raw = parseSource('not-applicable.yaml', readFileSync(new URL('../fixtures/banks/not-applicable.yaml', import.meta.url), 'utf8')).data;
  const validated = validateBank(raw);
  if (!validated.ok) throw new Error(JSON.stringify(validated.errors));
  const bank: Bank = validated.value;
  const all = { alone: true, 'team.update': 'n/a', 'team.meeting': 'n/a', 'team.channel': 'n/a', 'team.tools': 'n/a', 'team.size': 'n/a', 'team.alone_followup': 4 };
  const context = { lang: 'en', createdAt: '2026-01-01T00:00:00.000Z', tool: { name: 'diag', version: 'test' } };

  it('validates without warnings and takes n/a on every type', () => {
    expect(validated.warnings).toEqual([]);
    const file = validateAnswers(bank, { answers: all });
    expect(file.ok && file.warnings).toEqual([]);
  });

  it('shows a follow-up and a recommendation only to those for whom it does not apply', () => {
    const report = buildReport(bank, { answers: all }, context);
    expect(report.scores.dimensions).toEqual([expect.objectContaining({ id: 'team', score: 75, answered: 1, questions: 6, notApplicable: 5 })]);
    expect(report.recommendations.map((r) => r.id)).toEqual(['no-team']);
    const withTeam = { alone: false, 'team.update': 1, 'team.meeting': true, 'team.channel': 'chat', 'team.tools': ['wiki'], 'team.size': 5 };
    const other = buildReport(bank, { answers: withTeam }, context);
    expect(other.scores.dimensions[0]).toMatchObject({ questions: 5, notApplicable: 0 });
    expect(other.recommendations.map((r) => r.id)).toEqual(['write-update']);
    expect(recommend(bank, scoreAnswers(bank, { ...withTeam, 'team.update': 3 })).map((r) => r.id)).toEqual([]);
  });

  it('explains n/a answers apart from scored items', () => {
    const explanation = explainScores(bank, all);
    expect(explanation.dimensions[0]).toMatchObject({ notApplicable: ['team.update', 'team.meeting', 'team.channel', 'team.tools', 'team.size'] });
    expect(explanation.dimensions[0]?.items.map((i) => i.question)).toEqual(['team.alone_followup']);
  });

  it('aggregates n/a apart from answered and skipped; distribution over real answers', () => {
    const aggregator = createAggregator(bank, { by: [], minGroup: 1 });
    aggregator.add(buildReport(bank, { answers: all }, context));
    aggregator.add(buildReport(bank, { answers: { ...all, 'team.update': 5 } }, context));
    const stats = aggregator.result().questions.find((q) => q.id === 'team.update');
    expect(stats).toMatchObject({ answered: 1, skipped: 0, notApplicable: 1, agreeShare: 100, distribution: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 1 } });
  });
});
