import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diag, hasStackTrace } from './run-cli.js';

const STATS = ['--bank', 'tests/fixtures/banks/stats.json'];
const A = 'tests/fixtures/stats/stats-a.ndjson';
const FLAT = 'tests/fixtures/stats/stats-flat.ndjson';
const expected = JSON.parse(readFileSync('tests/fixtures/stats/expected.json', 'utf8'));
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'diag-stats-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('diag aggregate --stats', () => {
  it('puts reliability on dimensions and item figures on questions, equal to the exact computation', () => {
    const r = diag(['aggregate', ...STATS, '--stats', '--by', 'role', '-f', 'json', A]);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const out = JSON.parse(r.stdout);
    const want = expected['stats-a'];
    for (const d of want.dimensions) {
      const got = out.dimensions.find((x: { id: string }) => x.id === d.id).reliability;
      expect({ ...got, withheld: got.withheld?.code }).toEqual({ ...d.reliability, withheld: d.reliability.withheld });
    }
    const focusA = out.questions.find((q: { id: string }) => q.id === 'focus.a');
    expect(focusA).toMatchObject({ itemTotal: 0.727, floor: 15, ceiling: 23.33 });
    const segments = out.segments.map((s: { value: string; dimensions: Array<{ reliability?: { alpha: number } }> }) => [s.value, s.dimensions[0]?.reliability?.alpha]);
    expect(segments.sort()).toEqual([
      ['dev', 0.773],
      ['ops', 0.814],
    ]);
  });

  it('has the same figures without --stats, minus the statistics', () => {
    const plain = JSON.parse(diag(['aggregate', ...STATS, '-f', 'json', A]).stdout);
    const stats = JSON.parse(diag(['aggregate', ...STATS, '--stats', '-f', 'json', A]).stdout);
    expect(plain.dimensions[0].reliability).toBeUndefined();
    expect(stats.dimensions.map((d: Record<string, unknown>) => ({ ...d, reliability: undefined }))).toEqual(plain.dimensions.map((d: Record<string, unknown>) => ({ ...d, reliability: undefined })));
  });

  it('reads the figures in plain words, in French and in English, in every format', () => {
    // Wide enough that the readings are not wrapped inside their table cells.
    const wide = { env: { COLUMNS: '400' } };
    const en = diag(['aggregate', ...STATS, '--stats', '--lang', 'en', A], wide);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('the 4 items of Focus hang together acceptably: α = 0.793');
    expect(en.stdout).toContain('George & Mallery 2003');
    const fr = diag(['aggregate', ...STATS, '--stats', '--lang', 'fr', FLAT], wide);
    expect(fr.stdout).toContain('les 4 questions de « Concentration » vont ensemble de façon acceptable : α = 0,768');
    expect(fr.stdout).toContain('« Habitudes » : pas d’α, tout le monde a donné la même réponse à habits.flat');
    expect(fr.stdout).toContain('un α négatif');
    const md = diag(['aggregate', ...STATS, '--stats', '-f', 'markdown', '--lang', 'en', A]);
    expect(md.stdout).toMatch(/\| Focus \| 0\.793 \| 52 \| 4 \| the 4 items of Focus/);
    const html = diag(['aggregate', ...STATS, '--stats', '-f', 'html', '--lang', 'en', A]);
    expect(html.stdout).toContain('<h2>Reliability of the dimensions (Cronbach’s α)</h2>');
    expect(html.stdout.indexOf('Reliability of')).toBeLessThan(html.stdout.lastIndexOf('</section>'));
    const csv = diag(['aggregate', ...STATS, '--stats', '-f', 'csv', A]);
    const rows = csv.stdout.trim().split('\r\n').map((l) => l.split(','));
    const header = rows[0] ?? [];
    expect(rows.every((row) => row.length === header.length)).toBe(true);
    const alphaRow = rows.find((row) => row[0] === 'alpha' && row[4] === 'focus');
    expect(alphaRow?.[header.indexOf('alpha')]).toBe('0.793');
    const item = rows.find((row) => row[0] === 'item' && row[5] === 'focus.b');
    expect(item?.[header.indexOf('alpha_if_deleted')]).toBe('0.826');
    expect(rows.filter((row) => row[0] === 'scores').length).toBe(5);
  });

  it('--min-alpha exits 1 and names the dimension below, after writing the output', () => {
    const r = diag(['aggregate', ...STATS, '--min-alpha', '0.7', '-f', 'json', A]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).dimensions[1].reliability.alpha).toBe(0.537);
    expect(r.stderr).toContain('habits: alpha 0.537 is below --min-alpha 0.7');
    expect(diag(['aggregate', ...STATS, '--min-alpha', '0.5', A]).code).toBe(0);
    // A dimension whose alpha is withheld cannot pass the gate unseen.
    const flat = diag(['aggregate', ...STATS, '--min-alpha', '-2', FLAT]);
    expect(flat.code).toBe(0);
    expect(flat.stderr).toContain('warning: --min-alpha -2: no alpha for habits: the same score for everyone (variance 0) on habits.flat');
    const bad = diag(['aggregate', ...STATS, '--min-alpha', 'high', A]);
    expect([bad.code, bad.stdout]).toEqual([2, '']);
    expect(bad.stderr).toContain('--min-alpha high');
  });

  it('shows nothing but the count for a group smaller than --min-group', () => {
    const four = readFileSync(A, 'utf8').split('\n').slice(0, 4).join('\n');
    writeFileSync(join(dir, 'four.ndjson'), four);
    const r = diag(['aggregate', ...STATS, '--stats', '-f', 'json', join(dir, 'four.ndjson')]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('reliability');
    expect(r.stdout).not.toContain('itemTotal');
  });

  it('withholds alpha for segments under max(k, 10) and hides suppressed segments', () => {
    const r = diag(['aggregate', '--bank', 'tests/fixtures/banks/sample.yaml', '--stats', '--by', 'age', '-f', 'json', 'tests/fixtures/group/answers']);
    expect(r.code).toBe(0);
    expect(hasStackTrace(r.stderr)).toBe(false);
    const out = JSON.parse(r.stdout);
    expect(out.segments.map((s: { value: string }) => s.value)).toEqual(['30-44']);
    expect(out.dimensions.find((d: { id: string }) => d.id === 'sales').reliability.withheld.code).toBe('few-items');
    expect(out.dimensions[0].reliability).toMatchObject({ alpha: 0.311, n: 27 });
  });

  it('gives no statistic, in any format, for a dimension or question the aggregate withholds (SPEC section 10)', () => {
    // Team A: 3 of 5 are asked q4 (bosses only); team B: one of 5 answered q2 "does not apply".
    // Group minus a segment would give those 3, or those 4: q2 is hidden in A, q4 in B.
    const args = ['aggregate', '--bank', 'tests/fixtures/banks/stats-privacy.yaml', '--stats', '--by', 'team', '--lang', 'en', 'tests/fixtures/stats/stats-privacy.ndjson'];
    const json = JSON.parse(diag([...args, '-f', 'json']).stdout);
    const hidden = new Set<string>();
    for (const s of json.segments) {
      for (const q of s.questions) if (q.withheld !== undefined) hidden.add(`${s.value}/${q.id}`);
      for (const d of s.dimensions) if (d.withheld !== undefined) hidden.add(`${s.value}/${d.id}`);
    }
    expect([...hidden].filter((x) => /q2|q4/.test(x)).sort()).toEqual(['a/q2', 'a/q4', 'b/q2', 'b/q4']);
    const csv = diag([...args, '-f', 'csv']);
    expect(csv.code).toBe(0);
    const rows = csv.stdout.trim().split('\r\n').map((line) => line.split(','));
    const segmentRows = rows.filter(([kind, by]) => (kind === 'alpha' || kind === 'item') && by === 'team');
    // A, B: the value labels of team; each row names its question (item) or dimension (alpha).
    const leaked = segmentRows.filter(([kind, , value, , dimension, question]) => hidden.has(`${value?.toLowerCase()}/${kind === 'item' ? question : dimension}`));
    expect(leaked).toEqual([]);
    for (const format of ['markdown', 'text', 'html']) {
      const out = diag([...args, '-f', format], { env: { COLUMNS: '200' } }).stdout;
      // The group's item table has one row for q2 and one for q4; the segments, where they are hidden, none.
      const cells = (id: string) => out.split('\n').filter((line) => new RegExp(format === 'html' ? `<td>${id}</td><td>D[12]</td>` : `^[|│] ${id} +[|│] D[12] `).test(line)).length;
      expect([format, cells('q2'), cells('q4')]).toEqual([format, 1, 1]);
    }
  });

  it('says above each table of statistics which group or segment it is about, in text and Markdown', () => {
    const args = ['aggregate', '--bank', 'tests/fixtures/banks/stats-privacy.yaml', '--stats', '--by', 'team', '--lang', 'en', 'tests/fixtures/stats/stats-privacy.ndjson'];
    const md = diag([...args, '-f', 'markdown']).stdout;
    const stats = md.slice(md.indexOf('Reliability of the dimensions'));
    const titles = [...stats.matchAll(/^\*\*(.+)\*\*$/gm)].map((m) => m[1]);
    expect(titles).toEqual(['Whole group', 'Team = A', 'Team = B']);
    const text = diag([...args, '-f', 'text']).stdout;
    for (const title of ['Whole group', 'Team = A', 'Team = B']) expect(text.slice(text.indexOf('Reliability of the dimensions'))).toContain(title);
  });

  it('--min-alpha names no alpha of a dimension the aggregate withholds in a segment', () => {
    // Two teams of 12; q4 is asked of 3 bosses in A and of 12 in B, so D2 (which q4 scores) is
    // hidden in both segments; its alpha there (over q3 and q5, n = 12) must not reach stderr either.
    const rows: string[] = [];
    for (let i = 0; i < 24; i++) {
      const team = i < 12 ? 'a' : 'b';
      const boss = team === 'b' || i < 3;
      const answers: Record<string, unknown> = { team, boss, q1: 1 + (i % 5), q2: 1 + ((i * 2) % 5), q3: (i * 7) % 11, q5: i % 3 === 0 };
      if (boss) answers.q4 = 1 + ((i * 3) % 5);
      rows.push(JSON.stringify({ bank: 'stats-privacy', respondent: `r${i}`, answers }));
    }
    const file = join(dir, 'alpha-gate.ndjson');
    writeFileSync(file, `${rows.join('\n')}\n`);
    const args = ['aggregate', '--bank', 'tests/fixtures/banks/stats-privacy.yaml', '--by', 'team', '--lang', 'en', '--min-alpha', '0.99', file];
    const json = JSON.parse(diag([...args, '-f', 'json']).stdout);
    expect(json.segments.map((s: { dimensions: Array<{ id: string; withheld?: { code: string } }> }) => s.dimensions.find((d) => d.id === 'd2')?.withheld?.code)).toEqual(['complementary', 'complementary']);
    const r = diag([...args, '-f', 'json']);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/team = [ab]: d2/);
    expect(r.stderr).toMatch(/team = a: d1: alpha/);
  });
});
