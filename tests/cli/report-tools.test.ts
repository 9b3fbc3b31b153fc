import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { buildReport, compareReports, decodeReport, explainScores, scoreDrops, validateAnswers, validateBank, type Bank, type Report } from '../../src/core/index.js';
import { parseSource } from '../../src/cli/source.js';

const load = (path: string) => parseSource(path, readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8')).data;
const checked = validateBank(load('banks/sample.yaml'));
if (!checked.ok) throw new Error('sample bank invalid');
const bank: Bank = checked.value;

function reportOf(path: string): Report {
  const answers = validateAnswers(bank, load(path));
  if (!answers.ok) throw new Error(JSON.stringify(answers.errors));
  return buildReport(bank, answers.value, { lang: 'en', createdAt: answers.value.createdAt ?? '', tool: { name: 'diag', version: 'test' } });
}

const before = reportOf('answers/sample-full.yaml');
const after = reportOf('answers/sample-later.yaml');

describe('compareReports, on hand-computed reports', () => {
  it('gives each change, level changes and the recommendations gone and new', () => {
    // before: async 83.33, digital 46, sales 100, overall 78.17
    // after: async (2*25 + 0)/3 = 16.67, digital (100 + 100 + 3*100)/5 = 100, sales 0 (phone 0, cold calls reversed 0), overall (2*16.67 + 100 + 0)/4 = 33.33
    const c = compareReports(before, after);
    expect(c.overall).toMatchObject({ old: 78.17, new: 33.33, delta: -44.84, oldLevel: 'advanced', newLevel: 'starting', levelChanged: true });
    expect(c.dimensions.map((d) => [d.id, d.old, d.new, d.delta, d.levelChanged])).toEqual([
      ['async', 83.33, 16.67, -66.66, true],
      ['digital', 46, 100, 54, true],
      ['sales', 100, 0, -100, true],
    ]);
    expect(c.recommendations.gone.map((r) => r.id)).toEqual(['digital-low', 'overall-high']);
    expect(c.recommendations.new.map((r) => r.id)).toEqual(['async-rules', 'sales-value']);
    expect(c.recommendations.kept.map((r) => r.id)).toEqual(['general']);
  });
});

describe('scoreDrops (the --max-drop gate)', () => {
  it('lists only the scores that fell by more than allowed', () => {
    expect(scoreDrops(before, after, { overall: 50, dimensions: {} })).toEqual([]);
    expect(scoreDrops(before, after, { overall: 44.83, dimensions: {} })).toEqual([{ id: 'overall', old: 78.17, new: 33.33, drop: 44.84, allowed: 44.83 }]);
    expect(scoreDrops(before, after, { dimensions: { '*': 70 } }).map((d) => [d.id, d.drop])).toEqual([['sales', 100]]);
    expect(scoreDrops(before, after, { dimensions: { async: 10, digital: 0 } }).map((d) => [d.id, d.drop])).toEqual([['async', 66.66]]);
  });
});

describe('explainScores', () => {
  it('gives each item its points and share, and the gains in overall points', () => {
    const e = explainScores(bank, { ...before.profile, ...before.answers });
    const async = e.dimensions.find((d) => d.id === 'async');
    // interruptions: s 75, w 2 -> 2*75/3 = 50 points (60 % of 83.33); written: s 100, w 1 -> 33.33 points (40 %)
    expect(async?.items.map((i) => [i.question, i.score, i.weight, i.points, i.share])).toEqual([
      ['async.interruptions', 75, 2, 50, 60],
      ['async.written', 100, 1, 33.33, 40],
    ]);
    // gain = (W_d / ΣW) * w * (100 - s) / Σw_d, with ΣW = 2 + 1 + 1
    expect(e.improvements.map((i) => [i.question, i.gain])).toEqual([
      ['async.interruptions', 8.33], // 2/4 * 2*25/3
      ['digital.support', 7.5], // 1/4 * 3*50/5
      ['digital.rules', 5], // 1/4 * 100/5
      ['digital.tools', 1], // 1/4 * 20/5
    ]);
    expect(e.overall).toBe(78.17);
  });
});

describe('decodeReport', () => {
  it('reads back what buildReport writes', () => {
    const decoded = decodeReport(JSON.parse(JSON.stringify(before)));
    expect(decoded.ok && decoded.value).toEqual(before);
  });
  it('refuses what is not a report, saying where', () => {
    const decoded = decodeReport({ schemaVersion: 2, bank: 'x', scores: { overall: { score: 'high' }, dimensions: 3 } });
    expect(decoded.ok ? [] : decoded.errors.map((e) => [e.path.join('.'), e.code])).toEqual(
      expect.arrayContaining([
        ['schemaVersion', 'schema-version'],
        ['bank', 'type'],
        ['scores.dimensions', 'type'],
        ['scores.overall.score', 'type'],
      ]),
    );
  });
});
