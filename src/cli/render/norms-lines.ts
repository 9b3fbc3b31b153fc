import type { Report } from '../../core/index.js';
import { authorUi } from '../i18n.js';
import { esc } from './html-kit.js';

/**
 * What a report with norms says about its percentiles (SPEC section 13), written once for every
 * format: "Overall: at or above 62 % of the reference group", then each dimension, then the group.
 * Empty for a report without norms.
 */
export interface NormsLines {
  lines: Array<{ label: string; text: string }>;
  reference: string;
}

export function normsLines(report: Report, overallLabel: string): NormsLines | undefined {
  if (report.norms === undefined) return undefined;
  const a = authorUi(report.lang);
  const lines: NormsLines['lines'] = [];
  if (report.scores.overall.percentile !== undefined) lines.push({ label: overallLabel, text: a.norms.percentile(report.scores.overall.percentile) });
  for (const d of report.scores.dimensions) if (d.percentile !== undefined) lines.push({ label: d.title, text: a.norms.percentile(d.percentile) });
  const date = report.norms.createdAt.slice(0, 10);
  return { lines, reference: a.norms.reference(report.norms.n, date) };
}

/** Plain-text lines (terminal, Markdown list items are built from the same pairs). */
export function normsText(report: Report, overallLabel: string, colon: string): string[] {
  const found = normsLines(report, overallLabel);
  if (found === undefined) return [];
  return [...found.lines.map((l) => `${l.label}${colon}${l.text}`), `(${found.reference})`, ''];
}

export function normsHtml(report: Report, overallLabel: string, colon: string): string {
  const found = normsLines(report, overallLabel);
  if (found === undefined) return '';
  const items = found.lines.map((l) => `<li><strong>${esc(l.label)}</strong>${esc(colon)}${esc(l.text)}</li>`).join('');
  return `<ul class="norms">${items}</ul><p class="muted">${esc(found.reference)}</p>`;
}
