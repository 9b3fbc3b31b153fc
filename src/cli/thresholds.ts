import { round2 } from '../core/levels.js';
import { quoteName } from '../core/sanitize.js';
import { didYouMean, type Report } from '../core/index.js';
import { errorText, InputError } from './errors.js';
import { outputUi } from './i18n.js';

/** The scores a gate needs of a report, and nothing more (a baseline of a million keeps only these). */
export interface Scores {
  overall: number | null;
  dimensions: Record<string, number | null>;
}

/** Every threshold given on the command line. */
export interface Thresholds {
  overall?: number;
  dimensions: Array<{ id: string; min: number }>;
  /** `--max-drop`: largest fall allowed since the baseline, overall and by dimension (`*` for every one). */
  maxDrop: { overall?: number; dimensions: Record<string, number> };
}

/** One threshold checked for one respondent, with the figures. */
export interface Check {
  /** `min-score`, `min`, or `max-drop`. */
  kind: 'min-score' | 'min' | 'max-drop';
  /** `overall` or a dimension id. */
  target: string;
  /** The option as given: `--min async=50`. */
  option: string;
  threshold: number;
  value: number | null;
  /** max-drop: the baseline's score and the fall (old − new). */
  baseline?: number | null;
  drop?: number | null;
  pass: boolean;
}

/** Where a report came from, for messages, JUnit and the gate report. */
export interface SourceRef {
  path: string;
  line?: number;
}

/** Every check of one respondent. */
export interface Gate {
  source: SourceRef;
  respondent: string | null;
  checks: Check[];
  /** Why a --max-drop could not be checked (no baseline for this respondent). */
  unchecked?: string;
}

/** A score from 0 to 100; `prefix` is what came before it in the spec (`async=`), quoted by the message. */
export function parseScoreValue(value: string, option: string, prefix?: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) {
    throw new InputError(errorText('scoreValue', { option, value, ...(prefix === undefined ? {} : { prefix }) }));
  }
  return n;
}

/** `--min DIM=N`, checked against the bank's dimensions. */
export function parseDimensionThresholds(specs: readonly string[], bank: { dimensions: readonly string[] }, option: string): Array<{ id: string; min: number }> {
  const ids = bank.dimensions;
  return specs.map((spec) => {
    const match = /^([^=]+)=(.*)$/.exec(spec);
    if (match === null) throw new InputError(errorText('dimensionSpec', { option, spec, example: ids[0] ?? 'async' }));
    const id = (match[1] ?? '').trim();
    if (!ids.includes(id)) {
      const match = didYouMean(id, ids);
      throw new InputError(errorText('notADimension', { option, spec, id, ids, ...(match === undefined ? {} : { suggestion: match }) }));
    }
    return { id, min: parseScoreValue(match[2] ?? '', option, `${match[1] ?? ''}=`) };
  });
}

/** `--min-score`, `--min DIM=N`, `--max-drop [DIM=]N` (`*=N` for every dimension), checked at once. */
/**
 * A record by dimension id with no prototype: a bank may name a dimension `__proto__` or
 * `constructor`, and on a plain object the first is never stored and both read back as
 * Object.prototype's members (a threshold on them then passed whatever the score).
 */
export function byDimension<T>(): Record<string, T> {
  const record: Record<string, T> = Object.create(null);
  return record;
}

export function parseThresholds(options: { minScore?: string; min?: string[]; maxDrop?: string[] }, dimensions: readonly string[]): Thresholds {
  const maxDrop: Thresholds['maxDrop'] = { dimensions: byDimension<number>() };
  const named: string[] = [];
  for (const spec of options.maxDrop ?? []) {
    if (!spec.includes('=')) maxDrop.overall = parseScoreValue(spec, '--max-drop');
    else if (spec.startsWith('*=')) maxDrop.dimensions['*'] = parseScoreValue(spec.slice(2), '--max-drop', '*=');
    else named.push(spec);
  }
  for (const { id, min } of parseDimensionThresholds(named, { dimensions }, '--max-drop')) maxDrop.dimensions[id] = min;
  return {
    ...(options.minScore === undefined ? {} : { overall: parseScoreValue(options.minScore, '--min-score') }),
    dimensions: parseDimensionThresholds(options.min ?? [], { dimensions }, '--min'),
    maxDrop,
  };
}

export const hasMaxDrop = (t: Thresholds) => t.maxDrop.overall !== undefined || Object.keys(t.maxDrop.dimensions).length > 0;

export function scoresOf(report: Pick<Report, 'scores'>): Scores {
  const dimensions = byDimension<number | null>();
  for (const d of report.scores.dimensions) dimensions[d.id] = d.score;
  return { overall: report.scores.overall.score, dimensions };
}

/**
 * Every threshold for one report's scores; a score that is missing does not meet a minimum. A drop
 * is checked only where the baseline has a score.
 */
export function checkScores(scores: Scores, thresholds: Thresholds, baseline: Scores | undefined): Check[] {
  const checks: Check[] = [];
  const below = (value: number | null, min: number) => value === null || value < min;
  if (thresholds.overall !== undefined) {
    checks.push({ kind: 'min-score', target: 'overall', option: `--min-score ${thresholds.overall}`, threshold: thresholds.overall, value: scores.overall, pass: !below(scores.overall, thresholds.overall) });
  }
  for (const { id, min } of thresholds.dimensions) {
    const value = scores.dimensions[id] ?? null;
    checks.push({ kind: 'min', target: id, option: `--min ${id}=${min}`, threshold: min, value, pass: !below(value, min) });
  }
  if (baseline === undefined) return checks;
  const drop = (target: string, old: number | null, now: number | null, limit: number | undefined, spec: string) => {
    if (limit === undefined || old === null) return;
    const fall = round2(old - (now ?? 0));
    checks.push({ kind: 'max-drop', target, option: `--max-drop ${spec}`, threshold: limit, value: now, baseline: old, drop: fall, pass: fall <= limit });
  };
  drop('overall', baseline.overall, scores.overall, thresholds.maxDrop.overall, String(thresholds.maxDrop.overall));
  for (const [id, old] of Object.entries(baseline.dimensions)) {
    const own = thresholds.maxDrop.dimensions[id];
    const limit = own ?? thresholds.maxDrop.dimensions['*'];
    drop(id, old, scores.dimensions[id] ?? null, limit, own === undefined ? `*=${limit}` : `${id}=${own}`);
  }
  return checks;
}

/** `answers/camille.yaml`, `big.ndjson:17`: where to look. */
export const sourceName = (source: SourceRef) => (source.line === undefined ? source.path : `${source.path}:${source.line}`);

/** `answers/camille.yaml (Camille)`: the file (and line, quoted if need be) and the respondent of a gate. */
export const whoOf = (gate: Pick<Gate, 'source' | 'respondent'>) => `${quoteName(sourceName(gate.source))}${gate.respondent === null ? '' : ` (${gate.respondent})`}`;

/** One line per threshold not met, naming the file (and line) and the respondent, in the interface language. */
export function failureLine(gate: Gate, check: Check, lang?: string): string {
  const o = outputUi(lang ?? 'en');
  const figure = (n: number | null | undefined) => (n === null || n === undefined ? o.noScore : o.figure(n));
  const target = check.target === 'overall' ? o.overallTarget : check.target;
  if (check.kind === 'max-drop') return o.fell(whoOf(gate), target, figure(check.baseline), figure(check.value), figure(check.drop ?? 0), check.option);
  return o.below(whoOf(gate), target, figure(check.value), check.option);
}

/** The exit code as a function of the results alone: 1 when any threshold was not met, else 0. */
export function gateExitCode(summary: { failed: number }): 0 | 1 {
  return summary.failed > 0 ? 1 : 0;
}
