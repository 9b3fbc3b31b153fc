import { buildReport, validateAnswers, type Bank, type Report } from '../core/index.js';
import { InputError } from './errors.js';
import { chooseLanguage } from './i18n.js';
import { formatProblems } from './load-bank.js';
import { expandInputs, readRecords } from './read-inputs.js';
import { TOOL } from './version.js';

export interface ScoreOptions {
  lang?: string;
  /** Called with each warning line (hidden answers, unknown keys). */
  warn: (line: string) => void;
  /** The date of reports whose answer file has none (SOURCE_DATE_EPOCH, else now). */
  now: () => string;
}

/** `--lang` must be a language of the bank. */
export function checkLanguage(bank: Bank, lang: string | undefined): void {
  if (lang !== undefined && !bank.languages.includes(lang)) {
    throw new InputError(`--lang ${lang}: the bank "${bank.id}" has no such language; available: ${bank.languages.join(', ')}`);
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

/**
 * Reads, validates and scores every input. All problems of all files are gathered; if there is
 * any, nothing is returned and one InputError lists them, so that no output is half-written.
 */
export async function scoreInputs(bank: Bank, paths: readonly string[], options: ScoreOptions): Promise<{ reports: Report[]; many: boolean }> {
  checkLanguage(bank, options.lang);
  const { files, many } = expandInputs(paths);
  const reports: Report[] = [];
  const problems: string[] = [];
  let failed = 0;
  for await (const record of readRecords(files)) {
    if ('error' in record) {
      failed++;
      // Loops, not push(...lines): a million problems in one file would overflow the call stack.
      problems.push(record.error.message);
      for (const line of record.error.details) problems.push(line);
      continue;
    }
    const { source } = record;
    const result = validateAnswers(bank, source.data);
    for (const warning of formatProblems(source, result.warnings, false)) options.warn(`warning: ${warning}`);
    if (!result.ok) {
      failed++;
      for (const line of formatProblems(source, result.errors, false)) problems.push(line);
      continue;
    }
    const file = result.value;
    const lang = chooseLanguage(bank.languages, options.lang, file.lang);
    reports.push(buildReport(bank, file, { lang, createdAt: file.createdAt ?? options.now(), tool: { name: TOOL.name, version: TOOL.version } }));
  }
  if (failed > 0) {
    throw new InputError(`${failed} input${failed === 1 ? '' : 's'} refused; nothing was written`, problems);
  }
  if (reports.length === 0) throw new InputError(`no answers found in ${paths.join(', ')} (looked for .yaml, .yml, .json, .ndjson, .jsonl)`);
  return { reports, many };
}
