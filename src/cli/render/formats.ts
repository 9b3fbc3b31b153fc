/**
 * Every output format diag knows, and how a file name asks for one. Each document supports a
 * subset (see its renderer table); `deliver` refuses the others with a clear message.
 */
export const FORMATS = ['text', 'json', 'ndjson', 'markdown', 'csv', 'html', 'junit', 'yaml'] as const;
export type Format = (typeof FORMATS)[number];

/** Longest suffix first: `r.junit.xml` is JUnit before it is XML. */
const EXTENSIONS: ReadonlyArray<readonly [string, Format]> = [
  ['.junit.xml', 'junit'],
  ['.xml', 'junit'],
  ['.ndjson', 'ndjson'],
  ['.jsonl', 'ndjson'],
  ['.json', 'json'],
  ['.md', 'markdown'],
  ['.markdown', 'markdown'],
  ['.csv', 'csv'],
  ['.html', 'html'],
  ['.htm', 'html'],
  ['.txt', 'text'],
  ['.yaml', 'yaml'],
  ['.yml', 'yaml'],
];

/** The format a file name asks for (`report.html` -> html), if its extension says. */
export function formatOfFile(file: string): Format | undefined {
  const name = file.toLowerCase();
  return EXTENSIONS.find(([suffix]) => name.endsWith(suffix))?.[1];
}

/** The extensions that give each format, for messages: `.json`, `.md`… */
export function extensionsOf(format: Format): string[] {
  return EXTENSIONS.filter(([, f]) => f === format).map(([suffix]) => suffix);
}

/** The formats of each document; its renderer table has exactly these keys. */
export const REPORT_FORMATS = ['text', 'json', 'ndjson', 'markdown', 'csv', 'html', 'junit'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const GROUP_FORMATS = ['text', 'json', 'markdown', 'csv', 'html'] as const;
export type GroupFormat = (typeof GROUP_FORMATS)[number];
export const COMPARISON_FORMATS = ['text', 'json', 'markdown', 'html'] as const;
export type ComparisonFormat = (typeof COMPARISON_FORMATS)[number];
export const EXPLANATION_FORMATS = COMPARISON_FORMATS;
export const TEMPLATE_FORMATS = ['yaml'] as const;
export const LINT_FORMATS = ['text', 'json', 'markdown'] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];
export const RESCORE_FORMATS = LINT_FORMATS;
export type RescoreFormat = LintFormat;
