import { compareReports } from '../../core/index.js';
import { deliver, planTargets, type OutputOptions } from '../deliver.js';
import { errorText, InputError } from '../errors.js';
import { messages } from '../i18n.js';
import { readReport } from '../read-report.js';
import { outputFiles, refuseOutputsOverInputs } from '../output-is-input.js';
import { COMPARISON_FORMATS } from '../render/formats.js';
import { comparisonRenderers } from '../render/document-renderers.js';
import { warn, warningLine } from '../warn.js';

/** `diag compare OLD.json NEW.json`: what changed between two reports of the same bank. */
export async function compare(oldFile: string, newFile: string, options: OutputOptions): Promise<void> {
  refuseOutputsOverInputs(outputFiles(options), [oldFile, newFile]);
  const targets = planTargets('compare', options, COMPARISON_FORMATS, 'text');
  const old = readReport(oldFile);
  const now = readReport(newFile);
  if (old.bank.id !== now.bank.id) throw new InputError(errorText('compareBanks', { oldFile, oldBank: old.bank.id, newFile, newBank: now.bank.id }));
  if (old.respondent !== now.respondent) warn(warningLine(messages().warnings.differentRespondents({ old: old.respondent, now: now.respondent })));
  if (old.bank.version !== now.bank.version) warn(warningLine(messages().warnings.differentVersions({ bank: now.bank.id, old: old.bank.version, now: now.bank.version })));
  await deliver({ comparison: compareReports(old, now), lang: now.lang }, targets, comparisonRenderers, options);
}
