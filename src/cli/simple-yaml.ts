/**
 * A fast path for the YAML that answer files are made of: block mappings of plain keys, scalars
 * (plain, or quoted without escapes), block sequences of scalars, `[]` and `{}`. It returns the
 * very value the `yaml` library's core schema gives for such a text, or `undefined` for anything
 * else — another construct, anything unusual, any doubt — and the caller then parses the text
 * with the library, which also reports the errors. It never reports an error itself.
 *
 * Why: answer files are small, and a cold process spends most of its time in a YAML library's
 * first call (its lexer, parser and composer are run, and compiled, once per process). This
 * parser is a few dozen lines run once. `tests/cli/simple-yaml.test.ts` checks it against the
 * library on generated documents, tricky scalars included: same value, or `undefined`.
 */

type Value = null | boolean | number | string | Value[] | { [key: string]: Value };

/** Characters that make a text not worth the fast path: tabs, CR, controls, BOM, non-characters, line and paragraph separators, lone surrogates. */
const UNUSUAL = /[^\n\x20-\x7e\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\ud800-\udbff\udc00-\udfff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/*
 * The tests below run on every line of a file: written as loops over character codes rather than
 * regular expressions, which V8 compiles at their first use (twice: to bytecode, then to machine
 * code), a cost a short command pays for every expression it runs.
 */
const isDigit = (c: number) => c >= 48 && c <= 57;
const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** A key written plainly that the core schema reads as a string: `[A-Za-z_][A-Za-z0-9_.\-/]*`. */
function isPlainKey(text: string): boolean {
  if (text.length === 0) return false;
  const first = text.charCodeAt(0);
  if (!isLetter(first) && first !== 95) return false;
  for (let i = 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isLetter(c) && !isDigit(c) && c !== 95 && c !== 46 && c !== 45 && c !== 47) return false;
  }
  return true;
}
const SPECIAL_WORDS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', '__proto__']);
/** Plain scalars that start with one of these are something else in YAML (or might be). */
const INDICATORS = new Set('-?:,[]{}#&*!|>\'"%@`');
/** `[-+]?[0-9]+` from `start`: the index after the digits, or -1. */
function digitsEnd(text: string, start: number): number {
  let i = start;
  while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  return i === start ? -1 : i;
}
const signLength = (text: string) => (text[0] === '-' || text[0] === '+' ? 1 : 0);
/** `^[-+]?[0-9]+$` */
const isInt = (text: string) => digitsEnd(text, signLength(text)) === text.length;
/** `^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$` */
function isFloat(text: string): boolean {
  let i = signLength(text);
  if (text[i] === '.') {
    i = digitsEnd(text, i + 1);
    if (i < 0) return false;
  } else {
    i = digitsEnd(text, i);
    if (i < 0) return false;
    if (text[i] === '.') {
      i++;
      while (i < text.length && isDigit(text.charCodeAt(i))) i++;
    }
  }
  if (i === text.length) return true;
  if (text[i] !== 'e' && text[i] !== 'E') return false;
  i++;
  if (text[i] === '-' || text[i] === '+') i++;
  return digitsEnd(text, i) === text.length;
}
const INF_NAN = new Set(['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF', '.nan', '.NaN', '.NAN']);
/** Other forms the core schema resolves (octal, hexadecimal, infinity, not-a-number), left to the library. */
const isOtherNumber = (text: string) => text.startsWith('0o') || text.startsWith('0x') || INF_NAN.has(text);
/** `^ +(?:#.*)?$`: spaces, then nothing or a comment; with `empty`, nothing at all too. */
function isBlankAfter(text: string, empty: boolean): boolean {
  if (text.length === 0) return empty;
  let i = 0;
  while (text[i] === ' ') i++;
  return i > 0 && (i === text.length || text[i] === '#');
}
/** `^[^'"]*:(?: |$)`: a colon that ends a key, before any quote. */
function hasKeyColon(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'" || c === '"') return false;
    if (c === ':' && (i + 1 === text.length || text[i + 1] === ' ')) return true;
  }
  return false;
}
const MAX_DEPTH = 8;

interface Line {
  indent: number;
  /** The line without its indentation; never blank, never a comment. */
  text: string;
}

/** The value of a plain scalar, as the core schema resolves it; undefined when unsure. */
function plain(text: string): Value | undefined {
  if (text === '~' || text === 'null' || text === 'Null' || text === 'NULL') return null;
  if (text === 'true' || text === 'True' || text === 'TRUE') return true;
  if (text === 'false' || text === 'False' || text === 'FALSE') return false;
  if (isOtherNumber(text)) return undefined;
  if (isInt(text)) {
    // As the library does: digits read in base 10, the sign applied after (so "-0" is -0).
    const digits = text.slice(signLength(text));
    if (digits.length > 15) return undefined;
    const n = parseInt(digits, 10);
    return text.startsWith('-') ? -1 * n : n;
  }
  if (isFloat(text)) return text.length > 20 ? undefined : parseFloat(text);
  if (INDICATORS.has(text[0] ?? '') && !(text[0] === '-' && isDigit(text.charCodeAt(1)))) return undefined;
  if (text.includes(': ') || text.endsWith(':') || text.includes(' #')) return undefined;
  return text;
}

/** A scalar written after `key: ` or `- `, with an optional comment after it; undefined when unsure. */
function scalar(raw: string): Value | undefined {
  const quote = raw[0];
  if (quote === '"' || quote === "'") {
    const end = raw.indexOf(quote, 1);
    if (end < 0) return undefined;
    const content = raw.slice(1, end);
    const rest = raw.slice(end + 1);
    // Escapes, doubled quotes and anything but a comment after the closing quote: the library's.
    if ((quote === '"' && content.includes('\\')) || !isBlankAfter(rest, true)) return undefined;
    return content;
  }
  if (raw === '[]') return [];
  if (raw === '{}') return {};
  // A comment starts at ` #`; the value is what comes before it, without trailing spaces.
  const comment = raw.indexOf(' #');
  const text = (comment < 0 ? raw : raw.slice(0, comment)).trimEnd();
  return text === '' ? undefined : plain(text);
}

/**
 * The block (mapping or sequence) whose first line is lines[start], at that line's indentation.
 * `compact`: a sequence at its parent key's own indentation (`key:` then `- item` lines), which
 * ends at the parent's next key.
 */
function block(lines: Line[], start: number, depth: number, compact = false): { value: Value; next: number } | undefined {
  const first = lines[start];
  if (first === undefined || depth > MAX_DEPTH) return undefined;
  const indent = first.indent;
  if (first.text.startsWith('- ') || first.text === '-') {
    const items: Value[] = [];
    let i = start;
    for (; i < lines.length; i++) {
      const line = lines[i] as Line;
      if (line.indent < indent || (compact && line.indent === indent && !line.text.startsWith('- '))) break;
      if (line.indent > indent || !line.text.startsWith('- ')) return undefined;
      const item = line.text.slice(2).trimStart();
      // `- key: value` (a mapping in a sequence) and `- - x` are the library's.
      if (item.startsWith('- ') || hasKeyColon(item)) return undefined;
      const value = scalar(item);
      if (value === undefined) return undefined;
      items.push(value);
    }
    return { value: items, next: i };
  }
  const map: { [key: string]: Value } = {};
  let i = start;
  while (i < lines.length) {
    const line = lines[i] as Line;
    if (line.indent < indent) break;
    if (line.indent > indent) return undefined;
    const colon = line.text.indexOf(':');
    if (colon <= 0) return undefined;
    const key = line.text.slice(0, colon);
    const after = line.text.slice(colon + 1);
    if (!isPlainKey(key) || SPECIAL_WORDS.has(key) || Object.hasOwn(map, key)) return undefined;
    if (isBlankAfter(after, true)) {
      // `key:` alone: a nested block below it (deeper, or a sequence at the same indentation), else null.
      const below = lines[i + 1];
      const nested = below !== undefined && (below.indent > indent || (below.indent === indent && below.text.startsWith('- ')));
      if (!nested) {
        map[key] = null;
        i++;
        continue;
      }
      const inner = block(lines, i + 1, depth + 1, (below as Line).indent === indent);
      if (inner === undefined) return undefined;
      map[key] = inner.value;
      i = inner.next;
      continue;
    }
    if (!after.startsWith(' ')) return undefined;
    const value = scalar(after.trimStart());
    if (value === undefined) return undefined;
    // A deeper line after `key: value` continues a multi-line scalar: the library's.
    const below = lines[i + 1];
    if (below !== undefined && below.indent > indent) return undefined;
    map[key] = value;
    i++;
  }
  return { value: map, next: i };
}

/** The value of a simple YAML mapping, or undefined if the text is anything else (then parse it with the library). */
export function parseSimpleYaml(text: string): unknown {
  if (text.length === 0 || text.length > 1_000_000 || UNUSUAL.test(text)) return undefined;
  const lines: Line[] = [];
  for (const raw of text.split('\n')) {
    const body = raw.trimStart();
    if (body === '' || body.startsWith('#')) continue;
    // Directives, document markers and trailing spaces (which the library trims in its own ways).
    if (raw.startsWith('%') || raw.startsWith('---') || raw.startsWith('...') || raw.endsWith(' ')) return undefined;
    lines.push({ indent: raw.length - body.length, text: body });
  }
  const first = lines[0];
  if (first === undefined || first.indent !== 0 || first.text.startsWith('- ') || first.text === '-') return undefined;
  const result = block(lines, 0, 0);
  return result === undefined || result.next !== lines.length ? undefined : result.value;
}
