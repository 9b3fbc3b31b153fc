import { decodeReport, type Report } from '../core/index.js';
import { InputError } from './errors.js';
import { formatProblems, readTextFile } from './load-bank.js';
import { parseSource } from './source.js';

/** Reads a saved JSON report; anything that is not one is an InputError naming the file. */
export function readReport(file: string): Report {
  const source = parseSource(file, readTextFile(file, 'report'));
  const result = decodeReport(source.data);
  if (!result.ok) throw new InputError(`${file}: not a diag report`, formatProblems(source, result.errors));
  return result.value;
}
