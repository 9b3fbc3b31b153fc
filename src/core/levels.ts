import type { Level } from './types.js';

/** The level with the greatest `min` <= score, on the unrounded score (levels are ascending). */
export function levelOf(levels: readonly Level[], score: number): Level | null {
  let found: Level | null = null;
  for (const level of levels) {
    if (level.min <= score && (found === null || level.min >= found.min)) found = level;
  }
  return found;
}

/** Rounds to 2 decimals the way a person would (1.005 -> 1.01), for reports only. */
export function round2(value: number): number {
  // Far from a half cent, value·100 rounds as the decimal text does (|x| < 1e9: the two differ by
  // less than 1e-6); only near a tie (1.005) does the text decide.
  const x = value * 100;
  if (x === 0) return 0;
  if (Math.abs(x) < 1e9 && Math.abs(x - Math.floor(x) - 0.5) > 1e-5) return Math.round(x) / 100;
  const shifted = Number(`${value}e2`);
  if (!Number.isFinite(shifted)) return Math.round(value * 100) / 100;
  const rounded = Number(`${Math.round(shifted)}e-2`);
  return Number.isFinite(rounded) ? rounded : Math.round(value * 100) / 100;
}
