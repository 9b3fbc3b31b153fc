import { Chalk } from 'chalk';
import Table from 'cli-table3';
import type { Comparison, ScoreChange } from '../../core/index.js';
import { ui } from '../i18n.js';
import { mdEscape } from './markdown.js';
import { formatScore, safeText } from './terminal.js';

import type { CompareFormat } from './compare-formats.js';

export type { CompareFormat };

function day(iso: string, lang: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString(lang);
}

function delta(change: ScoreChange, lang: string): string {
  if (change.delta === null) return '—';
  const arrow = change.delta > 0 ? '▲' : change.delta < 0 ? '▼' : '=';
  return `${arrow} ${change.delta > 0 ? '+' : ''}${formatScore(change.delta, lang)}`;
}

function level(change: ScoreChange): string {
  return change.levelChanged ? `${change.oldLevel ?? '—'} → ${change.newLevel ?? '—'}` : '';
}

/** A comparison of two reports, in the chosen format. */
export function renderComparison(comparison: Comparison, format: CompareFormat, lang: string, color: boolean): string {
  if (format === 'json') return JSON.stringify(comparison, null, 2);
  const s = ui(lang);
  const rows = [{ ...comparison.overall, title: s.overall }, ...comparison.dimensions];
  const title = s.compare.title(day(comparison.dates.old, lang), day(comparison.dates.new, lang));
  const gone = comparison.recommendations.gone.map((r) => r.title);
  const added = comparison.recommendations.new.map((r) => r.title);
  if (format === 'markdown') {
    const lines = [`## ${mdEscape(title)}`, '', `| ${s.dimension} | ${s.compare.before} | ${s.compare.after} | ${s.compare.change} | ${s.compare.levelChange} |`, '| --- | ---: | ---: | ---: | --- |'];
    for (const r of rows) lines.push(`| ${mdEscape(r.title)} | ${formatScore(r.old, lang)} | ${formatScore(r.new, lang)} | ${delta(r, lang)} | ${mdEscape(level(r))} |`);
    lines.push('', `### ${s.compare.added}`, '', ...(added.length === 0 ? [`_${s.compare.nothing}_`] : added.map((t) => `- ${mdEscape(t)}`)));
    lines.push('', `### ${s.compare.gone}`, '', ...(gone.length === 0 ? [`_${s.compare.nothing}_`] : gone.map((t) => `- ${mdEscape(t)}`)));
    return `${lines.join('\n')}\n`;
  }
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const table = new Table({
    head: [s.dimension, s.compare.before, s.compare.after, s.compare.change, s.compare.levelChange],
    style: color ? { head: ['bold'], border: ['grey'] } : { head: [], border: [] },
    colAligns: ['left', 'right', 'right', 'right', 'left'],
  });
  for (const r of rows) {
    const paint = r.delta === null || r.delta === 0 ? chalk.dim : r.delta > 0 ? chalk.green : chalk.red;
    table.push([safeText(r.title), formatScore(r.old, lang), formatScore(r.new, lang), paint(delta(r, lang)), safeText(level(r))]);
  }
  const list = (items: string[]) => (items.length === 0 ? [`  ${chalk.dim(s.compare.nothing)}`] : items.map((t) => `  • ${safeText(t)}`));
  return [chalk.bold(title), table.toString(), '', chalk.bold(s.compare.added), ...list(added), '', chalk.bold(s.compare.gone), ...list(gone)].join('\n');
}
