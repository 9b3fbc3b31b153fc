import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { applyConditions, isScored, recommend, scoreAnswers, validateBank, type AnswerValue, type Bank, type Question } from '../src/core/index.js';
import { parseSource } from '../src/cli/source.js';

const FILE = new URL('../questions/transformation.yaml', import.meta.url);
const source = parseSource('questions/transformation.yaml', readFileSync(FILE, 'utf8'));
const validated = validateBank(source.data);
if (!validated.ok) throw new Error(`the bundled bank is invalid: ${JSON.stringify(validated.errors)}`);
const bank: Bank = validated.value;

/** A small seeded generator, so that the search below is the same on every run. */
function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The answer that gives a question its best (or worst) item score; profile answers chosen to show everything. */
function extremeAnswer(question: Question, best: boolean): AnswerValue {
  switch (question.type) {
    case 'likert': {
      const values = question.options.map((o) => o.value);
      return best !== question.reverse ? Math.max(...values) : Math.min(...values);
    }
    case 'boolean':
      return question.profile ? true : best !== question.reverse;
    case 'single': {
      const sorted = [...question.options].sort((a, b) => (a.score ?? 0) - (b.score ?? 0));
      return (best ? sorted.at(-1) : sorted[0])?.value ?? null;
    }
    case 'multiple':
      return best ? question.options.filter((o) => (o.score ?? 0) > 0).map((o) => o.value) : [];
    case 'number':
      return (best !== question.reverse ? question.max : question.min) ?? 0;
    case 'text':
      return null;
  }
}

function randomAnswer(question: Question, next: () => number): AnswerValue {
  const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(next() * list.length)];
  if (!question.required && next() < 0.1) return null;
  switch (question.type) {
    case 'likert':
    case 'single': {
      const options: ReadonlyArray<{ value: string | number }> = question.options;
      return pick(options)?.value ?? null;
    }
    case 'boolean':
      return next() < 0.5;
    case 'multiple':
      return question.options.filter(() => next() < 0.4).map((o) => o.value);
    case 'number':
      return Math.round((question.min ?? 0) + next() * ((question.max ?? 10) - (question.min ?? 0)));
    case 'text':
      return null;
  }
}

const answersFor = (make: (q: Question) => AnswerValue) => Object.fromEntries(bank.questions.map((q) => [q.id, make(q)]));

describe('the bundled bank "transformation"', () => {
  it('is valid, without a single warning, in French first and English', () => {
    expect(validated.warnings).toEqual([]);
    expect(bank.id).toBe('transformation');
    expect(bank.languages).toEqual(['fr', 'en']);
    expect(bank.dimensions.map((d) => d.id)).toEqual(['self', 'management', 'digital', 'async', 'trust', 'sales']);
    expect(bank.levels).toHaveLength(4);
  });

  it('has 30 to 45 scored questions, mostly likert, with reversed items', () => {
    const scored = bank.questions.filter(isScored);
    expect(scored.length).toBeGreaterThanOrEqual(30);
    expect(scored.length).toBeLessThanOrEqual(45);
    expect(scored.filter((q) => q.type === 'likert').length / scored.length).toBeGreaterThan(0.6);
    expect(scored.some((q) => 'reverse' in q && q.reverse)).toBe(true);
  });

  it('has every text in both French and English, none empty', () => {
    const missing: string[] = [];
    const walk = (value: unknown, path: string): void => {
      if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`));
      else if (typeof value === 'object' && value !== null) {
        const entries = Object.entries(value);
        if (entries.some(([k]) => k === 'fr' || k === 'en')) {
          for (const lang of ['fr', 'en']) {
            const text: unknown = Object.fromEntries(entries)[lang];
            if (typeof text !== 'string' || text.trim() === '') missing.push(`${path}.${lang}`);
          }
        } else entries.forEach(([k, v]) => walk(v, `${path}.${k}`));
      }
    };
    walk(source.data, '');
    expect(missing).toEqual([]);
  });

  it('lets every dimension reach its lowest and its highest level', () => {
    const worst = scoreAnswers(bank, answersFor((q) => extremeAnswer(q, false)));
    const best = scoreAnswers(bank, answersFor((q) => extremeAnswer(q, true)));
    const first = bank.levels[0]?.id;
    const last = bank.levels.at(-1)?.id;
    expect(worst.dimensions.map((d) => [d.id, d.score, d.level?.id])).toEqual(bank.dimensions.map((d) => [d.id, 0, first]));
    expect(best.dimensions.map((d) => [d.id, d.score, d.level?.id])).toEqual(bank.dimensions.map((d) => [d.id, 100, last]));
  });

  it('can trigger every recommendation from some answers', () => {
    const seen = new Set<string>();
    const next = rng(2026);
    const trials = [answersFor((q) => extremeAnswer(q, false)), answersFor((q) => extremeAnswer(q, true))];
    for (let i = 0; i < 3000; i++) trials.push(answersFor((q) => randomAnswer(q, next)));
    for (const answers of trials) for (const r of recommend(bank, scoreAnswers(bank, answers))) seen.add(r.id);
    expect(bank.recommendations.map((r) => r.id).filter((id) => !seen.has(id))).toEqual([]);
  });

  it('has a low and a middle recommendation for every dimension', () => {
    for (const dimension of bank.dimensions) {
      const own = bank.recommendations.filter((r) => r.dimension === dimension.id);
      const fires = (score: number) => own.some((r) => recommend({ ...bank, recommendations: [r] }, { overall: { score, level: null }, answers: {}, hidden: [], dimensions: [{ id: dimension.id, score, level: null, answered: 1, questions: 1, notApplicable: 0, items: [] }] }).length > 0);
      expect([dimension.id, fires(20)]).toEqual([dimension.id, true]);
      expect([dimension.id, fires(50)]).toEqual([dimension.id, true]);
    }
  });

  it('hides the whole sales block from someone who does not sell', () => {
    const answers = { ...answersFor((q) => extremeAnswer(q, true)), sells: false };
    const { hidden } = applyConditions(bank, answers);
    const sales = bank.questions.filter((q) => q.dimension === 'sales').map((q) => q.id);
    expect(sales.length).toBeGreaterThanOrEqual(4);
    expect(hidden).toEqual(expect.arrayContaining(sales));
    const result = scoreAnswers(bank, answers);
    expect(result.dimensions.find((d) => d.id === 'sales')).toMatchObject({ score: null, questions: 0 });
    expect(result.overall.score).toBe(100);
  });

  it('carries the seed figures: 68% suffer from interruptions, 61% can work asynchronously', () => {
    const benchmark = (id: string) => bank.questions.find((q) => q.id === id)?.benchmark?.agreeShare;
    expect(benchmark('async.interruptions')).toBe(68);
    expect(benchmark('async.works_async')).toBe(61);
    expect(bank.questions.find((q) => q.id === 'async.interruptions')).toMatchObject({ type: 'likert', reverse: true });
  });
});
