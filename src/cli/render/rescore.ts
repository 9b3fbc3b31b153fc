import type { Rescored, RescoreSummary, ScoreImpact } from '../../core/rescore.js';
import { authorUi, ui } from '../i18n.js';
import { mdEscape } from './markdown.js';
import { formatScore, safeText } from './terminal.js';

import type { RescoreFormat } from './formats.js';
import type { Lazy, Renderer } from './types.js';

export type { RescoreFormat };

export interface RescoreView {
  lang: string;
  rescored: Rescored[];
  summary: RescoreSummary;
}

function signed(x: number | null, lang: string): string {
  if (x === null) return '—';
  return `${x > 0 ? '+' : ''}${formatScore(x, lang)}`;
}

/** One respondent in one line: what moves, in the order overall, dimensions, advice. */
function respondentLine(view: RescoreView, r: Rescored): string {
  const a = authorUi(view.lang).rescore;
  const s = ui(view.lang);
  const n = (x: number | null) => formatScore(x, view.lang);
  const parts: string[] = [];
  for (const change of [{ ...r.comparison.overall, title: s.overall }, ...r.comparison.dimensions]) {
    const moved = change.old !== change.new || change.levelChanged;
    if (!moved) continue;
    const level = change.levelChanged ? ` (${a.level(change.oldLevel ?? '—', change.newLevel ?? '—')})` : '';
    parts.push(`${change.title} ${n(change.old)} → ${n(change.new)}${change.delta === null ? '' : ` ${signed(change.delta, view.lang)}`}${level}`);
  }
  const { new: added, gone } = r.comparison.recommendations;
  if (added.length > 0) parts.push(`${a.added}${s.colon}${added.map((x) => x.id).join(', ')}`);
  if (gone.length > 0) parts.push(`${a.removed}${s.colon}${gone.map((x) => x.id).join(', ')}`);
  if (r.dropped.length > 0) parts.push(`${a.dropped}${s.colon}${r.dropped.join(', ')}`);
  if (r.unanswered.length > 0) parts.push(`${a.unanswered}${s.colon}${r.unanswered.join(', ')}`);
  return `${r.respondent ?? a.anonymous}${s.colon}${parts.length === 0 ? a.unchanged : parts.join(' · ')}`;
}

function scoreRow(view: RescoreView, x: ScoreImpact): string[] {
  const a = authorUi(view.lang).rescore;
  const extra = [x.lost > 0 ? a.noScoreNow(x.lost) : '', x.gained > 0 ? a.scoreNow(x.gained) : ''].filter(Boolean).join(', ');
  return [
    x.id === 'overall' ? ui(view.lang).overall : x.title || x.id,
    `${x.changed} / ${x.count}${extra === '' ? '' : ` (${extra})`}`,
    signed(x.meanDelta, view.lang),
    x.minDelta === null ? '—' : `${signed(x.minDelta, view.lang)} – ${signed(x.maxDelta, view.lang)}`,
    String(x.levelChanges),
  ];
}

function title(view: RescoreView): string {
  const { bank } = view.summary;
  return authorUi(view.lang).rescore.title(bank.id, bank.oldVersions.join(', '), bank.newVersion);
}

export function renderRescoreText(view: RescoreView): string {
  const a = authorUi(view.lang).rescore;
  const out = [title(view), a.respondents(view.summary.count), ''];
  for (const r of view.rescored) out.push(safeText(respondentLine(view, r)));
  out.push('', a.total);
  const head = [a.score, a.changed, a.meanDelta, a.range, a.levelChanges];
  const rows = [head, ...view.summary.scores.map((x) => scoreRow(view, x))];
  const widths = head.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
  for (const row of rows) out.push(`  ${row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ')}`);
  if (view.summary.recommendations.length > 0) {
    out.push('');
    for (const r of view.summary.recommendations) out.push(`  ${safeText(r.id)}: ${a.addedFor} ${r.added}, ${a.removedFor} ${r.removed}`);
  }
  return out.join('\n');
}

export function renderRescoreMarkdown(view: RescoreView): string {
  const a = authorUi(view.lang).rescore;
  const lines = [`## ${mdEscape(title(view))}`, '', a.respondents(view.summary.count), ''];
  for (const r of view.rescored) lines.push(`- ${mdEscape(respondentLine(view, r))}`);
  lines.push('', `### ${a.total}`, '', `| ${a.score} | ${a.changed} | ${a.meanDelta} | ${a.range} | ${a.levelChanges} |`, '| --- | ---: | ---: | ---: | ---: |');
  for (const x of view.summary.scores) lines.push(`| ${scoreRow(view, x).map(mdEscape).join(' | ')} |`);
  if (view.summary.recommendations.length > 0) {
    lines.push('', `| ${a.recommendation} | ${a.addedFor} | ${a.removedFor} |`, '| --- | ---: | ---: |');
    for (const r of view.summary.recommendations) lines.push(`| \`${mdEscape(r.id)}\` | ${r.added} | ${r.removed} |`);
  }
  return `${lines.join('\n')}\n`;
}

export function renderRescoreJson(view: RescoreView): string {
  return JSON.stringify({ summary: view.summary, respondents: view.rescored }, null, 2);
}

/** `diag rescore`'s renderers, one per format. */
export const rescoreRenderers = {
  text: async (): Promise<Renderer<RescoreView>> => renderRescoreText,
  json: async (): Promise<Renderer<RescoreView>> => renderRescoreJson,
  markdown: async (): Promise<Renderer<RescoreView>> => renderRescoreMarkdown,
} satisfies Record<RescoreFormat, Lazy<Renderer<RescoreView>>>;
