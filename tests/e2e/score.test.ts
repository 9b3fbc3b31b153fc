import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, copyFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diag, hasStackTrace } from './run-cli.js';

const SUS = ['--bank', 'tests/fixtures/banks/sus.yaml'];
const SAMPLE = ['--bank', 'tests/fixtures/banks/sample.yaml'];
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'diag-e2e-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('diag --version and help', () => {
  it('prints the version of package.json', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(diag(['--version'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });
  it('refuses an unknown option with exit 2', () => {
    const r = diag(['score', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '--bogus'");
  });
});

describe('diag score', () => {
  it('prints a table with the overall score', () => {
    const r = diag(['score', ...SUS, 'tests/fixtures/answers/sus-85.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Overall score: 85 / 100 · Excellent');
    expect(r.stdout).toMatch(/Usability\s+│\s+85 │ █+░*/);
    expect(r.stderr).toBe('');
  });

  it('prints the report as JSON, dated by SOURCE_DATE_EPOCH', () => {
    const r = diag(['score', ...SUS, '--format', 'json', 'tests/fixtures/answers/sus-85.yaml']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ schemaVersion: 1, tool: { name: 'diag' }, bank: { id: 'sus', version: '1.0.0' }, createdAt: '2026-11-23T10:40:00.000Z' });
    expect(report.scores.overall).toEqual({ score: 85, level: 'excellent', levelLabel: 'Excellent' });
  });

  it('gives an array for several inputs, a folder, or NDJSON', () => {
    const folder = join(dir, 'many');
    mkdirSync(folder);
    copyFileSync('tests/fixtures/answers/sus-85.yaml', join(folder, 'a.yaml'));
    writeFileSync(join(folder, 'b.json'), JSON.stringify({ answers: Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`sus.q${i + 1}`, 3])) }));
    const ndjson = join(dir, 'answers.ndjson');
    writeFileSync(ndjson, `${JSON.stringify({ respondent: 'A', answers: Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`sus.q${i + 1}`, i % 2 === 0 ? 5 : 1])) })}\n\n${JSON.stringify({ respondent: 'B', answers: Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`sus.q${i + 1}`, i % 2 === 0 ? 1 : 5])) })}\n`);
    const fromFolder = JSON.parse(diag(['score', ...SUS, '-f', 'json', folder]).stdout);
    expect(fromFolder.map((r: { scores: { overall: { score: number } } }) => r.scores.overall.score)).toEqual([85, 50]);
    const fromLines = JSON.parse(diag(['score', ...SUS, '-f', 'json', ndjson]).stdout);
    expect(fromLines.map((r: { respondent: string; scores: { overall: { score: number } } }) => [r.respondent, r.scores.overall.score])).toEqual([['A', 100], ['B', 0]]);
  });

  it('re-scores its own JSON report to the same scores', () => {
    const first = diag(['score', ...SAMPLE, '-f', 'json', 'tests/fixtures/answers/sample-full.yaml']);
    const reportFile = join(dir, 'report.json');
    writeFileSync(reportFile, first.stdout);
    const again = JSON.parse(diag(['score', ...SAMPLE, '-f', 'json', reportFile]).stdout);
    expect(again.scores).toEqual(JSON.parse(first.stdout).scores);
    expect(again.recommendations).toEqual(JSON.parse(first.stdout).recommendations);
  });

  it('refuses bad answers with every problem, file:line:col, exit 2 and no output', () => {
    const r = diag(['score', ...SAMPLE, 'tests/fixtures/answers/sample-bad.yaml', 'tests/fixtures/answers/sample-full.yaml']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('1 input refused; nothing was written');
    expect(r.stderr).toContain('tests/fixtures/answers/sample-bad.yaml:3:8: age: "30-45" is not an option (did you mean "30-44"?); allowed: "18-29", "30-44", "45+"');
    expect(r.stderr).toContain('sample-bad.yaml:5:23: "async.interuptions" is not a question of bank "sample" (did you mean "async.interruptions"?)');
    expect(r.stderr).toContain('digital.support: is required');
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('refuses a broken YAML answer file and a broken NDJSON line with their positions', () => {
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, 'answers:\n  sus.q1: 4\n  sus.q1: 5\n');
    const r = diag(['score', ...SUS, broken]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${broken}:3:3: duplicate key`);
    const lines = join(dir, 'broken.ndjson');
    writeFileSync(lines, '{"answers": {}}\n{"answers": \n');
    const l = diag(['score', ...SUS, lines]);
    expect(l.code).toBe(2);
    expect(l.stderr).toContain(`${lines}:2: not valid JSON`);
    expect(l.stderr).toContain(`${lines}:1:13: sus.q1: required question not answered`);
  });

  it('exits 1 when a threshold is not met, still printing the output', () => {
    const r = diag(['score', ...SUS, '--min-score', '90', '--min', 'usability=80', 'tests/fixtures/answers/sus-85.yaml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('85');
    expect(r.stderr).toContain('overall score 85 is below --min-score 90');
    expect(r.stderr).not.toContain('usability score');
    expect(diag(['score', ...SUS, '--min-score', '85', '--min', 'usability=85', 'tests/fixtures/answers/sus-85.yaml']).code).toBe(0);
  });

  it('refuses thresholds that cannot be checked with exit 2', () => {
    const typo = diag(['score', ...SUS, '--min', 'usabilty=3', 'tests/fixtures/answers/sus-85.yaml']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('did you mean "usability"');
    expect(diag(['score', ...SUS, '--min-score', 'high', 'tests/fixtures/answers/sus-85.yaml']).code).toBe(2);
    expect(diag(['score', ...SUS, '--lang', 'fr', 'tests/fixtures/answers/sus-85.yaml']).code).toBe(2);
  });

  it.each<[string[], string]>([
    [['--min', 'usability='], '--min usability=: expected a score from 0 to 100 after "usability="'],
    [['--min', 'usability=high'], '--min usability=high: expected a score from 0 to 100 after "usability="'],
    [['--max-drop', '*='], '--max-drop *=: expected a score from 0 to 100 after "*="'],
    [['--max-drop', 'usability=', '--baseline', 'tests/fixtures/answers/sus-85.yaml'], '--max-drop usability=: expected a score from 0 to 100 after "usability="'],
    [['--min-score', ''], '--min-score "": expected a score from 0 to 100'],
  ])('quotes the spec given when its score is missing or wrong: %j', (options, expected) => {
    const r = diag(['score', ...SUS, ...options, 'tests/fixtures/answers/sus-85.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`diag: ${expected}`);
    expect(r.stdout).toBe('');
  });

  it('writes --output atomically and never replaces a file without --force', () => {
    const out = join(dir, 'out.json');
    writeFileSync(out, 'keep me');
    const r = diag(['score', ...SUS, '-f', 'json', '-o', out, 'tests/fixtures/answers/sus-85.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('already exists');
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    expect(diag(['score', ...SUS, '-f', 'json', '-o', out, '--force', 'tests/fixtures/answers/sus-85.yaml']).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).scores.overall.score).toBe(85);
  });

  it('says what is missing when an input does not exist', () => {
    const r = diag(['score', ...SUS, 'nope.yaml']);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toContain('cannot read nope.yaml: no such file or folder');
  });
});

describe('diag validate', () => {
  it('says a valid bank is valid', () => {
    const r = diag(['validate', 'tests/fixtures/banks/sample.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('valid bank "sample" 1.2.0 — 3 dimensions, 10 questions, 2 profile questions');
  });
  it('lists every problem of an invalid bank with file:line:col and exit 2', () => {
    const r = diag(['validate', 'tests/fixtures/banks/broken.yaml']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('tests/fixtures/banks/broken.yaml:18:12: questions[0] (async.interruptions).scale: scale "agree7" is not defined');
    expect(r.stderr).toContain('broken.yaml:38:11: questions[4] (later.one).type: "boolen" is not a question type (did you mean "boolean"?)');
    expect(r.stderr).toMatch(/invalid bank, \d+ problems/);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });
  it('refuses duplicate keys and syntax errors', () => {
    const bad = join(dir, 'dup.yaml');
    writeFileSync(bad, 'id: a\nid: b\n');
    const r = diag(['validate', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${bad}:2:1: duplicate key`);
  });
  it('names the bundled banks when a bank is not found', () => {
    const r = diag(['validate', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bundled banks: transformation');
  });
  it('validates the bundled bank by default', () => {
    expect(diag(['validate']).code).toBe(0);
  });
});

describe('diag template', () => {
  it('prints a blank file that diag score accepts once filled', () => {
    const blank = diag(['template', ...SUS]);
    expect(blank.code).toBe(0);
    expect(blank.stdout).toContain('# I found the system unnecessarily complex.');
    expect(blank.stdout).toContain('# 1 = Strongly disagree · 2 = Disagree');
    const values = [4, 2, 5, 1, 4, 2, 5, 1, 4, 2];
    const filled = blank.stdout.replace(/^ {2}sus\.q(\d+):$/gm, (_, n: string) => `  sus.q${n}: ${values[Number(n) - 1]}`);
    const file = join(dir, 'filled.yaml');
    writeFileSync(file, filled);
    const r = diag(['score', ...SUS, '-f', 'json', file]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).scores.overall.score).toBe(85);
  });
  it('an unfilled template is refused, naming each required question', () => {
    const file = join(dir, 'blank.yaml');
    writeFileSync(file, diag(['template', ...SAMPLE, '--lang', 'en']).stdout);
    const r = diag(['score', ...SAMPLE, file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('age: is required and cannot be skipped (null)');
    expect(r.stderr).not.toContain('async.optional');
    expect(existsSync(file)).toBe(true);
  });
  it('speaks the bank default language by default', () => {
    expect(diag(['template', ...SAMPLE]).stdout).toContain('# Fichier de réponses vierge — Exemple');
  });
});

describe('diag score: dimensions named like Object.prototype members (__proto__, constructor)', () => {
  const BANK = ['--bank', 'tests/fixtures/banks/prototype-ids.yaml'];
  const LOW = 'tests/fixtures/answers/prototype-ids-low.yaml';
  const HIGH = 'tests/fixtures/answers/prototype-ids-high.yaml';

  it('--min on them fails when the score is below, as on any dimension', () => {
    for (const id of ['__proto__', 'constructor']) {
      const r = diag(['score', ...BANK, LOW, '--min', `${id}=50`, '--lang', 'en', '-f', 'json']);
      expect([id, r.code]).toEqual([id, 1]);
      expect(r.stderr).toContain(`${id} score 0 is below --min ${id}=50`);
    }
  });

  it('--max-drop on them fails when the score fell since the baseline', () => {
    const baseline = join(dir, 'prototype-ids-baseline.json');
    writeFileSync(baseline, diag(['score', ...BANK, HIGH, '-f', 'json']).stdout);
    for (const id of ['__proto__', 'constructor', '*']) {
      const r = diag(['score', ...BANK, LOW, '--baseline', baseline, '--max-drop', `${id}=10`, '--lang', 'en', '-f', 'json']);
      expect([id, r.code]).toEqual([id, 1]);
      if (id !== '*') expect(r.stderr).toContain(`--max-drop ${id}=10`);
      else expect(r.stderr).toContain('__proto__');
    }
  });
});

describe('diag score: an answer file whose createdAt is not a date', () => {
  // Known bug, left for the owner of src/core/validate/answers.ts (out of this change's reach):
  // any string is copied into the report's createdAt, which report.schema.json says is a
  // date-time, and then printed as is ("Évolution du not a date au …"). Either refusing the file
  // (naming createdAt) or not copying it would do; this test accepts both.
  it('never writes a report whose createdAt is not a date-time: refused, naming createdAt', () => {
    const file = join(dir, 'bad-date.yaml');
    writeFileSync(file, readFileSync('tests/fixtures/answers/prototype-ids-low.yaml', 'utf8').replace('respondent: Low', 'respondent: Low\ncreatedAt: "not a date"'));
    const r = diag(['score', '--bank', 'tests/fixtures/banks/prototype-ids.yaml', file, '-f', 'json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/bad-date\.yaml:\d+:\d+: createdAt: must be a date and time such as "2026-11-23T09:30:00Z", not the text "not a date"/);
    // The same in an aggregate, where clean records take a quicker way.
    const lines = join(dir, 'bad-date.ndjson');
    writeFileSync(lines, `${JSON.stringify({ respondent: 'x', createdAt: '23/11/2026', answers: {} })}\n`);
    const a = diag(['aggregate', '--bank', 'tests/fixtures/banks/prototype-ids.yaml', lines]);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('createdAt');
  });
});
