import type { CommonOptions } from '../common.js';
import { useColor } from '../common.js';
import { loadBank } from '../load-bank.js';
import { emit } from '../output.js';
import { reportRenderers, type ReportFormat } from '../render/index.js';
import { reportDate, scoreInputs } from '../score-inputs.js';
import { checkThresholds, parseDimensionThresholds, parseScoreValue } from '../thresholds.js';

export interface ScoreCommandOptions extends CommonOptions {
  format: ReportFormat;
  output?: string;
  force?: boolean;
  minScore?: string;
  min?: string[];
}

/** `diag score FILE…`: answers in, reports out, no prompt; thresholds decide the exit code. */
export async function score(inputs: string[], options: ScoreCommandOptions): Promise<void> {
  const { bank } = loadBank(options.bank);
  const thresholds = {
    ...(options.minScore === undefined ? {} : { overall: parseScoreValue(options.minScore, '--min-score') }),
    dimensions: parseDimensionThresholds(options.min ?? [], bank, '--min'),
  };
  const { reports, many } = await scoreInputs(bank, inputs, {
    ...(options.lang === undefined ? {} : { lang: options.lang }),
    warn: (line) => process.stderr.write(`${line}\n`),
    now: reportDate(process.env),
  });
  const render = await reportRenderers[options.format]();
  const toTerminal = options.output === undefined || options.output === '-';
  const color = toTerminal && useColor(options, process.stdout, process.env);
  emit(render(reports, many, { color, width: process.stdout.columns ?? 80 }), options.output, options.force);
  checkThresholds(reports, thresholds);
}
