import { compareReports } from '../../core/index.js';
import { useColor } from '../common.js';
import { InputError } from '../errors.js';
import { emit } from '../output.js';
import { readReport } from '../read-report.js';
import { renderComparison, type CompareFormat } from '../render/compare.js';
import { warn } from '../warn.js';

/** `diag compare OLD.json NEW.json`: what changed between two reports of the same bank. */
export async function compare(oldFile: string, newFile: string, options: { format: CompareFormat; output?: string; force?: boolean; color?: boolean }): Promise<void> {
  const old = readReport(oldFile);
  const now = readReport(newFile);
  if (old.bank.id !== now.bank.id) throw new InputError(`${oldFile} is a report of bank "${old.bank.id}" and ${newFile} of bank "${now.bank.id}": only reports of one bank can be compared`);
  if (old.respondent !== now.respondent) warn(`warning: the reports are of different respondents (${old.respondent ?? 'anonymous'}, ${now.respondent ?? 'anonymous'})`);
  if (old.bank.version !== now.bank.version) warn(`warning: the reports were made with different versions of bank ${now.bank.id} (${old.bank.version}, ${now.bank.version})`);
  const toTerminal = options.output === undefined || options.output === '-';
  const text = renderComparison(compareReports(old, now), options.format, now.lang, toTerminal && useColor(options, process.stdout, process.env));
  emit(text, options.output, options.force);
}
