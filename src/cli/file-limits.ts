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

/** Refuses an input larger than the limit, saying how to raise it. */
export function checkSize(name: string, bytes: number): void {
  if (bytes <= maxBytes) return;
  const mb = (n: number) => `${(n / MIB).toFixed(1)} MB`;
  throw new InputError(errorText('tooBig', { name, size: mb(bytes), limit: mb(maxBytes) }));
}
