import { isAscii } from 'node:buffer';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { validateBank, type Bank, type Problem } from '../core/index.js';
import { BUNDLED_BANKS, PACKAGE_ROOT } from './paths.js';
import { readWhole } from './read-whole.js';

/**
 * The bundled banks, validated once at build time: parsing 70 KB of YAML costs a cold Node
 * process about a quarter of a second and validating it a few milliseconds, JSON.parse of the
 * result about a millisecond. Beside each compiled bank (`NAME.json`) is a copy of the very bytes
 * it was made from (`NAME.source`); it is used only while the bank's file still holds those bytes,
 * so an edited bank is simply parsed and validated again. (Comparing bytes is native and faster
 * than any hash, and needs no crypto module at start-up.) The JSON is kept ASCII (`\uXXXX`), which
 * decodes faster.
 */
const COMPILED = join(PACKAGE_ROOT, 'dist', 'banks');
const FORMAT = 4;

/**
 * The shortest text V8 keeps outside its young generation (as a large object, which a scavenge
 * moves without copying and which does not count toward filling it), with a margin: V8 puts an
 * object of more than 128 KiB there. A short command such as `diag score one.yaml` allocates about
 * 1 MB; the young generation holds 1 MB before its first collection (a millisecond of a 40 ms run),
 * and the bundled bank's text, read whole to be parsed, was 87 KB of it. A compiled bank is
 * therefore padded with spaces to this length, which JSON.parse skips. Only a matter of speed.
 */
const LARGE_TEXT = 128 * 1024 + 64;

/** What validateBank made of a bundled bank at build time. */
export interface CompiledBank {
  bank: Bank;
  warnings: Problem[];
}

function filesOf(bankFile: string): { json: string; source: string } {
  const base = join(COMPILED, basename(bankFile).replace(/\.(ya?ml|json)$/, ''));
  return { json: `${base}.json`, source: `${base}.source` };
}

/** The validated bank compiled from `file`, if `file` still holds the bytes it was compiled from. */
export function compiledBank(file: string): CompiledBank | undefined {
  const compiled = filesOf(file);
  try {
    // readWhole rather than readFileSync: the one way of reading files on a short command's path
    // (the launcher's), so that Node compiles one set of functions for it at start-up.
    const source = readWhole(compiled.source).bytes;
    const current = readWhole(file, source.length);
    if (current === undefined || !current.bytes.equals(source)) return undefined;
    return storedBank(readWhole(compiled.json).bytes);
  } catch {
    return undefined;
  }
}

/** The bank in a compiled file's bytes, or undefined if they are not one of this format (a file left by another build, a hand edit). */
export function storedBank(json: Buffer): CompiledBank | undefined {
  // compileBank writes ASCII only; other bytes are an edit (an editor saving UTF-8, which latin1
  // would read as mojibake), and the bank is then parsed again.
  if (!isAscii(json)) return undefined;
  try {
    const entry: unknown = JSON.parse(json.toString('latin1'));
    if (typeof entry !== 'object' || entry === null || !('format' in entry) || entry.format !== FORMAT || !('bank' in entry) || !('warnings' in entry)) return undefined;
    const stored = entry as CompiledBank;
    return shareScales(stored.bank) ? stored : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A question on a scale holds the very options array of its scale (validateBank shares it). JSON
 * would write, and JSON.parse make, a copy for each question: a fifth of the bank's objects. The
 * stored question keeps its `options` key (so the keys keep their order) with the value null.
 */
function withoutScaleOptions(bank: Bank): Bank {
  const scales = new Map(bank.scales.map((scale) => [scale.id, scale.options]));
  return { ...bank, questions: bank.questions.map((q) => (q.type === 'likert' && q.scale !== undefined && q.options === scales.get(q.scale) ? { ...q, options: null as unknown as typeof q.options } : q)) };
}

/**
 * Gives each stored question on a scale its scale's options again, in place; false (the bank is
 * then parsed again) if a null is anywhere else than on a likert question naming a scale whose
 * options are an array: a hand-edited file must not reach the scoring with a question of no options.
 */
function shareScales(bank: Bank): boolean {
  const scales = new Map<string, Bank['scales'][number]['options']>();
  for (const scale of bank.scales) {
    if (!Array.isArray(scale.options)) return false;
    scales.set(scale.id, scale.options);
  }
  for (const q of bank.questions) {
    if (!('options' in q) || (q.options as unknown) !== null) continue;
    const options = q.type !== 'likert' || q.scale === undefined ? undefined : scales.get(q.scale);
    if (options === undefined) return false;
    q.options = options;
  }
  return true;
}

/** The stored form of a valid bank's data (ASCII JSON), or undefined if it is invalid or would not survive JSON exactly. */
export function compileBank(data: unknown): string | undefined {
  const result = validateBank(data);
  if (!result.ok) return undefined;
  const validated = { bank: result.value, warnings: result.warnings };
  const stored = { format: FORMAT, bank: withoutScaleOptions(result.value), warnings: result.warnings };
  // What compiledBank will give back must be the validated bank exactly.
  const back = JSON.parse(JSON.stringify(stored)) as CompiledBank & { format?: number };
  delete back.format;
  if (!shareScales(back.bank) || !isDeepStrictEqual(back, validated)) return undefined;
  const json = JSON.stringify(stored).replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return json.padEnd(LARGE_TEXT, ' ');
}

/** Build step: validate every bundled bank and store the valid ones, beside a copy of their bytes. */
export async function compileBundledBanks(): Promise<string[]> {
  const { parseSource } = await import('./source.js');
  mkdirSync(COMPILED, { recursive: true });
  const done: string[] = [];
  for (const name of readdirSync(BUNDLED_BANKS).filter((f) => /\.(ya?ml|json)$/.test(f))) {
    const bytes = readFileSync(join(BUNDLED_BANKS, name));
    const compiled = compileBank(parseSource(name, bytes.toString('utf8')).data);
    if (compiled === undefined) continue;
    const files = filesOf(name);
    writeFileSync(files.json, compiled);
    writeFileSync(files.source, bytes);
    done.push(name);
  }
  return done;
}
