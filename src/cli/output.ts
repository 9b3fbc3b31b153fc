import { closeSync, fstatSync, fsyncSync, linkSync, lstatSync, openSync, readlinkSync, readSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { errorText, InputError } from './errors.js';
import { systemReason } from './i18n-errors.js';
import { messages } from './i18n.js';
import { cutToBytes } from './paths.js';

/** The target exists and was left alone. */
export class FileExistsError extends InputError {
  constructor(readonly file: string) {
    super(errorText('fileExists', { file }));
  }
}

/** The reader of standard output went away (`diag … | head`): not an error, the output just stops. */
export class OutputClosedError extends Error {
  override readonly name = 'OutputClosedError';
}

/**
 * Node's file-system calls this file makes, in one object that tests can replace. (Named imports:
 * `import * as fs` makes the bundle copy every export of node:fs at start-up.)
 */
const fs = { closeSync, fstatSync, fsyncSync, linkSync, openSync, renameSync, statSync, unlinkSync, writeSync };

/** The file-system calls a staged file makes; tests inject failures (a full disk) through it. */
export type FileSystem = Pick<typeof fs, 'openSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'renameSync' | 'linkSync' | 'unlinkSync'>;

/** Writes all of `data` to `fd` (a write may take only part of it), at `position` onwards when given. */
function writeAll(system: Pick<typeof fs, 'writeSync'>, fd: number, data: Uint8Array, position?: number): void {
  for (let done = 0; done < data.length; ) done += system.writeSync(fd, data, done, data.length - done, position === undefined ? null : position + done);
}

const codeOf = (error: unknown) => (typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined);

/** The longest file name most file systems take, in bytes (ext4, XFS, tmpfs, APFS, NTFS in UTF-16 units). */
const NAME_MAX = 255;

/**
 * A temporary name beside the target, so that the final rename stays on one file system. The
 * target's name is cut (never inside a character) when the whole would pass NAME_MAX: a target
 * of 250 bytes, a legal name, could not be written when its temporary name was refused
 * (ENAMETOOLONG).
 */
function temporaryName(file: string): string {
  const unique = `${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const name = cutToBytes(basename(file), NAME_MAX - Buffer.byteLength(`..${unique}.tmp`));
  return join(dirname(file), `.${name}.${unique}.tmp`);
}

/** Temporary files not yet renamed or removed: removed at exit, whatever ends the process. */
const pending = new Set<string>();
let hooked = false;

function removePending(): void {
  for (const file of pending) {
    try {
      unlinkSync(file);
    } catch {
      // already gone
    }
  }
}

/**
 * A signal ends the process without 'exit' (`kill`, Ctrl-C, a closed terminal during a long
 * `score -o`): while temporary files are pending, and when nothing else listens to that signal
 * (`diag run` and `diag workshop` have their own ways to stop, which end by 'exit'), they are
 * removed and the signal is raised again, so that the process still ends as that signal says.
 */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
function onStopSignal(signal: NodeJS.Signals): void {
  if (process.listenerCount(signal) > 1) return;
  removePending();
  pending.clear();
  unwatchSignals();
  process.kill(process.pid, signal);
}
let watching = false;
function watchSignals(): void {
  if (watching) return;
  watching = true;
  for (const signal of STOP_SIGNALS) process.on(signal, onStopSignal);
}
function unwatchSignals(): void {
  if (!watching) return;
  watching = false;
  for (const signal of STOP_SIGNALS) process.removeListener(signal, onStopSignal);
}

function track(temporary: string): void {
  pending.add(temporary);
  watchSignals();
  if (hooked) return;
  hooked = true;
  process.once('exit', removePending);
}

function untrack(temporary: string): void {
  pending.delete(temporary);
  if (pending.size === 0) unwatchSignals();
}

/** A path that names an open file descriptor (`/dev/stdout`, `/dev/fd/1`, `/proc/self/fd/1`), not a file of its own. */
const STREAM_LINK = /^\/proc\/[^/]+\/fd\/|^\/dev\/(?:fd\/|std(?:in|out|err)$)/;

/**
 * Whether a path reaches one of the process's descriptors through its links (`/dev/stdout`, a
 * link to it): renaming a file onto it would replace the link itself, `/dev/stdout` for the whole
 * machine when diag runs as root, instead of writing to standard output.
 */
function throughStreamLink(file: string): boolean {
  let path = resolve(file);
  for (let hop = 0; hop < 40; hop++) {
    let folder: string;
    try {
      folder = realpathSync(dirname(path));
    } catch {
      folder = dirname(path);
    }
    path = join(folder, basename(path));
    if (STREAM_LINK.test(path)) return true;
    try {
      if (!lstatSync(path).isSymbolicLink()) return false;
      path = resolve(dirname(path), readlinkSync(path));
    } catch {
      return false;
    }
  }
  return false;
}

let nullDevice: number | undefined;
function isNullDevice(stat: { isCharacterDevice(): boolean; rdev: number }): boolean {
  if (!stat.isCharacterDevice()) return false;
  try {
    nullDevice ??= statSync('/dev/null').rdev;
  } catch {
    return false;
  }
  return stat.rdev === nullDevice;
}

/**
 * What an output name is besides a file to (re)place: `null` for the null device (`-o /dev/null`
 * discards the output, nothing is renamed onto it), `other` for what a file must not replace (a
 * device, a FIFO, a socket, `/dev/stdout` and the links to a descriptor), undefined for a file or
 * a name not taken yet. Only called for files named with -o and the like, never for stdout.
 */
export function specialTarget(file: string): 'null' | 'other' | undefined {
  let stat: ReturnType<typeof statSync> | undefined;
  try {
    stat = statSync(file);
  } catch {
    stat = undefined;
  }
  if (stat !== undefined && isNullDevice(stat)) return 'null';
  if (stat !== undefined && !stat.isFile() && !stat.isDirectory()) return 'other';
  return throughStreamLink(file) ? 'other' : undefined;
}

/** Chunks are gathered up to this size before a write: fewer system calls for many small reports. */
const BUFFER = 64 * 1024;

/**
 * A file written under a temporary name beside its target, fsynced, then given its name in one
 * step by `commit`; `abort` removes it. Without `force` an existing target is never replaced.
 */
export class StagedFile {
  readonly temporary: string;
  private fd: number | undefined;
  private chunks: string[] = [];
  private size = 0;
  /**
   * How to take back a commit (commitAll, when a later file fails): remove the new file (there
   * was none before), or put the old one back from a second name kept for it (--force).
   */
  private undo: { remove: true } | { restore: string } | undefined;

  constructor(
    readonly file: string,
    private readonly force: boolean,
    private readonly system: FileSystem = fs,
    mode = 0o644,
  ) {
    this.temporary = temporaryName(file);
    // The last guard of every file written: a rename would replace a device or /dev/stdout itself.
    if (specialTarget(file) !== undefined) throw new InputError(errorText('notRegularFile', { file }));
    try {
      this.fd = system.openSync(this.temporary, 'wx', mode);
    } catch (error) {
      throw new InputError(errorText('cannotWrite', { file, reason: systemReason(error) }));
    }
    track(this.temporary);
  }

  write(chunk: string): void {
    if (chunk === '') return;
    this.chunks.push(chunk);
    this.size += chunk.length;
    if (this.size >= BUFFER) this.flush();
  }

  private flush(): void {
    if (this.fd === undefined || this.chunks.length === 0) return;
    const data = Buffer.from(this.chunks.join(''), 'utf8');
    this.chunks = [];
    this.size = 0;
    try {
      writeAll(this.system, this.fd, data);
    } catch (error) {
      throw new InputError(errorText('cannotWrite', { file: this.file, reason: systemReason(error) }));
    }
  }

  /** Everything on disk under the temporary name (fsync), ready to be renamed. */
  seal(): void {
    this.flush();
    if (this.fd === undefined) return;
    const fd = this.fd;
    this.fd = undefined;
    try {
      this.system.fsyncSync(fd);
    } catch (error) {
      throw new InputError(errorText('cannotWrite', { file: this.file, reason: systemReason(error) }));
    } finally {
      this.system.closeSync(fd);
    }
  }

  /** Gives the sealed file its name; `release` then drops what an undo would need. */
  commit(): void {
    this.seal();
    try {
      if (this.force) {
        const undo = this.keepOld();
        try {
          this.system.renameSync(this.temporary, this.file);
        } catch (error) {
          if (undo !== undefined && 'restore' in undo) this.removeName(undo.restore);
          throw error;
        }
        this.undo = undo;
      } else {
        this.system.linkSync(this.temporary, this.file);
        this.undo = { remove: true };
      }
    } catch (error) {
      if (codeOf(error) === 'EEXIST') throw new FileExistsError(this.file);
      throw new InputError(errorText('cannotWrite', { file: this.file, reason: systemReason(error) }));
    } finally {
      this.removeTemporary();
    }
  }

  /**
   * Before --force replaces a file: a second name (a hard link) for the file there now, so that an
   * undo can put it back; none was there (remove the new one); or, on a file system that has no
   * hard links, no undo (the old file is replaced for good, as with a single target). Any other
   * failure (no inode left, a quota, an I/O error) stops before the file is replaced, and
   * commitAll undoes the ones before it.
   */
  private keepOld(): { remove: true } | { restore: string } | undefined {
    const backup = temporaryName(this.file);
    try {
      this.system.linkSync(this.file, backup);
    } catch (error) {
      const code = codeOf(error);
      if (code === 'ENOENT') return { remove: true };
      if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'EMLINK') return undefined;
      throw error;
    }
    track(backup);
    return { restore: backup };
  }

  /** After every file of a delivery took its name: the old files' second names go. */
  release(): void {
    if (this.undo !== undefined && 'restore' in this.undo) this.removeName(this.undo.restore);
    this.undo = undefined;
  }

  private removeName(name: string): void {
    try {
      this.system.unlinkSync(name);
    } catch {
      // already gone
    }
    untrack(name);
  }

  /**
   * Removes the temporary file; with `undoCommit`, takes a commit back (the new file removed, or
   * the old one put back). An old file that cannot be put back keeps its second name, which is
   * returned (and no longer removed at exit): the person is told where the previous file is.
   */
  abort(undoCommit = false): string | undefined {
    if (this.fd !== undefined) {
      try {
        this.system.closeSync(this.fd);
      } catch {
        // closing is all that is left to try
      }
      this.fd = undefined;
    }
    this.removeTemporary();
    const undo = this.undo;
    this.undo = undefined;
    if (!undoCommit || undo === undefined) return undefined;
    if ('restore' in undo) {
      // Tracked names are removed at exit: the old file's second name is kept either way, under
      // its own name when the rename works, else under the second name, which the person is told.
      untrack(undo.restore);
      try {
        this.system.renameSync(undo.restore, this.file);
        return undefined;
      } catch {
        return undo.restore;
      }
    }
    try {
      this.system.unlinkSync(this.file);
    } catch {
      // nothing more to undo
    }
    return undefined;
  }

  private removeTemporary(): void {
    try {
      this.system.unlinkSync(this.temporary);
    } catch {
      // already renamed into place, or never created
    }
    untrack(this.temporary);
  }
}

/**
 * Gives every staged file its name, or none: all are sealed (written and fsynced) first, so that
 * a full disk fails before any name is taken; a rename that fails undoes the ones before it (a
 * new file is removed, a file that --force replaced is put back).
 */
export function commitAll(files: readonly StagedFile[]): void {
  try {
    for (const file of files) file.seal();
  } catch (error) {
    for (const file of files) file.abort();
    throw error;
  }
  const done: StagedFile[] = [];
  for (const file of files) {
    try {
      file.commit();
      done.push(file);
    } catch (error) {
      // Last first: a file reached by two names (`-o r.json -o link/r.json`, link to the same
      // folder) gets back what was there before the first, not what the first wrote.
      const kept: Array<{ file: string; kept: string }> = [];
      for (const d of done.reverse()) {
        const backup = d.abort(true);
        if (backup !== undefined) kept.push({ file: d.file, kept: backup });
      }
      for (const f of files) f.abort();
      throw kept.length === 0 || !(error instanceof InputError) ? error : withKept(error, kept);
    }
  }
  for (const file of files) file.release();
}

/** The failure of a commit (always an InputError), with a line for each replaced file that could not be put back, naming where its previous content is. */
function withKept(error: InputError, kept: ReadonlyArray<{ file: string; kept: string }>): InputError {
  return new InputError(error.text ?? error.message, [...error.details, ...kept.map((k) => messages().error.previousKept(k))]);
}

/**
 * Writes a whole file or nothing: the content goes to a temporary file first, then takes the
 * final name in one step. Without `force`, an existing file is never replaced (the link fails).
 */
export function writeFileAtomic(file: string, content: string, options: { force?: boolean; system?: FileSystem; mode?: number } = {}): void {
  if (specialTarget(file) === 'null') return; // `--norms-out /dev/null`: discarded
  const staged = new StagedFile(file, options.force === true, options.system, options.mode);
  try {
    staged.write(content);
    staged.commit();
    staged.release();
  } catch (error) {
    staged.abort();
    throw error;
  }
}

/** Creates a new file with its whole content, or returns false if the name is taken. */
export function createFile(file: string, content: string): boolean {
  try {
    writeFileAtomic(file, content);
    return true;
  } catch (error) {
    if (error instanceof FileExistsError) return false;
    throw error;
  }
}

/** `base.ext`, else `base-2.ext`, `base-3.ext`…: the first name free, created at once (safe with concurrent writers). */
export function createUniqueFile(base: string, extension: string, content: string): string {
  for (let n = 1; ; n++) {
    const file = `${base}${n === 1 ? '' : `-${n}`}${extension}`;
    if (createFile(file, content)) return file;
  }
}

/** What a failed write to standard output means: the reader left (quiet), or a real failure (exit 2). */
export function stdoutFailure(error: unknown): Error {
  if (codeOf(error) === 'EPIPE' || codeOf(error) === 'ERR_STREAM_DESTROYED') return new OutputClosedError('standard output closed');
  return new InputError(errorText('cannotWriteStdout', { reason: systemReason(error) }));
}

/**
 * A short text that commander prints itself (help, usage) written to standard output at once, so
 * that a failure is seen: `diag --help > /dev/full` is exit 2 with one line, as every output is;
 * a reader that left ends it quietly (OutputClosedError). A non-blocking pipe that is full gets
 * the rest through Node's stream, which waits for it.
 */
export function writeStdoutNow(text: string): void {
  const data = Buffer.from(text, 'utf8');
  let done = 0;
  try {
    while (done < data.length) done += writeSync(1, data, done, data.length - done, null);
  } catch (error) {
    if (codeOf(error) !== 'EAGAIN') throw stdoutFailure(error);
    process.stdout.on('error', () => undefined);
    process.stdout.write(data.subarray(done));
  }
}

let plainStdout: boolean | undefined;

/**
 * Whether standard output is a regular file or the null device (`> file`, `> /dev/null`). Node
 * writes such a file with plain synchronous writes (its SyncWriteStream); diag does the same
 * without the stream, whose modules cost a short command milliseconds to load. A terminal, a pipe
 * or anything else goes through `process.stdout`.
 */
export function stdoutIsPlainFile(system: Pick<typeof fs, 'fstatSync' | 'statSync'> = fs): boolean {
  if (plainStdout === undefined) {
    try {
      const out = system.fstatSync(1);
      plainStdout = out.isFile() || (out.isCharacterDevice() && out.rdev === system.statSync('/dev/null').rdev);
    } catch {
      plainStdout = false;
    }
  }
  return plainStdout;
}

/** What the renderers ask of standard output (a terminal?, how wide?), without creating process.stdout for a plain file. */
export function stdoutInfo(): { isTTY?: boolean; columns?: number } {
  return stdoutIsPlainFile() ? { isTTY: false } : process.stdout;
}

/**
 * `process.stdout` with a listener for its 'error' event, attached when something first uses it:
 * a reader that leaves (`diag … | head`) must not crash diag with an unhandled 'error' event, and
 * a command that writes to a plain file never creates the stream at all.
 */
let stdoutGuarded = false;
export function guardStdout(onError: () => void): void {
  if (stdoutGuarded) return;
  stdoutGuarded = true;
  const descriptor = Object.getOwnPropertyDescriptor(process, 'stdout');
  const get = descriptor?.get;
  if (get === undefined || descriptor?.configurable !== true) {
    process.stdout.on('error', onError);
    return;
  }
  let guarded = false;
  Object.defineProperty(process, 'stdout', {
    configurable: true,
    enumerable: descriptor.enumerable ?? true,
    get() {
      const stream = get.call(process) as NodeJS.WriteStream;
      if (!guarded) {
        guarded = true;
        stream.on('error', onError);
      }
      return stream;
    },
  });
}

/** Writes to standard output, waiting for it to take the text (back-pressure), failing as stdoutFailure says. */
export function writeStdout(text: string | Uint8Array, stream?: NodeJS.WritableStream): Promise<void> {
  if (text.length === 0) return Promise.resolve();
  if (stream === undefined && stdoutIsPlainFile()) {
    try {
      const data = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
      writeAll(fs, 1, data);
      return Promise.resolve();
    } catch (error) {
      return Promise.reject(stdoutFailure(error));
    }
  }
  const out = stream ?? process.stdout;
  return new Promise((resolve, reject) => {
    try {
      out.write(text, (error) => (error ? reject(stdoutFailure(error)) : resolve()));
    } catch (error) {
      reject(stdoutFailure(error));
    }
  });
}

/** Beyond this, what goes to standard output waits in an unnamed temporary file instead of memory. */
const SPOOL_IN_MEMORY = 1024 * 1024;

/**
 * Standard output held back until every input is known to be valid ("nothing printed when an
 * input is refused"), in memory up to 1 MiB, then in a temporary file that has no name (unlinked
 * at once, so nothing is left behind whatever happens).
 */
export class Spool {
  private chunks: string[] = [];
  private size = 0;
  private fd: number | undefined;
  private length = 0;

  write(chunk: string): void {
    if (chunk === '') return;
    if (this.fd === undefined) {
      this.chunks.push(chunk);
      this.size += chunk.length;
      if (this.size < SPOOL_IN_MEMORY) return;
      const file = join(tmpdir(), `.diag-stdout-${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp`);
      try {
        this.fd = openSync(file, 'wx+', 0o600);
      } finally {
        try {
          unlinkSync(file);
        } catch {
          // not created
        }
      }
      chunk = this.chunks.join('');
      this.chunks = [];
    }
    const data = Buffer.from(chunk, 'utf8');
    try {
      writeAll(fs, this.fd, data, this.length);
    } catch (error) {
      throw new InputError(errorText('cannotSpool', { folder: tmpdir(), reason: systemReason(error) }));
    }
    this.length += data.length;
  }

  /** Copies everything held to standard output, in order. */
  async drain(write: (text: string | Uint8Array) => Promise<void>): Promise<void> {
    if (this.fd === undefined) {
      const chunks = this.chunks;
      this.chunks = [];
      // A few chunks (one report and the end of its format) are written one by one: joining them
      // would copy the whole output once more in memory. Many small ones are joined: one write.
      if (chunks.length <= 8) for (const chunk of chunks) await write(chunk);
      else await write(chunks.join(''));
      return;
    }
    const buffer = Buffer.alloc(BUFFER * 4);
    try {
      for (let position = 0; position < this.length; ) {
        const read = readSync(this.fd, buffer, 0, buffer.length, position);
        if (read === 0) break;
        position += read;
        await write(Buffer.from(buffer.subarray(0, read)));
      }
    } finally {
      this.close();
    }
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    this.chunks = [];
  }
}
