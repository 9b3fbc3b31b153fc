import { InputError } from './errors.js';

const MIB = 1024 * 1024;
let maxBytes = 10 * MIB;

/** `--max-file-size MB` or DIAG_MAX_FILE_SIZE: the largest file (or NDJSON line) diag reads. */
export function setMaxFileSize(value: string | undefined, origin: string): void {
  if (value === undefined || value === '') return;
  const mb = Number(value);
  if (!Number.isFinite(mb) || mb <= 0) throw new InputError(`${origin} ${value}: expected a size in MB, such as 50`);
  maxBytes = Math.floor(mb * MIB);
}

/** Refuses an input larger than the limit, saying how to raise it. */
export function checkSize(name: string, bytes: number): void {
  if (bytes <= maxBytes) return;
  const mb = (n: number) => `${(n / MIB).toFixed(1)} MB`;
  throw new InputError(`${name} is ${mb(bytes)}, more than the ${mb(maxBytes)} diag reads by default; raise the limit with --max-file-size MB (or DIAG_MAX_FILE_SIZE)`);
}
