import { round2 } from './levels.js';

/** Scores of a report are on the 2-decimal grid 0.00..100.00: one bin per step. */
const BINS = 10001;

/** What the aggregate says of a set of scores; null everywhere when there is none. */
export interface ScoreSummary {
  count: number;
  mean: number | null;
  median: number | null;
  q1: number | null;
  q3: number | null;
  min: number | null;
  max: number | null;
}

/**
 * Counts of rounded scores in 10001 bins, so that memory does not grow with the number of
 * respondents: the order statistics a median or a quartile needs are read from the cumulative
 * counts. Everything is kept in hundredths (bin indexes), which are integers, so that the sum is
 * exact and each figure is one division away from exact before it is rounded.
 */
export class ScoreHistogram {
  private readonly bins = new Uint32Array(BINS);
  private hundredths = 0;
  count = 0;

  /** Adds a score of a report (already rounded to 2 decimals; clamped to 0..100 to be safe). */
  add(score: number): void {
    const rounded = Math.round(score * 100);
    const bin = rounded > 0 ? (rounded < BINS ? rounded : BINS - 1) : 0;
    this.bins[bin] = (this.bins[bin] ?? 0) + 1;
    this.hundredths += bin;
    this.count += 1;
  }

  /**
   * Mean, median, quartiles, min and max, rounded with round2. Quantiles use linear interpolation
   * between order statistics (the "type 7" method of R, numpy's default, Excel QUARTILE.INC): the
   * p-quantile of n sorted values x[0..n-1] is at position h = p·(n−1), 0-based, that is
   * x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]). The median is the 0.5-quantile: the mean of the two
   * middle values for an even count.
   */
  summary(): ScoreSummary {
    const n = this.count;
    if (n === 0) return { count: 0, mean: null, median: null, q1: null, q3: null, min: null, max: null };
    const [min, q1, median, q3, max] = this.quantilesAt([0, 0.25, 0.5, 0.75, 1].map((p) => p * (n - 1)));
    return {
      count: n,
      mean: round2(this.hundredths / (n * 100)),
      median: median ?? null,
      q1: q1 ?? null,
      q3: q3 ?? null,
      min: min ?? null,
      max: max ?? null,
    };
  }

  /**
   * The 99 percentile points q1 … q99 of SPEC section 13 (type 7, as `summary`), rounded with
   * round2. h = (n − 1)·j / 100, multiplied first so that h is exact where it is a whole number.
   */
  percentilePoints(): number[] {
    return this.quantilesAt(Array.from({ length: 99 }, (_, i) => ((this.count - 1) * (i + 1)) / 100));
  }

  /** Type-7 quantiles at 0-based positions h: x[⌊h⌋] + (h − ⌊h⌋)·(x[⌈h⌉] − x[⌊h⌋]), in scores. */
  private quantilesAt(positions: readonly number[]): number[] {
    const ranks = new Set<number>();
    for (const h of positions) ranks.add(Math.floor(h)).add(Math.ceil(h));
    const at = this.orderStatistics([...ranks].sort((a, b) => a - b));
    return positions.map((h) => {
      const low = at.get(Math.floor(h)) ?? 0;
      const high = at.get(Math.ceil(h)) ?? 0;
      return round2((low + (h - Math.floor(h)) * (high - low)) / 100);
    });
  }

  /** The bin of each 0-based rank (ascending), in one pass over the cumulative counts. */
  private orderStatistics(ranks: readonly number[]): Map<number, number> {
    const found = new Map<number, number>();
    let seen = 0;
    let next = 0;
    for (let bin = 0; bin < BINS && next < ranks.length; bin++) {
      seen += this.bins[bin] ?? 0;
      for (let rank = ranks[next]; rank !== undefined && rank < seen; rank = ranks[next]) {
        found.set(rank, bin);
        next += 1;
      }
    }
    return found;
  }
}
