import { decodeReport, type Report } from '../../core/index.js';
import { lenientBank, rescoreReport, summarizeRescore, type Rescored } from '../../core/rescore.js';
import type { CommonOptions } from '../common.js';
import { errorText, InputError } from '../errors.js';
import { chooseLanguage, messages } from '../i18n.js';
import { formatProblems, loadBank } from '../load-bank.js';
import { deliver, planTargets, type OutputOptions } from '../deliver.js';
import { RESCORE_FORMATS } from '../render/formats.js';
import { expandInputs, readRecords } from '../read-inputs.js';
import { quoteName } from '../../core/sanitize.js';
import { bankInput, outputFiles, refuseOutputsOverInputs } from '../output-is-input.js';
import { rescoreRenderers } from '../render/rescore.js';
import { checkLanguage } from '../score-inputs.js';
import type { Source } from '../source.js';
import { TOOL } from '../version.js';

export type RescoreOptions = CommonOptions & OutputOptions;

/**
 * `diag rescore --bank NEW REPORTS…`: scores saved reports again with another version of their
 * bank and shows what would change, per respondent and in total. Nothing is written but the output.
 */
export async function rescore(inputs: string[], options: RescoreOptions): Promise<void> {
  if (options.bank === undefined) throw new InputError(errorText('rescoreNeedsBank', {}));
  refuseOutputsOverInputs(outputFiles(options), [...inputs, bankInput(options.bank)]);
  const targets = planTargets('rescore', options, RESCORE_FORMATS, 'text');
  const { bank } = loadBank(options.bank);
  checkLanguage(bank, options.lang);
  const lenient = lenientBank(bank);
  const problems: string[] = [];
  const rescored: Rescored[] = [];
  let lang: string | undefined = options.lang;
  for await (const record of readRecords(expandInputs(inputs).files)) {
    if ('error' in record) {
      problems.push(record.error.localized, ...record.error.details);
      continue;
    }
    // `diag score --format json` writes an array of reports for several inputs.
    const items: unknown[] = Array.isArray(record.source.data) ? record.source.data : [record.source.data];
    items.forEach((item, index) => {
      const name = Array.isArray(record.source.data) ? `${record.source.name}[${index}]` : record.source.name;
      const decoded = decodeReport(item);
      if (!decoded.ok) problems.push(messages().error.rescoreNotReport({ name }));
      else add(decoded.value, name, record.source);
    });
  }
  function add(old: Report, name: string, source: Source): void {
    if (old.bank.id !== bank.id) {
      problems.push(messages().error.rescoreOtherBank({ name, report: old.bank.id, bank: bank.id }));
      return;
    }
    const result = rescoreReport(bank, lenient, old, { tool: { name: TOOL.name, version: TOOL.version }, ...(options.lang === undefined ? {} : { lang: options.lang }) });
    if (!result.ok) {
      problems.push(...formatProblems(source, result.errors, false).map((line) => `${quoteName(name)}: ${line}`));
      return;
    }
    lang ??= old.lang;
    rescored.push(result.value);
  }
  if (problems.length > 0) throw new InputError(errorText('rescoreRefused', {}), problems);
  if (rescored.length === 0) throw new InputError(errorText('noReports', { paths: inputs }));
  const view = { lang: chooseLanguage(bank.languages, lang), rescored, summary: summarizeRescore(bank, rescored) };
  await deliver(view, targets, rescoreRenderers, options);
}
