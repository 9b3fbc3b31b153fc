import { scoreDrops, type Report } from '../../core/index.js';
import type { CommonOptions } from '../common.js';
import { deliverReports } from '../deliver.js';
import { InputError, ThresholdError } from '../errors.js';
import { loadBank } from '../load-bank.js';
import type { ReportFormat } from '../render/index.js';
import { reportDate, scoreInputs } from '../score-inputs.js';
import { checkThresholds, parseDimensionThresholds, parseScoreValue } from '../thresholds.js';
import { readReport } from '../read-report.js';
import { warn } from '../warn.js';

export interface ScoreCommandOptions extends CommonOptions {
  format?: ReportFormat;
  output?: string[];
  force?: boolean;
  csvDelimiter?: string;
  minScore?: string;
  min?: string[];
  baseline?: string;
  maxDrop?: string[];
}

/** `--max-drop N` (overall) and `--max-drop DIM=N` (a dimension; `*=N` for every dimension). */
function parseMaxDrops(specs: readonly string[], options: ScoreCommandOptions, bankDimensions: string[]): { overall?: number; dimensions: Record<string, number> } {
  const allowed: { overall?: number; dimensions: Record<string, number> } = { dimensions: {} };
  for (const spec of specs) {
    if (!spec.includes('=')) allowed.overall = parseScoreValue(spec, '--max-drop');
    else if (spec.startsWith('*=')) allowed.dimensions['*'] = parseScoreValue(spec.slice(2), '--max-drop');
  }
  const named = specs.filter((s) => s.includes('=') && !s.startsWith('*='));
  for (const { id, min } of parseDimensionThresholds(named, { dimensions: bankDimensions }, '--max-drop')) allowed.dimensions[id] = min;
  if (specs.length > 0 && options.baseline === undefined) throw new InputError('--max-drop needs --baseline PREVIOUS_REPORT.json to compare with');
  return allowed;
}

function checkDrops(baseline: Report, reports: readonly Report[], allowed: { overall?: number; dimensions: Record<string, number> }): string[] {
  return reports.flatMap((report) =>
    scoreDrops(baseline, report, allowed).map((d) => `${report.respondent === null ? '' : `${report.respondent}: `}${d.id} fell from ${d.old} to ${d.new} (−${d.drop}, more than the ${d.allowed} allowed by --max-drop)`),
  );
}

/** `diag score FILE…`: answers in, reports out, no prompt; thresholds decide the exit code. */
export async function score(inputs: string[], options: ScoreCommandOptions): Promise<void> {
  const { bank } = loadBank(options.bank);
  const dimensionIds = bank.dimensions.map((d) => d.id);
  const thresholds = {
    ...(options.minScore === undefined ? {} : { overall: parseScoreValue(options.minScore, '--min-score') }),
    dimensions: parseDimensionThresholds(options.min ?? [], { dimensions: dimensionIds }, '--min'),
  };
  const maxDrops = parseMaxDrops(options.maxDrop ?? [], options, dimensionIds);
  const baseline = options.baseline === undefined ? undefined : readReport(options.baseline);
  if (baseline !== undefined && baseline.bank.id !== bank.id) {
    throw new InputError(`--baseline ${options.baseline}: it is a report of bank "${baseline.bank.id}", not "${bank.id}"`);
  }
  const { reports, many } = await scoreInputs(bank, inputs, {
    ...(options.lang === undefined ? {} : { lang: options.lang }),
    warn,
    now: reportDate(process.env),
  });
  await deliverReports(reports, many, { ...options, bank });
  const failures: string[] = [];
  try {
    checkThresholds(reports, thresholds);
  } catch (error) {
    if (!(error instanceof ThresholdError)) throw error;
    failures.push(...error.failures);
  }
  if (baseline !== undefined) failures.push(...checkDrops(baseline, reports, maxDrops));
  if (failures.length > 0) throw new ThresholdError(failures);
}
