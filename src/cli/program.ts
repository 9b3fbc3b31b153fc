import type { Command } from 'commander';
import type { Commands } from './commands-table.js';
import { usedPath } from './code-paths.js';
import { quickLine, type QuickLine } from './quick-args.js';
import { EXIT, InputError, InterruptedError, TerminatedError, ThresholdError } from './errors.js';
import { setMaxFileSize } from './file-limits.js';
import { guardStdout, OutputClosedError } from './output.js';
import { localizeCommander } from './commander-i18n.js';
import { messages, setMessageLanguage, toolLanguage } from './i18n.js';
import { toolVersion } from './version.js';
import { oneLine, sanitizeText } from '../core/sanitize.js';

/** What diag's own `--max-file-size` (and DIAG_MAX_FILE_SIZE) set, before any command runs. */
function applyFileLimits(option: unknown): void {
  setMaxFileSize(process.env.DIAG_MAX_FILE_SIZE, 'DIAG_MAX_FILE_SIZE');
  setMaxFileSize(typeof option === 'string' ? option : undefined, '--max-file-size');
}

/**
 * A plain command line read without commander (quick-args.ts), unless DIAG_QUICK_ARGS=0. Not
 * `completion`, whose action lists the whole program's commands.
 */
function quick(argv: readonly string[], commands: Commands): QuickLine | undefined {
  const name = argv[2];
  if (name === undefined || name === 'completion' || !Object.hasOwn(commands, name) || process.env.DIAG_QUICK_ARGS === '0') return undefined;
  const define = commands[name];
  return define === undefined ? undefined : quickLine(argv, define);
}

/**
 * The whole command line: each command is loaded only when it runs, so that `diag --version`
 * stays instant. This file is also the one place that decides the exit code.
 */
export async function program(argv: readonly string[], commands: Commands): Promise<Command> {
  const { Command, Help, Option } = await import('commander');
  const h = messages().help;
  const diag = new Command('diag')
    .description(h.tool)
    .version(toolVersion(), '-V, --version', h.version)
    .option('--max-file-size <MB>', h.maxFileSize)
    .hook('preAction', (command) => applyFileLimits(command.opts().maxFileSize))
    .addHelpText('after', h.toolAfter);
  localizeCommander(diag, Help);

  const named = argv[2];
  const only = named !== undefined && named !== 'completion' && Object.hasOwn(commands, named) ? named : undefined;
  for (const [name, define] of Object.entries(commands)) if (only === undefined || name === only) define(diag, Option, h);
  return diag;
}

/** Messages quote file names and file contents: sanitised, so that none can drive the terminal. */
function printError(message: string, details: readonly string[] = []): void {
  process.stderr.write(`diag: ${sanitizeText(message)}\n${details.map((d) => `  ${sanitizeText(d)}\n`).join('')}`);
}

/** `--lang X`, `--lang=X`, `-l X` or `-lX` anywhere on the command line: help and errors come before any action. */
function langOption(argv: readonly string[]): string | undefined {
  for (let i = 2; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') break;
    if (arg === '--lang' || arg === '-l') return argv[i + 1];
    if (arg.startsWith('--lang=')) return arg.slice('--lang='.length);
    if (/^-l[^-]/.test(arg)) return arg.slice(2);
  }
  return undefined;
}

/**
 * `main` for a table of commands (all of them in main.ts; one in each command's own bundle, see
 * build.ts). It maps every way a command can end to an exit code; an unknown error is a bug and
 * keeps its stack.
 */
export const mainWith = (commands: Commands) => async (argv: string[]): Promise<number> => {
  setMessageLanguage(toolLanguage(langOption(argv)));
  // A reader that leaves (`diag … | head`) must not crash diag with an unhandled 'error' event:
  // writes report it as OutputClosedError, and the files and the exit code follow the results.
  guardStdout(() => undefined);
  try {
    const line = quick(argv, commands);
    if (line !== undefined) {
      applyFileLimits(undefined);
      await line.action(...line.args, line.options);
    } else {
      usedPath('commander');
      await (await program(argv, commands)).parseAsync(argv);
    }
    return EXIT.ok;
  } catch (error) {
    if (error instanceof OutputClosedError) return EXIT.ok;
    const { CommanderError } = await import('commander');
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.input;
    if (error instanceof InputError) {
      // One line each: a line feed in a name (quoted when worded) cannot forge a line of its own.
      printError(oneLine(error.localized), error.details.map(oneLine));
      return EXIT.input;
    }
    if (error instanceof ThresholdError) {
      printError(error.localized);
      return EXIT.threshold;
    }
    if (error instanceof TerminatedError) {
      if (error.message) process.stderr.write(`\n${error.message}\n`);
      return EXIT.terminated;
    }
    if (error instanceof InterruptedError || (error instanceof Error && error.name === 'ExitPromptError')) {
      try {
        if (error.message) process.stderr.write(`\n${sanitizeText(error.message)}\n`);
      } catch {
        // stderr is gone with its terminal (SIGHUP): the exit code still tells
      }
      return error instanceof InterruptedError ? error.exitCode : EXIT.interrupted;
    }
    throw error;
  }
};
