import { compareReports } from '../../core/index.js';
import { deliver, planTargets, type OutputOptions } from '../deliver.js';
import { InputError } from '../errors.js';
import { readReport } from '../read-report.js';
import { COMPARISON_FORMATS } from '../render/formats.js';
import { comparisonRenderers } from '../render/document-renderers.js';
import { warn } from '../warn.js';

/** `diag compare OLD.json NEW.json`: what changed between two reports of the same bank. */
export async function compare(oldFile: string, newFile: string, options: OutputOptions): Promise<void> {
  const targets = planTargets('compare', options, COMPARISON_FORMATS, 'text');
  const old = readReport(oldFile);
  const now = readReport(newFile);
  if (old.bank.id !== now.bank.id) throw new InputError(`${oldFile} is a report of bank "${old.bank.id}" and ${newFile} of bank "${now.bank.id}": only reports of one bank can be compared`);
  if (old.respondent !== now.respondent) warn(`warning: the reports are of different respondents (${old.respondent ?? 'anonymous'}, ${now.respondent ?? 'anonymous'})`);
  if (old.bank.version !== now.bank.version) warn(`warning: the reports were made with different versions of bank ${now.bank.id} (${old.bank.version}, ${now.bank.version})`);
  await deliver({ comparison: compareReports(old, now), lang: now.lang }, targets, comparisonRenderers, options);
}
