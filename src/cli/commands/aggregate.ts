import { checkBy, checkMinGroup, createAggregator, MIN_GROUP_FLOOR, wordProblem, type Aggregate, type Bank, type Report } from '../../core/index.js';
import { authorStats } from '../author-stats.js';
import type { CommonOptions } from '../common.js';
import { deliver, parseDelimiter, planTargets, type OutputOptions } from '../deliver.js';
import { errorText, InputError } from '../errors.js';
import { chooseLanguage, messages } from '../i18n.js';
import { loadBank } from '../load-bank.js';
import { expandInputs } from '../read-inputs.js';
import { outputFiles, refuseOutputsOverInputs } from '../output-is-input.js';
import { GROUP_FORMATS } from '../render/formats.js';
import { groupRenderers } from '../render/document-renderers.js';
import { checkLanguage, streamReports, streamRespondents } from '../score-inputs.js';
import { warn, warningLine } from '../warn.js';
import { sanitizeText } from '../../core/sanitize.js';

export interface AggregateCommandOptions extends CommonOptions, OutputOptions {
  by?: string[];
  minGroup: string;
  /** Bank authors (SPEC section 13): see ../author-stats.ts. */
  stats?: boolean;
  minAlpha?: string;
  normsOut?: string;
}

/** Lines of warnings and errors shown; past that, only a count (a million records must not flood the terminal). */
const SHOWN = 20;
/** Named respondents remembered to warn about duplicates; bounded so that memory stays flat. */
const REMEMBERED = 100_000;

/** The group of all inputs, streamed one record at a time. */
export async function aggregateInputs(bank: Bank, inputs: readonly string[], options: { by: string[]; minGroup: number; warn: (line: string) => void; observe?: (report: Report) => void }): Promise<Aggregate> {
  const aggregator = createAggregator(bank, { by: options.by, minGroup: options.minGroup });
  let warnings = 0;
  const seen = new Set<string>();
  const warn = (line: string) => {
    if (++warnings <= SHOWN) options.warn(sanitizeText(line));
  };
  const files = expandInputs(inputs, { warn }).files;
  const stream = { warn, maxProblemLines: SHOWN * 5 };
  const counted = (who: string | null, name: string, counted: boolean) => {
    if (who !== null && who !== '') {
      if (seen.has(who)) warn(warningLine(messages().warnings.duplicateRespondent({ name, who, counted })));
      else if (seen.size < REMEMBERED) seen.add(who);
    }
    return counted;
  };
  try {
    const { observe } = options;
    if (observe === undefined) {
      // Only the figures: what they read of each record, without its report.
      for await (const { value, name } of streamRespondents(bank, files, stream)) counted(value.name, name, aggregator.addRespondent(value));
    } else {
      for await (const { report, name } of streamReports(bank, files, { ...stream, now: () => '', scoresOnly: true })) {
        // The statistics and norms see the same people as the figures: a duplicate counted once.
        if (counted(report.respondent, name, aggregator.add(report))) observe(report);
      }
    }
  } finally {
    if (warnings > SHOWN) options.warn(warningLine(messages().warnings.moreWarnings({ count: warnings - SHOWN })));
  }
  return aggregator.result();
}

/** `diag aggregate INPUTS…`: the group's results, by segment, without exposing anyone. */
export async function aggregate(inputs: string[], options: AggregateCommandOptions): Promise<void> {
  const { bank, file: bankFile } = loadBank(options.bank);
  checkLanguage(bank, options.lang);
  refuseOutputsOverInputs(outputFiles(options, [options.normsOut === undefined ? undefined : { option: '--norms-out', file: options.normsOut }]), [...inputs, bankFile]);
  const by = options.by ?? [];
  const problems = checkBy(bank, by);
  if (problems.length > 0) throw new InputError(errorText('byRefused', {}), problems.map((p) => `--by ${by[Number(p.path[1])] ?? ''}${messages().colon}${p.text === undefined ? p.message : wordProblem(p.text, messages().problem)}`));
  const minGroup = Number(options.minGroup);
  if (checkMinGroup(minGroup) !== null) throw new InputError(errorText('minGroup', { option: '--min-group', value: String(options.minGroup), floor: MIN_GROUP_FLOOR }));
  parseDelimiter(options.csvDelimiter);
  // --norms-out is checked with the -o files, before anything is read: not twice, not taken without --force, no device.
  const targets = planTargets('aggregate', options, GROUP_FORMATS, 'text', options.normsOut === undefined || options.normsOut === '-' ? [] : [options.normsOut]);
  const author = authorStats(bank, { ...options, by, minGroup });
  const result = await aggregateInputs(bank, inputs, { by, minGroup, warn, observe: author.observe });
  if (result.count > 0 && result.count < minGroup) warn(warningLine(messages().warnings.countOnly({ count: result.count, minGroup })));
  const lang = chooseLanguage(bank.languages, options.lang);
  author.writeNorms(result);
  const stats = author.shown(result);
  await deliver({ aggregate: result, bank, lang, by, ...(stats === undefined ? {} : { stats }) }, targets, groupRenderers, options, { bank });
  author.gate();
}
