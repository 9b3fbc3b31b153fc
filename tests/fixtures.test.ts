import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { buildReport, validateAnswers, validateBank, type Bank } from '../src/core/index.js';
import { parseSource } from '../src/cli/source.js';

const fixture = (path: string) => parseSource(path, readFileSync(new URL(`./fixtures/${path}`, import.meta.url), 'utf8'));

function loadBank(path: string): Bank {
  const result = validateBank(fixture(path).data);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

function report(bankPath: string, answersPath: string) {
  const bank = loadBank(bankPath);
  const answers = validateAnswers(bank, fixture(answersPath).data);
  if (!answers.ok) throw new Error(JSON.stringify(answers.errors));
  return { report: buildReport(bank, answers.value, { lang: answers.value.lang ?? 'en', createdAt: '2026-01-01T00:00:00.000Z', tool: { name: 'diag', version: 'test' } }), warnings: answers.warnings };
}

describe('published instruments', () => {
  it('System Usability Scale: 4,2,5,1,4,2,5,1,4,2 gives 85.0', () => {
    const { report: r } = report('banks/sus.yaml', 'answers/sus-85.yaml');
    expect(r.scores.overall).toEqual({ score: 85, level: 'excellent', levelLabel: 'Excellent' });
    expect(r.recommendations).toEqual([]);
  });
});

describe('the sample bank, computed by hand', () => {
  it('scores every type, weight, clamp, cap, skip and hidden question', () => {
    const { report: r, warnings } = report('banks/sample.yaml', 'answers/sample-full.yaml');
    // async: interruptions 2 reversed -> 75 (w2), written 10 -> 100 (w1), optional skipped: 250/3
    // digital: tools 3 in [1,11] reversed -> 80, rules false -> 0, support some -> 50 (w3), note w0: 230/5 = 46
    // sales: [social, content] = 110 capped at 100; cold_calls hidden (no phone)
    // overall: (2 * 83.333… + 46 + 100) / 4 = 78.1666…
    expect(r.scores.dimensions.map((d) => [d.id, d.score, d.level, d.answered, d.questions])).toEqual([
      ['async', 83.33, 'advanced', 2, 3],
      ['digital', 46, 'developing', 3, 3],
      ['sales', 100, 'advanced', 1, 1],
    ]);
    expect(r.scores.overall).toMatchObject({ score: 78.17, level: 'advanced' });
    expect(r.recommendations.map((x) => x.id)).toEqual(['digital-low', 'overall-high', 'general']);
    expect(r.profile).toEqual({ age: '30-44', sells: true });
    expect(r.answers).not.toHaveProperty('sales.cold_calls');
    expect(r.answers['async.optional']).toBeNull();
    expect(warnings.map((w) => [w.path.join('.'), w.code])).toEqual([['answers.sales.cold_calls', 'hidden-answer']]);
    expect(r.benchmarks).toEqual([
      { question: 'async.interruptions', dimension: 'async', text: 'I am often interrupted.', agreeShare: 68, source: 'LeDIAG', answer: 2, agrees: false },
    ]);
  });
});

describe('the broken bank', () => {
  it('reports each problem with a line and column', () => {
    const source = fixture('banks/broken.yaml');
    const result = validateBank(source.data);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const located = result.errors.map((e) => [e.code, source.locate(e.path)?.line]);
    expect(located).toEqual(
      expect.arrayContaining([
        ['pattern', 1],
        ['pattern', 2],
        ['missing-default-language', 4],
        ['scale-too-small', 7],
        ['forward-reference', 20],
        ['unknown-scale', 18],
        ['unknown-dimension', 23],
        ['duplicate-id', 21],
        ['missing-score', 30],
        ['min-max', 35],
        ['unknown-type', 38],
        ['unknown-operator', 48],
      ]),
    );
  });
});
