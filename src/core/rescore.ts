import { buildReport, type Report, type ReportContext } from './build-report.js';
import { compareReports, type Comparison } from './compare.js';
import { round2 } from './levels.js';
import type { Problem } from './problems.js';
import type { AnswerValue, Bank } from './types.js';
import { validateAnswers } from './validate/answers.js';
import { applyConditions, isScored } from './visibility.js';

/**
 * Re-scoring saved reports with another version of their bank: what a new version would change,
 * per respondent and in total, before it ships. A saved answer that the new version no longer
 * accepts (a question removed, an option renamed) is left out and listed; a question the new
 * version adds is simply unanswered, never invented.
 */
export interface Rescored {
  respondent: string | null;
  comparison: Comparison;
  /** Answers the new version does not accept, by question id. */
  dropped: string[];
  /** Questions of the new version this respondent would be asked and has no answer to. */
  unanswered: string[];
}

export type RescoreResult = { ok: true; value: Rescored } | { ok: false; errors: Problem[] };

/** The bank with every question optional: a new question must not make an old report invalid. */
export function lenientBank(bank: Bank): Bank {
  return { ...bank, questions: bank.questions.map((q) => ({ ...q, required: false })) };
}

/** `context.lang`: the language of the new report's titles (default: the old report's, if the bank has it). */
export function rescoreReport(bank: Bank, lenient: Bank, old: Report, context: Omit<ReportContext, 'lang' | 'createdAt'> & { lang?: string }): RescoreResult {
  const answers: Record<string, AnswerValue> = { ...old.profile, ...old.answers };
  const dropped: string[] = [];
  const wanted = context.lang ?? old.lang;
  const lang = bank.languages.includes(wanted) ? wanted : (bank.languages[0] ?? wanted);
  // Each round drops the answers the new version refuses; a second round sees the conditions anew.
  for (let round = 0; round < 3; round++) {
    const checked = validateAnswers(lenient, { bank: bank.id, lang, ...(old.respondent === null ? {} : { respondent: old.respondent }), answers });
    if (checked.ok) {
      const report = buildReport(lenient, checked.value, { tool: context.tool, lang, createdAt: old.createdAt });
      const { visible } = applyConditions(lenient, checked.value.answers);
      const unanswered = visible.filter((q) => isScored(q) && !Object.hasOwn(checked.value.answers, q.id) && !Object.hasOwn(old.answers, q.id)).map((q) => q.id);
      return { ok: true, value: { respondent: old.respondent, comparison: compareReports(old, report), dropped, unanswered } };
    }
    const refused = checked.errors.map((e) => e.path[1]).filter((id): id is string => typeof id === 'string' && Object.hasOwn(answers, id));
    if (refused.length === 0) return { ok: false, errors: checked.errors };
    for (const id of refused) {
      delete answers[id];
      dropped.push(id);
    }
  }
  return { ok: false, errors: [{ path: [], code: 'rescore', message: 'the answers do not settle against the new version' }] };
}

/** One score (overall or a dimension) over every respondent re-scored. */
export interface ScoreImpact {
  id: string;
  title: string;
  /** Respondents with a score before or after. */
  count: number;
  changed: number;
  meanDelta: number | null;
  minDelta: number | null;
  maxDelta: number | null;
  levelChanges: number;
  /** Respondents who had a score and have none now, and the reverse. */
  lost: number;
  gained: number;
}

export interface RescoreSummary {
  count: number;
  bank: { id: string; newVersion: string; oldVersions: string[] };
  scores: ScoreImpact[];
  recommendations: Array<{ id: string; title: string; added: number; removed: number }>;
  dropped: Record<string, number>;
}

/** Totals over all respondents: how many scores move, by how much, and which advice changes. */
export function summarizeRescore(bank: Bank, all: readonly Rescored[]): RescoreSummary {
  const tallies = new Map<string, { title: string; deltas: number[]; count: number; levelChanges: number; lost: number; gained: number }>();
  const recs = new Map<string, { title: string; added: number; removed: number }>();
  const dropped: Record<string, number> = {};
  const oldVersions = new Set<string>();
  for (const { comparison, dropped: gone } of all) {
    oldVersions.add(comparison.bank.oldVersion);
    for (const change of [comparison.overall, ...comparison.dimensions]) {
      const tally = tallies.get(change.id) ?? { title: change.title, deltas: [], count: 0, levelChanges: 0, lost: 0, gained: 0 };
      tallies.set(change.id, tally);
      if (change.old === null && change.new === null) continue;
      tally.count += 1;
      if (change.delta !== null) tally.deltas.push(change.delta);
      else if (change.new === null) tally.lost += 1;
      else tally.gained += 1;
      if (change.levelChanged) tally.levelChanges += 1;
    }
    for (const r of comparison.recommendations.new) {
      const entry = recs.get(r.id) ?? { title: r.title, added: 0, removed: 0 };
      entry.added += 1;
      recs.set(r.id, entry);
    }
    for (const r of comparison.recommendations.gone) {
      const entry = recs.get(r.id) ?? { title: r.title, added: 0, removed: 0 };
      entry.removed += 1;
      recs.set(r.id, entry);
    }
    for (const id of gone) dropped[id] = (dropped[id] ?? 0) + 1;
  }
  const scores = [...tallies.entries()].map(([id, t]): ScoreImpact => {
    const n = t.deltas.length;
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    for (const d of t.deltas) {
      sum += d;
      min = Math.min(min, d);
      max = Math.max(max, d);
    }
    return {
      id,
      title: t.title,
      count: t.count,
      changed: t.deltas.filter((d) => d !== 0).length + t.lost + t.gained,
      meanDelta: n === 0 ? null : round2(sum / n),
      minDelta: n === 0 ? null : min,
      maxDelta: n === 0 ? null : max,
      levelChanges: t.levelChanges,
      lost: t.lost,
      gained: t.gained,
    };
  });
  return {
    count: all.length,
    bank: { id: bank.id, newVersion: bank.version, oldVersions: [...oldVersions].sort() },
    scores,
    recommendations: [...recs.entries()].map(([id, r]) => ({ id, ...r })),
    dropped,
  };
}
