import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { Bank, Report } from '../core/index.js';
import { createFile, createUniqueFile } from './output.js';
import { fileNamePart } from './paths.js';

/** Where a finished participant's two files went. */
export interface SavedResult {
  report: string;
  answers: string;
}

/**
 * Where the search for a free `base-N` name starts, per base: the names a process created are
 * never reused, so a server saving hundreds of reports under one base (anonymous participants
 * in the same minute) tries one name each, not all the earlier ones again.
 */
const nextNumber = new Map<string, number>();

/** `base.ext`, else `base-2.ext`, `base-3.ext`…: the first name free, as createUniqueFile names them. */
function createNumberedFile(base: string, extension: string, content: string): string {
  const key = `${base}\u0000${extension}`;
  for (let n = nextNumber.get(key) ?? 1; ; n++) {
    const file = `${base}${n === 1 ? '' : `-${n}`}${extension}`;
    if (createFile(file, content)) {
      nextNumber.set(key, n + 1);
      return file;
    }
  }
}

function stamp(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}`;
}

/** The answer file a finished run leaves beside its report, which `diag score` accepts. */
export function answerFileYaml(bank: Bank, report: Report): string {
  const file = {
    bank: bank.id,
    // Lets a later version of the bank say which one the file was written for.
    bankVersion: bank.version,
    ...(report.respondent === null ? {} : { respondent: report.respondent }),
    lang: report.lang,
    createdAt: report.createdAt,
    answers: { ...report.profile, ...report.answers },
  };
  return `# diag answers, bank ${bank.id} ${bank.version}: diag score THIS_FILE\n${stringify(file)}`;
}

/**
 * Writes the report and its answers under names never used before (exclusive create, whole file
 * or nothing). In a shared folder (`run --out-dir`, `run --workshop`, `diag workshop`) the answers
 * go to its `answers/` subfolder, so that `diag aggregate FOLDER` counts each participant once.
 * With `out` (and no folder), the report takes that name if it is free.
 */
export function saveResult(bank: Bank, report: Report, target: { folder?: string; out?: string; onOutTaken?: (file: string) => void }): SavedResult {
  const { folder, out } = target;
  const json = `${JSON.stringify(report, null, 2)}\n`;
  const answers = answerFileYaml(bank, report);
  const answersBeside = (reportFile: string) => createUniqueFile(`${reportFile.replace(/\.json$/i, '')}-answers`, '.yaml', answers);
  if (out !== undefined && folder === undefined) {
    if (createFile(out, json)) return { report: out, answers: answersBeside(out) };
    target.onOutTaken?.(out);
    const reportFile = createUniqueFile(out.replace(/\.json$/i, ''), '.json', json);
    return { report: reportFile, answers: answersBeside(reportFile) };
  }
  // Cut to a safe length in bytes: a 300-character pseudonym would otherwise fail with ENAMETOOLONG.
  const who = report.respondent === null ? '' : fileNamePart(report.respondent);
  const name = `diag-${bank.id}${who === '' ? '' : `-${who}`}-${stamp(new Date(report.createdAt))}`;
  const reportFile = createNumberedFile(join(folder ?? '.', name), '.json', json);
  if (folder === undefined) return { report: reportFile, answers: answersBeside(reportFile) };
  const base = reportFile.slice(folder.length).replace(/^[\\/]/, '').replace(/\.json$/i, '');
  try {
    mkdirSync(join(folder, 'answers'), { recursive: true });
    return { report: reportFile, answers: createNumberedFile(join(folder, 'answers', base), '.yaml', answers) };
  } catch (error) {
    // Both files or neither: a report left alone in the folder is counted by `diag aggregate`,
    // and each retry (a full disk, a file where answers/ goes) would add one more of the same person.
    rmSync(reportFile, { force: true });
    throw error;
  }
}
