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

/** The CSV header of reports: who, when, the overall score and level, each dimension's score and level, the source file. */
export function csvHeader(dimensions: readonly string[], delimiter: string, normed = false): string {
  // With norms (SPEC section 13): the percentiles, in columns after the scores.
  const percentiles = normed ? ['overall_percentile', ...dimensions.map((id) => `${id}_percentile`)] : [];
  return csvRow(['respondent', 'createdAt', 'bank', 'bankVersion', 'lang', 'overall', 'overall_level', ...dimensions.flatMap((id) => [id, `${id}_level`]), ...percentiles, 'source'], delimiter);
}

export function csvReportRow(r: Report, dimensions: readonly string[], delimiter: string, normed = false): string {
  const source = r.source === undefined ? null : r.source.line === undefined ? r.source.path : `${r.source.path}:${r.source.line}`;
  const scores = dimensions.flatMap((id) => {
    const d = r.scores.dimensions.find((x) => x.id === id);
    return [d?.score ?? null, d?.level ?? null];
  });
  const percentiles = normed ? [r.scores.overall.percentile ?? null, ...dimensions.map((id) => r.scores.dimensions.find((x) => x.id === id)?.percentile ?? null)] : [];
  return csvRow([r.respondent, r.createdAt, r.bank.id, r.bank.version, r.lang, r.scores.overall.score, r.scores.overall.level, ...scores, ...percentiles, source], delimiter);
}

/** One row per respondent (see csvHeader). */
export function renderReportsCsv(reports: readonly Report[], options: RenderOptions): string {
  const delimiter = options.csvDelimiter ?? ',';
  const dimensions = reports[0]?.scores.dimensions.map((d) => d.id) ?? [];
  const normed = reports.some((r) => r.norms !== undefined);
  return `${[csvHeader(dimensions, delimiter, normed), ...reports.map((r) => csvReportRow(r, dimensions, delimiter, normed))].join('\r\n')}\r\n`;
}
