import { closeSync, createReadStream, fstatSync, openSync, readSync } from 'node:fs';
import { errorText, InputError } from './errors.js';
import { maxFileBytes, tooLarge } from './file-limits.js';
import type { Readable } from './i18n.js';

/** `-` names standard input wherever a command takes an input file. */
export const STDIN = '-';
export const STDIN_NAME = '(stdin)';

const CHUNK = 1 << 20;
const BOM = 0xfeff;

/** What to call an input in messages. */
export function inputName(file: string): string {
  return file === STDIN ? STDIN_NAME : file;
}

/** The `code` of a system error (ENOENT…); not by `instanceof Error`, which fails across realms (vm, jest). */
export function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
}

/** A short reason for a failed read, from its error code. */
export function readFailure(error: unknown): string {
  const code = errorCode(error);
  const reasons: Record<string, string> = {
    ENOENT: 'no such file',
    EISDIR: 'is a folder, not a file',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    ELOOP: 'a loop of symbolic links',
    ENAMETOOLONG: 'the name is too long',
    EIO: 'input/output error',
    ENXIO: 'no such device',
  };
  return reasons[code] ?? (typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error));
}

/** Sleeps without a timer, for a synchronous read of a non-blocking stdin that has nothing yet. */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Reads a whole file (or FIFO, device, standard input) as UTF-8, never holding more than the size
 * limit: a regular file is refused by its size before reading, anything else is read in chunks and
 * refused as soon as it passes the limit (`diag score /dev/zero` stops at the limit).
 */
/** "cannot read the answer file x.yaml: …", in the language of diag's messages. */
function cannotRead(what: Readable, name: string, error: unknown): InputError {
  const code = errorCode(error);
  const reason = code === 'ENOENT' ? 'missing' : code === 'EISDIR' ? 'folder' : code === 'EACCES' ? 'denied' : 'other';
  return new InputError(errorText('cannotRead', { what, file: name, reason, detail: readFailure(error) }));
}

export function readBoundedSync(file: string, what: Readable): string {
  const limit = maxFileBytes();
  const name = inputName(file);
  let fd: number;
  try {
    fd = file === STDIN ? 0 : openSync(file, 'r');
  } catch (error) {
    throw cannotRead(what, name, error);
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw new InputError(errorText('cannotRead', { what, file: name, reason: 'folder' }));
    if (stats.isFile() && stats.size > limit) throw tooLarge(name, stats.size);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buffer = Buffer.allocUnsafe(stats.isFile() ? Math.min(Math.max(stats.size + 1, 4096), limit + 1) : CHUNK);
      let read: number;
      try {
        read = readSync(fd, buffer, 0, Math.min(buffer.length, limit + 1 - total), null);
      } catch (error) {
        const code = errorCode(error);
        if (code === 'EAGAIN') {
          pause(5);
          continue;
        }
        if (code === 'EOF') break;
        throw error;
      }
      if (read === 0) break;
      chunks.push(read === buffer.length ? buffer : buffer.subarray(0, read));
      total += read;
      if (total > limit) throw tooLarge(name, total, !!stats.isFile());
    }
    return decode(chunks.length === 1 && chunks[0] !== undefined ? chunks[0] : Buffer.concat(chunks, total));
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw cannotRead(what, name, error);
  } finally {
    if (file !== STDIN) closeSync(fd);
  }
}

/** UTF-8 text without its byte-order mark. */
export function decode(bytes: Buffer, start = 0, end = bytes.length): string {
  const text = bytes.toString('utf8', start, end);
  return text.charCodeAt(0) === BOM ? text.slice(1) : text;
}

/** The bytes of a file, FIFO or standard input, in chunks. */
export function byteChunks(file: string): AsyncIterable<Buffer> {
  if (file === STDIN) return process.stdin;
  return createReadStream(file, { highWaterMark: CHUNK });
}

/** One line of an NDJSON input: its bytes (without the line break), or `tooLong` (its bytes were not kept) with its size. */
export type Line = { number: number; bytes: Buffer; bidi: boolean } | { number: number; tooLong: number };

/**
 * Whether UTF-8 bytes hold a bidi embedding, override or isolate (E2 80 AA–AE, E2 81 A6–A9):
 * found on bytes with a native search, far cheaper than a regular expression on the decoded text.
 */
export function hasBidiBytes(bytes: Buffer): boolean {
  for (let i = bytes.indexOf(0xe2); i !== -1 && i + 2 < bytes.length; i = bytes.indexOf(0xe2, i + 1)) {
    const b1 = bytes[i + 1] ?? 0;
    const b2 = bytes[i + 2] ?? 0;
    if ((b1 === 0x80 && b2 >= 0xaa && b2 <= 0xae) || (b1 === 0x81 && b2 >= 0xa6 && b2 <= 0xa9)) return true;
  }
  return false;
}

/**
 * Splits bytes into lines (LF, or CRLF), counting bytes: a line longer than `limit` is not
 * buffered past the limit, it is reported as too long and skipped to its end, so that a 200 MB
 * line costs a chunk of memory, not 200 MB. A BOM at the start of the input is dropped.
 * Synchronous per chunk, and decoding each line once from bytes: faster than readline, which
 * decodes every chunk, splits the string again and awaits once per line (see tests/bench).
 */
export class LineSplitter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private skipping = false;
  private number = 0;
  private first = true;

  constructor(private readonly limit: number) {}

  /** The lines that end in this chunk. */
  *push(bytes: Buffer): Generator<Line> {
    let start = 0;
    for (let nl = bytes.indexOf(0x0a, start); nl !== -1; nl = bytes.indexOf(0x0a, start)) {
      yield this.finish(bytes, start, nl);
      start = nl + 1;
    }
    if (start < bytes.length) {
      this.pendingBytes += bytes.length - start;
      if (!this.skipping && this.pendingBytes > this.limit + 1) {
        this.skipping = true;
        this.first = false;
        this.pending = [];
      }
      if (!this.skipping) this.pending.push(bytes.subarray(start));
    }
  }

  /** The last line, when the input does not end with a line break. */
  *end(): Generator<Line> {
    if (this.pendingBytes > 0 || this.skipping) yield this.finish(Buffer.alloc(0), 0, 0);
  }

  private finish(bytes: Buffer, start: number, end: number): Line {
    const number = ++this.number;
    if (this.skipping) {
      const size = this.pendingBytes + end - start;
      this.skipping = false;
      this.pendingBytes = 0;
      return { number, tooLong: size };
    }
    let line = bytes;
    let from = start;
    let to = end;
    if (this.pendingBytes > 0) {
      this.pending.push(bytes.subarray(start, end));
      line = Buffer.concat(this.pending, this.pendingBytes + end - start);
      from = 0;
      to = line.length;
      this.pending = [];
      this.pendingBytes = 0;
    }
    if (to > from && line[to - 1] === 0x0d) to--;
    if (this.first) {
      this.first = false;
      if (line[from] === 0xef && line[from + 1] === 0xbb && line[from + 2] === 0xbf) from += 3;
    }
    if (to - from > this.limit) return { number, tooLong: to - from };
    const kept = line.subarray(from, to);
    return { number, bytes: kept, bidi: hasBidiBytes(kept) };
  }
}
