import { closeSync, constants, existsSync, fchmodSync, fstatSync, lstatSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { validateAnswers, type AnswerValue, type Bank, type ProblemText } from '../core/index.js';
import { isObject } from '../core/validate/fields.js';
import { errorCode, readFailure } from './bounded-read.js';
import type { SystemReason } from './i18n-errors.js';
import { writeFileAtomic } from './output.js';

/** A survey in progress, saved after every answer so that nothing is lost. */
export interface Progress {
  bank: string;
  bankVersion: string;
  lang: string;
  respondent?: string;
  startedAt: string;
  updatedAt: string;
  answers: Record<string, AnswerValue>;
}

/** `--state-dir`, else $XDG_STATE_HOME/diag, else ~/.local/state/diag. */
export function stateDirectory(option: string | undefined, env: NodeJS.ProcessEnv): string {
  if (option !== undefined) return option;
  const base = env.XDG_STATE_HOME && env.XDG_STATE_HOME !== '' ? env.XDG_STATE_HOME : join(homedir(), '.local', 'state');
  return join(base, 'diag');
}

export function progressFile(directory: string, bankId: string, slot = 'progress'): string {
  return join(directory, `${bankId}.${slot}.json`);
}

/** Why a progress file cannot be used: not JSON, not the shape diag saves, another bank's, or unreadable. */
export type ProgressProblem = { kind: 'json' } | { kind: 'shape' } | { kind: 'bank'; bank: string } | { kind: 'unreadable'; reason: SystemReason };

/** A progress file read: its progress, nothing saved, or a file that cannot be used (and why). */
export type ProgressRead = { progress: Progress } | { none: true } | { corrupt: ProgressProblem };

/** The saved progress, or undefined when there is none or it cannot be used. */
export function loadProgress(file: string, bankId: string): Progress | undefined {
  const read = readProgress(file, bankId);
  return 'progress' in read ? read.progress : undefined;
}

/** The saved progress, saying why when the file is there but cannot be used (see setAsideProgress). */
export function readProgress(file: string, bankId: string): ProgressRead {
  if (!existsSync(file)) return { none: true };
  let text: string;
  let fd: number | undefined;
  try {
    // Non-blocking: a FIFO in the progress file's place reads as empty instead of waiting forever.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    text = readFileSync(fd, 'utf8');
  } catch (error) {
    return { corrupt: { kind: 'unreadable', reason: { code: errorCode(error), message: readFailure(error) } } };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { corrupt: { kind: 'json' } };
  }
  if (!isObject(data) || !isObject(data.answers) || typeof data.bank !== 'string') return { corrupt: { kind: 'shape' } };
  if (data.bank !== bankId) return { corrupt: { kind: 'bank', bank: data.bank } };
  const answers: Record<string, AnswerValue> = {};
  for (const [id, value] of Object.entries(data.answers)) {
    const scalar = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
    if (value === null || scalar(value) || (Array.isArray(value) && value.every(scalar))) answers[id] = value;
  }
  const progress: Progress = {
    bank: bankId,
    bankVersion: typeof data.bankVersion === 'string' ? data.bankVersion : '',
    lang: typeof data.lang === 'string' ? data.lang : '',
    ...(typeof data.respondent === 'string' ? { respondent: data.respondent } : {}),
    startedAt: typeof data.startedAt === 'string' ? data.startedAt : '',
    updatedAt: typeof data.updatedAt === 'string' ? data.updatedAt : '',
    answers,
  };
  return { progress };
}

/** `20261201T153000Z`: a time for a file name, sorting as it reads, with no colon (not allowed everywhere). */
const stamp = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');

/** Whether a name is taken, by anything: a link to nothing too (renaming onto it would replace it). */
function taken(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * A regular file made readable by its owner only. Opened without following a link: a progress
 * file that is a link (to ~/.bashrc, to /etc/passwd…) is renamed as a link, and what it points to
 * keeps its mode. A folder in the progress file's place keeps its mode (0600 would close it to its
 * owner too).
 */
function ownerOnly(path: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    if (fstatSync(fd).isFile()) fchmodSync(fd, 0o600);
  } catch {
    // a link, or a file of another owner (--state-dir shared): it keeps its mode, it is no longer read
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * A progress file that cannot be used, set aside rather than deleted or overwritten: answers typed
 * by hand in it are not lost. Renamed `NAME.corrupt-TIMESTAMP` (`-2`, `-3`… if taken) beside it,
 * readable by its owner only, as the progress itself is.
 */
export function setAsideProgress(file: string, now = new Date()): { kept: string } | { failed: SystemReason } {
  const base = `${file}.corrupt-${stamp(now)}`;
  let kept = base;
  for (let n = 2; taken(kept); n++) kept = `${base}-${n}`;
  try {
    renameSync(file, kept);
  } catch (error) {
    return { failed: { code: errorCode(error), message: readFailure(error) } };
  }
  ownerOnly(kept);
  return { kept };
}

/**
 * When the progress was last saved: its `updatedAt`, else `startedAt`, else the time of the file
 * itself (a file edited by hand), so that the resume question never says "Invalid Date".
 */
export function savedAt(progress: Progress, file: string): Date {
  for (const text of [progress.updatedAt, progress.startedAt]) {
    const date = new Date(text);
    if (text !== '' && !Number.isNaN(date.getTime())) return date;
  }
  try {
    return statSync(file).mtime;
  } catch {
    return new Date();
  }
}

export function saveProgress(file: string, progress: Progress): void {
  mkdirSync(join(file, '..'), { recursive: true, mode: 0o700 });
  // Someone's answers so far: for them only, whoever made the folder (--state-dir).
  writeFileAtomic(file, `${JSON.stringify(progress, null, 2)}\n`, { force: true, mode: 0o600 });
}

export function clearProgress(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // nothing saved, nothing to clear
  }
}

/** An answer of saved progress that the bank no longer accepts. */
export interface DroppedAnswer {
  id: string;
  /** In English; `text` holds it as data, for the survey to word in its own language. */
  reason: string;
  text?: ProblemText;
}

/**
 * Saved progress checked against the bank as it is now (it may have changed since: a new
 * version, a question removed, an option renamed). Answers the bank still accepts are kept, the
 * others are dropped with the reason, so that the survey asks those questions again instead of
 * ending on answers it cannot score.
 */
export function reconcileProgress(bank: Bank, progress: Progress): { progress: Progress; dropped: DroppedAnswer[]; bankChanged: boolean } {
  const result = validateAnswers(bank, { answers: progress.answers });
  const reasons = new Map<string, { reason: string; text?: ProblemText }>();
  if (!result.ok) {
    for (const error of result.errors) {
      const id = error.path[1];
      // "required question not answered" is expected of progress: the survey asks it.
      if (typeof id === 'string' && Object.hasOwn(progress.answers, id) && !reasons.has(id)) reasons.set(id, { reason: error.message, ...(error.text === undefined ? {} : { text: error.text }) });
    }
  }
  const answers: Record<string, AnswerValue> = {};
  for (const [id, value] of Object.entries(progress.answers)) if (!reasons.has(id)) answers[id] = value;
  const dropped = [...reasons].map(([id, why]) => ({ id, ...why }));
  return { progress: { ...progress, bankVersion: bank.version, answers }, dropped, bankChanged: progress.bankVersion !== bank.version };
}
