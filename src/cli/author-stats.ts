import type { Aggregate, Bank, Report } from '../core/index.js';
import { createNormsBuilder, type NormsBuilder } from '../core/norms.js';
import { alphaBelow, createReliabilityAggregator, type ReliabilityReport } from '../core/reliability.js';
import { errorText, InputError, ThresholdError } from './errors.js';
import { messages } from './i18n.js';
import { warningLine } from './warn.js';
import { writeFileAtomic } from './output.js';
import { reportDate } from './score-inputs.js';
import { shownStats } from './render/aggregate-stats.js';

/** The options of `diag aggregate` for bank authors (SPEC section 13). */
export interface AuthorOptions {
  by: readonly string[];
  minGroup: number;
  stats?: boolean;
  minAlpha?: string;
  normsOut?: string;
  force?: boolean;
}

function parseMinAlpha(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value > 1) throw new InputError(errorText('minAlpha', { value: text }));
  return value;
}

/**
 * What `aggregate --stats`, `--min-alpha` and `--norms-out` add to the aggregate command, kept in
 * one place: every report is observed once (streamed), then the statistics join the output in the
 * chosen format, the norms file is written, and the alpha gate decides the exit code.
 */
export function authorStats(bank: Bank, options: AuthorOptions) {
  const minAlpha = parseMinAlpha(options.minAlpha);
  const wantStats = options.stats === true || minAlpha !== undefined;
  if (options.normsOut === '-') throw new InputError(errorText('normsOutStdout', {}));
  const reliability = wantStats ? createReliabilityAggregator(bank, { minGroup: options.minGroup, by: options.by }) : undefined;
  const norms: NormsBuilder | undefined = options.normsOut === undefined ? undefined : createNormsBuilder(bank, { minGroup: options.minGroup });
  let stats: ReliabilityReport | undefined;
  let group: Aggregate | undefined;
  const statsOf = (result: Aggregate): ReliabilityReport | undefined => {
    if (reliability !== undefined && stats === undefined) stats = reliability.result(result.count < options.minGroup ? [] : result.segments);
    group = result;
    return stats;
  };
  // A group smaller than k shows its count and nothing else (SPEC section 10): no statistics either.
  const shown = (result: Aggregate) => (result.count >= options.minGroup ? statsOf(result) : undefined);
  return {
    observe:
      reliability === undefined && norms === undefined
        ? undefined
        : (report: Report) => {
            reliability?.add(report);
            norms?.add(report);
          },
    /** The statistics to show with the group (SPEC section 13), or none. */
    shown,
    /** Writes --norms-out, or refuses (exit 2) a group under the floor; before anything else is written. */
    writeNorms(result: Aggregate): void {
      if (norms === undefined || options.normsOut === undefined) return;
      const built = norms.result(reportDate(process.env)());
      if (!built.ok) throw new InputError(errorText('normsTooFew', { file: options.normsOut, needed: built.needed, n: built.n, floor: built.floor }));
      if (result.count !== built.value.n) throw new Error('norms and aggregate saw different groups');
      writeFileAtomic(options.normsOut, `${JSON.stringify(built.value, null, 2)}\n`, { force: options.force === true });
    },
    /** --min-alpha: exit 1 when a dimension's alpha (group or shown segment) is below it. */
    gate(): void {
      if (minAlpha === undefined) return;
      // A gate that could not look is said so, not passed in silence.
      if (stats === undefined) process.stderr.write(`${warningLine(messages().warnings.minAlphaNoStats({ minAlpha, minGroup: options.minGroup }))}\n`);
      for (const d of stats?.dimensions ?? []) {
        if (d.reliability.withheld !== undefined) process.stderr.write(`${warningLine(messages().warnings.minAlphaWithheld({ minAlpha, dimension: d.id, code: d.reliability.withheld.code, reason: d.reliability.withheld.reason }))}\n`);
      }
      if (stats === undefined) return;
      // Only alphas the output shows: one of a dimension withheld in a segment is not named either.
      const below = alphaBelow(group === undefined ? stats : shownStats(group, stats), minAlpha);
      if (below.length > 0) {
        throw new ThresholdError(below.map((b) => messages().warnings.alphaBelow({ ...(b.by === null ? {} : { segment: `${b.by} = ${String(b.value)}` }), dimension: b.dimension, alpha: b.alpha, minAlpha })));
      }
    },
  };
}
