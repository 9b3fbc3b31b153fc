import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error: a plain JavaScript module of the benchmarks, without types.
import { loadBank, writeNdjson } from '../bench/generate.js';
import { diag, hasStackTrace } from './run-cli.js';

let dir: string;
let norms: string;
let group: string;
let five: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'diag-norms-'));
  const bank: unknown = loadBank('questions/transformation.yaml');
  group = join(dir, 'group.ndjson');
  five = join(dir, 'five.ndjson');
  writeNdjson(group, 1000, bank, 42);
  writeNdjson(five, 5, bank, 7);
  norms = join(dir, 'norms.json');
  const r = diag(['aggregate', group, '--norms-out', norms]);
  if (r.code !== 0) throw new Error(r.stderr);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Scores = { overall: { score: number; percentile?: number }; dimensions: Array<{ id: string; score: number | null; percentile?: number }> };

describe('norms: aggregate --norms-out, then score --norms', () => {
  it('writes the bank, the date, n and 99 points per score, and no individual record', () => {
    const file = JSON.parse(readFileSync(norms, 'utf8'));
    expect(file).toMatchObject({ kind: 'diag-norms', bank: { id: 'transformation', version: expect.any(String) }, createdAt: '2026-11-23T10:40:00.000Z', n: 1000 });
    expect(file.overall.points).toHaveLength(99);
    expect(Object.keys(file.dimensions)).toEqual(['self', 'management', 'digital', 'async', 'trust', 'sales']);
    const text = readFileSync(norms, 'utf8');
    expect(text).not.toMatch(/respondent|r0000001|answers/);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  (spawnSync('python3', ['--version']).status === 0 ? it : it.skip)('has the type-7 points an exact computation gives (python3)', () => {
    const reports = join(dir, 'reports.json');
    expect(diag(['score', group, '-f', 'json', '-o', reports]).code).toBe(0);
    const check = spawnSync('python3', ['tests/scripts/norms-check.py', reports, norms], { encoding: 'utf8' });
    expect([check.status, check.stdout.trim()]).toEqual([0, 'ok']);
  });

  it('gives 5 respondents the hand-checked percentiles', () => {
    const r = diag(['score', five, '--norms', norms, '-f', 'json']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const reports: Array<{ respondent: string; scores: Scores }> = JSON.parse(r.stdout);
    // Checked by hand against the norms file: r0000001 scores 52.74 overall, q65 = 52.58 ≤ 52.74 <
    // q66 = 52.76, so 65 points are at or below it; r0000002: q14 = 42.98 ≤ 43.03 < q15 = 43.35;
    // r0000003: q99 = 64.36 ≤ 64.42; r0000004: q53 = 50.88 ≤ 50.99 < q54 = 51.02; r0000005:
    // q40 = 49.03 ≤ 49.15 < q41 = 49.17.
    expect(reports.map((x) => [x.respondent, x.scores.overall.score, x.scores.overall.percentile])).toEqual([
      ['r0000001', 52.74, 65],
      ['r0000002', 43.03, 14],
      ['r0000003', 64.42, 99],
      ['r0000004', 50.99, 53],
      ['r0000005', 49.15, 40],
    ]);
    // The count is on the unrounded score (SPEC section 13): r0000001's management score is
    // 200/3 = 66.666…, shown 66.67; q84 … q89 = 66.67 are above it, so 83, not 89. Every count lies
    // between the points below the rounded score's half-hundredth and those at or below it.
    const file = JSON.parse(readFileSync(norms, 'utf8'));
    for (const report of reports) {
      for (const d of report.scores.dimensions) {
        if (d.score === null) {
          expect(d.percentile).toBeUndefined();
          continue;
        }
        const points: number[] = file.dimensions[d.id].points;
        const score = d.score;
        expect(d.percentile).toBeGreaterThanOrEqual(points.filter((q) => q < score - 0.005).length);
        expect(d.percentile).toBeLessThanOrEqual(points.filter((q) => q <= score).length);
      }
    }
    expect(reports[0]?.scores.dimensions.slice(0, 3).map((d) => [d.score, d.percentile])).toEqual([
      [48.5, 45],
      [66.67, 83],
      [50, 55],
    ]);
    expect(file.dimensions.management.points.slice(82, 90)).toEqual([63, 66.67, 66.67, 66.67, 66.67, 66.67, 66.67, 70.83]);
  });

  it('says it in every format, in French and in English', () => {
    const fr = diag(['score', five, '--norms', norms, '--lang', 'fr']);
    expect(fr.stdout).toMatch(/Score global\s:\sau niveau ou au-dessus de 65\s%\sdu groupe de référence/);
    expect(fr.stdout).toMatch(/groupe de référence\s:\s1000 répondants, 2026-11-23/);
    const en = diag(['score', five, '--norms', norms, '--lang', 'en', '-f', 'markdown']);
    expect(en.stdout).toContain('- **Overall score**: at or above 65 % of the reference group');
    const html = diag(['score', five, '--norms', norms, '--lang', 'en', '-f', 'html']);
    expect(html.stdout).toContain('at or above 14 % of the reference group');
    const csv = diag(['score', five, '--norms', norms, '-f', 'csv']);
    const [header, first] = csv.stdout.split('\r\n').map((l) => l.split(','));
    expect(first?.[header?.indexOf('overall_percentile') ?? -1]).toBe('65');
  });

  it('report --norms renders saved reports with percentiles', () => {
    const saved = join(dir, 'one.json');
    const one = JSON.parse(diag(['score', five, '-f', 'json']).stdout)[0];
    writeFileSync(saved, JSON.stringify(one));
    const r = diag(['report', saved, '--norms', norms, '-f', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).scores.overall.percentile).toBe(65);
  });

  it('run --norms checks the norms file before the survey starts', () => {
    const missing = diag(['run', '--norms', join(dir, 'missing.json')]);
    expect([missing.code, hasStackTrace(missing.stderr)]).toEqual([2, false]);
    expect(missing.stderr).toContain('no such file');
    // The results screen is renderReportText, the one `report -f text` uses.
    const saved = join(dir, 'for-text.json');
    writeFileSync(saved, JSON.stringify(JSON.parse(diag(['score', five, '-f', 'json']).stdout)[0]));
    expect(diag(['report', saved, '--norms', norms, '--lang', 'en']).stdout).toMatch(/Overall score: at or above 65 % of the reference group/);
  });

  it('refuses a group under max(k, 30), writing nothing', () => {
    const small = join(dir, 'small.ndjson');
    writeFileSync(small, readFileSync(group, 'utf8').split('\n').slice(0, 29).join('\n'));
    const out = join(dir, 'small-norms.json');
    const r = diag(['aggregate', small, '--norms-out', out]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('norms need at least 30 respondents');
    expect(existsSync(out)).toBe(false);
    const k40 = diag(['aggregate', group, '--min-group', '1001', '--norms-out', out]);
    expect([k40.code, existsSync(out)]).toEqual([2, false]);
  });

  it('refuses norms of another bank, and warns for another version', () => {
    const other = JSON.parse(readFileSync(norms, 'utf8'));
    writeFileSync(join(dir, 'other.json'), JSON.stringify({ ...other, bank: { id: 'sus', version: '1.0.0' } }));
    const r = diag(['score', five, '--norms', join(dir, 'other.json')]);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toContain('norms of bank "sus", but the bank is "transformation"');
    writeFileSync(join(dir, 'old.json'), JSON.stringify({ ...other, bank: { id: 'transformation', version: '0.9.0' } }));
    const old = diag(['score', five, '--norms', join(dir, 'old.json'), '-f', 'json']);
    expect(old.code).toBe(0);
    expect(old.stderr).toContain('norms made with bank transformation 0.9.0');
    for (const broken of ['{', '{"kind": "diag-norms"}', '[]']) {
      writeFileSync(join(dir, 'broken.json'), broken);
      const b = diag(['score', five, '--norms', join(dir, 'broken.json')]);
      expect([b.code, hasStackTrace(b.stderr)]).toEqual([2, false]);
    }
    expect(diag(['score', five, '--norms', join(dir, 'missing.json')]).stderr).toContain('no such file');
  });

  it('uses the norms file a bank names beside it, unless --no-norms', () => {
    const bankDir = join(dir, 'bank');
    spawnSync('mkdir', ['-p', bankDir]);
    const text = readFileSync('questions/transformation.yaml', 'utf8');
    writeFileSync(join(bankDir, 'bank.yaml'), `${text}\nnorms: pilot.json\n`);
    copyFileSync(norms, join(bankDir, 'pilot.json'));
    const r = diag(['score', five, '--bank', join(bankDir, 'bank.yaml'), '-f', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)[0].scores.overall.percentile).toBe(65);
    const off = diag(['score', five, '--bank', join(bankDir, 'bank.yaml'), '--no-norms', '-f', 'json']);
    expect(JSON.parse(off.stdout)[0].scores.overall.percentile).toBeUndefined();
    writeFileSync(join(bankDir, 'evil.yaml'), `${text}\nnorms: ../norms.json\n`);
    const evil = diag(['validate', join(bankDir, 'evil.yaml')]);
    expect(evil.code).toBe(2);
    expect(evil.stderr).toMatch(/evil\.yaml:\d+:\d+: norms: "\.\.\/norms\.json" must be a relative path/);
  });
});
