/**
 * Bugs the fuzzer found in the loading path, each with the smallest input that showed it.
 * Every one used to escape as something other than an InputError (or to print on stderr).
 */
import { afterAll, describe, expect, it, jest } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../src/cli/errors.js';
import { loadBank } from '../../src/cli/load-bank.js';
import { scoreInputs } from '../../src/cli/score-inputs.js';
import { parseSource } from '../../src/cli/source.js';
import { validateAnswers, validateBank } from '../../src/core/index.js';
import { bankFrom, miniBank } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'diag-regressions-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sample = loadBank(fileURLToPath(new URL('../fixtures/banks/sample.yaml', import.meta.url))).bank;
const options = { warn: () => {}, now: () => '2026-01-01T00:00:00.000Z' };

/** The error that loading `text` as `name` throws; fails the test if it is not an InputError naming the file. */
async function refused(name: string, text: string, load: (path: string) => unknown): Promise<InputError> {
  const path = join(dir, name);
  writeFileSync(path, text);
  let thrown: unknown;
  try {
    await load(path);
  } catch (error) {
    thrown = error;
  }
  if (!(thrown instanceof InputError)) throw thrown ?? new Error(`${name} was accepted`);
  expect([thrown.message, ...thrown.details].some((line) => line.includes(path))).toBe(true);
  return thrown;
}

const score = (path: string) => scoreInputs(sample, [path], options);

describe('regressions found by fuzzing', () => {
  it('an answer {toString: 1} in a multiple-choice list is refused (String() of it used to throw a TypeError)', async () => {
    const error = await refused('to-string.yaml', 'answers:\n  sales.channels: [{toString: 1}]\n', score);
    expect(error.details.join('\n')).toContain('sales.channels');
    const result = validateAnswers(sample, { answers: { age: '18-29', 'sales.channels': [{ toString: 1 }] } });
    expect(result.ok ? [] : result.errors.map((e) => e.code)).toContain('bad-value');
  });

  it.each([
    ['answers, in a value', 'answers:\n  sales.channels: &r [*r]\n', score],
    ['answers, as the bank id', 'bank: &r {a: *r}\nanswers: {}\n', score],
    ['a bank', 'id: &r [1, [2, *r]]\nversion: 1.0.0\n', (path: string) => loadBank(path)],
  ])('a recursive alias (%s) is refused with its line (the cyclic value used to crash JSON.stringify)', async (_what, text, load) => {
    const error = await refused('cycle.yaml', text, load);
    const lines = [error.message, ...error.details].join('\n');
    expect(lines).toContain('recursive YAML alias');
    expect(lines).toMatch(/cycle\.yaml:\d+:\d+: alias \*r/);
  });

  it('an NDJSON record nested 20000 levels deep is refused (it used to overflow the stack in a message)', async () => {
    const line = JSON.stringify({ bank: 'x', answers: {} }).replace('"x"', `${'['.repeat(20000)}1${']'.repeat(20000)}`);
    const error = await refused('deep.ndjson', `${line}\n`, score);
    expect([error.message, ...error.details].join('\n')).toContain('nested more than 256 levels');
  });

  it('a YAML value nested 300 levels deep is refused the same way', async () => {
    const error = await refused('deep.yaml', `answers: {comment: ${'['.repeat(300)}1${']'.repeat(300)}}\n`, score);
    expect([error.message, ...error.details].join('\n')).toContain('nested more than 256 levels');
  });

  it('a language code that Intl refuses (en-a1) is refused by the validator (the renderer used to throw a RangeError)', () => {
    const result = validateBank(miniBank({ languages: ['en-a1'] }));
    expect(result.ok ? [] : result.errors.map((e) => `${e.path.join('.')} ${e.code}`)).toEqual(['languages.0 type']);
    expect(validateBank(miniBank({ languages: ['pt-BR', 'zh-Hant-TW'], title: 'T' })).ok).toBe(true);
  });

  it('a mapping used as a key does not print a Node warning on stderr', () => {
    const warn = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      parseSource('keys.yaml', '? [a, b]\n: 1\n');
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  it('an answer file with 131 072 wrong choices is refused, every one listed (push(...lines) used to overflow the stack)', async () => {
    const record = JSON.stringify({ answers: { 'sales.channels': Array<null>(2 ** 17).fill(null) } });
    const error = await refused('many.ndjson', `${record}\n`, score);
    expect(error.details.filter((line) => line.includes('sales.channels: null is not an option'))).toHaveLength(2 ** 17);
  }, 30_000);

  it('the same banks still load and score (the fixes refuse only what was broken)', async () => {
    bankFrom(miniBank({}));
    const path = join(dir, 'ok.ndjson');
    writeFileSync(path, `${JSON.stringify({ bank: 'sample', answers: { age: '18-29', sells: false, 'async.interruptions': 2, 'async.written': 10, 'digital.tools': 3, 'digital.rules': true, 'digital.support': 'some', 'digital.note': 3 } })}\n`);
    const { reports } = await score(path);
    expect(reports).toHaveLength(1);
  });
});
