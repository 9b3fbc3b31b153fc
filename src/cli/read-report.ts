import { decodeReport, type Report } from '../core/index.js';
import { errorText, InputError } from './errors.js';
import { formatProblems, readTextFile } from './load-bank.js';
import { parseSource, type Source } from './source.js';

/** Reads a saved JSON report, with its source for positions; anything else is an InputError naming the file. */
export function readReportSource(file: string): { report: Report; source: Source } {
  const source = parseSource(file, readTextFile(file, 'report'));
  const result = decodeReport(source.data);
  if (!result.ok) throw new InputError(errorText('notAReport', { file }), formatProblems(source, result.errors));
  return { report: result.value, source };
}

export function readReport(file: string): Report {
  return readReportSource(file).report;
}
