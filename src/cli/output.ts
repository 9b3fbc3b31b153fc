import { linkSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from './errors.js';

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
    if (code === 'EEXIST') throw new InputError(`${file} already exists; choose another name or add --force to replace it`);
    throw new InputError(`cannot write ${file}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    try {
      unlinkSync(temporary);
    } catch {
      // already renamed into place
    }
  }
}

/** Data goes to stdout, or to the file named by --output. */
export function emit(content: string, output: string | undefined, force = false): void {
  const text = content.endsWith('\n') || content === '' ? content : `${content}\n`;
  if (output === undefined || output === '-') process.stdout.write(text);
  else writeFileAtomic(output, text, { force });
}
