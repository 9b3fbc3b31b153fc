import { checkBy, checkMinGroup, createAggregator, type Aggregate, type Bank } from '../../core/index.js';
import { useColor, type CommonOptions } from '../common.js';
import { parseDelimiter } from '../deliver.js';
import { InputError } from '../errors.js';
import { chooseLanguage } from '../i18n.js';
import { loadBank } from '../load-bank.js';
import { emit } from '../output.js';
import { expandInputs } from '../read-inputs.js';
import type { AggregateFormat } from '../render/aggregate-formats.js';
import { checkLanguage, streamReports } from '../score-inputs.js';

export interface AggregateCommandOptions extends CommonOptions {
  by?: string[];
  minGroup: string;
  format: AggregateFormat;
  output?: string;
  force?: boolean;
  csvDelimiter?: string;
}

/** Lines of warnings and errors shown; past that, only a count (a million records must not flood the terminal). */
const SHOWN = 20;
/** Named respondents remembered to warn about duplicates; bounded so that memory stays flat. */
const REMEMBERED = 100_000;

/** The group of all inputs, streamed one record at a time. */
export async function aggregateInputs(bank: Bank, inputs: readonly string[], options: { by: string[]; minGroup: number; warn: (line: string) => void }): Promise<Aggregate> {
  const aggregator = createAggregator(bank, { by: options.by, minGroup: options.minGroup });
  let warnings = 0;
  const seen = new Set<string>();
  const warn = (line: string) => {
    if (++warnings <= SHOWN) options.warn(line);
  };
  const reports = streamReports(bank, expandInputs(inputs).files, { warn, now: () => '', scoresOnly: true, maxProblemLines: SHOWN * 5 });
  try {
    for await (const { report, file, name } of reports) {
      const who = file.respondent;
      if (who !== undefined && who !== '') {
        if (seen.has(who)) warn(`warning: ${name}: respondent "${who}" appears more than once`);
        else if (seen.size < REMEMBERED) seen.add(who);
      }
      aggregator.add(report);
    }
  } finally {
    if (warnings > SHOWN) options.warn(`warning: … and ${warnings - SHOWN} more warnings`);
  }
  return aggregator.result();
}

/** `diag aggregate INPUTS…`: the group's results, by segment, without exposing anyone. */
export async function aggregate(inputs: string[], options: AggregateCommandOptions): Promise<void> {
  const { bank } = loadBank(options.bank);
  checkLanguage(bank, options.lang);
  const by = options.by ?? [];
  const problems = checkBy(bank, by);
  if (problems.length > 0) throw new InputError('--by: cannot group by that', problems.map((p) => `--by ${by[Number(p.path[1])] ?? ''}: ${p.message}`));
  const minGroup = Number(options.minGroup);
  const minGroupProblem = checkMinGroup(minGroup);
  if (minGroupProblem !== null) throw new InputError(`--min-group ${options.minGroup}: ${minGroupProblem}`);
  const delimiter = parseDelimiter(options.csvDelimiter);
  const result = await aggregateInputs(bank, inputs, { by, minGroup, warn: (line) => process.stderr.write(`${line}\n`) });
  if (result.count > 0 && result.count < minGroup) process.stderr.write(`warning: only ${result.count} respondents, fewer than --min-group ${minGroup}: only the count is shown\n`);
  const lang = chooseLanguage(bank.languages, options.lang);
  let text: string;
  if (options.format === 'json') {
    text = JSON.stringify({ bank: { id: bank.id, version: bank.version }, by, ...result }, null, 2);
  } else {
    const { aggregateView } = await import('../render/aggregate-view.js');
    const view = aggregateView(result, bank, lang, by);
    if (options.format === 'text') {
      const { renderAggregateText } = await import('../render/aggregate-text.js');
      const toTerminal = options.output === undefined || options.output === '-';
      text = renderAggregateText(view, { color: toTerminal && useColor(options, process.stdout, process.env), width: process.stdout.columns ?? 100 });
    } else {
      const doc = await import('../render/aggregate-doc.js');
      text = options.format === 'markdown' ? doc.renderAggregateMarkdown(view) : options.format === 'csv' ? doc.renderAggregateCsv(view, delimiter) : doc.renderAggregateHtml(view);
    }
  }
  emit(text, options.output, options.force);
}
