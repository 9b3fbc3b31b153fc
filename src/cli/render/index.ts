import type { Aggregate, Bank, Report } from '../../core/index.js';
import { groupView, renderAggregateHtml } from './aggregate-doc.js';
import { renderReportsHtml } from './html.js';
import type { RenderOptions } from './types.js';

/**
 * The map of rendering: every document's renderer table, and the HTML pages the workshop server
 * serves. Commands import the table they need directly, so that start-up loads only that one.
 */
export { formatOfFile, FORMATS, REPORT_FORMATS, type Format, type ReportFormat } from './formats.js';
export { reportRenderers, type ScoredReport } from './report-renderers.js';
export { comparisonRenderers, explanationRenderers, groupRenderers, templateRenderers } from './document-renderers.js';
export type { RenderOptions } from './types.js';

/** One report as a self-contained HTML page (the workshop server serves it). */
export function renderReportHtml(report: Report, options: Partial<RenderOptions> = {}): string {
  return renderReportsHtml([report], { color: false, ...options });
}

/** A group's results as a self-contained HTML page (the workshop server serves it). */
export function renderGroupHtml(aggregate: Aggregate, bank: Bank, lang: string, options: Partial<RenderOptions> & { by?: readonly string[] } = {}): string {
  const by = options.by ?? [...new Set([...aggregate.segments.map((x) => x.by), ...aggregate.suppressed.map((x) => x.by)])];
  return renderAggregateHtml(groupView({ aggregate, bank, lang, by }));
}
