import { compareReports, type Bank, type Report } from '../../core/index.js';
import { deliver, planTargets, type OutputOptions } from '../deliver.js';
import { errorText, InputError } from '../errors.js';
import { messages } from '../i18n.js';
import { bankFor, readReportSource, rerender } from '../read-report.js';
import { bankInput, outputFiles, refuseOutputsOverInputs, sameFile } from '../output-is-input.js';
import type { CommonOptions } from '../common.js';
import { COMPARISON_FORMATS } from '../render/formats.js';
import { comparisonRenderers } from '../render/document-renderers.js';
import { warn, warningLine } from '../warn.js';

/** The first score a saved report holds that its answers do not give: overall first, then by dimension. */
function firstDifference(saved: Report, rebuilt: Report): { target: string; saved: number | null; now: number | null } | undefined {
  if (saved.scores.overall.score !== rebuilt.scores.overall.score) return { target: 'overall', saved: saved.scores.overall.score, now: rebuilt.scores.overall.score };
  const before = new Map(saved.scores.dimensions.map((d) => [d.id, d.score]));
  for (const d of rebuilt.scores.dimensions) {
    const old = before.has(d.id) ? (before.get(d.id) ?? null) : null;
    if (old !== d.score) return { target: d.id, saved: old, now: d.score };
  }
  return undefined;
}

/**
 * A report as `diag report` shows it: re-scored from its answers with its bank when diag has that
 * bank (`--bank`, else the bundled one it names), in `--lang` if given, with a warning when the
 * saved scores differ (a hand-edited report); else as saved.
 */
function scoredAgain(file: string, cache: Map<string, Bank>, options: CommonOptions): Report {
  const { report: saved, source } = readReportSource(file);
  const bank = bankFor(saved, options.bank, cache);
  if (bank === undefined) return saved;
  const rebuilt = rerender(source, saved, bank, options.lang, warn);
  const difference = firstDifference(saved, rebuilt);
  if (difference !== undefined) warn(warningLine(messages().warnings.savedScoresDiffer({ file, ...difference })));
  return rebuilt;
}

/** `diag compare OLD.json NEW.json`: what changed between two reports of the same bank. */
export async function compare(oldFile: string, newFile: string, options: OutputOptions & CommonOptions): Promise<void> {
  refuseOutputsOverInputs(outputFiles(options), [oldFile, newFile, bankInput(options.bank)]);
  const targets = planTargets('compare', options, COMPARISON_FORMATS, 'text');
  const cache = new Map<string, Bank>();
  const old = scoredAgain(oldFile, cache, options);
  // The same file twice (`compare a.json ./a.json`, a link): read and warned about once.
  const now = sameFile(oldFile, newFile) ? old : scoredAgain(newFile, cache, options);
  if (old.bank.id !== now.bank.id) throw new InputError(errorText('compareBanks', { oldFile, oldBank: old.bank.id, newFile, newBank: now.bank.id }));
  if (old.respondent !== now.respondent) warn(warningLine(messages().warnings.differentRespondents({ old: old.respondent, now: now.respondent })));
  if (old.bank.version !== now.bank.version) warn(warningLine(messages().warnings.differentVersions({ bank: now.bank.id, old: old.bank.version, now: now.bank.version })));
  await deliver({ comparison: compareReports(old, now), lang: options.lang ?? now.lang }, targets, comparisonRenderers, options);
}
