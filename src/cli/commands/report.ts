import { buildReport, validateAnswers, type Bank, type Report } from '../../core/index.js';
import type { CommonOptions } from '../common.js';
import { Delivery, planTargets, streamsFor, type OutputOptions } from '../deliver.js';
import { errorText, InputError } from '../errors.js';
import { messages } from '../i18n.js';
import { bundledBankPath, formatProblems, loadBank, resolveBankPath } from '../load-bank.js';
import { readReportSource } from '../read-report.js';
import { bankInput, outputFiles, refuseOutputsOverInputs } from '../output-is-input.js';
import { loadNorms, withPercentiles, type NormsOption } from '../load-norms.js';
import { applyNorms } from '../../core/norms.js';
import { REPORT_FORMATS } from '../render/formats.js';
import { reportRenderers, type ScoredReport } from '../render/report-renderers.js';
import { checkLanguage } from '../score-inputs.js';
import type { Source } from '../source.js';
import { warn, warningLine } from '../warn.js';

type ReportCommandOptions = CommonOptions & OutputOptions & NormsOption & { summary?: boolean; jsonArray?: boolean };

/** The bank a report names: --bank if given, else the bundled bank of that id, if there is one. */
function bankFor(report: Report, option: string | undefined, cache: Map<string, Bank>): Bank | undefined {
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
function rerender(source: Source, report: Report, bank: Bank | undefined, lang: string | undefined, warn: (line: string) => void): Report {
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

/** `diag report REPORT.json…`: renders saved reports again, in any format and language. */
export async function report(files: string[], options: ReportCommandOptions): Promise<void> {
  const cache = new Map<string, Bank>();
  refuseOutputsOverInputs(outputFiles(options), [...files, bankInput(options.bank), typeof options.norms === 'string' ? options.norms : undefined]);
  const targets = planTargets('report', options, REPORT_FORMATS, 'text');
  // Every report is read and checked before anything is written; the bank of the first is shown.
  const reports = files.map((file) => {
    const { report: saved, source } = readReportSource(file);
    const bank = bankFor(saved, options.bank, cache);
    return { report: rerender(source, saved, bank, options.lang, warn), bank, file };
  });
  const bank = reports[0]?.bank;
  const first = reports[0]?.report;
  // Norms (SPEC section 13): of the bank given, else of the bank the first report names.
  const norms = first === undefined ? undefined : loadNorms(bank ?? { id: first.bank.id, version: first.bank.version }, bank === undefined ? undefined : resolveBankPath(options.bank ?? bank.id), options.norms, warn);
  if (norms !== undefined) {
    for (const [i, r] of reports.entries()) {
      if (r.report.bank.id !== norms.bank.id) throw new InputError(errorText('reportNormsBank', { file: files[i] ?? '', report: r.report.bank.id, norms: norms.bank.id }));
      r.report = r.bank === undefined ? applyNorms(r.report, norms) : withPercentiles(r.bank, r.report, norms);
    }
  }
  const outputs = await streamsFor(targets, reportRenderers, options, { many: files.length > 1, summary: options.summary === true, jsonArray: options.jsonArray === true, ...(bank === undefined ? {} : { bank }) });
  const delivery = new Delivery<ScoredReport>(outputs, options.force === true);
  for (const { report: r, file } of reports) delivery.write({ report: r, gate: { source: r.source ?? { path: file }, respondent: r.respondent, checks: [] } });
  await delivery.finish();
}
