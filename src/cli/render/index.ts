import type { ReportRenderer } from './types.js';

export const REPORT_FORMATS = ['text', 'json', 'markdown', 'csv', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/**
 * Report formats and their renderers, loaded on demand so that start-up pays only for the one
 * used. The keys feed commander's `.choices()`.
 */
export const reportRenderers = {
  text: async () => {
    const { renderReportText } = await import('./text.js');
    return (reports, _many, options) => reports.map((r) => renderReportText(r, options)).join(`\n\n${'─'.repeat(Math.min(options.width ?? 80, 100))}\n\n`);
  },
  json: async () => (reports, many) => JSON.stringify(many ? reports : reports[0], null, 2),
  markdown: async () => {
    const { renderReportMarkdown } = await import('./markdown.js');
    return (reports, _many, options) => reports.map((r) => renderReportMarkdown(r, options)).join('\n---\n\n');
  },
  csv: async () => {
    const { renderReportsCsv } = await import('./csv.js');
    return (reports, _many, options) => renderReportsCsv(reports, options);
  },
  html: async () => {
    const { renderReportsHtml } = await import('./html.js');
    return (reports, _many, options) => renderReportsHtml(reports, options);
  },
} satisfies Record<ReportFormat, () => Promise<ReportRenderer>>;

const EXTENSIONS: Record<string, ReportFormat> = { '.txt': 'text', '.json': 'json', '.md': 'markdown', '.markdown': 'markdown', '.csv': 'csv', '.html': 'html', '.htm': 'html' };

/** The format a file name asks for (`report.html` -> html), if its extension says. */
export function formatOfFile(file: string): ReportFormat | undefined {
  const match = /\.[a-z]+$/i.exec(file);
  return match === null ? undefined : EXTENSIONS[match[0].toLowerCase()];
}
