import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { diag, hasStackTrace } from './run-cli.js';

const SAMPLE = ['--bank', 'tests/fixtures/banks/sample.yaml'];
const GROUP = 'tests/fixtures/group/answers';
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'diag-aggregate-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('diag aggregate', () => {
  it('prints the SPEC section 8 JSON, equal to the independently computed figures', () => {
    const r = diag(['aggregate', ...SAMPLE, '--by', 'age', '-f', 'json', GROUP]);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    const expected = JSON.parse(readFileSync('tests/fixtures/group/expected.json', 'utf8'));
    expect(result).toMatchObject({ bank: { id: 'sample' }, by: ['age'] });
    // expected.json holds every figure, without privacy rules: what is shown must be exactly those.
    for (const key of ['count', 'overall', 'dimensions']) expect(result[key]).toEqual(expected[key]);
    type Entry = { id: string; withheld?: unknown };
    const shown = (list: Entry[]) => list.filter((q) => q.withheld === undefined);
    const pick = (list: Entry[], like: Entry[]) => shown(like).map((q) => list.find((x) => x.id === q.id));
    expect(shown(result.questions)).toEqual(pick(expected.questions, result.questions));
    // age (the --by question) is withheld: its counts are the segments.
    expect(result.questions.filter((q: Entry) => q.withheld !== undefined).map((q: Entry) => q.id)).toEqual(['age']);
    expect(result.segments.map((x: { value: string; count: number }) => [x.value, x.count])).toEqual(expected.segments.map((x: { value: string; count: number }) => [x.value, x.count]));
    // The same values hidden; one code and reason for all (privacy2: which one would bound a count).
    expect(result.suppressed).toEqual(expected.suppressed.map((x: { by: string; value: unknown }) => ({ by: x.by, value: x.value, code: 'hidden', reason: 'fewer than 5 respondents, or hidden so that a group of fewer than 5 cannot be worked out by subtraction' })));
  });

  it('never shows a suppressed segment in any format', () => {
    for (const format of ['text', 'markdown', 'csv', 'html']) {
      const r = diag(['aggregate', ...SAMPLE, '--by', 'age', '-f', format, GROUP]);
      expect([format, r.code]).toEqual([format, 0]);
      // 45+ (3 people) and 18-29 (hidden with it) appear only in the list of hidden groups.
      const withoutNotice = r.stdout.split(/Groups hidden|Groupes masqués/)[0] ?? '';
      expect([format, withoutNotice.includes('45+'), withoutNotice.includes('18-29')]).toEqual([format, false, false]);
    }
    const csv = diag(['aggregate', ...SAMPLE, '--by', 'age', '-f', 'csv', GROUP]).stdout;
    expect(csv.split('\r\n')[0]).toBe('by,value,count,dimension,respondents,mean,median,q1,q3,min,max,level_starting,level_developing,level_advanced');
    expect(csv).not.toMatch(/^age,(18-29|45\+),/m);
  });

  it('shows a projector view with the reference figures beside the group', () => {
    const r = diag(['aggregate', ...SAMPLE, '--lang', 'en', '--by', 'sells', GROUP]);
    expect(r.stdout).toContain('Sample — 35 participants');
    expect(r.stdout).toMatch(/I am often interrupted\. +│ +48\.57% │ █+░* ▮68 │ +68% │/);
    expect(r.stdout).toContain('By “Do you sell?”');
  });

  it('refuses a --by that cannot group, with a suggestion', () => {
    const r = diag(['aggregate', ...SAMPLE, '--by', 'sels', GROUP]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--by sels: "sels" is not a question of bank "sample" (did you mean "sells"?)');
    expect(diag(['aggregate', ...SAMPLE, '--by', 'async.written', GROUP]).stderr).toContain('is a likert question');
  });

  it('refuses inputs of another bank, and writes nothing', () => {
    const mixed = join(dir, 'mixed');
    rmSync(mixed, { recursive: true, force: true });
    writeFileSync(join(dir, 'sus.yaml'), readFileSync('tests/fixtures/answers/sus-85.yaml'));
    const r = diag(['aggregate', ...SAMPLE, '-o', mixed, GROUP, join(dir, 'sus.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('this file is for bank "sus"');
    expect(readdirSync(dir)).not.toContain('mixed');
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('takes reports and NDJSON, mixed, and warns about a respondent counted twice', () => {
    const report = join(dir, 'camille.json');
    expect(diag(['score', ...SAMPLE, '-o', report, 'tests/fixtures/answers/sample-full.yaml']).code).toBe(0);
    const lines = join(dir, 'more.ndjson');
    writeFileSync(lines, `${JSON.stringify({ respondent: 'Camille', answers: { age: '30-44', sells: false, 'async.interruptions': 1, 'async.written': 0, 'async.optional': null, 'digital.tools': 2, 'digital.rules': true, 'digital.support': 'none', 'digital.note': 1 } })}\n`);
    const r = diag(['aggregate', ...SAMPLE, '-f', 'json', report, lines]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).count).toBe(2);
    expect(r.stderr).toContain('respondent "Camille" appears more than once');
    expect(r.stderr).toContain('only 2 respondents, fewer than --min-group 5');
  });

  it('gives the same group from NDJSON answers as from their reports, clean records and warned ones alike (the quick way and the full one)', () => {
    // The group's answer files as NDJSON: clean ones, some with warnings (hidden answers, an
    // unknown key), and a copy of one (counted once).
    const records = readdirSync(GROUP)
      .sort()
      .map((name) => parse(readFileSync(join(GROUP, name), 'utf8')) as Record<string, unknown>);
    const lines = [...records, { ...records[3], note: 'an unknown key' }, records[5]].map((r) => JSON.stringify(r));
    const answers = join(dir, 'group.ndjson');
    writeFileSync(answers, `${lines.join('\n')}\n`);
    const reports = join(dir, 'group-reports.ndjson');
    expect(diag(['score', ...SAMPLE, '--format', 'ndjson', '-o', reports, answers]).code).toBe(0);
    for (const args of [['-f', 'json', '--by', 'age'], ['-f', 'text', '--by', 'sells', '--min-group', '3'], ['-f', 'csv']]) {
      const fromAnswers = diag(['aggregate', ...SAMPLE, ...args, answers]);
      const fromReports = diag(['aggregate', ...SAMPLE, ...args, reports]);
      expect([args, fromAnswers.code, fromReports.code]).toEqual([args, 0, 0]);
      expect(fromAnswers.stdout).toBe(fromReports.stdout);
      expect(fromAnswers.stderr).toContain('appears more than once, with the same answers: counted once');
      expect(fromAnswers.stderr).toContain('unknown key "note"');
    }
  });
});
