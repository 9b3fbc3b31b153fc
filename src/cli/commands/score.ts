import type { CommonOptions } from '../common.js';
import { readBaselines, type Baselines } from '../baseline.js';
import { Delivery, planTargets, streamsFor, type OutputOptions } from '../deliver.js';
import { errorText, InputError, ThresholdError } from '../errors.js';
import { environmentLanguage, messages, outputUi } from '../i18n.js';
import { loadBank } from '../load-bank.js';
import { expandInputs } from '../read-inputs.js';
import { gateReportStream } from '../render/gates.js';
import { REPORT_FORMATS } from '../render/formats.js';
import { reportRenderers, type ScoredReport } from '../render/report-renderers.js';
import { checkLanguage, reportDate, streamReports } from '../score-inputs.js';
import { checkScores, failureLine, gateExitCode, hasMaxDrop, parseThresholds, scoresOf, whoOf, type Gate } from '../thresholds.js';
import { loadNorms, normsFile, withPercentiles } from '../load-norms.js';
import { outputFiles, refuseOutputsOverInputs } from '../output-is-input.js';
import { warn, warningLine } from '../warn.js';

export interface ScoreCommandOptions extends CommonOptions, OutputOptions {
  minScore?: string;
  min?: string[];
  baseline?: string;
  maxDrop?: string[];
  gateReport?: string;
  summary?: boolean;
  jsonArray?: boolean;
  /** SPEC section 13: percentiles against a reference group (see ../load-norms.ts). */
  norms?: string | false;
}

/** Threshold failures shown on stderr; past that, only a count (a million records must not flood a CI log). */
const SHOWN = 20;

/** The failures of every gate: the first lines kept, all counted. */
export function failureLog(lang: string | undefined) {
  const lines: string[] = [];
  let failed = 0;
  return {
    add(gate: Gate) {
      for (const check of gate.checks) {
        if (check.pass) continue;
        failed++;
        if (lines.length < SHOWN) lines.push(failureLine(gate, check, lang));
      }
    },
    get failed() {
      return failed;
    },
    lines: () => (failed > lines.length ? [...lines, outputUi(lang).moreFailures(failed - lines.length)] : lines),
  };
}

/** `diag score FILE…`: answers in, reports out as they are scored, no prompt; thresholds decide the exit code. */
export async function score(inputs: string[], options: ScoreCommandOptions): Promise<void> {
  const { bank, file: bankFile } = loadBank(options.bank);
  const norms = loadNorms(bank, bankFile, options.norms, warn);
  checkLanguage(bank, options.lang);
  const thresholds = parseThresholds(options, bank.dimensions.map((d) => d.id));
  if (hasMaxDrop(thresholds) && options.baseline === undefined) throw new InputError(errorText('maxDropNeedsBaseline', {}));
  const gateReport = options.gateReport === undefined ? undefined : { option: '--gate-report', file: options.gateReport };
  refuseOutputsOverInputs(outputFiles(options, [gateReport]), [...inputs, bankFile, normsFile(bank, bankFile, options.norms), options.baseline]);
  const targets = planTargets('score', options, REPORT_FORMATS, 'text', options.gateReport === undefined ? [] : [options.gateReport]);
  const baselines: Baselines | undefined = options.baseline === undefined ? undefined : await readBaselines(options.baseline, bank.id);
  const expanded = expandInputs(inputs);
  const files = expanded.files;
  // Standard input holding NDJSON makes JSON output an array; that is known at its first record,
  // so the outputs are opened then (nothing is written before it anyway).
  let many = expanded.many;
  const onStdinKind = (kind: 'ndjson' | 'document') => void (many ||= kind === 'ndjson');
  const open = async (): Promise<Delivery<ScoredReport>> => {
    const outputs = await streamsFor(targets, reportRenderers, options, { bank, many, summary: options.summary === true, jsonArray: options.jsonArray === true });
    if (options.gateReport !== undefined) {
      const gates = gateReportStream(thresholds);
      outputs.push({ file: options.gateReport, stream: { item: ({ gate }: ScoredReport) => gates.item(gate), end: () => gates.end() } });
    }
    return new Delivery(outputs, options.force === true);
  };
  let delivery: Delivery<ScoredReport> | undefined;
  // Messages in the interface language: --lang, else the environment's (LANG…).
  const failures = failureLog(options.lang ?? environmentLanguage(process.env));
  let count = 0;
  try {
    for await (const { report: scored } of streamReports(bank, files, { ...(options.lang === undefined ? {} : { lang: options.lang }), warn, now: reportDate(process.env), maxProblemLines: 500, onStdinKind })) {
      count++;
      const report = withPercentiles(bank, scored, norms);
      const found = baselines?.find(report);
      const baseline = found === undefined || 'missing' in found ? undefined : found;
      const unchecked = found !== undefined && 'missing' in found && hasMaxDrop(thresholds) ? `--max-drop not checked: ${found.missing}` : undefined;
      const gate: Gate = { source: report.source ?? { path: files[0] ?? '-' }, respondent: report.respondent, checks: checkScores(scoresOf(report), thresholds, baseline), ...(unchecked === undefined ? {} : { unchecked }) };
      if (unchecked !== undefined && found !== undefined && 'missing' in found && count <= SHOWN) {
        const why = found.ambiguous === undefined ? { kind: 'none' as const } : { kind: 'ambiguous' as const, key: found.ambiguous };
        warn(warningLine(messages().warnings.maxDropUnchecked({ who: whoOf(gate), why })));
      }
      failures.add(gate);
      delivery ??= await open();
      delivery.write({ report, gate });
    }
    if (count === 0) throw new InputError(errorText('noAnswersWritten', { paths: inputs }));
  } catch (error) {
    delivery?.abort();
    throw error;
  }
  await delivery?.finish();
  if (gateExitCode(failures) !== 0) throw new ThresholdError(failures.lines());
}
