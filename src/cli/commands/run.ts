import { input, select } from '@inquirer/prompts';
import { Chalk } from 'chalk';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { buildReport, runSurvey, translator, validateAnswers, type AnswerValue, type Bank, type Report } from '../../core/index.js';
import { useColor, type CommonOptions } from '../common.js';
import { InputError, InterruptedError } from '../errors.js';
import { chooseLanguage, environmentLanguage, ui, type UiStrings } from '../i18n.js';
import { loadBank } from '../load-bank.js';
import { createFile, createUniqueFile } from '../output.js';
import { clearProgress, loadProgress, progressFile, saveProgress, stateDirectory, type Progress } from '../progress.js';
import { inquirerAsk, inquirerReview, type PromptSetup } from '../prompts.js';
import { renderReportText } from '../render/text.js';
import { safeText, wrap } from '../render/terminal.js';
import { checkLanguage } from '../score-inputs.js';
import { TOOL } from '../version.js';

export interface RunOptions extends CommonOptions {
  resume?: boolean;
  stateDir?: string;
  out?: string;
  outDir?: string;
  respondent?: string;
}

const SECONDS_PER_QUESTION = 12;

function isExitPrompt(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}

function stamp(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}`;
}

/** The answer file a finished run leaves beside its report, which `diag score` accepts. */
export function answerFileYaml(bank: Bank, report: Report): string {
  const file = {
    bank: bank.id,
    ...(report.respondent === null ? {} : { respondent: report.respondent }),
    lang: report.lang,
    createdAt: report.createdAt,
    answers: { ...report.profile, ...report.answers },
  };
  return `# diag answers, bank ${bank.id} ${bank.version}: diag score THIS_FILE\n${stringify(file)}`;
}

/** Writes the report and its answers with names never used before; returns both paths. */
function writeResults(bank: Bank, report: Report, options: RunOptions, s: UiStrings, warn: (line: string) => void): { report: string; answers: string } {
  const json = `${JSON.stringify(report, null, 2)}\n`;
  const answers = answerFileYaml(bank, report);
  if (options.out !== undefined) {
    const base = options.out.replace(/\.json$/i, '');
    if (createFile(options.out, json)) {
      return { report: options.out, answers: createUniqueFile(`${base}-answers`, '.yaml', answers) };
    }
    warn(s.run.outExists(options.out));
    const reportFile = createUniqueFile(base, '.json', json);
    return { report: reportFile, answers: createUniqueFile(`${reportFile.replace(/\.json$/, '')}-answers`, '.yaml', answers) };
  }
  const who = report.respondent === null ? '' : `-${report.respondent.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
  const base = join(options.outDir ?? '.', `diag-${bank.id}${who === '-' ? '' : who}-${stamp(new Date(report.createdAt))}`);
  const reportFile = createUniqueFile(base, '.json', json);
  return { report: reportFile, answers: createUniqueFile(`${reportFile.replace(/\.json$/, '')}-answers`, '.yaml', answers) };
}

/** `diag run`: the interactive survey, saved after every answer, ending with results and a report. */
export async function run(options: RunOptions): Promise<void> {
  const { bank } = loadBank(options.bank);
  checkLanguage(bank, options.lang);
  const lang = chooseLanguage(bank.languages, options.lang, environmentLanguage(process.env));
  const s = ui(lang);
  if (!process.stdin.isTTY || !process.stdout.isTTY) throw new InputError(s.run.notATerminal);
  if (options.out !== undefined && existsSync(options.out)) {
    throw new InputError(`${options.out} already exists; choose another name with --out (diag never replaces a report)`);
  }
  const t = translator(lang, bank.languages[0] ?? lang);
  const chalk = new Chalk({ level: useColor(options, process.stdout, process.env) ? 2 : 0 });
  const width = Math.min(process.stdout.columns ?? 80, 100);
  const write = (text: string) => process.stdout.write(text);
  const clear = () => write('\u001b[2J\u001b[3J\u001b[H');
  const stateFile = progressFile(stateDirectory(options.stateDir, process.env), bank.id);
  const resumeCommand = ['diag run --resume', options.bank ? `--bank ${options.bank}` : '', options.stateDir ? `--state-dir ${options.stateDir}` : ''].filter(Boolean).join(' ');

  try {
    clear();
    write(`${chalk.bold(safeText(t(bank.title)))}\n\n`);
    if (bank.description !== undefined) write(`${wrap(t(bank.description), width)}\n\n`);
    const asked = bank.questions.filter((q) => q.when === undefined).length;
    write(`${s.run.welcome(asked, Math.max(1, Math.round((asked * SECONDS_PER_QUESTION) / 60)))}\n${chalk.dim(s.run.privacy)}\n${chalk.dim(s.run.keys)}\n\n`);

    let progress: Progress | undefined = loadProgress(stateFile, bank.id);
    if (progress !== undefined && Object.keys(progress.answers).length > 0) {
      const resume =
        options.resume === true ||
        (await select({
          message: s.run.resumeFound(Object.keys(progress.answers).length, new Date(progress.updatedAt || progress.startedAt).toLocaleString(lang)),
          choices: [
            { name: s.run.resumeYes, value: true },
            { name: s.run.resumeNo, value: false },
          ],
        }));
      if (!resume) progress = undefined;
    } else if (options.resume === true) {
      write(`${chalk.dim(s.run.noProgress)}\n\n`);
      progress = undefined;
    }

    const now = new Date().toISOString();
    const state: Progress = progress ?? { bank: bank.id, bankVersion: bank.version, lang, startedAt: now, updatedAt: now, answers: {} };
    state.lang = lang;
    if (progress === undefined) {
      const respondent = options.respondent ?? (await input({ message: s.run.respondent })).trim();
      if (respondent !== '') state.respondent = respondent;
      saveProgress(stateFile, state);
    }

    const setup: PromptSetup = { bank, t, s, chalk, width, clear, write };
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

    const file = { bank: bank.id, lang, ...(state.respondent === undefined ? {} : { respondent: state.respondent }), answers };
    const checked = validateAnswers(bank, file);
    if (!checked.ok) {
      // The survey only produces valid answers; if not, it is a bug, but the answers are safe in the state file.
      throw new Error(`internal: the survey produced invalid answers (kept in ${stateFile}):\n${checked.errors.map((e) => e.message).join('\n')}`);
    }
    const report = buildReport(bank, checked.value, { lang, createdAt: new Date().toISOString(), tool: { name: TOOL.name, version: TOOL.version } });
    const written = writeResults(bank, report, options, s, (line) => process.stderr.write(`${line}\n`));
    clearProgress(stateFile);

    clear();
    write(`${renderReportText(report, { color: chalk.level > 0, width, maxRecommendations: 3 })}\n\n`);
    write(`${chalk.dim(s.run.reportWritten(written.report, written.answers))}\n`);
  } catch (error) {
    if (isExitPrompt(error)) {
      throw new InterruptedError(`${s.run.saved(stateFile)}\n${s.run.resumeWith(resumeCommand)}`);
    }
    throw error;
  }
}

