import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { validateBank, type Bank, type Problem } from '../core/index.js';
import { BUNDLED_BANKS, PACKAGE_ROOT } from './paths.js';

/**
 * The bundled banks, parsed and validated once at build time: parsing 60 KB of YAML costs a cold
 * Node process about a quarter of a second and validating it a few milliseconds, JSON.parse of
 * the result about a millisecond. A compiled bank holds the very text it was made from and is used
 * only while the bank's file still holds that text, character for character, so an edited bank is
 * simply parsed and validated again. (A comparison of two strings is native and faster than any
 * hash, and needs no crypto module at start-up.)
 */
const COMPILED = join(PACKAGE_ROOT, 'dist', 'banks');
const FORMAT = 2;

export interface CompiledBank {
  /** The parsed data of the bank's text. */
  data: unknown;
  /** What validateBank made of it, when it was valid at build time. */
  validated?: { bank: Bank; warnings: Problem[] };
}

function fileOf(bankFile: string): string {
  return join(COMPILED, `${basename(bankFile).replace(/\.(ya?ml|json)$/, '')}.json`);
}

/** The compiled form of a bundled bank whose source is `text`, if one was made from that very text. */
export function compiledBank(file: string, text: string): CompiledBank | undefined {
  const compiled = fileOf(file);
  if (!existsSync(compiled)) return undefined;
  try {
    const entry: unknown = JSON.parse(readFileSync(compiled, 'utf8'));
    if (typeof entry !== 'object' || entry === null || !('format' in entry) || entry.format !== FORMAT || !('text' in entry) || entry.text !== text || !('data' in entry)) return undefined;
    const validated = 'validated' in entry && typeof entry.validated === 'object' && entry.validated !== null ? (entry.validated as CompiledBank['validated']) : undefined;
    return { data: entry.data, ...(validated === undefined ? {} : { validated }) };
  } catch {
    return undefined;
  }
}

/** The stored form of a bank's text: its data, and its validation when the bank is valid and survives JSON exactly. */
export function compileBank(text: string, data: unknown): string {
  const result = validateBank(data);
  const validated = result.ok ? { bank: result.value, warnings: result.warnings } : undefined;
  const exact = validated !== undefined && isDeepStrictEqual(JSON.parse(JSON.stringify(validated)), validated);
  return JSON.stringify({ format: FORMAT, text, data, ...(exact ? { validated } : {}) });
}

/** Build step: parse every bundled bank that parses cleanly and store its data. */
export async function compileBundledBanks(): Promise<string[]> {
  const { parseSource } = await import('./source.js');
  mkdirSync(COMPILED, { recursive: true });
  const done: string[] = [];
  for (const name of readdirSync(BUNDLED_BANKS).filter((f) => /\.(ya?ml|json)$/.test(f))) {
    const text = readFileSync(join(BUNDLED_BANKS, name), 'utf8');
    const source = parseSource(name, text);
    writeFileSync(fileOf(name), compileBank(text, source.data));
    done.push(name);
  }
  return done;
}
