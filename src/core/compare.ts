import { round2 } from './levels.js';
import type { Report } from './build-report.js';

export interface ScoreChange {
  id: string;
  title: string;
  old: number | null;
  new: number | null;
  /** new − old, rounded to 2 decimals; null when either side has no score. */
  delta: number | null;
  oldLevel: string | null;
  newLevel: string | null;
  newLevelLabel: string | null;
  levelChanged: boolean;
}

export interface Comparison {
  bank: { id: string; oldVersion: string; newVersion: string };
  respondent: { old: string | null; new: string | null };
  dates: { old: string; new: string };
  overall: ScoreChange;
  dimensions: ScoreChange[];
  recommendations: {
    gone: Array<{ id: string; title: string }>;
    new: Array<{ id: string; title: string; priority: number }>;
    kept: Array<{ id: string; title: string }>;
  };
}

function change(id: string, title: string, old: Report['scores']['overall'] | undefined, now: Report['scores']['overall'] | undefined): ScoreChange {
  const o = old?.score ?? null;
  const n = now?.score ?? null;
  const oldLevel = old?.level ?? null;
  const newLevel = now?.level ?? null;
  return {
    id,
    title,
    old: o,
    new: n,
    delta: o === null || n === null ? null : round2(n - o),
    oldLevel,
    newLevel,
    newLevelLabel: now?.levelLabel ?? null,
    levelChanged: oldLevel !== newLevel,
  };
}

/** What changed between two reports of the same bank: scores, levels, recommendations. */
export function compareReports(old: Report, now: Report): Comparison {
  const ids = [...new Set([...now.scores.dimensions.map((d) => d.id), ...old.scores.dimensions.map((d) => d.id)])];
  const oldIds = new Set(old.recommendations.map((r) => r.id));
  const newIds = new Set(now.recommendations.map((r) => r.id));
  return {
    bank: { id: now.bank.id, oldVersion: old.bank.version, newVersion: now.bank.version },
    respondent: { old: old.respondent, new: now.respondent },
    dates: { old: old.createdAt, new: now.createdAt },
    overall: change('overall', '', old.scores.overall, now.scores.overall),
    dimensions: ids.map((id) => {
      const o = old.scores.dimensions.find((d) => d.id === id);
      const n = now.scores.dimensions.find((d) => d.id === id);
      return change(id, n?.title ?? o?.title ?? id, o, n);
    }),
    recommendations: {
      gone: old.recommendations.filter((r) => !newIds.has(r.id)).map((r) => ({ id: r.id, title: r.title })),
      new: now.recommendations.filter((r) => !oldIds.has(r.id)).map((r) => ({ id: r.id, title: r.title, priority: r.priority })),
      kept: now.recommendations.filter((r) => oldIds.has(r.id)).map((r) => ({ id: r.id, title: r.title })),
    },
  };
}

export interface Drop {
  id: string;
  old: number;
  new: number;
  drop: number;
  allowed: number;
}

/**
 * The scores that fell by more than allowed (`overall` and dimension ids), for the `--max-drop`
 * regression gate. A dimension that lost its score counts as a drop to 0.
 */
export function scoreDrops(baseline: Report, now: Report, allowed: { overall?: number; dimensions: Record<string, number> }): Drop[] {
  const drops: Drop[] = [];
  const check = (id: string, old: number | null | undefined, current: number | null | undefined, limit: number | undefined) => {
    if (limit === undefined || old === null || old === undefined) return;
    const drop = round2(old - (current ?? 0));
    if (drop > limit) drops.push({ id, old, new: current ?? 0, drop, allowed: limit });
  };
  check('overall', baseline.scores.overall.score, now.scores.overall.score, allowed.overall);
  for (const dimension of baseline.scores.dimensions) {
    const limit = allowed.dimensions[dimension.id] ?? allowed.dimensions['*'];
    check(dimension.id, dimension.score, now.scores.dimensions.find((d) => d.id === dimension.id)?.score, limit);
  }
  return drops;
}
