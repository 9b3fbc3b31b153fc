import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diag, hasStackTrace } from './run-cli.js';

/** `diag aggregate --by Q` where some said "does not apply" to Q: a segment of its own, under SPEC section 10. */

const BANK = `id: teams
version: 1.0.0
languages: [fr, en]
title: {fr: Équipes, en: Teams}
dimensions:
  - {id: a, title: {fr: Travail, en: Work}}
levels:
  - {id: low, min: 0, label: {fr: Bas, en: Low}}
  - {id: high, min: 50, label: {fr: Haut, en: High}}
profile:
  - id: team
    type: single
    text: {fr: Votre équipe ?, en: Your team?}
    notApplicable: {fr: Je travaille seul, en: I work alone}
    options:
      - {value: small, label: {fr: Petite, en: Small}}
      - {value: large, label: {fr: Grande, en: Large}}
questions:
  - id: q1
    type: likert
    dimension: a
    text: {fr: Q1 ?, en: Q1?}
    options: [{value: 1, label: "1"}, {value: 2, label: "2"}, {value: 3, label: "3"}, {value: 4, label: "4"}, {value: 5, label: "5"}]
`;

let dir: string;
let bank: string;

function group(name: string, counts: Record<string, number>): string {
  const folder = join(dir, name);
  mkdirSync(folder);
  let i = 0;
  for (const [team, n] of Object.entries(counts)) {
    for (let j = 0; j < n; j++, i++) writeFileSync(join(folder, `p${i}.yaml`), `answers:\n  team: ${team}\n  q1: ${1 + (i % 5)}\n`);
  }
  return folder;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'diag-agg-na-'));
  bank = join(dir, 'teams.yaml');
  writeFileSync(bank, BANK);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('diag aggregate --by a question answered "does not apply"', () => {
  it('shows those people as their own segment, labelled in French and in English', () => {
    const folder = group('five-each', { small: 5, large: 5, 'n/a': 5 });
    const json = diag(['aggregate', '--bank', bank, '--by', 'team', '-f', 'json', folder]);
    expect(json.code).toBe(0);
    const result = JSON.parse(json.stdout);
    expect(result.segments.map((x: { value: unknown; count: number }) => [x.value, x.count])).toEqual([
      ['small', 5],
      ['large', 5],
      ['n/a', 5],
    ]);
    const fr = diag(['aggregate', '--bank', bank, '--by', 'team', folder], { env: { LANG: 'fr_FR.UTF-8' } });
    expect(fr.code).toBe(0);
    expect(fr.stdout).toMatch(/\(ne s’applique pas\)\s*│\s*5/);
    expect(fr.stdout).not.toContain('(sans réponse)');
    const en = diag(['aggregate', '--bank', bank, '--by', 'team', '--lang', 'en', folder]);
    expect(en.stdout).toMatch(/\(does not apply\)\s*│\s*5/);
    const csv = diag(['aggregate', '--bank', bank, '--by', 'team', '-f', 'csv', '--lang', 'en', folder]);
    expect(csv.stdout).toContain('(does not apply)');
  });

  it('hides a small "does not apply" group, and what would give it by subtraction', () => {
    const folder = group('two-alone', { small: 5, large: 5, 'n/a': 2 });
    const json = diag(['aggregate', '--bank', bank, '--by', 'team', '-f', 'json', folder]);
    expect(json.code).toBe(0);
    const result = JSON.parse(json.stdout);
    expect(result.count).toBe(12);
    // Showing small and large (5 + 5) would give the two alone as 12 − 10.
    expect(result.segments.length).toBeLessThanOrEqual(1);
    expect(result.suppressed).toContainEqual(expect.objectContaining({ by: 'team', value: 'n/a', code: 'hidden' }));
    const fr = diag(['aggregate', '--bank', bank, '--by', 'team', folder], { env: { LANG: 'fr_FR.UTF-8' } });
    expect(fr.stdout).toContain('team = (ne s’applique pas)');
    expect(hasStackTrace(fr.stderr)).toBe(false);
  });
});
