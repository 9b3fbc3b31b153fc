import { afterAll, describe, expect, it } from '@jest/globals';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileBank, compiledBank } from '../../src/cli/compiled-banks.js';
import { loadBank } from '../../src/cli/load-bank.js';
import { parseSource } from '../../src/cli/source.js';
import { validateBank } from '../../src/core/index.js';

const FILE = 'questions/transformation.yaml';
const text = readFileSync(FILE, 'utf8');
const work = mkdtempSync(join(tmpdir(), 'diag-compiled-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('compiled bundled banks (built by npm run build)', () => {
  it('give the same validated bank and warnings as parsing and validating the YAML', () => {
    const result = validateBank(parseSource(FILE, text).data);
    if (!result.ok) throw new Error('the bundled bank is invalid');
    // toStrictEqual: the stored bank has the same keys, undefined ones included, as the validated one.
    const compiled = compiledBank(FILE);
    expect(compiled).toStrictEqual({ format: 4, bank: result.value, warnings: result.warnings });
    expect(loadBank(undefined).bank).toStrictEqual(result.value);
    // Key order too (the stored question keeps its options key in place).
    expect(compiled?.bank.questions.map((q) => Object.keys(q))).toEqual(result.value.questions.map((q) => Object.keys(q)));
    // As validateBank gives it: a question on a scale holds the scale's own options, not a copy.
    const onScale = result.value.questions.filter((q) => q.type === 'likert' && q.scale !== undefined && q.options === result.value.scales.find((s) => s.id === q.scale)?.options);
    expect(onScale.length).toBeGreaterThan(10);
    for (const q of compiled?.bank.questions ?? []) {
      if (onScale.some((v) => v.id === q.id)) expect(q.type === 'likert' && q.options === compiled?.bank.scales.find((s) => s.id === q.scale)?.options).toBe(true);
    }
  });
  it('are ignored as soon as the bank file differs by one byte, so an edited bank is parsed again', () => {
    const copy = join(work, 'transformation.yaml');
    writeFileSync(copy, text.replace('transformation', 'transformatioN'));
    expect(compiledBank(copy)).toBeUndefined();
    writeFileSync(copy, `${text}\n# edited\n`);
    expect(compiledBank(copy)).toBeUndefined();
    cpSync(FILE, copy);
    expect(compiledBank(copy)).toBeDefined();
    expect(compiledBank(join(work, 'none.yaml'))).toBeUndefined();
  });
  it('store nothing for an invalid bank, which is then validated (and refused) at every load', () => {
    expect(compileBank({ id: 'x' })).toBeUndefined();
  });
  it('are ASCII JSON that means the same text', () => {
    const stored = compileBank(parseSource(FILE, text).data) ?? '';
    expect(/^[\x00-\x7f]*$/.test(stored)).toBe(true);
    const parsed = JSON.parse(stored) as { bank: { questions: Array<{ options?: unknown }> } };
    // Questions on a scale are stored without a copy of its options (null in their place).
    expect(parsed.bank.questions.filter((q) => q.options === null).length).toBeGreaterThan(10);
    const full = JSON.parse(JSON.stringify(compiledBank(FILE))) as typeof parsed;
    parsed.bank.questions.forEach((q, i) => {
      if (q.options === null) q.options = full.bank.questions[i]?.options;
    });
    expect(parsed).toEqual(full);
  });
});
