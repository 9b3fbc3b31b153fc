/**
 * FNV-1a over the UTF-8 bytes, 32 bits, as 7 base-36 digits: tells two long names with the same
 * start apart. A module of its own, with no side effect: the launcher uses it (code-cache.ts)
 * without paths.ts, whose constants are computed when it loads.
 */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  // ASCII (Node's options, a file name) is its own UTF-8: no buffer, no iterator.
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x7f) {
      hash = 0x811c9dc5;
      for (const byte of Buffer.from(text, 'utf8')) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
      break;
    }
    hash = Math.imul(hash ^ code, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(7, '0');
}
