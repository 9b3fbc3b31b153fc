import { ScoreHistogram } from './histogram.js';
import type { Report } from './build-report.js';
import { ProblemList, type Problem } from './problems.js';
import { say } from './problem-text.js';
import type { Bank } from './types.js';

/**
 * Norms (SPEC section 13): the percentile points of a reference group's scores, so that one
 * respondent's score can be read as "at or above P % of the group". A norms file holds only the
 * 99 points per score, never a record of anyone.
 */

/** The 99 percentile points q1 … q99 of one score, and how many scores they were computed on. */
export interface NormScore {
  n: number;
  points: number[];
}

export interface Norms {
  kind: 'diag-norms';
  schemaVersion: 1;
  bank: { id: string; version: string };
  /** When the file was made (ISO 8601), given by the caller. */
  createdAt: string;
  /** Respondents in the reference group. */
  n: number;
  overall: NormScore;
  /** By dimension id; a dimension scored by fewer than the floor is left out (see `omitted`). */
  dimensions: Record<string, NormScore>;
  omitted: Array<{ id: string; reason: string }>;
}

/** SPEC section 13: norms need n >= max(k, NORMS_FLOOR). */
export const NORMS_FLOOR = 30;

/** The scores of one dimension (or the overall score), binned: memory independent of n. */
class Bins {
  private readonly histogram = new ScoreHistogram();

  get n(): number {
    return this.histogram.count;
  }

  add(score: number | null): void {
    if (score !== null) this.histogram.add(score);
  }

  /** q1 … q99, type 7 (R's default, numpy's linear), 2 decimals. */
  points(): number[] {
    return this.histogram.percentilePoints();
  }
}

export interface NormsBuilder {
  add(report: Report): void;
  /** The norms, or the reason they cannot be made (too few respondents). */
  result(createdAt: string): { ok: true; value: Norms } | { ok: false; reason: string; needed: number; n: number; floor: number };
}

/** Streams reports into the bins of the overall score and each dimension. `minGroup` is k. */
export function createNormsBuilder(bank: Bank, options: { minGroup: number }): NormsBuilder {
  const floor = Math.max(options.minGroup, NORMS_FLOOR);
  const overall = new Bins();
  const dimensions = new Map(bank.dimensions.map((d) => [d.id, new Bins()]));
  let n = 0;
  return {
    add(report) {
      n += 1;
      overall.add(report.scores.overall.score);
      for (const d of report.scores.dimensions) dimensions.get(d.id)?.add(d.score);
    },
    result(createdAt) {
      if (n < floor || overall.n < floor) return { ok: false, reason: `norms need at least ${floor} respondents with a score (max(--min-group, ${NORMS_FLOOR})); there are ${overall.n}`, needed: floor, n: overall.n, floor: NORMS_FLOOR };
      const kept: Array<[string, NormScore]> = [];
      const omitted: Norms['omitted'] = [];
      for (const [id, bins] of dimensions) {
        if (bins.n >= floor) kept.push([id, { n: bins.n, points: bins.points() }]);
        else omitted.push({ id, reason: `fewer than ${floor} respondents have a score` });
      }
      return {
        ok: true,
        value: { kind: 'diag-norms', schemaVersion: 1, bank: { id: bank.id, version: bank.version }, createdAt, n, overall: { n: overall.n, points: overall.points() }, dimensions: Object.fromEntries(kept), omitted },
      };
    },
  };
}

/** P = the number of points qj ≤ score (0–99): "at or above P % of the reference group". */
export function percentileOf(points: readonly number[], score: number): number {
  let count = 0;
  for (const q of points) if (q <= score) count += 1;
  return count;
}

const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function numbers(list: unknown): number[] | undefined {
  if (!Array.isArray(list)) return undefined;
  const out: number[] = [];
  for (const x of list) {
    if (!isNumber(x) || x < 0 || x > 100) return undefined;
    out.push(x);
  }
  return out;
}

function checkScore(problems: ProblemList, path: Array<string | number>, raw: unknown): NormScore | undefined {
  if (!isRecord(raw)) {
    problems.add(path, 'bad-norms', say('normsEntry', {}));
    return undefined;
  }
  const n = raw.n;
  const points = numbers(raw.points);
  const count = isNumber(n) && Number.isInteger(n) && n >= 1 ? n : undefined;
  if (count === undefined) problems.add([...path, 'n'], 'bad-norms', say('normsCount', {}));
  if (points === undefined || points.length !== 99) {
    problems.add([...path, 'points'], 'bad-norms', say('normsPoints', {}));
    return undefined;
  }
  if (points.some((p, i) => i > 0 && (points[i - 1] ?? p) > p)) problems.add([...path, 'points'], 'bad-norms', say('normsOrder', {}));
  return count === undefined ? undefined : { n: count, points };
}

/** Validates a parsed norms file (`unknown` in, typed norms or problems out). */
export function validateNorms(raw: unknown): { ok: true; value: Norms } | { ok: false; errors: Problem[] } {
  const problems = new ProblemList();
  if (!isRecord(raw)) {
    problems.add([], 'bad-norms', say('normsObject', {}));
    return { ok: false, errors: problems.items };
  }
  if (raw.kind !== 'diag-norms') problems.add(['kind'], 'bad-norms', say('normsKind', {}));
  if (raw.schemaVersion !== 1) problems.add(['schemaVersion'], 'bad-norms', say('normsSchema', {}));
  const bank = isRecord(raw.bank) && typeof raw.bank.id === 'string' && typeof raw.bank.version === 'string' ? { id: raw.bank.id, version: raw.bank.version } : undefined;
  if (bank === undefined) problems.add(['bank'], 'bad-norms', say('normsBank', {}));
  const overall = checkScore(problems, ['overall'], raw.overall);
  // Entries, then fromEntries: own properties, so that a dimension id such as `__proto__` is kept.
  const entries: Array<[string, NormScore]> = [];
  if (!isRecord(raw.dimensions)) problems.add(['dimensions'], 'bad-norms', say('normsDimensions', {}));
  else {
    for (const [id, value] of Object.entries(raw.dimensions)) {
      const score = checkScore(problems, ['dimensions', id], value);
      if (score !== undefined) entries.push([id, score]);
    }
  }
  const dimensions: Record<string, NormScore> = Object.fromEntries(entries);
  if (problems.items.length > 0 || overall === undefined || bank === undefined) return { ok: false, errors: problems.items };
  const omitted = Array.isArray(raw.omitted)
    ? raw.omitted.flatMap((x) => (isRecord(x) && typeof x.id === 'string' && typeof x.reason === 'string' ? [{ id: x.id, reason: x.reason }] : []))
    : [];
  return {
    ok: true,
    value: { kind: 'diag-norms', schemaVersion: 1, bank, createdAt: typeof raw.createdAt === 'string' ? raw.createdAt : '', n: isNumber(raw.n) ? raw.n : overall.n, overall, dimensions, omitted },
  };
}

/** Unrounded scores by dimension id and `overall` (scoreTable), or the report's own where not known. */
export type Unrounded = Readonly<Record<string, number | null>>;

/**
 * The report with `percentile` on the overall score and each dimension the norms cover, and a
 * `norms` note saying what the reference group is. Pure: the report given is not changed.
 */
export function applyNorms(report: Report, norms: Norms, unrounded?: Unrounded): Report {
  const scoreOf = (id: string, rounded: number | null) => {
    const exact = unrounded?.[id];
    return exact === undefined ? rounded : exact;
  };
  const percentile = (id: string, rounded: number | null, score: NormScore | undefined) => {
    const value = scoreOf(id, rounded);
    return value === null || score === undefined ? {} : { percentile: percentileOf(score.points, value) };
  };
  return {
    ...report,
    scores: {
      overall: { ...report.scores.overall, ...percentile('overall', report.scores.overall.score, norms.overall) },
      dimensions: report.scores.dimensions.map((d) => ({ ...d, ...percentile(d.id, d.score, Object.hasOwn(norms.dimensions, d.id) ? norms.dimensions[d.id] : undefined) })),
    },
    norms: { bankVersion: norms.bank.version, createdAt: norms.createdAt, n: norms.n },
  };
}
