import { buildReport, validateAnswers, type AnswerFile, type Bank, type Report } from '../core/index.js';
import { readRespondent, type Respondent } from '../core/aggregate-group.js';
import { quickRespondent } from '../core/respondent.js';
import { sanitizeText } from '../core/sanitize.js';
import { errorText, InputError } from './errors.js';
import { chooseLanguage, messages } from './i18n.js';
import { formatProblems } from './load-bank.js';
import { expandInputs, readRecords } from './read-inputs.js';
import type { Source } from './source.js';
import { TOOL } from './version.js';

/** What `diag score` reads its inputs with. */
export type ScoreOptions = Pick<ReportStreamOptions, 'lang' | 'warn' | 'now'>;

/** `--lang` must be a language of the bank. */
export function checkLanguage(bank: Bank, lang: string | undefined): void {
  if (lang !== undefined && !bank.languages.includes(lang)) {
    throw new InputError(errorText('noSuchLanguage', { lang, bank: bank.id, languages: bank.languages }));
  }
}

/** The date to stamp reports with: SOURCE_DATE_EPOCH (seconds) makes builds reproducible. */
export function reportDate(env: NodeJS.ProcessEnv): () => string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d+$/.test(epoch)) {
    const fixed = new Date(Number(epoch) * 1000).toISOString();
    return () => fixed;
  }
  return () => new Date().toISOString();
}

export interface ReportStreamOptions {
  lang?: string;
  /** Called with each warning line (hidden answers, unknown keys). */
  warn: (line: string) => void;
  /** The date of reports whose answer file has none (SOURCE_DATE_EPOCH, else now). */
  now: () => string;
  /** Scores only, for aggregates (see ReportContext.scoresOnly). */
  scoresOnly?: boolean;
  /** Told whether standard input (`-`) held NDJSON (several records) or one document. */
  onStdinKind?: (kind: 'ndjson' | 'document') => void;
  /** Keep at most this many problem lines (a million bad records must not fill memory); default all. */
  maxProblemLines?: number;
}

/** How a stream makes what it yields of a valid record: the full way, and a quicker one for clean records (undefined: take the full way). */
interface Maker<T> {
  full: (file: AnswerFile, source: Source, lang: string) => T;
  quick?: (data: unknown) => T | undefined;
}

/**
 * What `make` makes of every valid input, one record at a time. Problems of all inputs are
 * gathered; once the inputs are read, any problem becomes one InputError listing them, so that
 * the caller, which has written nothing yet, writes nothing.
 */
async function* streamValid<T>(bank: Bank, files: readonly string[], options: ReportStreamOptions, make: Maker<T>): AsyncGenerator<{ value: T; file: AnswerFile | undefined; name: string }> {
  const problems: string[] = [];
  const keep = options.maxProblemLines ?? Infinity;
  // Loops, not push(...lines): a million problems in one file would overflow the call stack.
  const note = (lines: readonly string[]) => {
    for (const line of lines) if (problems.length < keep) problems.push(line);
  };
  let failed = 0;
  // The report language depends only on the record's own `lang` here (the rest is the same for
  // every record): chosen once per value, not once per record.
  const languages = new Map<string | undefined, string>();
  const languageOf = (lang: string | undefined) => {
    let chosen = languages.get(lang);
    if (chosen === undefined) {
      chosen = chooseLanguage(bank.languages, options.lang, lang);
      if (languages.size < 64) languages.set(lang, chosen);
    }
    return chosen;
  };
  const { quick } = make;
  for await (const record of readRecords(files, options.onStdinKind === undefined ? {} : { onStdinKind: options.onStdinKind })) {
    if ('error' in record) {
      failed++;
      note([record.error.localized, ...record.error.details.slice(0, keep)]);
      continue;
    }
    const { source } = record;
    // A clean record (no warning, no problem) the quick way; anything else is validated and worded.
    const quickly = quick?.(source.data);
    if (quickly !== undefined) {
      yield { value: quickly, file: undefined, name: source.name };
      continue;
    }
    const result = validateAnswers(bank, source.data);
    for (const warning of formatProblems(source, result.warnings, false)) options.warn(sanitizeText(`${messages().warning}${messages().colon}${warning}`));
    if (!result.ok) {
      failed++;
      if (problems.length < keep) note(formatProblems(source, result.errors, false));
      continue;
    }
    const file = result.value;
    yield { value: make.full(file, source, languageOf(file.lang)), file, name: source.name };
  }
  if (failed > 0) {
    if (problems.length >= keep) problems.push('… and more');
    throw new InputError(errorText('inputsRefused', { count: failed }), problems);
  }
}

/**
 * Streams the reports of every valid input, one record at a time; refuses them all at the end
 * when any is wrong (see streamValid).
 */
export async function* streamReports(bank: Bank, files: readonly string[], options: ReportStreamOptions): AsyncGenerator<{ report: Report; file: AnswerFile; name: string }> {
  const tool = { name: TOOL.name, version: TOOL.version };
  const full = (file: AnswerFile, source: Source, lang: string) =>
    buildReport(bank, file, { lang, createdAt: file.createdAt ?? options.now(), tool, ...(options.scoresOnly ? { scoresOnly: true } : { source: sourceOf(source) }) });
  for await (const { value, file, name } of streamValid(bank, files, options, { full })) {
    if (file !== undefined) yield { report: value, file, name };
  }
}

/**
 * What a group aggregate reads of every valid input (see Respondent), one record at a time: a
 * clean answer record read straight into it (quickRespondent), any other validated and scored as
 * streamReports does. Refuses them all at the end when any is wrong, with the same messages.
 */
export function streamRespondents(bank: Bank, files: readonly string[], options: Omit<ReportStreamOptions, 'scoresOnly' | 'now'>): AsyncGenerator<{ value: Respondent; name: string }> {
  const context = { createdAt: '', tool: { name: TOOL.name, version: TOOL.version }, scoresOnly: true };
  return streamValid(bank, files, { ...options, now: () => '' }, {
    full: (file, _source, lang) => readRespondent(bank, buildReport(bank, file, { ...context, lang })),
    quick: (data) => quickRespondent(bank, data),
  });
}

/** The report's `source`: the file, and the line of an NDJSON record (its name is `file:LINE`). */
function sourceOf(source: { file: string; name: string }): { path: string; line?: number } {
  const line = source.name.startsWith(`${source.file}:`) ? Number(source.name.slice(source.file.length + 1)) : NaN;
  return Number.isInteger(line) && line > 0 ? { path: source.file, line } : { path: source.file };
}

/** Reads, validates and scores every input, keeping the reports (for `diag score`). */
export async function scoreInputs(bank: Bank, paths: readonly string[], options: ScoreOptions): Promise<{ reports: Report[]; many: boolean }> {
  checkLanguage(bank, options.lang);
  const expanded = expandInputs(paths, { warn: options.warn });
  let many = expanded.many;
  const reports: Report[] = [];
  const onStdinKind = (kind: 'ndjson' | 'document') => void (many ||= kind === 'ndjson');
  for await (const { report } of streamReports(bank, expanded.files, { ...options, onStdinKind })) reports.push(report);
  if (reports.length === 0) throw new InputError(errorText('noAnswers', { paths }));
  return { reports, many };
}
