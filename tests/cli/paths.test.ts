import { describe, expect, it } from '@jest/globals';
import { fileNamePart } from '../../src/cli/paths.js';
import { shortHash } from '../../src/cli/short-hash.js';

/** FNV-1a over the UTF-8 bytes, written the plain way: what shortHash must always give. */
function reference(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash.toString(36).padStart(7, '0');
}

describe('shortHash (src/cli/short-hash.ts)', () => {
  it('is FNV-1a of the UTF-8 bytes, for ASCII and for any other text', () => {
    for (const text of ['', 'a', 'Camille', '12:34:5678:1764601234567.123:score', 'Léa', 'é', 'x'.repeat(300) + 'ü', '日本語', '🙂 smile', 'abc\u007f', 'abc\u0080']) {
      expect(shortHash(text)).toBe(reference(text));
    }
    expect(shortHash('')).toBe((0x811c9dc5).toString(36).padStart(7, '0'));
  });

  it('keeps two long pseudonyms with the same start apart in a file name', () => {
    const a = fileNamePart(`${'Dominique-'.repeat(10)}A`);
    const b = fileNamePart(`${'Dominique-'.repeat(10)}B`);
    expect(a).not.toBe(b);
    expect(Buffer.byteLength(a, 'utf8')).toBeLessThanOrEqual(60);
  });
});
