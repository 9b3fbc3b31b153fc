/**
 * A YAML "billion laughs": 9 levels of 9 aliases each expand to 9^9 (387 million) strings.
 * Both a bank and an answer file holding one must be refused quickly, naming the file.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../src/cli/errors.js';
import { loadBank } from '../../src/cli/load-bank.js';
import { scoreInputs } from '../../src/cli/score-inputs.js';

/** A bound, not a speed goal: the refusal happens before any expansion, in a few milliseconds. */
const LIMIT_MS = 1000;
const dir = mkdtempSync(join(tmpdir(), 'diag-alias-bomb-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function bomb(levels = 9, width = 9): string {
  const lines = [`lol0: &lol0 [${Array(width).fill('"lol"').join(', ')}]`];
  for (let level = 1; level < levels; level++) lines.push(`lol${level}: &lol${level} [${Array(width).fill(`*lol${level - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

/** Runs `load` on a file holding `text`; returns the error it threw and how long it took. */
async function refusal(name: string, text: string, load: (path: string) => unknown): Promise<{ error: unknown; ms: number; path: string }> {
  const path = join(dir, name);
  writeFileSync(path, text);
  const started = performance.now();
  try {
    await load(path);
  } catch (error) {
    return { error, ms: performance.now() - started, path };
  }
  throw new Error(`${name} was accepted`);
}

function expectRefused({ error, ms, path }: { error: unknown; ms: number; path: string }): void {
  if (!(error instanceof InputError)) throw error;
  expect([error.message, ...error.details].some((line) => line.includes(path))).toBe(true);
  expect(ms).toBeLessThan(LIMIT_MS);
  if (process.env.FUZZ_CASES !== undefined) console.log(`alias bomb ${path}: refused in ${ms.toFixed(1)} ms: ${error.message}`);
}

const sampleBank = (() => {
  const { bank } = loadBank(fileURLToPath(new URL('../fixtures/banks/sample.yaml', import.meta.url)));
  return bank;
})();

describe('YAML alias bombs', () => {
  it('a bank that is an alias bomb is refused with an InputError naming the file, in well under a second', async () => {
    expectRefused(await refusal('bank.yaml', bomb(), (path) => loadBank(path)));
  });

  it('a bomb inside an otherwise valid bank is refused too', async () => {
    const text = `id: bomb\nversion: 1.0.0\nlanguages: [en]\ntitle: T\n${bomb()}dimensions: [{id: a, title: A}]\nlevels: [{id: l, min: 0, label: L}]\nquestions: [{id: q, type: boolean, dimension: a, text: Q}]\n`;
    expectRefused(await refusal('inside.yaml', text, (path) => loadBank(path)));
  });

  it('an answer file that is an alias bomb is refused with an InputError naming the file, in well under a second', async () => {
    const text = `bank: sample\n${bomb()}answers:\n  comment: *lol8\n`;
    expectRefused(await refusal('answers.yaml', text, (path) => scoreInputs(sampleBank, [path], { warn: () => {}, now: () => '2026-01-01T00:00:00.000Z' })));
  });

  it('a YAML 1.1 merge-key bomb is refused as well', async () => {
    const lines = ['%YAML 1.1', '---', `m0: &m0 {${Array.from({ length: 9 }, (_, i) => `k${i}: lol`).join(', ')}}`];
    for (let level = 1; level < 9; level++) lines.push(`m${level}: &m${level} {${Array.from({ length: 9 }, (_, i) => `k${i}: *m${level - 1}`).join(', ')}}`);
    expectRefused(await refusal('merge.yaml', `${lines.join('\n')}\n`, (path) => loadBank(path)));
  });
});
