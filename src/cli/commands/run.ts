import { input, select } from '@inquirer/prompts';
import { Chalk, type ChalkInstance } from 'chalk';
import { existsSync, mkdirSync } from 'node:fs';
import { buildReport, runSurvey, translator, validateAnswers, type AnswerValue, type Bank, type Report, type Translate } from '../../core/index.js';
import { useColor, type CommonOptions } from '../common.js';
import { InputError, InterruptedError } from '../errors.js';
import { chooseLanguage, environmentLanguage, ui, type UiStrings } from '../i18n.js';
import { loadBank } from '../load-bank.js';
import { clearProgress, loadProgress, progressFile, saveProgress, stateDirectory, type Progress } from '../progress.js';
import { inquirerAsk, inquirerReview } from '../prompts.js';
import { renderReportText } from '../render/text.js';
import { safeText, wrap } from '../render/terminal.js';
import { saveResult } from '../save-result.js';
import { checkLanguage } from '../score-inputs.js';
import { TOOL } from '../version.js';

export interface RunOptions extends CommonOptions {
  resume?: boolean;
  stateDir?: string;
  out?: string;
  outDir?: string;
  respondent?: string;
  workshop?: string;
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
}

const SECONDS_PER_QUESTION = 12;

export function isExitPrompt(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}

/** Loads the bank and sets up the terminal; refuses at once without a terminal. */
export function openSession(options: RunOptions): Session {
  const { bank } = loadBank(options.bank);
  checkLanguage(bank, options.lang);
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
  };
}

export function welcome(session: Session): void {
  const { bank, chalk, s, t, width, write } = session;
  session.clear();
  write(`${chalk.bold(wrap(t(bank.title), width))}\n\n`);
  if (bank.description !== undefined) write(`${wrap(t(bank.description), width)}\n\n`);
  const always = bank.questions.filter((q) => q.when === undefined).length;
  const most = bank.questions.length;
  write(`${s.run.welcome(always, most, Math.max(1, Math.round((most * SECONDS_PER_QUESTION) / 60)))}\n`);
  write(`${chalk.dim(wrap(s.run.privacy, width))}\n${chalk.dim(wrap(s.run.keys, width))}\n\n`);
}

/**
 * One participant from first question to saved report: progress saved after every answer in
 * `stateFile`, cleared once the report is written.
 */
export async function interview(session: Session, state: Progress, stateFile: string, folder: string | undefined): Promise<{ report: Report; written: { report: string; answers: string } }> {
  const { bank, lang, s, t, chalk, width, write, clear } = session;
  saveProgress(stateFile, state);
  const setup = { bank, t, s, chalk, width, clear, write };
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
  const report = buildReport(bank, checked.value, { lang, createdAt: new Date().toISOString(), tool: { name: TOOL.name, version: TOOL.version } });
  const written = saveResult(bank, report, { folder, ...(session.options.out === undefined ? {} : { out: session.options.out }), onOutTaken: (out) => process.stderr.write(`${s.run.outExists(out)}\n`) });
  clearProgress(stateFile);
  return { report, written };
}

export function showResults(session: Session, report: Report, written: { report: string; answers: string }): void {
  const { chalk, s, width, write } = session;
  session.clear();
  write(`${renderReportText(report, { color: chalk.level > 0, width, maxRecommendations: 3 })}\n\n`);
  write(`${chalk.dim(wrap(s.run.reportWritten(written.report, written.answers), width))}\n`);
}

export function newProgress(session: Session, respondent: string | undefined): Progress {
  const now = new Date().toISOString();
  return { bank: session.bank.id, bankVersion: session.bank.version, lang: session.lang, startedAt: now, updatedAt: now, answers: {}, ...(respondent ? { respondent } : {}) };
}

/** The saved progress to continue, if there is one and the person wants it (or said --resume). */
export async function pickUp(session: Session, stateFile: string): Promise<Progress | undefined> {
  const { s, lang, options } = session;
  const progress = loadProgress(stateFile, session.bank.id);
  const count = progress === undefined ? 0 : Object.keys(progress.answers).length;
  if (progress === undefined || count === 0) {
    if (options.resume === true) session.write(`${session.chalk.dim(s.run.noProgress)}\n\n`);
    return undefined;
  }
  if (options.resume === true) return progress;
  const resume = await select({
    message: s.run.resumeFound(count, new Date(progress.updatedAt || progress.startedAt).toLocaleString(lang)),
    choices: [
      { name: s.run.resumeYes, value: true },
      { name: s.run.resumeNo, value: false },
    ],
  });
  return resume ? progress : undefined;
}

/** `diag run`: the interactive survey, saved after every answer, ending with results and a report. */
export async function run(options: RunOptions): Promise<void> {
  if (options.workshop !== undefined) {
    const { workshop } = await import('./workshop.js');
    return workshop(options.workshop, options);
  }
  const session = openSession(options);
  if (options.out !== undefined && existsSync(options.out)) {
    throw new InputError(`${options.out} already exists; choose another name with --out (diag never replaces a report)`);
  }
  const stateFile = progressFile(stateDirectory(options.stateDir, process.env), session.bank.id);
  const resumeCommand = ['diag run --resume', options.bank ? `--bank ${options.bank}` : '', options.stateDir ? `--state-dir ${options.stateDir}` : ''].filter(Boolean).join(' ');
  try {
    welcome(session);
    let state = await pickUp(session, stateFile);
    if (state === undefined) {
      const respondent = options.respondent ?? (await input({ message: session.s.run.respondent })).trim();
      state = newProgress(session, respondent);
    }
    state.lang = session.lang;
    if (options.outDir !== undefined) mkdirSync(options.outDir, { recursive: true });
    const { report, written } = await interview(session, state, stateFile, options.outDir);
    showResults(session, report, written);
  } catch (error) {
    if (isExitPrompt(error)) {
      // Before the first answer there is nothing to resume: do not point to a file that does not exist.
      throw new InterruptedError(existsSync(stateFile) ? `${session.s.run.saved(stateFile)}\n${session.s.run.resumeWith(resumeCommand)}` : session.s.run.nothingSaved);
    }
    throw error;
  }
}
