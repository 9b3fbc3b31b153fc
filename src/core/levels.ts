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
  const shifted = Number(`${value}e2`);
  if (!Number.isFinite(shifted)) return Math.round(value * 100) / 100;
  const rounded = Number(`${Math.round(shifted)}e-2`);
  return Number.isFinite(rounded) ? rounded : Math.round(value * 100) / 100;
}
