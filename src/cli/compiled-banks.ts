import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { BUNDLED_BANKS, PACKAGE_ROOT } from './paths.js';

/**
 * The bundled banks, parsed once at build time: parsing 60 KB of YAML costs a cold Node
 * process about a quarter of a second, JSON.parse of the same data about a millisecond. A
 * compiled bank is used only while the hash of its YAML source matches, so an edited bank is
 * simply parsed again.
 */
const COMPILED = join(PACKAGE_ROOT, 'dist', 'banks');

export function sourceHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The parsed data of a bundled bank whose source is `text`, if a compiled copy of that very text exists. */
export function compiledBank(file: string, text: string): unknown {
  const compiled = join(COMPILED, `${basename(file).replace(/\.(ya?ml|json)$/, '')}.json`);
  if (!existsSync(compiled)) return undefined;
  try {
    const entry: unknown = JSON.parse(readFileSync(compiled, 'utf8'));
    if (typeof entry !== 'object' || entry === null || !('hash' in entry) || !('data' in entry)) return undefined;
    return entry.hash === sourceHash(text) ? entry.data : undefined;
  } catch {
    return undefined;
  }
}

/** Build step: parse every bundled bank that parses cleanly and store its data. */
export async function compileBundledBanks(): Promise<string[]> {
  const { parseSource } = await import('./source.js');
  mkdirSync(COMPILED, { recursive: true });
  const done: string[] = [];
  for (const name of readdirSync(BUNDLED_BANKS).filter((f) => /\.(ya?ml|json)$/.test(f))) {
    const text = readFileSync(join(BUNDLED_BANKS, name), 'utf8');
    const source = parseSource(name, text);
    writeFileSync(join(COMPILED, `${name.replace(/\.(ya?ml|json)$/, '')}.json`), JSON.stringify({ hash: sourceHash(text), data: source.data }));
    done.push(name);
  }
  return done;
}
