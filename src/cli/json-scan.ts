/**
 * A validating scanner of one JSON object in UTF-8 bytes, for NDJSON records: it checks the whole
 * text as JSON.parse would (structure, strings, escapes, numbers, literals, depth) without building
 * anything, and gives the byte range of each top-level value. The caller then parses only the
 * values it reads: a report of 8 KB is mostly scores and recommendation texts that re-scoring
 * never looks at, so decoding and parsing them all was half the time of `diag aggregate`.
 */

/** Where each top-level value lies; `undefined` when the text is not one valid JSON object (or is nested deeper than `maxDepth`). */
export interface ScannedObject {
  /** Keys in order of first appearance, each with the range of its last value, as JSON.parse keeps them. */
  keys: Map<string, { start: number; end: number }>;
}

export type ScanResult = { ok: true; object: ScannedObject } | { ok: false; tooDeep: boolean };

const enum C {
  Quote = 0x22,
  Backslash = 0x5c,
  Comma = 0x2c,
  Colon = 0x3a,
  OpenBrace = 0x7b,
  CloseBrace = 0x7d,
  OpenBracket = 0x5b,
  CloseBracket = 0x5d,
  Minus = 0x2d,
  Plus = 0x2b,
  Dot = 0x2e,
  Zero = 0x30,
  Nine = 0x39,
}

const isWhite = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
const isDigit = (b: number) => b >= C.Zero && b <= C.Nine;
const isHex = (b: number) => isDigit(b) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66);

/** 1 for a byte that may stand as it is inside a string: not a quote, a backslash or a control character. */
const PLAIN = new Uint8Array(256).map((_, b) => (b >= 0x20 && b !== C.Quote && b !== C.Backslash ? 1 : 0));

class Scanner {
  pos: number;
  tooDeep = false;
  constructor(
    readonly bytes: Buffer,
    start: number,
    readonly end: number,
    readonly maxDepth: number,
  ) {
    this.pos = start;
  }

  white(): void {
    const { bytes, end } = this;
    while (this.pos < end && isWhite(bytes[this.pos] ?? 0)) this.pos++;
  }

  /** A string starting at the quote; false when invalid. Bytes >= 0x80 are left to the UTF-8 decoder (it replaces bad ones, as JSON.parse of decoded text sees them). */
  string(): boolean {
    const { bytes, end } = this;
    let p = this.pos + 1;
    for (;;) {
      // Ordinary bytes, the bulk of a report's texts, cost one table look-up each.
      while (p < end && PLAIN[bytes[p] ?? 0] === 1) p++;
      if (p >= end) return false;
      const b = bytes[p] ?? 0;
      if (b === C.Quote) break;
      if (b !== C.Backslash) return false; // a control character
      const e = bytes[p + 1] ?? 0;
      if (e === 0x75) {
        for (let k = 2; k < 6; k++) if (!isHex(bytes[p + k] ?? 0)) return false;
        p += 6;
        continue;
      }
      if (e !== C.Quote && e !== C.Backslash && e !== 0x2f && e !== 0x62 && e !== 0x66 && e !== 0x6e && e !== 0x72 && e !== 0x74) return false;
      p += 2;
    }
    this.pos = p + 1;
    return true;
  }

  number(): boolean {
    const { bytes, end } = this;
    let p = this.pos;
    if (bytes[p] === C.Minus) p++;
    if (bytes[p] === C.Zero) p++;
    else if (isDigit(bytes[p] ?? 0)) while (p < end && isDigit(bytes[p] ?? 0)) p++;
    else return false;
    if (bytes[p] === C.Dot) {
      p++;
      if (!isDigit(bytes[p] ?? 0)) return false;
      while (p < end && isDigit(bytes[p] ?? 0)) p++;
    }
    if (bytes[p] === 0x65 || bytes[p] === 0x45) {
      p++;
      if (bytes[p] === C.Plus || bytes[p] === C.Minus) p++;
      if (!isDigit(bytes[p] ?? 0)) return false;
      while (p < end && isDigit(bytes[p] ?? 0)) p++;
    }
    this.pos = p;
    return true;
  }

  literal(word: string): boolean {
    for (let k = 0; k < word.length; k++) if (this.bytes[this.pos + k] !== word.charCodeAt(k)) return false;
    this.pos += word.length;
    return true;
  }

  /** Any value, iteratively over containers so that depth costs no stack. */
  value(): boolean {
    const { bytes, end } = this;
    // The open containers: true for an object, false for an array.
    const stack: boolean[] = [];
    for (;;) {
      this.white();
      if (this.pos >= end) return false;
      const b = bytes[this.pos] ?? 0;
      let scalar = true;
      if (b === C.OpenBrace || b === C.OpenBracket) {
        if (stack.length >= this.maxDepth) {
          this.tooDeep = true;
          return false;
        }
        this.pos++;
        this.white();
        const object = b === C.OpenBrace;
        if (bytes[this.pos] === (object ? C.CloseBrace : C.CloseBracket)) {
          this.pos++;
        } else {
          stack.push(object);
          if (object && !this.key()) return false;
          continue;
        }
      } else if (b === C.Quote) scalar = this.string();
      else if (b === 0x74) scalar = this.literal('true');
      else if (b === 0x66) scalar = this.literal('false');
      else if (b === 0x6e) scalar = this.literal('null');
      else scalar = this.number();
      if (!scalar) return false;
      // After a value: close containers, or go on after a comma.
      for (;;) {
        if (stack.length === 0) return true;
        this.white();
        const next = bytes[this.pos];
        const object = stack[stack.length - 1];
        if (next === C.Comma) {
          this.pos++;
          if (object) {
            this.white();
            if (!this.key()) return false;
          }
          break;
        }
        if (next === (object ? C.CloseBrace : C.CloseBracket)) {
          this.pos++;
          stack.pop();
          continue;
        }
        return false;
      }
    }
  }

  /** `"key" :` inside an object. */
  key(): boolean {
    if (this.bytes[this.pos] !== C.Quote || !this.string()) return false;
    this.white();
    if (this.bytes[this.pos] !== C.Colon) return false;
    this.pos++;
    return true;
  }
}

/** Scans `bytes[start, end)` as one JSON object. */
export function scanObject(bytes: Buffer, start: number, end: number, maxDepth: number): ScanResult {
  const s = new Scanner(bytes, start, end, maxDepth);
  const keys = new Map<string, { start: number; end: number }>();
  s.white();
  if (bytes[s.pos] !== C.OpenBrace) return { ok: false, tooDeep: false };
  s.pos++;
  s.white();
  if (bytes[s.pos] === C.CloseBrace) {
    s.pos++;
  } else {
    for (;;) {
      s.white();
      const keyStart = s.pos;
      if (bytes[s.pos] !== C.Quote || !s.string()) return { ok: false, tooDeep: false };
      const keyEnd = s.pos;
      s.white();
      if (bytes[s.pos] !== C.Colon) return { ok: false, tooDeep: false };
      s.pos++;
      s.white();
      const valueStart = s.pos;
      if (!s.value()) return { ok: false, tooDeep: s.tooDeep };
      const raw = bytes.toString('latin1', keyStart, keyEnd);
      // Keys with escapes or non-ASCII bytes are decoded exactly; most keys are plain.
      const key = /[\\\x80-\xff]/.test(raw) ? String(JSON.parse(bytes.toString('utf8', keyStart, keyEnd))) : raw.slice(1, -1);
      keys.set(key, { start: valueStart, end: s.pos });
      s.white();
      if (bytes[s.pos] === C.Comma) {
        s.pos++;
        continue;
      }
      if (bytes[s.pos] === C.CloseBrace) {
        s.pos++;
        break;
      }
      return { ok: false, tooDeep: false };
    }
  }
  s.white();
  return s.pos === end ? { ok: true, object: { keys } } : { ok: false, tooDeep: false };
}
