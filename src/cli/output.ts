import { linkSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from './errors.js';

/** The target exists and was left alone. */
export class FileExistsError extends InputError {
  constructor(readonly file: string) {
    super(`${file} already exists; choose another name or add --force to replace it`);
  }
}

/** A temporary name beside the target, so that the final rename stays on one file system. */
function temporaryName(file: string): string {
  const unique = `${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  return join(dirname(file), `.${basename(file)}.${unique}.tmp`);
}

/**
 * Writes a whole file or nothing: the content goes to a temporary file first, then takes the
 * final name in one step. Without `force`, an existing file is never replaced (the link fails).
 */
export function writeFileAtomic(file: string, content: string, options: { force?: boolean } = {}): void {
  const temporary = temporaryName(file);
  try {
    writeFileSync(temporary, content, { flag: 'wx', mode: 0o644 });
  } catch (error) {
    throw new InputError(`cannot write ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    if (options.force) renameSync(temporary, file);
    else linkSync(temporary, file);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? error.code : undefined;
    if (code === 'EEXIST') throw new FileExistsError(file);
    throw new InputError(`cannot write ${file}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    try {
      unlinkSync(temporary);
    } catch {
      // already renamed into place
    }
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

/** Data goes to stdout, or to the file named by --output. */
export function emit(content: string, output: string | undefined, force = false): void {
  const text = content.endsWith('\n') || content === '' ? content : `${content}\n`;
  if (output === undefined || output === '-') process.stdout.write(text);
  else writeFileAtomic(output, text, { force });
}
