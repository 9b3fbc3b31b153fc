/**
 * Seeded mutations of YAML/JSON inputs, at three levels: bytes (the text), types (a value replaced
 * by one of another type) and structure (keys and items dropped, duplicated, reordered, nested).
 * Everything is driven by one small PRNG so that a case is reproduced from (seed, case number).
 */
import { stringify } from 'yaml';

/** mulberry32: tiny, fast, and good enough to pick mutations. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(list: readonly T[]): T {
    const item = list[this.int(list.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
}

/** The seed of case `index` of a run seeded with `seed`: cases are independent of each other. */
export function caseSeed(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

// -------------------------------------------------------------------------------------------------
// Bytes

const CONTROL = ['\u0000', '\u0001', '\u0007', '\b', '\t', '\v', '\f', '\r', '\u001b', '\u001b[31m', '\u001b]0;title\u0007', '\u007f', '\u0085', '\u2028', '\u2029', '\ufeff', '\r\n'];
const UNICODE = ['é', 'ß', 'İ', '\u0301', '\u200b', '\u200d', '\u202e', '🙂', '👍🏽', '𝔘', '中文', 'ﷺ', '\ud800', '\udfff', '\uffff', '\ufffd'];
const YAML_SPECIALS = [
  '&a ', '*a', '&a [*a]', '<<: *a\n', '<<: ', '!!binary ', '!!set ', '!!omap ', '!!timestamp ', '!!str ', '!!int ', '!!float ', '!!map ', '!!seq ',
  '!<tag:yaml.org,2002:str> ', '!!python/object/apply:os.system ', '!local ', '\t', '---\n', '...\n', '%YAML 1.1\n---\n', '%TAG ! tag:x,2000:\n',
  '? ', ': ', '- ', '|', '|-', '>', '>+', '{', '}', '[', ']', '"', "'", '#', '!', '%', '@', '`', ',', '\n', '  ', '~', 'null', '.nan', '.inf', '-.inf',
  '0x1F', '0o17', '1e400', '-0', '__proto__: {id: x}\n', 'constructor: 1\n',
];
const ASCII = ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~';

function randomPiece(rng: Random): string {
  switch (rng.int(4)) {
    case 0:
      return rng.pick(CONTROL);
    case 1:
      return rng.pick(UNICODE);
    case 2:
      return rng.pick(YAML_SPECIALS);
    default:
      return ASCII.charAt(rng.int(ASCII.length));
  }
}

/** One change to the text; returns the new text and what was done. */
export function mutateBytes(text: string, rng: Random): { text: string; what: string } {
  const at = rng.int(text.length + 1);
  switch (rng.int(6)) {
    case 0: {
      const piece = randomPiece(rng);
      return { text: text.slice(0, at) + piece + text.slice(at + 1), what: `replace char ${at} by ${JSON.stringify(piece)}` };
    }
    case 1:
    case 2: {
      const piece = randomPiece(rng);
      return { text: text.slice(0, at) + piece + text.slice(at), what: `insert ${JSON.stringify(piece)} at ${at}` };
    }
    case 3: {
      const length = 1 + rng.int(rng.chance(0.8) ? 4 : 200);
      return { text: text.slice(0, at) + text.slice(at + length), what: `delete ${length} chars at ${at}` };
    }
    case 4:
      return { text: text.slice(0, at), what: `truncate at ${at}` };
    default: {
      // Flip one bit of one UTF-16 unit: lone surrogates and odd code points included.
      const code = text.charCodeAt(at) ^ (1 << rng.int(16));
      return { text: text.slice(0, at) + String.fromCharCode(Number.isNaN(code) ? 0 : code) + text.slice(at + 1), what: `flip a bit of char ${at}` };
    }
  }
}

/** Line-level changes: duplicated lines make duplicate keys, re-indented ones change the structure. */
export function mutateLines(text: string, rng: Random): { text: string; what: string } {
  const lines = text.split('\n');
  const i = rng.int(lines.length);
  const line = lines[i] ?? '';
  switch (rng.int(6)) {
    case 0:
      lines.splice(i, 0, line);
      return { text: lines.join('\n'), what: `duplicate line ${i + 1}` };
    case 1:
      lines.splice(i, 1);
      return { text: lines.join('\n'), what: `delete line ${i + 1}` };
    case 2: {
      const j = rng.int(lines.length);
      lines[i] = lines[j] ?? '';
      lines[j] = line;
      return { text: lines.join('\n'), what: `swap lines ${i + 1} and ${j + 1}` };
    }
    case 3: {
      const indent = rng.pick(['', ' ', '  ', '    ', '\t', ' \t']);
      lines[i] = indent + line.trimStart();
      return { text: lines.join('\n'), what: `re-indent line ${i + 1} with ${JSON.stringify(indent)}` };
    }
    case 4:
      if (/:\s*\S/.test(line)) {
        lines[i] = line.replace(/:\s*\S.*$/, `: ${rng.pick(['&r [*r]', '&r {k: *r}', '*r', '&r x'])}`);
        return { text: lines.join('\n'), what: `anchor or alias on line ${i + 1}` };
      }
      lines.splice(i, 0, line);
      return { text: lines.join('\n'), what: `duplicate line ${i + 1}` };
    default:
      lines[i] = `${line} ${rng.pick(['#', '&x', '*x', ': x', '- y', '{', '[', '"', '|'])}`;
      return { text: lines.join('\n'), what: `append to line ${i + 1}` };
  }
}

// -------------------------------------------------------------------------------------------------
// Data: types and structure

type Path = Array<string | number>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every node of the tree, as a path from the root (the root itself included). */
function allPaths(data: unknown): Path[] {
  const paths: Path[] = [];
  const walk = (node: unknown, path: Path) => {
    paths.push(path);
    if (path.length > 40) return;
    if (Array.isArray(node)) node.forEach((child, i) => walk(child, [...path, i]));
    else if (isRecord(node)) for (const [key, child] of Object.entries(node)) walk(child, [...path, key]);
  };
  walk(data, []);
  return paths;
}

function getAt(data: unknown, path: Path): unknown {
  let node = data;
  for (const part of path) {
    if (Array.isArray(node) && typeof part === 'number') node = node[part];
    else if (isRecord(node) && typeof part === 'string') node = Object.hasOwn(node, part) ? node[part] : undefined;
    else return undefined;
  }
  return node;
}

/** Sets an own property, even one named `__proto__`, as a YAML parser does. */
function defineKey(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function setAt(data: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const parent = getAt(data, path.slice(0, -1));
  const last = path[path.length - 1];
  if (Array.isArray(parent) && typeof last === 'number') parent[last] = value;
  else if (isRecord(parent) && typeof last === 'string') defineKey(parent, last, value);
  return data;
}

function withKey(key: string, value: unknown): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  defineKey(object, key, value);
  return object;
}

/** Mark where deep nesting and recursive aliases go; replaced in the text after serialisation. */
export const DEEP = '@@DEEP@@';
export const CYCLE = '@@CYCLE@@';

const NAN_LIKE = ['NaN', '.nan', 'Infinity', '-Infinity', '.inf', '1e400', '0x10', '1_000', ' 1', '1,5', '', ' ', 'null', '~', 'true', 'yes', 'on', '0o7'];
const AWKWARD_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'then'];

function replacement(value: unknown, rng: Random): { value: unknown; what: string } {
  // A copy: the value may be put inside itself (a key added to the mapping it came from).
  const original: unknown = structuredClone(value);
  const choices: Array<[string, () => unknown]> = [
    ['[]', () => []],
    ['[original]', () => [original]],
    ['[mixed]', () => [1, 'a', null, true, {}]],
    ['{}', () => ({})],
    ['{value: original}', () => ({ value: original })],
    ['{__proto__: original}', () => withKey('__proto__', original)],
    ['{constructor: original}', () => withKey('constructor', original)],
    ['{toString: 1}', () => withKey('toString', 1)],
    ['""', () => ''],
    ['"x"', () => 'x'],
    ['long string', () => 'x'.repeat(1 + rng.int(20000))],
    ['NaN-like string', () => rng.pick(NAN_LIKE)],
    ['awkward string', () => rng.pick([...AWKWARD_KEYS, '\u001b[2J', 'a\u0000b', '🙂', '\ud800', 'overall', '../../etc/passwd'])],
    ['String(original)', () => (typeof original === 'object' ? JSON.stringify(original) : String(original))],
    ['number', () => rng.pick([0, -0, -1, 1, 1.5, 3, 4, 5, 100, 101, -100, 1e21, 2 ** 53 + 1, 0.1])],
    ['huge number', () => rng.pick([1e308, -1e308, Number.MAX_VALUE, -Number.MAX_VALUE, 5e-324, -5e-324, 1e-300])],
    ['non-finite', () => rng.pick([NaN, Infinity, -Infinity])],
    ['null', () => null],
    ['true', () => true],
    ['false', () => false],
    ['deep nesting', () => DEEP],
    ['recursive alias', () => CYCLE],
    ['tweaked string', () => `${typeof original === 'string' ? original : 'x'}${rng.pick(['-a1', '-x1', '-BR', 'X', ' ', '\u0000', '.', '0', '-', '_'])}`],
  ];
  const [what, make] = rng.pick(choices);
  return { value: make(), what };
}

/** Replaces one value of the tree by a value of another type. */
export function mutateTypes(data: unknown, rng: Random): { data: unknown; what: string } {
  const paths = allPaths(data);
  if (rng.chance(0.2)) {
    // Inject a key that is also an Object.prototype member.
    const maps = paths.filter((p) => isRecord(getAt(data, p)));
    if (maps.length > 0) {
      const path = rng.pick(maps);
      const target = getAt(data, path);
      const key = rng.pick(AWKWARD_KEYS);
      const { value, what } = replacement(isRecord(target) ? target : undefined, rng);
      if (isRecord(target)) defineKey(target, key, value);
      return { data, what: `add key ${key} = ${what} at ${path.join('.') || '(root)'}` };
    }
  }
  // Half the time a shallow path: the few top-level fields (id, languages, bank, lang…) matter most.
  const shallow = paths.filter((p) => p.length <= 2);
  const path = rng.pick(rng.chance(0.5) && shallow.length > 0 ? shallow : paths);
  const { value, what } = replacement(getAt(data, path), rng);
  return { data: setAt(data, path, value), what: `replace ${path.join('.') || '(root)'} by ${what}` };
}

/** Drops, duplicates, reorders or empties keys and list items. */
export function mutateStructure(data: unknown, rng: Random): { data: unknown; what: string } {
  const paths = allPaths(data);
  const containers = paths.filter((p) => {
    const node = getAt(data, p);
    return Array.isArray(node) ? node.length > 0 : isRecord(node) && Object.keys(node).length > 0;
  });
  if (containers.length === 0) return { data, what: 'nothing to restructure' };
  const path = rng.pick(containers);
  const where = path.join('.') || '(root)';
  const node = getAt(data, path);
  if (Array.isArray(node)) {
    const i = rng.int(node.length);
    switch (rng.int(5)) {
      case 0:
        node.splice(i, 1);
        return { data, what: `drop item ${i} of ${where}` };
      case 1:
        node.splice(rng.int(node.length + 1), 0, structuredClone(node[i]));
        return { data, what: `duplicate item ${i} of ${where}` };
      case 2:
        node.reverse();
        return { data, what: `reverse ${where}` };
      case 3:
        node.length = 0;
        return { data, what: `empty ${where}` };
      default: {
        const copies = 1 + rng.int(200);
        for (let c = 0; c < copies; c++) node.push(structuredClone(node[i]));
        return { data, what: `repeat item ${i} of ${where} ${copies} times` };
      }
    }
  }
  if (!isRecord(node)) return { data, what: 'nothing to restructure' };
  const keys = Object.keys(node);
  const key = rng.pick(keys);
  switch (rng.int(4)) {
    case 0:
      delete node[key];
      return { data, what: `drop key ${where}.${key}` };
    case 1: {
      // Another key's value under this key: an id used twice, a list where a map was, …
      const other = rng.pick(keys);
      defineKey(node, key, structuredClone(node[other]));
      return { data, what: `copy ${where}.${other} into ${where}.${key}` };
    }
    case 2: {
      const reordered: Record<string, unknown> = {};
      for (const k of [...keys].reverse()) defineKey(reordered, k, node[k]);
      return { data: setAt(data, path, reordered), what: `reverse the keys of ${where}` };
    }
    default: {
      let value: unknown = node[key];
      const depth = 1 + rng.int(60);
      for (let d = 0; d < depth; d++) value = rng.chance(0.5) ? [value] : { [key]: value };
      defineKey(node, key, value);
      return { data, what: `wrap ${where}.${key} in ${depth} levels` };
    }
  }
}

// -------------------------------------------------------------------------------------------------
// Serialisation

function deepText(rng: Random, json: boolean): string {
  const depth = rng.pick([10, 100, 1000, 5000, 20000]);
  if (json || rng.chance(0.5)) return rng.chance(0.5) ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a": '.repeat(depth)}1${'}'.repeat(depth)}`;
  return `${'{a: ['.repeat(depth)}1${']}'.repeat(depth)}`;
}

/**
 * Data back to text, as YAML in a random style, as JSON, or as one JSON line (NDJSON), with the
 * deep-nesting marker expanded.
 */
export function serialise(data: unknown, format: 'yaml' | 'json' | 'line', rng: Random): string {
  let text: string;
  if (format === 'json' || format === 'line') {
    text = JSON.stringify(data, null, format === 'json' && rng.chance(0.5) ? 2 : undefined) ?? 'null';
  } else {
    try {
      text = stringify(data, {
        collectionStyle: rng.pick(['any', 'any', 'block', 'flow'] as const),
        indent: rng.pick([2, 2, 3, 4]),
        lineWidth: rng.pick([0, 40, 80]),
        defaultStringType: rng.pick(['PLAIN', 'PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL'] as const),
      });
    } catch {
      text = JSON.stringify(data) ?? 'null';
    }
  }
  const json = format !== 'yaml';
  return text.replace(/(["']?)@@DEEP@@\1/g, () => deepText(rng, json)).replace(/(["']?)@@CYCLE@@\1/g, () => (json ? '[]' : rng.pick(['&c [*c]', '&c {a: *c}', '&c [1, [2, *c]]'])));
}
