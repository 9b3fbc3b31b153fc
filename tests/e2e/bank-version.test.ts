import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { BANK_HISTORY } from '../../src/core/validate/bank-history.js';
import { diag, hasStackTrace } from './run-cli.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'diag-bank-version-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('answer files of the bundled bank 1.0.0', () => {
  it('diag score says which version they were written for and what changed, exit 2, no wall of ids', () => {
    const ids = BANK_HISTORY.find((h) => h.version === '1.0.0')?.ids ?? [];
    const file = join(dir, 'old.yaml');
    writeFileSync(file, stringify({ bank: 'transformation', answers: Object.fromEntries(ids.map((id) => [id, 3])) }));
    const r = diag(['score', file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('this answer file was written for transformation 1.0.0');
    expect(r.stderr).toContain('2.0.0 changed the questions');
    expect(r.stderr.match(/is not a question of bank/g)).toBeNull();
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('diag template writes the bank version, and lists "does not apply" where offered', () => {
    const r = diag(['template', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('bankVersion: "2.0.0"');
    expect(r.stdout).toMatch(/# n\/a = I have hardly any meetings\n {2}async\.meetings:/);
  });

  it('tells a freelancer that management and trust are not for them, rather than "no score"', () => {
    const r = diag(['score', 'questions/examples/ines-freelance.yaml', '--lang', 'en'], { env: { NO_COLOR: '1' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Management +│ +— │ [·]+ │ not asked on your path/);
    expect(r.stdout).toMatch(/Trust +│ +— │ [·]+ │ not asked on your path/);
    expect(r.stdout).not.toContain('no score');
  });

  it('a filled-in template of 2.0.0 scores', () => {
    const r = diag(['score', 'questions/examples/ines-freelance.yaml', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).bank).toMatchObject({ id: 'transformation', version: '2.0.0' });
  });
});
