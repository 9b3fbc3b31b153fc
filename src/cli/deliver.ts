import { existsSync } from 'node:fs';
import type { Bank, Report } from '../core/index.js';
import { useColor } from './common.js';
import { InputError } from './errors.js';
import { emit, writeFileAtomic } from './output.js';
import { formatOfFile, REPORT_FORMATS, reportRenderers, type ReportFormat } from './render/index.js';

export interface DeliveryOptions {
  format?: ReportFormat;
  output?: string[];
  force?: boolean;
  color?: boolean;
  csvDelimiter?: string;
  bank?: Bank;
}

/** Which format goes where: stdout with --format, each -o file by its extension (or --format for one file). */
export function plan(options: DeliveryOptions): Array<{ file: string | undefined; format: ReportFormat }> {
  const outputs = (options.output ?? []).filter((o) => o !== '-');
  const toStdout = (options.output ?? []).includes('-') || outputs.length === 0;
  const targets: Array<{ file: string | undefined; format: ReportFormat }> = [];
  if (toStdout) targets.push({ file: undefined, format: options.format ?? 'text' });
  for (const file of outputs) {
    const format = outputs.length === 1 && options.format !== undefined ? options.format : formatOfFile(file);
    if (format === undefined) throw new InputError(`-o ${file}: cannot tell the format from the name; use an extension (.json .md .csv .html .txt) or --format (${REPORT_FORMATS.join(', ')})`);
    targets.push({ file, format });
  }
  return targets;
}

/** `--csv-delimiter`: one character, or tab / semicolon / comma by name. */
export function parseDelimiter(value: string | undefined): string {
  if (value === undefined) return ',';
  const named: Record<string, string> = { tab: '\t', '\\t': '\t', semicolon: ';', comma: ',' };
  const delimiter = named[value] ?? value;
  if (delimiter.length !== 1 || /["\r\n]/.test(delimiter)) throw new InputError(`--csv-delimiter ${JSON.stringify(value)}: expected one character such as , ; or tab`);
  return delimiter;
}

/**
 * Renders the reports in every format asked for, then writes them: everything is rendered and
 * every target checked before the first byte is written, so that a refusal leaves nothing behind.
 */
export async function deliverReports(reports: readonly Report[], many: boolean, options: DeliveryOptions): Promise<void> {
  const csvDelimiter = parseDelimiter(options.csvDelimiter);
  const targets = plan(options);
  if (!options.force) {
    const taken = targets.filter((t) => t.file !== undefined && existsSync(t.file)).map((t) => t.file);
    if (taken.length > 0) throw new InputError(`${taken.join(', ')} already exist${taken.length === 1 ? 's' : ''}; choose another name or add --force to replace`);
  }
  const rendered: Array<{ file: string | undefined; content: string }> = [];
  for (const target of targets) {
    const render = await reportRenderers[target.format]();
    const color = target.file === undefined && target.format === 'text' && useColor(options, process.stdout, process.env);
    let content = render(reports, many, { color, width: process.stdout.columns ?? 80, csvDelimiter, ...(options.bank === undefined ? {} : { bank: options.bank }) });
    // Spreadsheets (Excel above all) read UTF-8 CSV files correctly only with a byte order mark.
    if (target.format === 'csv' && target.file !== undefined) content = `\uFEFF${content}`;
    rendered.push({ file: target.file, content });
  }
  for (const { file, content } of rendered) {
    if (file === undefined) emit(content, undefined);
    else writeFileAtomic(file, content.endsWith('\n') ? content : `${content}\n`, { force: options.force === true });
  }
}
