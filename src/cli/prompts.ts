import { checkbox, input, select, Separator } from '@inquirer/prompts';
import type { ChalkInstance } from 'chalk';
import type { Ask, AskContext, Bank, Question, Review, Scalar } from '../core/index.js';
import { NOT_APPLICABLE, isNotApplicable, notApplicableText, sameScalar } from '../core/index.js';
import { answerLabel } from './answer-label.js';
import type { UiStrings } from './i18n.js';
import { bar, safeText, wrap } from './render/terminal.js';

/** Everything the prompts need from the run: wording, colours, where to write. */
export interface PromptSetup {
  bank: Bank;
  t: (text: Question['text'] | undefined) => string;
  s: UiStrings;
  chalk: ChalkInstance;
  width: number;
  /** Clears the screen between questions (only on a terminal). */
  clear: () => void;
  write: (text: string) => void;
  /** Aborts the open prompt (SIGTERM, SIGHUP). */
  signal?: AbortSignal;
}

/** The context of every prompt: the abort signal of the run, when there is one. */
function promptContext(setup: PromptSetup): { signal?: AbortSignal } {
  return setup.signal === undefined ? {} : { signal: setup.signal };
}

// Sentinels no bank value can take (ids and labels never hold NUL).
const SKIP = '\u0000skip';
const FINISH = '\u0000finish';
const NA = '\u0000n/a';

function header(setup: PromptSetup, question: Question, context: AskContext): string {
  const { chalk, s, t, width } = setup;
  const section = question.profile ? s.run.profile : context.dimension === undefined ? s.run.other : t(context.dimension.title);
  const progress = `${s.run.question(context.index, context.total)} · ${safeText(section)}`;
  const title = safeText(t(setup.bank.title));
  // The bar beside the progress words where both fit on one line of the terminal, else under them.
  const barWidth = Math.min(20, width);
  const progressBar = chalk.cyan(bar((100 * (context.index - 1)) / Math.max(1, context.total), barWidth));
  const progressLine = progress.length + 2 + barWidth <= width ? `${chalk.bold(progress)}  ${progressBar}` : `${chalk.bold(progress)}\n${progressBar}`;
  const lines = [chalk.dim(title.length > width ? `${title.slice(0, width - 1)}…` : title), progressLine, ''];
  if (context.dimension?.description !== undefined) {
    lines.push(chalk.dim(wrap(t(context.dimension.description), width)), '');
  }
  return lines.join('\n');
}

/**
 * The text of a prompt, wrapped to the terminal: inquirer writes it after "? ", so every line is
 * indented by two columns (the first line's indent is that "? "). A narrower width given to wrap
 * would not do: wrap never goes below 40 columns, and "? " plus 40 columns wrapped in a
 * 40-column terminal, in the middle of a word.
 */
export function promptMessage(text: string, width: number): string {
  return wrap(text, width, '  ').trimStart();
}

function message(setup: PromptSetup, question: Question, hint?: string): string {
  const { chalk, t, width } = setup;
  const parts = [chalk.bold(promptMessage(t(question.text), width))];
  if (question.help !== undefined) parts.push(chalk.dim(wrap(t(question.help), width, '  ')));
  if (hint !== undefined) parts.push(chalk.dim(`  (${hint})`));
  return parts.join('\n');
}

/** Inquirer's key hints ("↑↓ navigate • ⏎ select"), in the survey's language. */
function keysHelp(setup: Pick<PromptSetup, 's' | 'chalk'>): (keys: Array<[string, string]>) => string {
  return (keys) => setup.chalk.dim(keys.map(([key, action]) => `${setup.s.run.keyNames[key] ?? key} ${setup.s.run.keyActions[action] ?? action}`).join(' • '));
}

/** The theme of every select and checkbox prompt of diag (survey, review, resume, workshop menu). */
export function promptTheme(setup: Pick<PromptSetup, 's' | 'chalk'>): { style: { keysHelpTip: (keys: Array<[string, string]>) => string } } {
  return { style: { keysHelpTip: keysHelp(setup) } };
}

/**
 * inquirer's number and input prompts word their own checks in English; diag checks instead, so
 * that a refused value is explained in the survey's language.
 */
function checkNumber(s: UiStrings, question: Extract<Question, { type: 'number' }>, text: string): string | true {
  if (text.trim() === '') return question.required ? s.run.requiredAnswer : true;
  const value = Number(text.trim().replace(',', '.'));
  if (!Number.isFinite(value)) return s.run.notANumber;
  const { min, max } = question;
  if ((min !== undefined && value < min) || (max !== undefined && value > max)) return min !== undefined && max !== undefined ? s.run.numberHint(min, max) : s.run.notANumber;
  return true;
}

/** The `ask` of the survey, made of inquirer prompts: one question per screen. */
export function inquirerAsk(setup: PromptSetup): Ask {
  return async (question, context) => {
    const { s, t } = setup;
    setup.clear();
    setup.write(`${header(setup, question, context)}\n`);
    const previous = context.previous;
    const skipChoice = question.required ? [] : [new Separator(), { name: s.run.skip, value: SKIP }];
    // SPEC section 9: "does not apply" is the last choice, set apart from the real answers.
    const naText = notApplicableText(question);
    const naChoice = naText === undefined ? [] : [new Separator(), { name: safeText(t(naText)), value: NA }];
    const wasNa = isNotApplicable(question, previous ?? null);
    const chosenValue = <T>(chosen: T): T | null | typeof NOT_APPLICABLE => (chosen === SKIP ? null : chosen === NA ? NOT_APPLICABLE : chosen);
    const theme = { indexMode: 'number' as const, ...promptTheme(setup) };
    switch (question.type) {
      case 'likert':
      case 'single': {
        const choices: Array<{ name: string; value: Scalar }> = question.options.map((o) => ({ name: safeText(t(o.label)), value: o.value }));
        const chosen = await select({
          message: message(setup, question),
          choices: [...choices, ...skipChoice, ...naChoice],
          pageSize: 12,
          theme,
          ...(wasNa ? { default: NA } : previous !== undefined && previous !== null && !Array.isArray(previous) ? { default: choices.find((c) => sameScalar(c.value, previous))?.value } : {}),
        }, promptContext(setup));
        return chosenValue(chosen);
      }
      case 'boolean': {
        const choices: Array<{ name: string; value: boolean | string }> = [
          { name: s.run.yes, value: true },
          { name: s.run.no, value: false },
        ];
        const chosen = await select({
          message: message(setup, question),
          choices: [...choices, ...skipChoice, ...naChoice],
          theme,
          ...(wasNa ? { default: NA } : typeof previous === 'boolean' ? { default: previous } : {}),
        }, promptContext(setup));
        return chosenValue(chosen);
      }
      case 'multiple': {
        const already = Array.isArray(previous) ? previous : [];
        const options: Array<{ name: string; value: Scalar; checked: boolean } | Separator> = question.options.map((o) => ({ name: safeText(t(o.label)), value: o.value, checked: already.some((v) => sameScalar(v, o.value)) }));
        if (naText !== undefined) options.push(new Separator(), { name: safeText(t(naText)), value: NA, checked: wasNa });
        const chosen = await checkbox({
          message: message(setup, question, question.required ? s.run.multipleHint : `${s.run.multipleHint} · ${s.run.optionalHint}`),
          choices: options,
          pageSize: 12,
          theme: promptTheme(setup),
          validate: (picked) => !(picked.length > 1 && picked.some((c) => c.value === NA)) || s.run.notApplicableAlone,
        }, promptContext(setup));
        if (chosen.includes(NA)) return NOT_APPLICABLE;
        return !question.required && chosen.length === 0 ? null : chosen;
      }
      case 'number': {
        if (naText !== undefined) {
          // A number prompt cannot offer a choice: ask first whether the question applies.
          const applies = await select({
            message: message(setup, question),
            choices: [{ name: s.run.enterNumber, value: 'number' }, ...naChoice],
            theme,
            ...(wasNa ? { default: NA } : {}),
          });
          if (applies === NA) return NOT_APPLICABLE;
        }
        const range = question.min !== undefined && question.max !== undefined ? s.run.numberHint(question.min, question.max) : undefined;
        const hint = [range, question.required ? undefined : s.run.optionalHint].filter((h) => h !== undefined).join(' · ');
        const value = await input({
          message: message(setup, question, hint === '' ? undefined : hint),
          validate: (text) => checkNumber(s, question, text),
          ...(typeof previous === 'number' ? { default: String(previous) } : {}),
        }, promptContext(setup));
        return value.trim() === '' ? null : Number(value.trim().replace(',', '.'));
      }
      case 'text': {
        const value = await input({
          message: message(setup, question, question.required ? undefined : s.run.optionalHint),
          validate: (text) => (question.required && text.trim() === '' ? s.run.requiredAnswer : true),
          ...(typeof previous === 'string' ? { default: previous } : {}),
        }, promptContext(setup));
        return value.trim() === '' ? null : value;
      }
    }
  };
}

/** The review step: every answer listed; choosing one asks it again. */
export function inquirerReview(setup: PromptSetup): Review {
  return async (questions) => {
    const { s, t, chalk, width } = setup;
    setup.clear();
    const room = Math.max(30, width - 12);
    const choices = questions.map(({ question, answer }, i) => {
      const text = safeText(t(question.text));
      const short = text.length > room * 0.6 ? `${text.slice(0, Math.floor(room * 0.6) - 1)}…` : text;
      return { name: `${String(i + 1).padStart(2)}. ${short} ${chalk.dim('→')} ${answerLabel(question, answer, setup)}`, value: question.id };
    });
    const chosen = await select({
      message: s.run.review,
      choices: [{ name: chalk.green(`✔ ${s.run.finish}`), value: FINISH }, new Separator(), ...choices],
      pageSize: 16,
      loop: false,
      theme: promptTheme(setup),
    }, promptContext(setup));
    return chosen === FINISH ? { done: true } : { change: chosen };
  };
}

