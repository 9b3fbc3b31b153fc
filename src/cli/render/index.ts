import type { ReportRenderer } from './types.js';

/**
 * Report formats and their renderers, loaded on demand so that start-up pays only for the one
 * used. The keys feed commander's `.choices()`.
 */
export const REPORT_FORMATS = ['text', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const reportRenderers = {
  text: async () => {
    const { renderReportText } = await import('./text.js');
    return (reports, _many, options) => reports.map((r) => renderReportText(r, options)).join('\n\n' + '─'.repeat(Math.min(options.width ?? 80, 100)) + '\n\n');
  },
  json: async () => (reports, many) => JSON.stringify(many ? reports : reports[0], null, 2),
} satisfies Record<ReportFormat, () => Promise<ReportRenderer>>;
