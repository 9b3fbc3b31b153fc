import { input, select } from '@inquirer/prompts';
import { Chalk, type ChalkInstance } from 'chalk';
import { existsSync, mkdirSync } from 'node:fs';
import { buildReport, estimateTimeRange, roundMinutes, runSurvey, translator, validateAnswers, wordProblem, type AnswerValue, type Bank, type Report, type Translate } from '../../core/index.js';
import { useColor, type CommonOptions } from '../common.js';
import { errorText, InputError, InterruptedError } from '../errors.js';
import { chooseLanguage, environmentLanguage, messages, ui, type UiStrings } from '../i18n.js';
import { loadBank } from '../load-bank.js';
import { loadNorms, withPercentiles } from '../load-norms.js';
import type { Norms } from '../../core/norms.js';
import { lockProgress } from '../progress-lock.js';
import { clearProgress, progressFile, readProgress, setAsideProgress, reconcileProgress, saveProgress, savedAt, stateDirectory, type Progress } from '../progress.js';
import { hangUpOnLostTerminal, signalExitCode, watchSignals, type StopSignal } from '../run-signals.js';
import { inquirerAsk, inquirerReview, promptMessage, promptTheme } from '../prompts.js';
import { renderReportText } from '../render/text.js';
import { fileLink, safeText, wrap } from '../render/terminal.js';
import { outputUi } from '../i18n.js';
import { writeHtmlBeside } from '../report-html-file.js';
import { saveResult } from '../save-result.js';
import { checkLanguage } from '../score-inputs.js';
import { TOOL } from '../version.js';
import { warn, warningLine } from '../warn.js';

export interface RunOptions extends CommonOptions {
  resume?: boolean;
  stateDir?: string;
  out?: string;
  outDir?: string;
  respondent?: string;
  workshop?: string;
  norms?: string | false;
}

/** Everything one terminal session of the survey needs. */
export interface Session {
  bank: Bank;
  lang: string;
  s: UiStrings;
  t: Translate;
  chalk: ChalkInstance;
  width: number;
  write: (text: string) => void;
  clear: () => void;
  options: RunOptions;
  /** SPEC section 13: percentiles on the results screen and in the report. */
  norms?: Norms;
  /** Aborts the open prompt when SIGTERM or SIGHUP arrives (set by `guardRun`). */
  signal?: AbortSignal;
}

export function isExitPrompt(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}

/** Loads the bank and sets up the terminal; refuses at once without a terminal. */
export function openSession(options: RunOptions): Session {
  const { bank, file } = loadBank(options.bank);
  checkLanguage(bank, options.lang);
  const norms = loadNorms(bank, file, options.norms, (line) => process.stderr.write(`${line}\n`));
  const lang = chooseLanguage(bank.languages, options.lang, environmentLanguage(process.env));
  const s = ui(lang);
  if (!process.stdin.isTTY || !process.stdout.isTTY) throw new InputError(s.run.notATerminal);
  const write = (text: string) => void process.stdout.write(text);
  return {
    bank,
    lang,
    s,
    t: translator(lang, bank.languages[0] ?? lang),
    chalk: new Chalk({ level: useColor(options, process.stdout, process.env) ? 2 : 0 }),
    width: Math.min(process.stdout.columns ?? 80, 100),
    write,
    clear: () => write('\u001b[2J\u001b[3J\u001b[H'),
    options,
    ...(norms === undefined ? {} : { norms }),
  };
}

export function welcome(session: Session): void {
  const { bank, chalk, s, t, width, write } = session;
  session.clear();
  write(`${chalk.bold(wrap(t(bank.title), width))}\n\n`);
  if (bank.description !== undefined) write(`${wrap(t(bank.description), width)}\n\n`);
  // From the words actually shown on the shortest and the longest path (src/core/estimate-time.ts).
  const time = estimateTimeRange(bank, session.lang);
  write(`${wrap(s.run.welcome(time.least.questions, time.most.questions, roundMinutes(time.least.seconds), roundMinutes(time.most.seconds)), width)}\n`);
  write(`${chalk.dim(wrap(s.run.privacy, width))}\n${chalk.dim(wrap(s.run.keys, width))}\n\n`);
}

/**
 * One participant from first question to saved report: progress saved after every answer in
 * `stateFile`, cleared once the report is written.
 */
export async function interview(session: Session, state: Progress, stateFile: string, folder: string | undefined): Promise<{ report: Report; written: Written }> {
  const { bank, lang, s, t, chalk, width, write, clear } = session;
  saveProgress(stateFile, state);
  const setup = { bank, t, s, chalk, width, clear, write, ...(session.signal === undefined ? {} : { signal: session.signal }) };
  const answers = await runSurvey(bank, {
    ask: inquirerAsk(setup),
    review: inquirerReview(setup),
    initial: state.answers,
    onAnswer: (all: Readonly<Record<string, AnswerValue>>) => {
      state.answers = { ...all };
      state.updatedAt = new Date().toISOString();
      saveProgress(stateFile, state);
    },
  });
  const checked = validateAnswers(bank, { bank: bank.id, lang, ...(state.respondent === undefined ? {} : { respondent: state.respondent }), answers });
  if (!checked.ok) {
    // The survey only produces valid answers; if not, it is a bug, but the answers are safe in the state file.
    throw new Error(`internal: the survey produced invalid answers (kept in ${stateFile}):\n${checked.errors.map((e) => e.message).join('\n')}`);
  }
  const report = withPercentiles(bank, buildReport(bank, checked.value, { lang, createdAt: new Date().toISOString(), tool: { name: TOOL.name, version: TOOL.version } }), session.norms);
  const files = saveResult(bank, report, { folder, ...(session.options.out === undefined ? {} : { out: session.options.out }), onOutTaken: (out) => warn(s.run.outExists(out)) });
  const written = { ...files, html: writeHtmlBeside(files.report, report, { bank }) };
  clearProgress(stateFile);
  return { report, written };
}

/** What a finished run wrote: the JSON report, the answers, and the HTML page beside the report. */
export interface Written {
  report: string;
  answers: string;
  html?: { file: string; url: string };
}

export function showResults(session: Session, report: Report, written: Written): void {
  const { chalk, s, width, write, lang } = session;
  const o = outputUi(lang);
  session.clear();
  write(`${renderReportText(report, { color: chalk.level > 0, width, maxRecommendations: 3, moreRecommendations: o.moreRecommendations })}\n\n`);
  if (written.html === undefined) {
    write(`${chalk.dim(wrap(s.run.reportWritten(written.report, written.answers), width))}\n`);
    return;
  }
  // The link is printed whole, never wrapped: wrapping would cut its escape sequence.
  const link = fileLink(written.html.url, written.html.file, process.stdout.isTTY === true);
  write(`${chalk.bold(wrap(report.recommendations.length > 3 ? o.allRecommendations(report.recommendations.length) : o.htmlReport, width))}\n${link}\n`);
  write(`${chalk.dim(wrap(o.files(written.report, written.answers), width))}\n`);
}

export function newProgress(session: Session, respondent: string | undefined): Progress {
  const now = new Date().toISOString();
  return { bank: session.bank.id, bankVersion: session.bank.version, lang: session.lang, startedAt: now, updatedAt: now, answers: {}, ...(respondent ? { respondent } : {}) };
}

/** Prompt context of the run's own prompts: aborted by SIGTERM/SIGHUP. */
export function promptContext(session: Session): { signal?: AbortSignal } {
  return session.signal === undefined ? {} : { signal: session.signal };
}

/**
 * The saved progress to continue, if there is one and the person wants it (or said --resume).
 * It is checked against the bank as it is now: answers the bank no longer accepts are dropped,
 * and the person is told which, before going on.
 */
export async function pickUp(session: Session, stateFile: string): Promise<Progress | undefined> {
  const { s, lang, options, chalk, write } = session;
  const read = readProgress(stateFile, session.bank.id);
  // A file that cannot be used is said and set aside, not dropped: answers typed in it by hand stay.
  if ('corrupt' in read) warn(warningLine(messages().warnings.corruptProgress({ file: stateFile, problem: read.corrupt, ...setAsideProgress(stateFile) })));
  const saved = 'progress' in read ? read.progress : undefined;
  if (saved === undefined) {
    if (options.resume === true) write(`${chalk.dim(s.run.noProgress)}\n\n`);
    return undefined;
  }
  const { progress, dropped, bankChanged } = reconcileProgress(session.bank, saved);
  const count = Object.keys(progress.answers).length;
  if (bankChanged || dropped.length > 0) {
    const lines = [bankChanged ? s.run.bankChanged(saved.bankVersion, session.bank.version) : '', dropped.length > 0 ? s.run.answersDropped(dropped.length) : ''].filter(Boolean);
    for (const d of dropped.slice(0, 10)) lines.push(`  • ${d.text === undefined ? d.reason : wordProblem(d.text, s.problem)}`);
    if (dropped.length > 10) lines.push(`  • …`);
    lines.push(s.run.answersKept(count));
    write(`${wrap(lines.join('\n'), session.width)}\n\n`);
    // The answers now stand as checked: a later resume starts from them.
    saveProgress(stateFile, progress);
    if (dropped.length > 0 && options.resume === true && count > 0) await input({ message: s.run.pressEnter }, promptContext(session));
  }
  if (count === 0) {
    if (options.resume === true) write(`${chalk.dim(s.run.noProgress)}\n\n`);
    return undefined;
  }
  if (options.resume === true) return progress;
  const resume = await select(
    {
      message: promptMessage(s.run.resumeFound(count, savedAt(progress, stateFile).toLocaleString(lang)), session.width),
      choices: [
        { name: s.run.resumeYes, value: true },
        { name: s.run.resumeNo, value: false },
      ],
      theme: promptTheme(session),
    },
    promptContext(session),
  );
  return resume ? progress : undefined;
}

/**
 * Runs `body` holding the lock on `stateFile`, so that a second run on the same progress is
 * refused at once and changes nothing. Ctrl-C ends it with exit 130, SIGTERM with 143 and SIGHUP
 * with 129, each with one line saying where the answers are (saved after every answer) and the
 * cursor shown again; the lock is released in every case.
 */
export async function guardRun<T>(session: Session, stateFile: string, resumeHint: { command: string; ctrlC: () => string }, body: () => Promise<T>): Promise<T> {
  const { s } = session;
  const lock = lockProgress(stateFile, (owner) => s.run.locked(owner.pid, new Date(owner.since).toLocaleString(session.lang), stateFile));
  const stopMessage = (signal: StopSignal) => s.run.stopped(signal, existsSync(stateFile) ? stateFile : undefined, resumeHint.command);
  const watch = watchSignals((signal) => {
    // Nothing was waiting on a prompt: end here, as main.ts would have.
    lock.release();
    try {
      process.stderr.write(`${safeText(stopMessage(signal))}\n`);
    } finally {
      process.exit(signalExitCode(signal));
    }
  });
  session.signal = watch.signal;
  hangUpOnLostTerminal();
  try {
    return await body();
  } catch (error) {
    const signal = watch.received();
    if (signal !== undefined) throw new InterruptedError(stopMessage(signal), signalExitCode(signal));
    if (isExitPrompt(error)) throw new InterruptedError(resumeHint.ctrlC());
    throw error;
  } finally {
    watch.dispose();
    delete session.signal;
    lock.release();
  }
}

/** `diag run`: the interactive survey, saved after every answer, ending with results and a report. */
export async function run(options: RunOptions): Promise<void> {
  if (options.workshop !== undefined) {
    const { workshop } = await import('./workshop.js');
    return workshop(options.workshop, options);
  }
  const session = openSession(options);
  if (options.out !== undefined && existsSync(options.out)) {
    throw new InputError(errorText('outTaken', { file: options.out }));
  }
  const stateFile = progressFile(stateDirectory(options.stateDir, process.env), session.bank.id);
  const resumeCommand = ['diag run --resume', options.bank ? `--bank ${options.bank}` : '', options.stateDir ? `--state-dir ${options.stateDir}` : ''].filter(Boolean).join(' ');
  // Before the first answer there is nothing to resume: do not point to a file that does not exist.
  const ctrlC = () => (existsSync(stateFile) ? `${session.s.run.saved(stateFile)}\n${session.s.run.resumeWith(resumeCommand)}` : session.s.run.nothingSaved);
  await guardRun(session, stateFile, { command: resumeCommand, ctrlC }, async () => {
    welcome(session);
    let state = await pickUp(session, stateFile);
    if (state === undefined) {
      const respondent = options.respondent ?? (await input({ message: promptMessage(session.s.run.respondent, session.width) }, promptContext(session))).trim();
      state = newProgress(session, respondent);
    }
    state.lang = session.lang;
    if (options.outDir !== undefined) mkdirSync(options.outDir, { recursive: true });
    const { report, written } = await interview(session, state, stateFile, options.outDir);
    showResults(session, report, written);
  });
}
