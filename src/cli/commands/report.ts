import type { Bank } from '../../core/index.js';
import type { CommonOptions } from '../common.js';
import { Delivery, planTargets, streamsFor, type OutputOptions } from '../deliver.js';
import { errorText, InputError } from '../errors.js';
import { resolveBankPath } from '../load-bank.js';
import { bankFor, readReportSource, rerender } from '../read-report.js';
import { bankInput, outputFiles, refuseOutputsOverInputs } from '../output-is-input.js';
import { loadNorms, normsFile, withPercentiles, type NormsOption } from '../load-norms.js';
import { applyNorms } from '../../core/norms.js';
import { REPORT_FORMATS } from '../render/formats.js';
import { reportRenderers, type ScoredReport } from '../render/report-renderers.js';
import { warn } from '../warn.js';

type ReportCommandOptions = CommonOptions & OutputOptions & NormsOption & { summary?: boolean; jsonArray?: boolean };

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
  const bankFile = bank === undefined ? undefined : resolveBankPath(options.bank ?? bank.id);
  // Known now that the first report names its bank: that bank's file and its own norms file are inputs too.
  if (first !== undefined) refuseOutputsOverInputs(outputFiles(options), [bankFile, normsFile(bank ?? {}, bankFile, options.norms)]);
  const norms = first === undefined ? undefined : loadNorms(bank ?? { id: first.bank.id, version: first.bank.version }, bankFile, options.norms, warn);
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
