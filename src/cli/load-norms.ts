import { dirname, resolve } from 'node:path';
import type { Bank, Report } from '../core/index.js';
import { applyNorms, validateNorms, type Norms } from '../core/norms.js';
import { scoreAnswers, scoreTable } from '../core/score.js';
import { errorText, InputError } from './errors.js';
import { messages } from './i18n.js';
import { warningLine } from './warn.js';
import { readTextFile } from './load-bank.js';
import { formatProblem, parseSource } from './source.js';

/** `--norms FILE`, or the norms file the bank names beside it (`norms: file.json`); `--no-norms`: none. */
export interface NormsOption {
  norms?: string | false;
}

/**
 * Reads and checks the norms to compare respondents with: a file of another bank is refused, of
 * another version of the same bank accepted with a warning. The bank's own norms file is used when
 * no --norms is given.
 */
/** The norms file to read: --norms, else the one the bank names beside it; none with --no-norms. */
export function normsFile(bank: Pick<Bank, 'norms'>, bankFile: string | undefined, option: NormsOption['norms']): string | undefined {
  if (option === false) return undefined;
  return option ?? (bank.norms === undefined || bankFile === undefined ? undefined : resolve(dirname(bankFile), bank.norms));
}

export function loadNorms(bank: Pick<Bank, 'id' | 'version' | 'norms'>, bankFile: string | undefined, option: NormsOption['norms'], warn: (line: string) => void): Norms | undefined {
  const file = normsFile(bank, bankFile, option);
  if (file === undefined) return undefined;
  const source = parseSource(file, readTextFile(file, 'norms file'));
  const result = validateNorms(source.data);
  if (!result.ok) throw new InputError(errorText('notNorms', { file }), result.errors.map((p) => formatProblem(source, p, { showPath: true })));
  const norms = result.value;
  if (norms.bank.id !== bank.id) throw new InputError(errorText('normsOtherBank', { file, norms: norms.bank.id, bank: bank.id }));
  if (norms.bank.version !== bank.version) warn(warningLine(messages().warnings.normsVersion({ file, bank: bank.id, made: norms.bank.version, now: bank.version })));
  return norms;
}

/** The report with percentiles, computed on the unrounded scores of its answers (SPEC section 13). */
export function withPercentiles(bank: Bank, report: Report, norms: Norms | undefined): Report {
  if (norms === undefined) return report;
  const unrounded = report.bank.id === bank.id ? scoreTable(scoreAnswers(bank, { ...report.profile, ...report.answers })) : undefined;
  return applyNorms(report, norms, unrounded);
}
