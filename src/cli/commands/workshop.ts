import { input, select } from '@inquirer/prompts';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Aggregate, Bank, Report } from '../../core/index.js';
import { errorText, InputError } from '../errors.js';
import { messages } from '../i18n.js';
import { writeFileAtomic } from '../output.js';
import { progressFile, stateDirectory } from '../progress.js';
import { promptTheme } from '../prompts.js';
import { folderEntry } from '../read-inputs.js';
import { safeText } from '../render/terminal.js';
import { nextUpdateAt, nextView, viewPattern } from '../workshop/snapshot.js';
import { aggregateInputs } from './aggregate.js';
import { guardRun, interview, newProgress, openSession, pickUp, promptContext, showResults, welcome, type RunOptions } from './run.js';

/**
 * The reports of DIR as `diag aggregate DIR` reads them: `*.json` files, not hidden (a Mac's
 * `._x.json` on a USB stick counted as a participant, then refused the finish screen), not a
 * folder or a FIFO (reading it would wait forever).
 */
function reportsIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && 'read' in folderEntry(join(dir, f)))
    .sort();
}

function participantsIn(dir: string): number {
  return reportsIn(dir).length;
}

/** Problem lines shown when the workshop folder is refused at the start. */
const SHOWN_PROBLEMS = 4;

/** The hot-seat's group screen, as the browser workshop's: figures change only when k more have finished. */
const MIN_GROUP = 5;

/** Which figures a report in DIR is counted in (viewPattern); one same key for a file that is not a report. */
function patternOf(dir: string, name: string, bank: Bank): string {
  try {
    return viewPattern(bank, JSON.parse(readFileSync(join(dir, name), 'utf8')) as Report, []);
  } catch {
    return '';
  }
}

/**
 * The reports the finish screen is computed over (SPEC section 10): the last ones shown, kept in
 * DIR, until a group of MIN_GROUP newcomers alike has finished (nextView, as the browser
 * workshop's screen), so that two finish screens (a workshop resumed, one more participant) never
 * differ by fewer than k people in any figure.
 */
export function groupSnapshot(dir: string, bank: Bank): { shown: string[]; finished: number; countOnly?: true } {
  const file = join(dir, '.diag-workshop', 'hot-seat-shown.json');
  const finished = reportsIn(dir);
  let shown: string[] = [];
  try {
    const saved: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (Array.isArray(saved)) shown = saved.filter((f): f is string => typeof f === 'string');
  } catch {
    // No snapshot yet (or an unreadable one): start from nothing shown.
  }
  const view = nextView(shown, finished.map((name) => ({ key: name, pattern: patternOf(dir, name, bank) })), MIN_GROUP);
  if (view !== undefined) {
    const next = finished.filter((name) => view.has(name));
    mkdirSync(join(dir, '.diag-workshop'), { recursive: true });
    writeFileAtomic(file, `${JSON.stringify(next)}\n`, { force: true });
    shown = next;
  }
  // The rest of a view that lost someone, beside that view, would give that person's answers.
  if (!shown.every((f) => finished.includes(f))) return { shown: [], finished: finished.length, countOnly: true };
  // Nothing shown yet (fewer than k ever): the whole group, which the core shows as a count only.
  return { shown: shown.length === 0 ? finished : shown, finished: finished.length };
}

/**
 * `diag run --workshop DIR`: participants take turns at one terminal. Each one's report and
 * answers are saved in DIR under unique names; the screen is cleared between them; "finish"
 * shows the group, with small groups hidden as in `diag aggregate`.
 */
export async function workshop(dir: string, options: RunOptions): Promise<void> {
  const session = openSession(options);
  const { s, chalk, write } = session;
  const w = s.run.workshop;
  mkdirSync(dir, { recursive: true });
  await countableFolder(dir, session.bank);
  // One progress file per workshop folder: two workshops on one machine do not share it.
  const stateFile = progressFile(stateDirectory(options.stateDir, process.env), session.bank.id, `workshop-${folderKey(dir)}`);
  const ctrlC = () => (existsSync(stateFile) ? `${s.run.saved(stateFile)}\n${w.resumeWith(dir)}` : w.resumeWith(dir));
  await guardRun(session, stateFile, { command: `diag run --workshop ${dir}`, ctrlC }, async () => {
    let pending = await pickUp(session, stateFile);
    for (;;) {
      if (pending === undefined) {
        session.clear();
        write(`${chalk.bold(w.title(safeText(session.t(session.bank.title))))}\n\n`);
        const next = await select(
          {
            message: w.so_far(participantsIn(dir), dir),
            choices: [
              { name: w.next, value: true },
              { name: w.finish, value: false },
            ],
            theme: promptTheme(session),
          },
          promptContext(session),
        );
        if (!next) break;
        welcome(session);
        pending = newProgress(session, (await input({ message: w.pseudonym }, promptContext(session))).trim());
      }
      const { report, written } = await interview(session, pending, stateFile, dir);
      pending = undefined;
      showResults(session, report, written);
      await input({ message: w.handOver }, promptContext(session));
      session.clear();
    }
    const snapshot = groupSnapshot(dir, session.bank);
    const counted = await aggregateInputs(session.bank, snapshot.shown.length === 0 ? [dir] : snapshot.shown.map((f) => join(dir, f)), { by: [], minGroup: MIN_GROUP, warn: () => undefined });
    const group = snapshot.countOnly === true ? countOnly(counted) : counted;
    const { aggregateView } = await import('../render/aggregate-view.js');
    const { renderAggregateText } = await import('../render/aggregate-text.js');
    session.clear();
    write(`${renderAggregateText(aggregateView(group, session.bank, session.lang, []), { color: chalk.level > 0, width: process.stdout.columns ?? 100 })}\n\n`);
    if (group.count >= MIN_GROUP && snapshot.finished > group.count) write(`${chalk.dim(w.snapshot(group.count, nextUpdateAt(group.count, MIN_GROUP)))}\n`);
    write(`${chalk.dim(w.groupHint(dir))}\n`);
  });
}

/**
 * Refuses, before anyone answers, a DIR holding a file that the finish screen could not count
 * (`diag aggregate DIR` refuses it): found only at the finish, it would stop the group screen
 * after the whole session. The refusal says which file and what to do, as the browser workshop's.
 */
async function countableFolder(dir: string, bank: Bank): Promise<void> {
  try {
    await aggregateInputs(bank, [dir], { by: [], minGroup: MIN_GROUP, warn: () => undefined });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const args = error.text?.key === 'inputsRefused' ? (error.text.args as { count?: unknown }) : undefined;
    const count = typeof args?.count === 'number' ? args.count : 1;
    // The first few problems: a long list would scroll the message itself off the trainer's screen.
    const details = error.details.length > 0 ? error.details : [error.localized];
    const shown = details.length > SHOWN_PROBLEMS + 1 ? [...details.slice(0, SHOWN_PROBLEMS), messages().error.moreProblems({ count: details.length - SHOWN_PROBLEMS })] : details;
    throw new InputError(errorText('workshopReports', { dir, count }), shown);
  }
}

/** The group's count and nothing else, as the core gives it for a group smaller than k. */
function countOnly(group: Aggregate): Aggregate {
  if (group.withheld !== undefined) return group;
  const withheld = { code: 'small-group' as const, reason: 'the last figures shown would give away someone no longer in the folder' };
  return { count: group.count, minGroup: group.minGroup, withheld, overall: { id: 'overall', withheld }, dimensions: [], questions: [], segments: [], suppressed: [] };
}

/** A short, stable key of a folder's absolute path. */
function folderKey(dir: string): string {
  return createHash('sha256').update(resolve(dir)).digest('hex').slice(0, 12);
}
