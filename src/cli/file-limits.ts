import { errorText, InputError } from './errors.js';

const MIB = 1024 * 1024;
let maxBytes = 10 * MIB;

/** `--max-file-size MB` or DIAG_MAX_FILE_SIZE: the largest file (or NDJSON line) diag reads. */
export function setMaxFileSize(value: string | undefined, origin: string): void {
  if (value === undefined || value === '') return;
  const mb = Number(value);
  if (!Number.isFinite(mb) || mb <= 0) throw new InputError(errorText('sizeOption', { origin, value }));
  maxBytes = Math.floor(mb * MIB);
}

/** The limit in bytes, for readers that stop buffering as soon as it is passed. */
export function maxFileBytes(): number {
  return maxBytes;
}

const mb = (n: number) => `${(n / MIB).toFixed(1)} MB`;

/** The error for an input found larger than the limit; `known` when its whole size is known, else "more than". */
export function tooLarge(name: string, bytes: number, known = true): InputError {
  if (known) return new InputError(errorText('tooBig', { name, size: mb(bytes), limit: mb(maxBytes) }));
  return new InputError(errorText('tooBigRead', { name, limit: mb(maxBytes) }));
}

/** Refuses an input larger than the limit (in bytes), saying how to raise it. */
export function checkSize(name: string, bytes: number): void {
  if (bytes > maxBytes) throw tooLarge(name, bytes);
}
