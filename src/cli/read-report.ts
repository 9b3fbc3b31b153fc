import { buildReport, decodeReport, validateAnswers, type Bank, type Report } from '../core/index.js';
import { errorText, InputError } from './errors.js';
import { messages } from './i18n.js';
import { bundledBankPath, formatProblems, loadBank, readTextFile } from './load-bank.js';
import { checkLanguage } from './score-inputs.js';
import { parseSource, type Source } from './source.js';
import { warningLine } from './warn.js';

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

/** The bank a report names: --bank if given, else the bundled bank of that id, if there is one. */
export function bankFor(report: Report, option: string | undefined, cache: Map<string, Bank>): Bank | undefined {
  const key = option ?? report.bank.id;
  if (cache.has(key)) return cache.get(key);
  if (option === undefined && bundledBankPath(report.bank.id) === undefined) return undefined;
  const { bank } = loadBank(key);
  cache.set(key, bank);
  return bank;
}

/**
 * Re-renders a saved report from its bank, in another language if asked; without the bank, the
 * saved report is rendered as it is.
 */
export function rerender(source: Source, report: Report, bank: Bank | undefined, lang: string | undefined, warn: (line: string) => void): Report {
  const { file } = source;
  if (bank === undefined) {
    if (lang !== undefined && lang !== report.lang) throw new InputError(errorText('reportNeedsBank', { file, lang, bank: report.bank.id }));
    return report;
  }
  if (bank.id !== report.bank.id) throw new InputError(errorText('reportOtherBank', { file, report: report.bank.id, bank: bank.id }));
  checkLanguage(bank, lang);
  if (bank.version !== report.bank.version) warn(warningLine(messages().warnings.reportVersion({ file, bank: bank.id, made: report.bank.version, now: bank.version })));
  const answers = validateAnswers(bank, report);
  if (!answers.ok) {
    throw new InputError(errorText('answersDoNotFit', { file, bank: bank.id, version: bank.version }), formatProblems(source, answers.errors, false));
  }
  return buildReport(bank, answers.value, { lang: lang ?? report.lang, createdAt: report.createdAt, tool: report.tool, ...(report.source === undefined ? {} : { source: report.source }) });
}
