import { afterAll, describe, expect, it } from '@jest/globals';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileBank, compiledBank, storedBank } from '../../src/cli/compiled-banks.js';
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

  it('share each scale by its id: two scales of equal options, inline options equal to a scale, reverse questions', () => {
    const data = parseSource('sample.yaml', readFileSync('tests/fixtures/banks/sample.yaml', 'utf8')).data as { scales: Record<string, { options: unknown[] }>; questions: Array<Record<string, unknown>> };
    const agree5 = data.scales.agree5?.options ?? [];
    data.scales.same = { options: structuredClone(agree5) };
    const optional = data.questions.find((q) => q.id === 'async.optional');
    const written = data.questions.find((q) => q.id === 'async.written');
    if (optional === undefined || written === undefined) throw new Error('the sample bank changed');
    optional.scale = 'same';
    optional.reverse = true;
    delete written.scale;
    written.options = structuredClone(agree5);
    const result = validateBank(data);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const stored = storedBank(Buffer.from(compileBank(data) ?? ''));
    expect(stored?.bank).toStrictEqual(result.value);
    const scale = (id: string) => stored?.bank.scales.find((s) => s.id === id)?.options;
    const question = (id: string) => stored?.bank.questions.find((q) => q.id === id);
    const options = (id: string) => {
      const q = question(id);
      return q !== undefined && 'options' in q ? q.options : undefined;
    };
    expect(options('async.optional')).toBe(scale('same'));
    expect(options('async.interruptions')).toBe(scale('agree5'));
    expect(scale('same')).not.toBe(scale('agree5'));
    // Inline options are stored whole, never taken from a scale that happens to be equal.
    expect(options('async.written')).toStrictEqual(scale('agree5'));
    expect(options('async.written')).not.toBe(scale('agree5'));
  });
  it('are ignored (the YAML is parsed again) when the file was edited by hand or left by another build', () => {
    const good = compileBank(parseSource(FILE, text).data) ?? '';
    expect(storedBank(Buffer.from(good))).toBeDefined();
    const edit = (change: (entry: { format: number; bank: { scales: Array<{ id: string; options: unknown }>; questions: Array<Record<string, unknown>> } }) => void) => {
      const entry = JSON.parse(good) as Parameters<typeof change>[0];
      change(entry);
      return storedBank(Buffer.from(JSON.stringify(entry).replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)));
    };
    const onScale = (entry: Parameters<Parameters<typeof edit>[0]>[0]) => {
      const q = entry.bank.questions.find((question) => question.options === null);
      if (q === undefined) throw new Error('no question stored without its options');
      return q;
    };
    expect(edit(() => undefined)).toBeDefined();
    expect(edit((e) => (onScale(e).scale = 'no-such-scale'))).toBeUndefined();
    expect(edit((e) => delete onScale(e).scale)).toBeUndefined();
    expect(edit((e) => (onScale(e).type = 'single'))).toBeUndefined();
    expect(edit((e) => (e.bank.scales = []))).toBeUndefined();
    // A null put anywhere else would reach the scoring as a question without options.
    expect(edit((e) => ((e.bank.scales[0] ?? { options: [] }).options = null))).toBeUndefined();
    expect(
      edit((e) => {
        const choice = e.bank.questions.find((q) => q.type !== 'likert' && Array.isArray(q.options));
        if (choice === undefined) throw new Error('no choice question');
        choice.options = null;
      }),
    ).toBeUndefined();
    expect(edit((e) => (e.format = 3))).toBeUndefined();
    // An editor saving the file as UTF-8: read as latin1 it would show "Ã©" for "é".
    expect(storedBank(Buffer.from(good.replace('\\u00e9', 'é'), 'utf8'))).toBeUndefined();
    expect(storedBank(Buffer.from(good.slice(0, 5000)))).toBeUndefined();
    expect(storedBank(Buffer.from(''))).toBeUndefined();
    expect(storedBank(Buffer.from('{"format":4,"bank":1,"warnings":[]}'))).toBeUndefined();
  });
});
