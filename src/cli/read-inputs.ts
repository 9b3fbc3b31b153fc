import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { stripBidiControls } from '../core/sanitize.js';
import { byteChunks, errorCode, inputName, LineSplitter, readBoundedSync, readFailure, STDIN, STDIN_NAME, type Line } from './bounded-read.js';
import { errorText, InputError } from './errors.js';
import { maxFileBytes, tooLarge } from './file-limits.js';
import { scanObject } from './json-scan.js';
import { checkJsonDepth, MAX_DEPTH, parseSource, type Source } from './source.js';
import { messages } from './i18n.js';
import type { SystemReason } from './i18n-errors.js';
import { warn as warnOnStderr, warningLine } from './warn.js';

/** A failed read as data: the code and diag's short English reason (worded per language when printed). */
const readReason = (error: unknown): SystemReason => ({ code: errorCode(error), message: readFailure(error) });

const DOCUMENT = /\.(ya?ml|json)$/i;
const LINES = /\.(ndjson|jsonl)$/i;

/** Whether a file of this name in a folder given as input is read as one (answers, reports, NDJSON; not hidden). */
export const readInFolder = (name: string) => (DOCUMENT.test(name) || LINES.test(name)) && !name.startsWith('.');

export interface ExpandedInputs {
  files: string[];
  /** True when the inputs can hold several records (a folder, NDJSON, several files): JSON output is then an array. */
  many: boolean;
}

/** What a folder is read with; tests hand in one that fails as a real disk can (EACCES, EIO). */
export interface FolderReader {
  readdir(path: string): string[];
  /** Follows symbolic links, as reading the file would. */
  stat(path: string): { isFile(): boolean; isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean };
}

const NODE_FS: FolderReader = { readdir: (path) => readdirSync(path), stat: (path) => statSync(path) };

/** Why an entry of a folder is not read: each is said in a warning (`skippedEntry`). */
export type SkippedKind = 'subfolder' | 'fifo' | 'socket' | 'device' | 'dangling' | 'loop' | 'hidden';

/**
 * What a folder's entry is to a command that reads the folder: a file to read, an entry to skip
 * with a warning, or one whose stat failed for another reason (`error`, to be said as such). A
 * hidden file is nobody's answers: the `._x.yaml` that macOS leaves beside each file on a USB
 * stick, an editor's backup (named on the command line, it is read like any file). A FIFO would
 * make the read wait forever.
 */
export function folderEntry(entry: string, stat: FolderReader['stat'] = NODE_FS.stat): { read: true } | { skip: SkippedKind } | { error: unknown } {
  try {
    const stats = stat(entry);
    if (stats.isFile() && !basename(entry).startsWith('.')) return { read: true };
    return { skip: stats.isFile() ? 'hidden' : stats.isDirectory() ? 'subfolder' : stats.isFIFO() ? 'fifo' : stats.isSocket() ? 'socket' : 'device' };
  } catch (error) {
    const code = errorCode(error);
    return code === 'ENOENT' ? { skip: 'dangling' } : code === 'ELOOP' ? { skip: 'loop' } : { error };
  }
}

export interface ExpandOptions {
  /** Called with one line per folder entry skipped; default: stderr. */
  warn?: (line: string) => void;
  fs?: FolderReader;
}


/**
 * Files and folders -> the files to read, in a stable order (folders sorted by name); `-` is
 * standard input. In a folder, an entry named like an answer file that cannot be one is skipped
 * with a warning: a symbolic link to nothing (an editor's `.#x.yaml` lock), a loop of links, a
 * folder, a FIFO, a socket or a device (reading a FIFO could wait forever). An answer file that
 * exists but cannot be read (permission denied, I/O error) is refused: leaving out a
 * participant silently would change a group's results.
 */
export function expandInputs(paths: readonly string[], options: ExpandOptions = {}): ExpandedInputs {
  if (paths.length === 0) throw new InputError(errorText('noInput', {}));
  const fs = options.fs ?? NODE_FS;
  const warn = options.warn ?? warnOnStderr;
  const files: string[] = [];
  const problems: string[] = [];
  let many = paths.length > 1;
  if (paths.filter((p) => p === STDIN).length > 1) throw new InputError(errorText('stdinTwice', {}));
  for (const path of paths) {
    if (path === STDIN) {
      files.push(path);
      continue;
    }
    let isFolder: boolean;
    try {
      isFolder = fs.stat(path).isDirectory();
    } catch (error) {
      const code = errorCode(error);
      problems.push(messages().error.cannotReadInput({ name: path, reason: code === 'ENOENT' ? { code, message: 'no such file or folder' } : readReason(error) }));
      continue;
    }
    if (!isFolder) {
      files.push(path);
      if (LINES.test(path)) many = true;
      continue;
    }
    many = true;
    let names: string[];
    try {
      names = fs.readdir(path);
    } catch (error) {
      problems.push(messages().error.cannotReadFolder({ name: path, reason: readReason(error) }));
      continue;
    }
    const entries = names
      .filter((name) => DOCUMENT.test(name) || LINES.test(name))
      .sort()
      .map((name) => join(path, name));
    for (const entry of entries) {
      const found = folderEntry(entry, fs.stat);
      if ('read' in found) files.push(entry); // not push(...entries): a huge folder would overflow the stack
      else if ('skip' in found) warn(warningLine(messages().warnings.skippedEntry({ entry, kind: found.skip })));
      else problems.push(messages().error.cannotReadInput({ name: entry, reason: readReason(found.error) }));
    }
  }
  if (problems.length === 1 && problems[0] !== undefined) throw new InputError(problems[0]);
  if (problems.length > 1) throw new InputError(errorText('inputsUnreadable', { count: problems.length }), problems);
  return { files, many };
}

/** Keys of a record that reading and scoring use; the others (a report's scores and texts) are parsed only if read. */
const EAGER = new Set(['$schema', 'schemaVersion', 'bank', 'respondent', 'lang', 'createdAt', 'answers', 'profile']);

/** Sets an own property, `__proto__` included (plain assignment would set the prototype). */
function own(object: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

const SCORES_KEY = Buffer.from('"scores"');
const NOT_PARSED = Symbol('not parsed');

/** JSON.parse of a whole line, depth-checked as the scanner would; NOT_PARSED when it is not valid JSON. */
function parseWhole(name: string, bytes: Buffer): unknown {
  const text = bytes.toString('utf8');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return NOT_PARSED;
  }
  checkJsonDepth(name, text, data);
  return data;
}

/** A record scanned on its bytes, parsing only the values reading and scoring use; anything else through JSON.parse, whose message names the problem. */
function scannedRecord(name: string, bytes: Buffer, bidi: boolean): unknown {
  const clean = (value: unknown) => (bidi ? stripBidiControls(value) : value);
  const scan = scanObject(bytes, 0, bytes.length, MAX_DEPTH - 1);
  if (scan.ok) {
    const record: Record<string, unknown> = {};
    for (const [key, { start, end }] of scan.object.keys) {
      const parse = () => clean(JSON.parse(bytes.toString('utf8', start, end)));
      if (EAGER.has(key)) own(record, key, parse());
      else {
        Object.defineProperty(record, key, {
          enumerable: true,
          configurable: true,
          get() {
            const value = parse();
            own(record, key, value);
            return value;
          },
          set(value: unknown) {
            own(record, key, value);
          },
        });
      }
    }
    return bidi ? Object.fromEntries(Object.entries(record).map(([k, v]) => [String(clean(k)), v])) : record;
  }
  if (scan.tooDeep) throw new InputError(errorText('tooDeep', { name, depth: MAX_DEPTH }));
  const text = bytes.toString('utf8');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(errorText('notJson', { name, message: error instanceof Error ? error.message : String(error) }));
  }
  // JSON.parse takes any depth; a YAML file is bounded by its parser (and checked the same way).
  checkJsonDepth(name, text, data);
  return clean(data);
}

/**
 * One NDJSON record. A JSON object is scanned on its bytes (validated whole, at no allocation)
 * and only the values reading and scoring use are decoded and parsed; the others are parsed the
 * first time something reads them, so the record still looks like JSON.parse's result. Anything
 * else goes through JSON.parse, whose message names the problem. A location is found, if ever
 * needed, by re-reading the line as YAML.
 */
function lineSource(file: string, lineNumber: number, bytes: Buffer, bidi: boolean): Source {
  const name = `${file}:${lineNumber}`;
  // An answer record (no "scores" key, so not a report) is small and read whole: one native
  // JSON.parse is cheaper than scanning it, then parsing each value. A line JSON.parse refuses
  // goes on to the scanner, so that its message stays the same.
  const whole = bytes.indexOf(SCORES_KEY) === -1 ? parseWhole(name, bytes) : NOT_PARSED;
  const data = whole === NOT_PARSED ? scannedRecord(name, bytes, bidi) : bidi ? stripBidiControls(whole) : whole;
  let located: Source | undefined;
  return {
    name,
    file,
    data,
    locate(path) {
      located ??= parseSource(name, bytes.toString('utf8'), lineNumber - 1, file);
      return located.locate(path);
    },
  };
}

export type RecordResult = { source: Source } | { error: InputError };

const isSpace = (byte: number | undefined) => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;

function isBlank(bytes: Buffer): boolean {
  for (const byte of bytes) if (!isSpace(byte)) return false;
  return true;
}

function recordOfLine(file: string, line: Line): RecordResult | undefined {
  if ('tooLong' in line) return { error: tooLarge(`line ${line.number} of ${file}`, line.tooLong) };
  if (isBlank(line.bytes)) return undefined;
  try {
    return { source: lineSource(file, line.number, line.bytes, line.bidi) };
  } catch (error) {
    if (error instanceof InputError) return { error };
    throw error;
  }
}

function documentRecord(name: string, read: () => string): RecordResult {
  try {
    return { source: parseSource(name, read()) };
  } catch (error) {
    if (error instanceof InputError) return { error };
    throw error;
  }
}

async function* ndjsonRecords(file: string, name: string, chunks: AsyncIterable<Buffer | string>, head?: Buffer): AsyncGenerator<RecordResult> {
  const splitter = new LineSplitter(maxFileBytes());
  try {
    if (head !== undefined) {
      for (const line of splitter.push(head)) {
        const record = recordOfLine(name, line);
        if (record !== undefined) yield record;
      }
    }
    for await (const chunk of chunks) {
      for (const line of splitter.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk)) {
        const record = recordOfLine(name, line);
        if (record !== undefined) yield record;
      }
    }
    for (const line of splitter.end()) {
      const record = recordOfLine(name, line);
      if (record !== undefined) yield record;
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(errorText('cannotReadInput', { name: file === STDIN ? STDIN_NAME : file, reason: readReason(error) }));
  }
}


/**
 * Whether standard input holds NDJSON (a JSON object on its first line, and more after it) or one
 * YAML/JSON document: decided on the first line, so that NDJSON still streams.
 */
function looksLikeNdjson(head: Buffer): boolean {
  let start = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (isSpace(head[start])) start++;
  if (head[start] !== 0x7b) return false;
  const lineEnd = head.indexOf(0x0a, start);
  if (lineEnd === -1) return false;
  let rest = lineEnd + 1;
  while (rest < head.length && isSpace(head[rest])) rest++;
  if (rest >= head.length) return false;
  try {
    const first: unknown = JSON.parse(head.toString('utf8', start, lineEnd));
    return typeof first === 'object' && first !== null && !Array.isArray(first);
  } catch {
    return false;
  }
}

/** Standard input as records: NDJSON streamed line by line, or one document read up to the size limit. */
async function* stdinRecords(input: AsyncIterable<Buffer | string>, onKind?: (kind: 'ndjson' | 'document') => void): AsyncGenerator<RecordResult> {
  const limit = maxFileBytes();
  const iterator = input[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let total = 0;
  let firstBreak = -1;
  let textAfterBreak = false;
  let ended = false;
  const more = async (): Promise<boolean> => {
    const next = await iterator.next();
    if (next.done === true) return false;
    const chunk: Buffer = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    if (firstBreak === -1) {
      const at = chunk.indexOf(0x0a);
      if (at !== -1) firstBreak = total + at;
    }
    if (firstBreak !== -1 && !textAfterBreak) {
      for (let i = Math.max(0, firstBreak + 1 - total); i < chunk.length && !textAfterBreak; i++) textAfterBreak = !isSpace(chunk[i]);
    }
    chunks.push(chunk);
    total += chunk.length;
    return true;
  };
  try {
    // Up to the first line break and the first byte after it, or the end, or the limit.
    while (!textAfterBreak && total <= limit) {
      if (!(await more())) {
        ended = true;
        break;
      }
    }
  } catch (error) {
    yield { error: new InputError(errorText('cannotReadInput', { name: STDIN_NAME, reason: readReason(error) })) };
    return;
  }
  const head = Buffer.concat(chunks, total);
  if (looksLikeNdjson(head)) {
    onKind?.('ndjson');
    const rest = { [Symbol.asyncIterator]: () => iterator };
    yield* ndjsonRecords(STDIN, STDIN_NAME, rest, head);
    return;
  }
  onKind?.('document');
  try {
    while (!ended && total <= limit) {
      if (!(await more())) ended = true;
    }
  } catch (error) {
    yield { error: new InputError(errorText('cannotReadInput', { name: STDIN_NAME, reason: readReason(error) })) };
    return;
  }
  if (total > limit) {
    // Nothing more is read: what is left of stdin is not ours to wait for.
    yield { error: tooLarge(STDIN_NAME, total, false) };
    return;
  }
  const bytes = chunks.length === 1 && chunks[0] !== undefined ? chunks[0] : Buffer.concat(chunks, total);
  yield documentRecord(STDIN_NAME, () => {
    const text = bytes.toString('utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  });
}

export interface ReadOptions {
  /** Told what standard input turned out to hold, once it is known. */
  onStdinKind?: (kind: 'ndjson' | 'document') => void;
  /** Standard input; tests hand in their own. */
  stdin?: AsyncIterable<Buffer | string>;
}

/**
 * Streams the records of the inputs one at a time: one per YAML/JSON file, one per NDJSON line.
 * A broken record is yielded as an error so that the caller can report every one of them.
 */
export async function* readRecords(files: readonly string[], options: ReadOptions = {}): AsyncGenerator<RecordResult> {
  for (const file of files) {
    if (file === STDIN) yield* stdinRecords(options.stdin ?? process.stdin, options.onStdinKind);
    else if (LINES.test(file)) yield* ndjsonRecords(file, inputName(file), byteChunks(file));
    else yield documentRecord(file, () => readBoundedSync(file, 'answer file'));
  }
}
