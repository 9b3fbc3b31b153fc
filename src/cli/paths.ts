import { join, resolve } from 'node:path';
import { shortHash } from './short-hash.js';

/**
 * The package's own folder, found from this file so that an installed diag finds its bank
 * (dist/cli/ when compiled, dist/bundle/ in the bundle: two levels down either way).
 * `import.meta.dirname` rather than a file URL: Node's URL code costs a start-up milliseconds.
 */
export const PACKAGE_ROOT = resolve(import.meta.dirname, '..', '..');
export const BUNDLED_BANKS = join(PACKAGE_ROOT, 'questions');
export const SCHEMAS = join(PACKAGE_ROOT, 'schema');

/** Bytes of a pseudonym kept in a file name: with the rest of the name, far below the 255 bytes most file systems allow. */
export const NAME_PART_BYTES = 60;

/**
 * A pseudonym as a part of a file name: letters and digits of any script, lower case, accents
 * removed, other characters as `-`; cut to `maxBytes` bytes of UTF-8 (never inside a character),
 * with a hash of the whole pseudonym when cut so that two long pseudonyms stay apart.
 */
export function fileNamePart(name: string, maxBytes = NAME_PART_BYTES): string {
  const slug = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  if (Buffer.byteLength(slug, 'utf8') <= maxBytes) return slug;
  const hash = shortHash(name);
  return `${cutToBytes(slug, maxBytes - hash.length - 1).replace(/-+$/, '')}-${hash}`;
}

/** The longest start of `text` that takes at most `maxBytes` bytes of UTF-8, never cut inside a character. */
export function cutToBytes(text: string, maxBytes: number): string {
  let cut = '';
  let bytes = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char, 'utf8');
    if (bytes + size > maxBytes) break;
    cut += char;
    bytes += size;
  }
  return cut;
}
