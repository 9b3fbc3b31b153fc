import type { Aggregate, Bank, Report } from '../../core/index.js';

/**
 * The one place the workshop reaches into the CLI's renderers: the same HTML as
 * `diag report -o x.html` and `diag aggregate -o group.html`. Loaded on first use.
 */
export async function reportHtml(report: Report, bank: Bank): Promise<string> {
  const { renderReportsHtml } = await import('../render/html.js');
  return renderReportsHtml([report], { color: false, width: 80, bank });
}

export async function groupHtml(aggregate: Aggregate, bank: Bank, lang: string, by: readonly string[]): Promise<string> {
  const { aggregateView } = await import('../render/aggregate-view.js');
  const { renderAggregateHtml } = await import('../render/aggregate-doc.js');
  return renderAggregateHtml(aggregateView(aggregate, bank, lang, by));
}
