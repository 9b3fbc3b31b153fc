import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diag, hasStackTrace } from './run-cli.js';

const FINDINGS = 'tests/fixtures/banks/lint-findings.yaml';

describe('diag lint', () => {
  it('reports every kind of finding with its code, id and file:line:col, and exits 0', () => {
    const r = diag(['lint', FINDINGS, '--lang', 'en']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const lines = r.stdout.split('\n').filter((l) => l.startsWith(FINDINGS));
    expect(lines.map((l) => l.replace(/^(\S+?:\d+:\d+): ([a-z-]+): .*$/, '$2'))).toEqual([
      'recommendation-never-fires',
      'recommendation-always-fires',
      'recommendations-fire-together',
      'level-unreachable',
      'condition-always-true',
      'condition-always-false',
      'dimension-few-questions',
      'items-keyed-one-way',
      'duplicate-text',
      'missing-translation',
    ]);
    // Positions point at the element concerned in the file.
    expect(lines[0]).toMatch(/^tests\/fixtures\/banks\/lint-findings\.yaml:46:\d+: recommendation-never-fires: recommendation "never"/);
    expect(lines[5]).toMatch(/:41:\d+: condition-always-false: the "when" of question "b3"/);
    expect(r.stdout).toContain('10 findings');
    // The English sentences of the CLI say what the core's messages say.
    const json = JSON.parse(diag(['lint', FINDINGS, '-f', 'json']).stdout);
    expect(lines.map((l) => l.replace(/^\S+?:\d+:\d+: [a-z-]+: /, ''))).toEqual(json.findings.map((f: { message: string }) => f.message));
    expect(r.stdout).toMatch(/role = x: 7 questions, \d+ s/);
  });

  it('--strict exits 1 on findings and 0 without', () => {
    const strict = diag(['lint', FINDINGS, '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('--strict: 10 findings');
    expect(diag(['lint', 'tests/fixtures/banks/sus.yaml', '--strict']).code).toBe(0);
  });

  it('writes JSON and Markdown, in French too', () => {
    const json = JSON.parse(diag(['lint', FINDINGS, '-f', 'json']).stdout);
    expect(json).toMatchObject({ bank: { id: 'lint-findings' }, seed: 1, paths: 2, timing: { wordsPerMinute: 200, secondsPerAnswer: 4 } });
    expect(json.findings[0]).toMatchObject({ code: 'recommendation-never-fires', id: 'never', file: FINDINGS, line: 46 });
    expect(json.times).toHaveLength(2);
    const md = diag(['lint', FINDINGS, '-f', 'markdown', '--lang', 'fr']);
    expect(md.stdout).toContain('### 10 constats');
    expect(md.stdout).toContain('| `recommendation-never-fires` | `tests/fixtures/banks/lint-findings.yaml:46:');
    expect(md.stdout).toMatch(/\| role = x \| 7 \| \d+ s \|/);
    expect(md.stdout).toContain('la recommandation « never » ne s’est déclenchée pour aucun des 2016 répondants simulés');
  });

  it('gives the same findings for the same seed', () => {
    const a = diag(['lint', 'tests/fixtures/banks/sample.yaml', '-f', 'json', '--seed', '5']).stdout;
    expect(diag(['lint', 'tests/fixtures/banks/sample.yaml', '-f', 'json', '--seed', '5']).stdout).toBe(a);
  });

  it('runs on the bundled bank and on every fixture bank', () => {
    const bundled = diag(['lint', '--lang', 'en', '-f', 'json']);
    expect(bundled.code).toBe(0);
    const result = JSON.parse(bundled.stdout);
    // Bank 1.0.0 had two dimensions without a reversed item (self, sales); 2.0.0 has none left.
    expect(result.findings).toEqual([]);
    expect(result.bank.version).toBe('2.0.0');
    expect(result.times.length).toBe(8);
    for (const file of readdirSync('tests/fixtures/banks')) {
      const r = diag(['lint', `tests/fixtures/banks/${file}`]);
      expect([file, r.code, hasStackTrace(r.stderr)]).toEqual([file, file === 'broken.yaml' ? 2 : 0, false]);
    }
  });

  it('samples a bank of a million profile paths, and lists only the shortest and longest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'diag-lint-'));
    try {
      const options = Array.from({ length: 10 }, (_, j) => ({ value: `v${j}`, label: `V${j}` }));
      const scale = [1, 2, 3, 4, 5].map((value) => ({ value, label: String(value) }));
      const bank = {
        id: 'big', version: '1.0.0', languages: ['en'], title: 'Big',
        dimensions: [{ id: 'a', title: 'A' }],
        levels: [{ id: 'low', min: 0, label: 'Low' }, { id: 'high', min: 50, label: 'High' }],
        profile: Array.from({ length: 6 }, (_, i) => ({ id: `p${i}`, type: 'single', text: `P${i}`, options })),
        questions: Array.from({ length: 6 }, (_, i) => ({ id: `q${i}`, type: 'likert', dimension: 'a', options: scale, reverse: i % 2 === 0, when: { question: `p${i}`, equals: 'v9' }, text: `Question ${i}` })),
      };
      writeFileSync(join(dir, 'big.json'), JSON.stringify(bank));
      const r = diag(['lint', join(dir, 'big.json'), '--lang', 'en']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('more than 256 profile paths: a sample of 256 was simulated');
      expect(r.stdout).toContain('No findings.');
      expect(r.stdout).toContain('… and 236 more paths');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses an invalid bank with exit 2 and bad options with a clear message', () => {
    const broken = diag(['lint', 'tests/fixtures/banks/broken.yaml']);
    expect([broken.code, broken.stdout]).toEqual([2, '']);
    expect(broken.stderr).toContain('invalid bank');
    const seed = diag(['lint', '--seed', '-1']);
    expect(seed.code).toBe(2);
    expect(diag(['lint', '--samples', 'lots']).stderr).toContain('--samples lots');
    expect(diag(['lint', 'nope.yaml']).code).toBe(2);
  });
});
