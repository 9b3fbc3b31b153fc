import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diag } from './run-cli.js';

const SAMPLE = ['--bank', 'tests/fixtures/banks/sample.yaml'];
let dir: string;
let before: string;
let after: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'diag-reports-'));
  before = join(dir, 'before.json');
  after = join(dir, 'after.json');
  expect(diag(['score', ...SAMPLE, '-o', before, 'tests/fixtures/answers/sample-full.yaml']).code).toBe(0);
  expect(diag(['score', ...SAMPLE, '-o', after, 'tests/fixtures/answers/sample-later.yaml']).code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('several outputs at once', () => {
  it('writes each file in the format of its extension', () => {
    const base = join(dir, 'multi');
    const r = diag(['score', ...SAMPLE, '-o', `${base}.html`, '-o', `${base}.md`, '-o', `${base}.csv`, '-o', `${base}.json`, 'tests/fixtures/answers/sample-full.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(`${base}.html`, 'utf8')).toMatch(/^<!doctype html>/);
    expect(readFileSync(`${base}.md`, 'utf8')).toMatch(/^## Sample — Camille/);
    expect(readFileSync(`${base}.csv`, 'utf8')).toMatch(/^\uFEFFrespondent,createdAt/);
    expect(JSON.parse(readFileSync(`${base}.json`, 'utf8')).scores.overall.score).toBe(78.17);
  });
  it('writes nothing when one target cannot be written', () => {
    const base = join(dir, 'partial');
    writeFileSync(`${base}.md`, 'taken');
    const r = diag(['score', ...SAMPLE, '-o', `${base}.html`, '-o', `${base}.md`, 'tests/fixtures/answers/sample-full.yaml']);
    expect(r.code).toBe(2);
    expect(existsSync(`${base}.html`)).toBe(false);
    expect(readFileSync(`${base}.md`, 'utf8')).toBe('taken');
  });
  it('refuses a file whose format it cannot tell', () => {
    const r = diag(['score', ...SAMPLE, '-o', join(dir, 'a.pdf'), '-o', join(dir, 'b.md'), 'tests/fixtures/answers/sample-full.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot tell the format');
  });
});

describe('diag report', () => {
  it('renders a saved report again, in another language, from its bank', () => {
    const r = diag(['report', ...SAMPLE, '--lang', 'fr', before]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Score global : 78,17 / 100 · Avancé');
    expect(r.stdout).toContain('Faites une carte des outils.');
  });
  it('renders a report of an unknown bank as saved, and says what it needs to translate it', () => {
    expect(diag(['report', '-f', 'markdown', before]).stdout).toContain('**Overall score: 78.17 / 100 — Advanced**');
    const r = diag(['report', '--lang', 'fr', before]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('donnez-le avec --bank'); // --lang fr asks for diag's messages in French too
  });
  it('warns when the bank version differs from the report', () => {
    const old = JSON.parse(readFileSync(before, 'utf8'));
    old.bank.version = '0.9.0';
    const file = join(dir, 'old-version.json');
    writeFileSync(file, JSON.stringify(old));
    const r = diag(['report', ...SAMPLE, file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('was made with bank sample 0.9.0; rendered with 1.2.0');
  });
  it('refuses a file that is not a report, naming it', () => {
    const file = join(dir, 'not-a-report.json');
    writeFileSync(file, '{"hello": 1}');
    const r = diag(['report', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}: not a diag report`);
  });
});

describe('diag compare', () => {
  it('shows the changes, level changes and recommendations', () => {
    const r = diag(['compare', before, after]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Overall score\s+│\s+78\.17 │\s+33\.33 │\s+▼ -44\.84 │ advanced → starting/);
    expect(r.stdout).toMatch(/Digital\s+│\s+46 │\s+100 │\s+▲ \+54 │ developing → advanced/);
    const json = JSON.parse(diag(['compare', '-f', 'json', before, after]).stdout);
    expect(json.recommendations.new.map((x: { id: string }) => x.id)).toEqual(['async-rules', 'sales-value']);
    expect(diag(['compare', '-f', 'markdown', before, after]).stdout).toContain('| Sales | 100 | 0 | ▼ -100 | advanced → starting |');
  });
  it('refuses reports of different banks', () => {
    const other = join(dir, 'sus.json');
    expect(diag(['score', '--bank', 'tests/fixtures/banks/sus.yaml', '-o', other, 'tests/fixtures/answers/sus-85.yaml']).code).toBe(0);
    const r = diag(['compare', before, other]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('only reports of one bank can be compared');
  });
});

describe('diag compare re-scores reports as diag report does', () => {
  /** Two reports of the bundled bank, the first edited by hand to say 100 overall. */
  let edited: string;
  let karim: string;
  let camille: string;
  beforeAll(() => {
    camille = join(dir, 'camille.json');
    karim = join(dir, 'karim.json');
    edited = join(dir, 'camille-edited.json');
    expect(diag(['score', 'questions/examples/camille.yaml', '-f', 'json', '-o', camille]).code).toBe(0);
    expect(diag(['score', 'questions/examples/karim-vendeur.yaml', '-f', 'json', '-o', karim]).code).toBe(0);
    const report = JSON.parse(readFileSync(camille, 'utf8'));
    report.scores.overall.score = 100;
    writeFileSync(edited, JSON.stringify(report));
  });
  const overallOf = (file: string) => JSON.parse(diag(['report', file, '-f', 'json']).stdout).scores.overall.score;

  it('compares the scores the answers give, the ones diag report shows, and says once that the saved ones differ', () => {
    const saved = JSON.parse(readFileSync(camille, 'utf8')).scores.overall.score;
    expect(overallOf(edited)).toBe(saved);
    const r = diag(['compare', '-f', 'json', edited, karim]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.overall.old).toBe(saved);
    expect(json.overall.new).toBe(overallOf(karim));
    expect(json).toEqual(JSON.parse(diag(['compare', '-f', 'json', camille, karim]).stdout));
    const warnings = r.stderr.split('\n').filter((line) => line.includes('saved'));
    expect(warnings).toEqual([`warning: ${edited}: its saved overall score (100) is not what its answers give (${saved}); compared with the scores of its answers`]);
  });

  it('reads a report given twice once, and warns once (the same name, or a link to it)', () => {
    const link = join(dir, 'camille-edited-link.json');
    symlinkSync(edited, link);
    for (const second of [edited, link]) {
      const r = diag(['compare', '-f', 'json', edited, second]);
      expect(r.code).toBe(0);
      expect(r.stderr.split('\n').filter((line) => line.includes('saved'))).toHaveLength(1);
      expect(JSON.parse(r.stdout).overall.delta).toBe(0);
    }
  });

  it('takes --lang and --bank as diag report does', () => {
    const en = diag(['compare', camille, karim, '--lang', 'en'], { env: { LANG: 'fr_FR.UTF-8' } });
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('Overall score');
    expect(diag(['compare', camille, karim, '-f', 'json', '-l', 'en']).stdout).toBe(diag(['compare', camille, karim, '-f', 'json', '--bank', 'questions/transformation.yaml', '-l', 'en']).stdout);
    const wrong = diag(['compare', camille, karim, '--bank', 'nope']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('no bank file or bundled bank named "nope"');
    expect(diag(['compare', camille, karim, '--lang', 'xx']).code).toBe(2);
  });

  it('says nothing of reports whose scores are their answers, and words the warning in French', () => {
    expect(diag(['compare', camille, karim]).stderr).not.toContain('saved');
    const fr = diag(['compare', edited, karim], { env: { LANG: 'fr_FR.UTF-8' } });
    expect(fr.code).toBe(0);
    expect(fr.stderr).toContain(`avertissement : ${edited} : son score global enregistré (100) n’est pas celui que donnent ses réponses (`);
    expect(fr.stderr).toContain(') ; comparé avec les scores de ses réponses');
  });

  it('names the first dimension whose saved score differs', () => {
    const report = JSON.parse(readFileSync(camille, 'utf8'));
    const first = report.scores.dimensions[0];
    const real = first.score;
    first.score = real === 0 ? 1 : 0;
    const file = join(dir, 'camille-dimension.json');
    writeFileSync(file, JSON.stringify(report));
    const r = diag(['compare', file, karim]);
    expect(r.stderr).toContain(`warning: ${file}: its saved score of ${first.id} (${first.score}) is not what its answers give (${real})`);
  });

  it('compares a report of a bank diag does not have as saved, as diag report shows it', () => {
    const report = JSON.parse(readFileSync(before, 'utf8'));
    report.scores.overall.score = 99;
    const file = join(dir, 'sample-edited.json');
    writeFileSync(file, JSON.stringify(report));
    const r = diag(['compare', '-f', 'json', file, after]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).overall.old).toBe(99);
    expect(r.stderr).toBe('');
  });
});

describe('diag score --baseline --max-drop', () => {
  it('exits 1 and prints the drops when a score fell by more than allowed', () => {
    const r = diag(['score', ...SAMPLE, '--baseline', before, '--max-drop', '10', '--max-drop', 'sales=50', 'tests/fixtures/answers/sample-later.yaml']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('tests/fixtures/answers/sample-later.yaml (Camille): overall fell from 78.17 to 33.33 (−44.84, more than --max-drop 10)');
    expect(r.stderr).toContain('tests/fixtures/answers/sample-later.yaml (Camille): sales fell from 100 to 0 (−100, more than --max-drop sales=50)');
    expect(r.stderr).not.toContain('async fell');
  });
  it('passes when the drops are within bounds', () => {
    expect(diag(['score', ...SAMPLE, '--baseline', before, '--max-drop', '45', 'tests/fixtures/answers/sample-later.yaml']).code).toBe(0);
    // From after to before the overall rises (no drop) but digital falls from 100 to 46.
    expect(diag(['score', ...SAMPLE, '--baseline', after, '--max-drop', '0', 'tests/fixtures/answers/sample-full.yaml']).code).toBe(0);
    expect(diag(['score', ...SAMPLE, '--baseline', after, '--max-drop', '*=0', 'tests/fixtures/answers/sample-full.yaml']).code).toBe(1);
  });
  it('needs a baseline for --max-drop, and a known dimension', () => {
    expect(diag(['score', ...SAMPLE, '--max-drop', '5', 'tests/fixtures/answers/sample-full.yaml']).code).toBe(2);
    const r = diag(['score', ...SAMPLE, '--baseline', before, '--max-drop', 'salse=5', 'tests/fixtures/answers/sample-full.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('did you mean "sales"');
  });
});

describe('diag explain', () => {
  it('lists each answer\'s part and the best improvements in points', () => {
    const r = diag(['explain', ...SAMPLE, 'tests/fixtures/answers/sample-full.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('What would raise your overall score most');
    expect(r.stdout).toMatch(/ 1\. \+8\.33 points — I am often interrupted\. \(Disagree\)/);
    expect(r.stdout).toMatch(/ 2\. \+7\.5 points — Support\? \(Some\)/);
    const json = JSON.parse(diag(['explain', ...SAMPLE, '-f', 'json', 'tests/fixtures/answers/sample-full.yaml']).stdout);
    expect(json.improvements[0]).toEqual({ question: 'async.interruptions', dimension: 'async', answer: 2, score: 75, gain: 8.33 });
  });
  it('takes exactly one answer file', () => {
    const r = diag(['explain', ...SAMPLE, 'tests/fixtures/answers']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('takes one answer file or report');
  });
});
