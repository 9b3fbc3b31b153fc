/**
 * Property-based tests of validation and scoring (SPEC sections 2 to 6) on generated banks and
 * answers. The seed is fixed so that CI is repeatable; a failure prints the shrunk counterexample.
 */
import { describe, expect, it } from '@jest/globals';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { parseSource } from '../../src/cli/source.js';
import { buildReport, itemScore, scoreAnswers, validateAnswers, validateBank, type AnswerFile, type Bank, type Report } from '../../src/core/index.js';
import { answerFileArb, rawBankArb, type BankOptions, type RawAnswerFile, type RawBank, type RawCondition, type RawLikert, type RawQuestion } from './generators.js';

const SEED = 42;
const RUNS = 200;
const CREATED_AT = '2026-01-01T00:00:00.000Z';
const TOOL = { name: 'diag', version: '0.0.0-test' };

const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
// JSON.parse, as tests/schema.test.ts does: ajv checks the schema itself when compiling it.
const readSchema = (name: string) => JSON.parse(readFileSync(new URL(`../../schema/${name}`, import.meta.url), 'utf8'));
const bankSchema = ajv.compile(readSchema('bank.schema.json'));
const reportSchema = ajv.compile(readSchema('report.schema.json'));

interface Scenario {
  raw: RawBank;
  bank: Bank;
  file: RawAnswerFile;
}

function bankOf(raw: RawBank): Bank {
  const result = validateBank(raw);
  if (!result.ok) throw new Error(`generated bank refused:\n${result.errors.map((e) => `${e.path.join('.')}: ${e.message}`).join('\n')}\n${JSON.stringify(raw)}`);
  return result.value;
}

/** A valid bank with a valid answer file for it. */
function scenarioArb(options: BankOptions = {}): fc.Arbitrary<Scenario> {
  return rawBankArb(options).chain((raw) => {
    const bank = bankOf(raw);
    return answerFileArb(bank).map((file) => ({ raw, bank, file }));
  });
}

function accepted(bank: Bank, input: unknown): AnswerFile {
  const result = validateAnswers(bank, input);
  if (!result.ok) throw new Error(`answers refused:\n${result.errors.map((e) => `${e.path.join('.')}: ${e.message}`).join('\n')}`);
  return result.value;
}

function reportOf(bank: Bank, file: AnswerFile): Report {
  return buildReport(bank, file, { lang: file.lang ?? bank.languages[0] ?? 'en', createdAt: CREATED_AT, tool: TOOL });
}

const inRange = (score: number): boolean => Number.isFinite(score) && score >= 0 && score <= 100;
const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

const normal = scenarioArb();
const extreme = scenarioArb({ extreme: true });

describe('scoring properties (SPEC section 4)', () => {
  it('1. every item, dimension and overall score is within [0, 100] or null', () => {
    fc.assert(
      fc.property(extreme, ({ bank, file }) => {
        const result = scoreAnswers(bank, accepted(bank, file).answers);
        for (const dimension of result.dimensions) {
          for (const item of dimension.items) expect({ item: item.question, score: item.score, ok: inRange(item.score) }).toEqual({ item: item.question, score: item.score, ok: true });
          if (dimension.score !== null) expect([dimension.id, dimension.score, inRange(dimension.score)]).toEqual([dimension.id, dimension.score, true]);
          expect(dimension.score === null).toBe(dimension.items.length === 0);
        }
        if (result.overall.score !== null) expect([result.overall.score, inRange(result.overall.score)]).toEqual([result.overall.score, true]);
        const report = reportOf(bank, accepted(bank, file));
        for (const score of [report.scores.overall.score, ...report.scores.dimensions.map((d) => d.score)]) {
          if (score !== null) expect([score, inRange(score)]).toEqual([score, true]);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('2. the overall score lies between the lowest and the highest dimension score', () => {
    fc.assert(
      fc.property(extreme, ({ bank, file }) => {
        const result = scoreAnswers(bank, accepted(bank, file).answers);
        const scores = result.dimensions.flatMap((d) => (d.score === null ? [] : [d.score]));
        const overall = result.overall.score;
        if (scores.length === 0) {
          expect(overall).toBeNull();
          return;
        }
        if (overall === null) throw new Error('no overall score although some dimension has one');
        const low = Math.min(...scores);
        const high = Math.max(...scores);
        expect(overall >= low || close(overall, low)).toBe(true);
        expect(overall <= high || close(overall, high)).toBe(true);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('3. reversing a likert, boolean or number item gives 100 minus its score (and changes nothing elsewhere)', () => {
    const reversible = new Set(['likert', 'boolean', 'number']);
    const flip = (q: RawQuestion): RawQuestion => ({ ...q, reverse: !(q.reverse ?? false) });
    fc.assert(
      fc.property(extreme, ({ raw, bank, file }) => {
        const flipped = bankOf({ ...raw, ...(raw.profile ? { profile: raw.profile.map(flip) } : {}), questions: raw.questions.map(flip) });
        const answers = accepted(bank, file).answers;
        const before = scoreAnswers(bank, answers);
        const after = scoreAnswers(flipped, accepted(flipped, file).answers);
        const type = new Map(bank.questions.map((q) => [q.id, q.type]));
        before.dimensions.forEach((dimension, d) => {
          const items = after.dimensions[d]?.items ?? [];
          expect(items.map((i) => i.question)).toEqual(dimension.items.map((i) => i.question));
          dimension.items.forEach((item, i) => {
            const other = items[i]?.score ?? NaN;
            const expected = reversible.has(type.get(item.question) ?? '') ? 100 - item.score : item.score;
            expect({ question: item.question, score: other, ok: close(other, expected) }).toEqual({ question: item.question, score: other, ok: true });
          });
        });
        // itemScore itself, on every reversible question of the bank, scored or not.
        for (const question of bank.questions) {
          const value = answers[question.id];
          if (value === undefined || value === null || (question.type !== 'likert' && question.type !== 'boolean' && question.type !== 'number')) continue;
          const s = itemScore(question, value);
          const r = itemScore({ ...question, reverse: !question.reverse }, value);
          if (s === null || r === null) {
            expect(r).toBe(s);
            continue;
          }
          expect(close(r, 100 - s)).toBe(true);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('4. the order of keys in the answer file changes nothing in the report', () => {
    const permuted = normal.chain((s) => {
      const keys = Object.keys(s.file.answers);
      const top = Object.keys(s.file);
      return fc.record({
        s: fc.constant(s),
        keys: fc.shuffledSubarray(keys, { minLength: keys.length, maxLength: keys.length }),
        top: fc.shuffledSubarray(top, { minLength: top.length, maxLength: top.length }),
      });
    });
    fc.assert(
      fc.property(permuted, ({ s, keys, top }) => {
        const answers = Object.fromEntries(keys.map((k) => [k, s.file.answers[k]]));
        const record: Record<string, unknown> = { ...s.file, answers };
        const reordered = Object.fromEntries(top.map((k) => [k, record[k]]));
        expect(JSON.stringify(reportOf(s.bank, accepted(s.bank, reordered)))).toBe(JSON.stringify(reportOf(s.bank, accepted(s.bank, s.file))));
        const warnings = (input: unknown) =>
          validateAnswers(s.bank, input)
            .warnings.map((w) => `${w.code} ${w.path.join('.')}`)
            .sort();
        expect(warnings(reordered)).toEqual(warnings(s.file));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("5. re-scoring a report's own answers gives the same scores, levels and recommendations", () => {
    fc.assert(
      fc.property(normal, ({ bank, file }) => {
        const report = reportOf(bank, accepted(bank, file));
        const again = reportOf(bank, accepted(bank, report));
        expect(again).toEqual(report);
        // A report saved as JSON and read back.
        const saved: unknown = JSON.parse(JSON.stringify(report));
        const reread = reportOf(bank, accepted(bank, saved));
        expect(reread.scores).toEqual(report.scores);
        expect(reread.recommendations).toEqual(report.recommendations);
        expect(JSON.stringify(reread.answers)).toBe(JSON.stringify(report.answers));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('6. every report validates against schema/report.schema.json', () => {
    fc.assert(
      fc.property(fc.oneof(normal, extreme), ({ bank, file }) => {
        const report = reportOf(bank, accepted(bank, file));
        const valid = reportSchema(JSON.parse(JSON.stringify(report)));
        expect(valid ? [] : reportSchema.errors).toEqual([]);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('7. every generated bank is accepted by validateBank and by schema/bank.schema.json, and survives YAML and JSON', () => {
    fc.assert(
      fc.property(fc.oneof(rawBankArb(), rawBankArb({ extreme: true })), (raw) => {
        const result = validateBank(raw);
        expect(result.ok ? [] : result.errors).toEqual([]);
        const valid = bankSchema(raw);
        expect(valid ? [] : bankSchema.errors).toEqual([]);
        if (!result.ok) return;
        const fromYaml = validateBank(parseSource('bank.yaml', stringify(raw)).data);
        expect(fromYaml.ok ? fromYaml.value : fromYaml.errors).toEqual(result.value);
        // JSON has no -0: compare as JSON text.
        const fromJson = validateBank(parseSource('bank.json', JSON.stringify(raw)).data);
        expect(JSON.stringify(fromJson.ok ? fromJson.value : fromJson.errors)).toBe(JSON.stringify(result.value));
      }),
      // Fewer runs: the YAML round trip is the slowest step of the file.
      { seed: SEED, numRuns: RUNS / 2 },
    );
  });

  it('8. an independent implementation of SPEC section 4 gives the same scores, levels and recommendations', () => {
    fc.assert(
      fc.property(normal, ({ raw, bank, file }) => {
        const expected = reference(raw, file);
        const result = scoreAnswers(bank, accepted(bank, file).answers);
        const report = reportOf(bank, accepted(bank, file));
        result.dimensions.forEach((dimension, i) => {
          const want = expected.dimensions[i];
          if (want === undefined) throw new Error(`no reference for dimension ${dimension.id}`);
          if (want.score === null || dimension.score === null) expect(dimension.score).toBe(want.score);
          else expect({ id: dimension.id, score: dimension.score, close: close(dimension.score, want.score) }).toEqual({ id: want.id, score: dimension.score, close: true });
          expect(dimension.level?.id ?? null).toBe(want.level);
        });
        const overall = result.overall.score;
        if (overall === null || expected.overall.score === null) expect(overall).toBe(expected.overall.score);
        else expect({ overall, close: close(overall, expected.overall.score) }).toEqual({ overall, close: true });
        expect(result.overall.level?.id ?? null).toBe(expected.overall.level);
        expect(report.recommendations.map((r) => r.id)).toEqual(expected.recommendations);
      }),
      { seed: SEED, numRuns: RUNS * 2 },
    );
  });
});

describe('regressions found by these properties', () => {
  const likert = (id: string, values: number[], extra: Partial<RawLikert> = {}): RawLikert => ({ id, type: 'likert', dimension: 'a', text: id, options: values.map((value) => ({ value })), ...extra });
  const scoreOf = (bank: Bank, answers: Record<string, unknown>) => scoreAnswers(bank, accepted(bank, { answers }).answers);

  it('a number range wider than the largest double scores by position, not NaN or 0', () => {
    const bank = bankOf({ ...miniRaw(), questions: [{ id: 'n', type: 'number', dimension: 'a', text: 'n', min: -Number.MAX_VALUE, max: Number.MAX_VALUE }] });
    expect(scoreOf(bank, { n: 0 }).dimensions[0]?.score).toBe(50);
    expect(scoreOf(bank, { n: Number.MAX_VALUE }).dimensions[0]?.score).toBe(100);
    const scale = bankOf({ ...miniRaw(), questions: [likert('l', [-1e308, 1e308], { reverse: true })] });
    expect(scoreOf(scale, { l: 1e308 }).dimensions[0]?.score).toBe(0);
  });

  it('weights near the largest or the smallest double give the exact weighted mean', () => {
    const huge = bankOf({ ...miniRaw(), questions: [likert('x', [0, 1], { weight: 1e308 }), likert('y', [0, 1], { weight: 1e308 })] });
    expect(scoreOf(huge, { x: 1, y: 0 }).dimensions[0]?.score).toBe(50);
    const tiny = bankOf({ ...miniRaw(), questions: [{ id: 'x', type: 'number', dimension: 'a', text: 'x', min: 0, max: 1000, weight: 5e-324 }] });
    const result = scoreOf(tiny, { x: 753 }).dimensions[0];
    expect(result?.score).toBeCloseTo(75.3, 12);
    expect(result?.score).toBe(result?.items[0]?.score);
    const dimensions = bankOf({ ...miniRaw(), dimensions: [{ id: 'a', title: 'A', weight: 1e308 }, { id: 'b', title: 'B', weight: 1e308 }], questions: [likert('x', [0, 1]), likert('y', [0, 1], { dimension: 'b' })] });
    expect(scoreOf(dimensions, { x: 1, y: 0 }).overall.score).toBe(50);
  });

  it('a mean of scores of 100 is 100, not 100.00000000000001', () => {
    const bank = bankOf({ ...miniRaw(), questions: [likert('x', [0, 1], { weight: 765.779405176696 })] });
    expect(scoreOf(bank, { x: 1 }).dimensions[0]?.score).toBe(100);
  });

  it('an unanswered question named "constructor" has a null benchmark answer, not Object', () => {
    const bank = bankOf({ ...miniRaw(), questions: [likert('x', [0, 1]), likert('constructor', [0, 1], { required: false, benchmark: { agreeShare: 50 } })] });
    const report = reportOf(bank, accepted(bank, { answers: { x: 1 } }));
    expect(report.benchmarks).toEqual([expect.objectContaining({ question: 'constructor', answer: null, agrees: null })]);
    expect(reportSchema(JSON.parse(JSON.stringify(report)))).toBe(true);
  });

  it('a recommendation on a dimension named "__proto__" sees its score', () => {
    const bank = bankOf({
      ...miniRaw(),
      dimensions: [{ id: '__proto__', title: 'P' }],
      questions: [likert('x', [0, 1], { dimension: '__proto__' })],
      recommendations: [{ id: 'low', when: { score: '__proto__', below: 50 }, dimension: '__proto__', title: 'T', text: 'T' }],
    });
    expect(reportOf(bank, accepted(bank, { answers: { x: 0 } })).recommendations.map((r) => r.id)).toEqual(['low']);
    expect(reportOf(bank, accepted(bank, { answers: { x: 1 } })).recommendations).toEqual([]);
  });
});

function miniRaw(): RawBank {
  return { id: 'mini', version: '1.0.0', languages: ['en'], title: 'Mini', dimensions: [{ id: 'a', title: 'A' }], levels: [{ id: 'low', min: 0, label: 'Low' }], questions: [] };
}

// -------------------------------------------------------------------------------------------------
// An independent implementation of SPEC sections 3 and 4, from the raw bank as written in the file.
// It does not call src/core: defaults, scales, visibility and scores are all redone here.

type Answer = unknown;

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const loose = (v: unknown) => typeof v === 'string' || typeof v === 'number';
  return loose(a) && loose(b) && String(a) === String(b);
}

function holds(condition: RawCondition, answers: ReadonlyMap<string, Answer>, scores?: ReadonlyMap<string, number | null>): boolean {
  if ('all' in condition) return condition.all.every((c) => holds(c, answers, scores));
  if ('any' in condition) return condition.any.some((c) => holds(c, answers, scores));
  if ('not' in condition) return !holds(condition.not, answers, scores);
  if ('score' in condition) {
    const score = scores?.get(condition.score);
    if (score === undefined || score === null) return false;
    return (condition.below === undefined || score < condition.below) && (condition.atLeast === undefined || score >= condition.atLeast);
  }
  const value = answers.get(condition.question);
  const answered = value !== undefined && value !== null;
  if (condition.answered !== undefined && condition.answered !== answered) return false;
  const { equals, in: among, notIn, atLeast, atMost, includes } = condition;
  if ([equals, among, notIn, atLeast, atMost, includes].every((x) => x === undefined)) return condition.answered !== undefined;
  if (!answered) return false;
  const chosen: unknown[] = Array.isArray(value) ? value : [value];
  const has = (list: readonly unknown[], v: unknown) => list.some((x) => sameValue(x, v));
  if (equals !== undefined) {
    const wanted: unknown[] = Array.isArray(equals) ? equals : [equals];
    if (!chosen.every((v) => has(wanted, v)) || !wanted.every((v) => has(chosen, v))) return false;
  }
  if (among !== undefined && !chosen.some((v) => has(among, v))) return false;
  if (notIn !== undefined && chosen.some((v) => has(notIn, v))) return false;
  if (includes !== undefined && !(Array.isArray(value) && has(value, includes))) return false;
  if (atLeast !== undefined && !(typeof value === 'number' && value >= atLeast)) return false;
  if (atMost !== undefined && !(typeof value === 'number' && value <= atMost)) return false;
  return true;
}

interface ReferenceResult {
  dimensions: Array<{ id: string; score: number | null; level: string | null }>;
  overall: { score: number | null; level: string | null };
  recommendations: string[];
}

function reference(raw: RawBank, file: RawAnswerFile): ReferenceResult {
  const scales = new Map(Object.entries(raw.scales ?? {}));
  const questions = [...(raw.profile ?? []).map((q) => ({ q, profile: true })), ...raw.questions.map((q) => ({ q, profile: false }))];
  const given = new Map(Object.entries(file.answers));

  // The answer as the bank spells it: "1" for option 1 is 1; a text answer is a string.
  const canonical = (q: RawQuestion, v: Answer): Answer => {
    if (v === null) return null;
    if (q.type === 'single') return q.options.find((o) => String(o.value) === String(v))?.value ?? v;
    if (q.type === 'multiple' && Array.isArray(v)) return v.map((x) => q.options.find((o) => String(o.value) === String(x))?.value ?? x);
    if (q.type === 'text') return String(v);
    return v;
  };

  // Visibility: in file order, each `when` on the visible answers before it.
  const visible: Array<{ q: RawQuestion; profile: boolean }> = [];
  const answers = new Map<string, Answer>();
  for (const entry of questions) {
    if (entry.q.when !== undefined && !holds(entry.q.when, answers)) continue;
    visible.push(entry);
    if (given.has(entry.q.id)) answers.set(entry.q.id, canonical(entry.q, given.get(entry.q.id)));
  }

  const linear = (v: number, min: number, max: number) => ((v - min) / (max - min)) * 100;
  const item = (q: RawQuestion, v: Answer): number | null => {
    switch (q.type) {
      case 'likert': {
        const values = (q.options ?? (q.scale === undefined ? undefined : scales.get(q.scale)?.options) ?? []).map((o) => o.value);
        let min = Infinity;
        let max = -Infinity;
        for (const x of values) {
          min = Math.min(min, x);
          max = Math.max(max, x);
        }
        if (typeof v !== 'number') return null;
        const s = linear(v, min, max);
        return q.reverse === true ? 100 - s : s;
      }
      case 'boolean':
        return (v === true) !== (q.reverse === true) ? 100 : 0;
      case 'single':
        return q.options.find((o) => sameValue(o.value, v))?.score ?? null;
      case 'multiple': {
        if (!Array.isArray(v)) return null;
        const sum = q.options.filter((o) => v.some((x) => sameValue(x, o.value))).reduce((total, o) => total + (o.score ?? 0), 0);
        return Math.min(sum, 100);
      }
      case 'number': {
        if (typeof v !== 'number' || q.min === undefined || q.max === undefined) return null;
        const s = linear(Math.min(Math.max(v, q.min), q.max), q.min, q.max);
        return q.reverse === true ? 100 - s : s;
      }
      case 'text':
        return null;
    }
  };

  const levelOf = (score: number | null): string | null => {
    if (score === null) return null;
    let best: { id: string; min: number } | null = null;
    for (const level of raw.levels) if (level.min <= score && (best === null || level.min > best.min)) best = level;
    return best?.id ?? null;
  };

  const dimensions = raw.dimensions.map((dimension) => {
    let total = 0;
    let weights = 0;
    for (const { q, profile } of visible) {
      const weight = q.weight ?? 1;
      if (profile || q.type === 'text' || weight <= 0 || q.dimension !== dimension.id) continue;
      const value = answers.get(q.id);
      if (value === undefined || value === null) continue;
      const s = item(q, value);
      if (s === null) continue;
      total += weight * s;
      weights += weight;
    }
    const score = weights > 0 ? total / weights : null;
    return { id: dimension.id, score, level: levelOf(score), weight: dimension.weight ?? 1 };
  });
  let total = 0;
  let weights = 0;
  for (const d of dimensions) {
    if (d.score === null) continue;
    total += d.weight * d.score;
    weights += d.weight;
  }
  const overall = weights > 0 ? total / weights : null;

  const scores = new Map<string, number | null>([...dimensions.map((d): [string, number | null] => [d.id, d.score]), ['overall', overall]]);
  const rank = (dimension: string | undefined) => {
    const score = dimension === undefined ? undefined : scores.get(dimension);
    return score === undefined || score === null ? Infinity : score;
  };
  const recommendations = (raw.recommendations ?? [])
    .map((r, index) => ({ r, index }))
    .filter(({ r }) => r.when === undefined || holds(r.when, answers, scores))
    .sort((a, b) => (a.r.priority ?? 3) - (b.r.priority ?? 3) || (rank(a.r.dimension) < rank(b.r.dimension) ? -1 : rank(a.r.dimension) > rank(b.r.dimension) ? 1 : 0) || a.index - b.index)
    .map(({ r }) => r.id);

  return { dimensions: dimensions.map(({ id, score, level }) => ({ id, score, level })), overall: { score: overall, level: levelOf(overall) }, recommendations };
}
