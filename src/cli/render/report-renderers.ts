import type { Report } from '../../core/index.js';
import type { Gate } from '../thresholds.js';
import type { ReportFormat } from './formats.js';
import type { Lazy, StreamRenderer } from './types.js';

/** A report with where it came from and the thresholds it was checked against. */
export interface ScoredReport {
  report: Report;
  gate: Gate;
}

/**
 * The report formats of `score` and `report`: each renders reports as they come (memory does not
 * grow with their number). JUnit renders the gates. The keys feed commander's `.choices()`.
 */
export const reportRenderers = {
  text: async () => {
    const { renderReportText } = await import('./text.js');
    return (options) => {
      let count = 0;
      const rule = `\n\n${(options.ascii ? '-' : '─').repeat(Math.min(options.width ?? 80, 100))}\n\n`;
      return { item: ({ report }) => `${count++ === 0 ? '' : rule}${renderReportText(report, options)}`, end: () => (count === 0 ? '' : '\n') };
    };
  },
  json: async () => (options) => {
    const array = options.many === true || options.jsonArray === true;
    let count = 0;
    return {
      // In an array, a report indented by two more spaces is what JSON.stringify([report]) writes
      // between its brackets: no second pass over the text to indent it.
      item: ({ report }) => (array ? `${count++ === 0 ? '[\n' : ',\n'}${JSON.stringify([report], null, 2).slice(2, -2)}` : `${count++ === 0 ? '' : '\n'}${JSON.stringify(report, null, 2)}`),
      end: () => (array ? (count === 0 ? '[]\n' : '\n]\n') : '\n'),
    };
  },
  ndjson: async () => () => ({ item: ({ report }) => `${JSON.stringify(report)}\n`, end: () => '' }),
  markdown: async () => {
    const { renderReportMarkdown } = await import('./markdown.js');
    const { SUMMARY_ABOVE, summaryHead, summaryRow } = await import('./summary.js');
    return (options) => {
      // Up to SUMMARY_ABOVE reports are held, then the summary table takes over: memory stays bounded.
      let held: Report[] | undefined = [];
      let count = 0;
      let dimensions: string[] = [];
      const rows = (reports: readonly Report[]) => reports.map((r) => summaryRow(r, ++count, r.source, dimensions)).join('');
      const start = (first: Report) => {
        dimensions = first.scores.dimensions.map((d) => d.id);
        return summaryHead(first);
      };
      return {
        item: ({ report }) => {
          if (held === undefined) return rows([report]);
          held.push(report);
          if (options.summary !== true && held.length <= SUMMARY_ABOVE) return '';
          const first = held[0] ?? report;
          const text = start(first) + rows(held);
          held = undefined;
          return text;
        },
        end: () => {
          if (held === undefined || held.length === 0) return '';
          return held.map((r) => renderReportMarkdown(r, options)).join('\n---\n\n');
        },
      };
    };
  },
  csv: async () => {
    const { csvHeader, csvReportRow } = await import('./csv.js');
    return (options) => {
      const delimiter = options.csvDelimiter ?? ',';
      let dimensions: string[] | undefined;
      // Every report of one run has norms or none (one --norms for all): the first one says.
      let normed = false;
      return {
        item: ({ report }) => {
          let head = '';
          if (dimensions === undefined) {
            normed = report.norms !== undefined;
            head = `${csvHeader((dimensions = report.scores.dimensions.map((d) => d.id)), delimiter, normed)}\r\n`;
          }
          return `${head}${csvReportRow(report, dimensions, delimiter, normed)}\r\n`;
        },
        end: () => (dimensions === undefined ? `${csvHeader(options.bank?.dimensions.map((d) => d.id) ?? [], delimiter)}\r\n` : ''),
      };
    };
  },
  html: async () => {
    const { pageAround, reportSection, reportsTitle } = await import('./html.js');
    return (options) => {
      let close: string | undefined;
      return {
        item: ({ report }) => {
          let open = '';
          if (close === undefined) ({ open, close } = pageAround(report.lang, reportsTitle(report, options.many !== true)));
          return `${open}${reportSection(report, options)}\n`;
        },
        end: () => {
          if (close !== undefined) return close;
          const empty = pageAround('fr', 'diag');
          return empty.open + empty.close;
        },
      };
    };
  },
  junit: async () => {
    const { junitStream } = await import('./gates.js');
    return () => {
      const stream = junitStream();
      return { item: ({ gate }) => stream.item(gate), end: () => stream.end() };
    };
  },
} satisfies Record<ReportFormat, Lazy<StreamRenderer<ScoredReport>>>;

