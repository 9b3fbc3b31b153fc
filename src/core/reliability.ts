import type { Report } from './build-report.js';
import { sameScalar } from './conditions.js';
import { itemScore, scaleBounds } from './item-score.js';
import { isScored } from './visibility.js';
import { offersNotApplicable } from './not-applicable.js';
import { NOT_APPLICABLE, type AnswerValue, type Bank, type Question, type Scalar } from './types.js';

/**
 * Reliability statistics for bank authors (SPEC section 13): Cronbach's alpha, alpha if an item is
 * deleted, corrected item–total correlations, and floor / ceiling shares. Streamed: each group keeps
 * the means and co-moments of its items (updated one respondent at a time, Welford's way, which
 * stays accurate over millions of rows), never the respondents themselves.
 */

/** Why a figure is not shown. */
export type WithheldCode = 'few-items' | 'few-respondents' | 'zero-variance';

/** `reliability` of one dimension. Field names are a public contract (SPEC section 13). */
export interface Reliability {
  /** Rounded to 3 decimals; null when withheld. */
  alpha: number | null;
  /** Respondents used (listwise); absent when withheld for too few of them. */
  n?: number;
  /** Questions used: the dimension's scored questions without a `when`. */
  items: number;
  /** Alpha of the other items, by question id; null for one that leaves fewer than 2 items. */
  alphaIfDeleted?: Record<string, number | null>;
  withheld?: { code: WithheldCode; reason: string; questions?: string[] };
}

/** Per scored question: its item–total correlation and, on a scale, the floor and ceiling shares. */
export interface ItemStats {
  id: string;
  dimension: string;
  /** Corrected item–total r, 3 decimals; null when withheld or undefined (a variance of 0). */
  itemTotal?: number | null;
  /** % of those who answered choosing the scale's lowest value (likert, number); 2 decimals. */
  floor?: number | null;
  ceiling?: number | null;
}

export interface DimensionReliability {
  id: string;
  reliability: Reliability;
}

export interface GroupReliability {
  dimensions: DimensionReliability[];
  questions: ItemStats[];
}

export interface ReliabilityOptions {
  /** k of SPEC section 10 (`--min-group`): alpha needs n >= max(k, 10); a share needs k answers. */
  minGroup: number;
}

/** SPEC section 13: fewer respondents than max(k, MIN_RESPONDENTS) withholds the figures. */
export const MIN_RESPONDENTS = 10;

export function round3(value: number): number {
  const shifted = Number(`${value}e3`);
  if (!Number.isFinite(shifted)) return Math.round(value * 1000) / 1000;
  const rounded = Number(`${Math.round(shifted)}e-3`);
  return Number.isFinite(rounded) ? rounded + 0 : Math.round(value * 1000) / 1000;
}

function round2(value: number): number {
  return Number(`${Math.round(Number(`${value}e2`))}e-2`);
}

/** Means and co-moments of k item scores over the respondents added so far. */
class CoMoments {
  n = 0;
  readonly mean: Float64Array;
  /** m[i*k+j] = Σ (xᵢ − x̄ᵢ)(xⱼ − x̄ⱼ): the variance and covariance numerators. */
  readonly m: Float64Array;
  private readonly delta: Float64Array;

  constructor(readonly k: number) {
    this.mean = new Float64Array(k);
    this.m = new Float64Array(k * k);
    this.delta = new Float64Array(k);
  }

  add(x: readonly number[]): void {
    const { k, mean, m, delta } = this;
    this.n += 1;
    for (let i = 0; i < k; i++) {
      const d = (x[i] ?? 0) - (mean[i] ?? 0);
      delta[i] = d;
      mean[i] = (mean[i] ?? 0) + d / this.n;
    }
    for (let i = 0; i < k; i++) {
      const di = delta[i] ?? 0;
      for (let j = i; j < k; j++) {
        const v = (m[i * k + j] ?? 0) + di * ((x[j] ?? 0) - (mean[j] ?? 0));
        m[i * k + j] = v;
        m[j * k + i] = v;
      }
    }
  }

  at(i: number, j: number): number {
    return this.m[i * this.k + j] ?? 0;
  }
}

/**
 * A variance numerator that should be 0 but carries rounding (items whose scores add up to a
 * constant): anything below this share of the items' own variances counts as 0.
 */
const ZERO = 1e-9;

/** Alpha of the items `keep` (indexes), from the co-moments; null when their total does not vary. */
function alphaOf(c: CoMoments, keep: readonly number[]): number | null {
  const k = keep.length;
  if (k < 2) return null;
  let items = 0;
  let total = 0;
  for (const i of keep) {
    items += c.at(i, i);
    for (const j of keep) total += c.at(i, j);
  }
  if (total <= ZERO * Math.max(items, 1)) return null;
  return (k / (k - 1)) * (1 - items / total);
}

/** Pearson's r between item i and the sum of the others; null when either does not vary. */
function itemRest(c: CoMoments, i: number): number | null {
  const others: number[] = [];
  for (let j = 0; j < c.k; j++) if (j !== i) others.push(j);
  let rest = 0;
  let cov = 0;
  for (const a of others) {
    cov += c.at(i, a);
    for (const b of others) rest += c.at(a, b);
  }
  const own = c.at(i, i);
  if (own <= 0 || rest <= ZERO * Math.max(own, 1)) return null;
  return Math.max(-1, Math.min(1, cov / Math.sqrt(own * rest)));
}

/** Which scale value an answer is at: 'floor', 'ceiling', or neither; undefined when it does not count. */
interface Bounds {
  low: number;
  high: number;
}

function boundsOf(question: Question): Bounds | undefined {
  if (question.type === 'likert') {
    const { min, max } = scaleBounds(question.options.map((o) => o.value));
    return { low: min, high: max };
  }
  if (question.type === 'number' && question.min !== undefined && question.max !== undefined) return { low: question.min, high: question.max };
  return undefined;
}

interface DimensionPlan {
  id: string;
  /** Scored questions of the dimension, all of them. */
  scored: number;
  /** Indexes into the bank's questions of the items used: scored and without `when`. */
  items: number[];
}

/** What one group (everyone, or a segment) keeps. */
export interface ReliabilityTally {
  readonly count: number;
  add(scores: ReadonlyArray<number | null>, answers: ReadonlyArray<AnswerValue | undefined>): void;
  result(): GroupReliability;
}

/** What the bank says the tallies need, worked out once. */
export interface ReliabilityPlan {
  bank: Bank;
  dimensions: DimensionPlan[];
  /** Per question index: its bounds, for scored likert and number questions. */
  bounds: Array<Bounds | undefined>;
}

export function reliabilityPlan(bank: Bank): ReliabilityPlan {
  const dimensions = bank.dimensions.map((d) => {
    const scored = bank.questions.flatMap((q, i) => (isScored(q) && q.dimension === d.id ? [{ q, i }] : []));
    return { id: d.id, scored: scored.length, items: scored.filter(({ q }) => q.when === undefined).map(({ i }) => i) };
  });
  return { bank, dimensions, bounds: bank.questions.map((q) => (isScored(q) ? boundsOf(q) : undefined)) };
}

/** Item scores and answers of one report, by question index, as the tallies read them. */
export function respondentItems(bank: Bank, report: Report): { scores: Array<number | null>; answers: Array<AnswerValue | undefined> } {
  const answers = bank.questions.map((q) => {
    const section = q.profile ? report.profile : report.answers;
    return Object.hasOwn(section, q.id) ? section[q.id] : undefined;
  });
  const scores = bank.questions.map((q, i) => {
    const value = answers[i];
    return value === undefined || !isScored(q) ? null : itemScore(q, value);
  });
  return { scores, answers };
}

export function createReliabilityTally(plan: ReliabilityPlan, options: ReliabilityOptions): ReliabilityTally {
  const tracked = plan.dimensions.filter((d) => d.scored >= 2);
  const moments = tracked.map((d) => new CoMoments(d.items.length));
  const shares = plan.bounds.map((b) => (b === undefined ? undefined : { answered: 0, floor: 0, ceiling: 0 }));
  const row: number[] = [];
  let count = 0;
  return {
    get count() {
      return count;
    },
    add(scores, answers) {
      count += 1;
      tracked.forEach((d, t) => {
        row.length = 0;
        for (const i of d.items) {
          const s = scores[i];
          if (s === null || s === undefined) return;
          row.push(s);
        }
        moments[t]?.add(row);
      });
      shares.forEach((share, i) => {
        const value = answers[i];
        const bounds = plan.bounds[i];
        if (share === undefined || bounds === undefined || typeof value !== 'number') return;
        share.answered += 1;
        if (value <= bounds.low) share.floor += 1;
        if (value >= bounds.high) share.ceiling += 1;
      });
    },
    result() {
      const needed = Math.max(options.minGroup, MIN_RESPONDENTS);
      const itemTotals = new Map<string, number | null>();
      const dimensions = tracked.map((d, t): DimensionReliability => {
        const c = moments[t] ?? new CoMoments(0);
        const ids = d.items.map((i) => plan.bank.questions[i]?.id ?? '');
        const items = ids.length;
        if (items < 2) {
          return { id: d.id, reliability: { alpha: null, items, withheld: { code: 'few-items', reason: `fewer than 2 scored questions asked of everyone (without a "when")` } } };
        }
        if (c.n < needed) {
          for (const id of ids) itemTotals.set(id, null);
          return { id: d.id, reliability: { alpha: null, items, withheld: { code: 'few-respondents', reason: `fewer than ${needed} respondents answered all ${items} questions` } } };
        }
        ids.forEach((id, i) => itemTotals.set(id, nullable(itemRest(c, i), round3)));
        const flat = ids.filter((_, i) => c.at(i, i) === 0);
        const all = ids.map((_, i) => i);
        const alpha = alphaOf(c, all);
        if (flat.length > 0 || alpha === null) {
          const reason = flat.length > 0 ? `the same score for everyone (variance 0) on ${flat.join(', ')}` : 'the total score is the same for everyone (variance 0)';
          return { id: d.id, reliability: { alpha: null, n: c.n, items, withheld: { code: 'zero-variance', reason, ...(flat.length > 0 ? { questions: flat } : {}) } } };
        }
        const alphaIfDeleted = Object.fromEntries(ids.map((id, i) => [id, nullable(alphaOf(c, all.filter((j) => j !== i)), round3)]));
        return { id: d.id, reliability: { alpha: round3(alpha), n: c.n, items, alphaIfDeleted } };
      });
      const questions: ItemStats[] = [];
      plan.bank.questions.forEach((q, i) => {
        if (!isScored(q) || q.dimension === undefined) return;
        const stats: ItemStats = { id: q.id, dimension: q.dimension };
        if (itemTotals.has(q.id)) stats.itemTotal = itemTotals.get(q.id) ?? null;
        const share = shares[i];
        if (share !== undefined) {
          const shown = share.answered >= options.minGroup;
          stats.floor = shown ? round2((share.floor * 100) / share.answered) : null;
          stats.ceiling = shown ? round2((share.ceiling * 100) / share.answered) : null;
        }
        if (Object.keys(stats).length > 2) questions.push(stats);
      });
      return { dimensions, questions };
    },
  };
}

function nullable(value: number | null, round: (x: number) => number): number | null {
  return value === null ? null : round(value);
}

/** The statistics of the whole group and of each segment of the `by` questions. */
export interface ReliabilityReport extends GroupReliability {
  segments: Array<{ by: string; value: Scalar | null } & GroupReliability>;
}

/**
 * Tallies for the whole group and for every segment of the `by` questions, split the way
 * `createAggregator` splits them (a multiple question puts a respondent in each chosen value's
 * segment; no answer goes to the null segment). `result(shown)` reports only the segments the
 * aggregate showed: privacy (SPEC section 10) is decided there, not here.
 */
export function createReliabilityAggregator(bank: Bank, options: ReliabilityOptions & { by: readonly string[] }) {
  const plan = reliabilityPlan(bank);
  const everyone = createReliabilityTally(plan, options);
  const breakdowns = options.by.flatMap((id) => {
    const index = bank.questions.findIndex((q) => q.id === id);
    const question = bank.questions[index];
    if (question === undefined) return [];
    const options: Scalar[] = question.type === 'boolean' ? [true, false] : question.type === 'single' || question.type === 'multiple' ? question.options.map((o) => o.value) : [];
    // As createAggregator: "does not apply" is a segment of its own, after the options, never the null one.
    const choices = offersNotApplicable(question) ? [...options, NOT_APPLICABLE] : options;
    return [{ id, index, choices, groups: new Map<number, ReliabilityTally>() }];
  });
  return {
    add(report: Report): void {
      const { scores, answers } = respondentItems(bank, report);
      everyone.add(scores, answers);
      for (const b of breakdowns) {
        const value = answers[b.index];
        const picked = value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
        const chosen = b.choices.flatMap((c, i) => (picked.some((v) => sameScalar(c, v)) ? [i] : []));
        for (const i of chosen.length > 0 ? chosen : [b.choices.length]) {
          const tally = b.groups.get(i) ?? createReliabilityTally(plan, options);
          b.groups.set(i, tally);
          tally.add(scores, answers);
        }
      }
    },
    result(shown: ReadonlyArray<{ by: string; value: Scalar | null }>): ReliabilityReport {
      const segments = shown.flatMap(({ by, value }) => {
        const b = breakdowns.find((x) => x.id === by);
        if (b === undefined) return [];
        const i = value === null ? b.choices.length : b.choices.findIndex((c) => sameScalar(c, value));
        const tally = b.groups.get(i);
        return tally === undefined ? [] : [{ by, value, ...tally.result() }];
      });
      return { ...everyone.result(), segments };
    },
  };
}

/** Dimensions whose alpha is below `min` (a CI gate: `--min-alpha`), in the group and each segment. */
export function alphaBelow(report: ReliabilityReport, min: number): Array<{ by: string | null; value: Scalar | null; dimension: string; alpha: number }> {
  const groups = [{ by: null, value: null, dimensions: report.dimensions }, ...report.segments];
  return groups.flatMap((g) => g.dimensions.flatMap((d) => (d.reliability.alpha !== null && d.reliability.alpha < min ? [{ by: g.by, value: g.value, dimension: d.id, alpha: d.reliability.alpha }] : [])));
}
