import type { Report } from '../../core/index.js';
import { safeText } from './terminal.js';
import type { RenderOptions } from './types.js';

/**
 * One CSV cell. Cells a spreadsheet would run as a formula (= + - @, tab, CR) get a leading
 * apostrophe; cells holding the delimiter, a quote or a line break are quoted.
 */
export function csvCell(value: string | number | null, delimiter: string): string {
  if (value === null) return '';
  let text = typeof value === 'number' ? (delimiter === ';' ? String(value).replace('.', ',') : String(value)) : safeText(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return new RegExp(`["\\r\\n${delimiter === '\t' ? '\\t' : delimiter.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}]`).test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: ReadonlyArray<string | number | null>, delimiter: string): string {
  return values.map((v) => csvCell(v, delimiter)).join(delimiter);
}

/** One row per respondent: who, when, the overall score and level, each dimension's score and level. */
export function renderReportsCsv(reports: readonly Report[], options: RenderOptions): string {
  const delimiter = options.csvDelimiter ?? ',';
  const dimensions = reports[0]?.scores.dimensions.map((d) => d.id) ?? [];
  const header = ['respondent', 'createdAt', 'bank', 'bankVersion', 'lang', 'overall', 'overall_level', ...dimensions.flatMap((id) => [id, `${id}_level`])];
  const rows = reports.map((r) =>
    csvRow(
      [
        r.respondent,
        r.createdAt,
        r.bank.id,
        r.bank.version,
        r.lang,
        r.scores.overall.score,
        r.scores.overall.level,
        ...dimensions.flatMap((id) => {
          const d = r.scores.dimensions.find((x) => x.id === id);
          return [d?.score ?? null, d?.level ?? null];
        }),
      ],
      delimiter,
    ),
  );
  return `${[csvRow(header, delimiter), ...rows].join('\r\n')}\r\n`;
}
