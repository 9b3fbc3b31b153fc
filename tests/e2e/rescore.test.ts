import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diag, hasStackTrace } from './run-cli.js';

let dir: string;
let old: string;
let v2: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'diag-rescore-'));
  old = join(dir, 'old.json');
  const r = diag(['score', '--bank', 'tests/fixtures/banks/sample.yaml', 'tests/fixtures/group/answers', '-f', 'json', '-o', old]);
  if (r.code !== 0) throw new Error(r.stderr);
  // 1.3.0: "some" support is worth 60 (was 50), async.optional is replaced by async.new, digital-low starts below 50.
  const text = readFileSync('tests/fixtures/banks/sample.yaml', 'utf8')
    .replace('version: 1.2.0', 'version: 1.3.0')
    .replace('en: "Some"}, score: 50}', 'en: "Some"}, score: 60}')
    .replace('id: async.optional', 'id: async.new')
    .replace('when: {score: digital, below: 60}', 'when: {score: digital, below: 50}');
  v2 = join(dir, 'v2.yaml');
  writeFileSync(v2, text);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('diag rescore', () => {
  it('shows per respondent and in total what the new version changes', () => {
    const r = diag(['rescore', '--bank', v2, old, '-f', 'json']);
    expect([r.code, hasStackTrace(r.stderr)]).toEqual([0, false]);
    const { summary, respondents } = JSON.parse(r.stdout);
    expect(summary).toMatchObject({ count: 35, bank: { id: 'sample', newVersion: '1.3.0', oldVersions: ['1.2.0'] } });
    const bea = respondents.find((x: { respondent: string }) => x.respondent === 'Bea');
    // Digital: tools, rules (weight 1) and support "some" (weight 3): +10 × 3/5 = +6.
    expect(bea.comparison.dimensions.find((d: { id: string }) => d.id === 'digital')).toMatchObject({ old: 60, new: 66, delta: 6 });
    expect(bea.dropped).toEqual(['async.optional']);
    expect(bea.unanswered).toEqual(['async.new']);
    expect(summary.recommendations.find((x: { id: string }) => x.id === 'digital-low')).toMatchObject({ added: 0, removed: 8 });
    // Three of the 35 (r21, r31, r35) never answered async.optional.
    expect(summary.dropped).toEqual({ 'async.optional': 32 });
  });

  it('reads in plain words, in English and in French', () => {
    const en = diag(['rescore', '--bank', v2, old, '--lang', 'en']);
    expect(en.stdout).toContain('Re-scoring with bank sample 1.3.0 (reports made with 1.2.0)');
    expect(en.stdout).toContain('Bea: Overall score 43.13 → 41.5 -1.63 · Async 56.25 → 50 -6.25 · Digital 60 → 66 +6 · answers the new version refuses: async.optional');
    expect(en.stdout).toContain('digital-low: added for 0, removed for 8');
    const fr = diag(['rescore', '--bank', v2, old, '-f', 'markdown', '--lang', 'fr']);
    expect(fr.stdout).toContain('| `digital-low` | 0 | 8 |');
    expect(fr.stdout).toContain('Nouveau calcul avec la banque sample 1.3.0');
  });

  it('refuses what is not a report, reports of another bank, and a missing --bank', () => {
    const none = diag(['rescore', old]);
    expect([none.code, none.stderr]).toEqual([2, 'diag: rescore needs --bank NEW_BANK: the version to score the saved reports with\n']);
    const answers = diag(['rescore', '--bank', v2, 'tests/fixtures/group/answers/r02.yaml']);
    expect([answers.code, answers.stdout]).toEqual([2, '']);
    expect(answers.stderr).toContain('not a diag report');
    const other = diag(['rescore', '--bank', 'tests/fixtures/banks/sus.yaml', old]);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('a report of bank "sample", not "sus"');
  });
});
