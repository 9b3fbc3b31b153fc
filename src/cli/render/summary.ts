import type { Report } from '../../core/index.js';
import { sourceName, type SourceRef } from '../thresholds.js';
import { outputUi, ui } from '../i18n.js';
import { mdCodeCell, mdEscape } from './markdown.js';
import { formatScore } from './terminal.js';

/** Above this many reports, `--format markdown` prints the summary table instead of every report. */
export const SUMMARY_ABOVE = 10;

/** The compact Markdown of many reports: one row per respondent, one column per dimension. */
export function summaryHead(first: Report): string {
  const s = ui(first.lang);
  const head = ['#', s.respondent, outputUi(first.lang).summarySource, s.overall, s.level, ...first.scores.dimensions.map((d) => d.title)];
  return `## ${mdEscape(first.bank.title)}\n\n| ${head.map(mdEscape).join(' | ')} |\n| ---: | --- | --- | ---: | --- |${first.scores.dimensions.map(() => ' ---: |').join('')}\n`;
}

export function summaryRow(report: Report, index: number, source: SourceRef | undefined, dimensions: readonly string[]): string {
  const n = (x: number | null | undefined) => formatScore(x ?? null, report.lang);
  const cells = [
    String(index),
    mdEscape(report.respondent ?? '—'),
    source === undefined ? '' : mdCodeCell(sourceName(source)),
    n(report.scores.overall.score),
    mdEscape(report.scores.overall.levelLabel ?? '—'),
    ...dimensions.map((id) => n(report.scores.dimensions.find((d) => d.id === id)?.score)),
  ];
  return `| ${cells.join(' | ')} |\n`;
}
