import type { Command } from 'commander';
import { collect, withBankOptions } from './common.js';
import { EXIT, InputError, InterruptedError, TerminatedError, ThresholdError } from './errors.js';
import { setMaxFileSize } from './file-limits.js';
import { guardStdout, OutputClosedError } from './output.js';
import { COMPARISON_FORMATS, EXPLANATION_FORMATS, GROUP_FORMATS, LINT_FORMATS, REPORT_FORMATS, RESCORE_FORMATS, TEMPLATE_FORMATS } from './render/formats.js';
import { localizeCommander } from './commander-i18n.js';
import { messages, setMessageLanguage, toolLanguage } from './i18n.js';
import { toolVersion } from './version.js';
import { sanitizeText } from '../core/sanitize.js';

/**
 * Each command's definition. Only the command being run is defined (when it is named first on
 * the command line), which spares a short command defining a dozen others; `diag --help`, `diag
 * help …`, completion and anything unusual define them all.
 */
type Define = (diag: Command, Option: typeof import('commander').Option, h: ReturnType<typeof messages>['help']) => void;
const COMMANDS: Record<string, Define> = {
  run: (diag, Option, h) => {
    withBankOptions(diag.command('run'))
      .description(h.run.description)
      .option('--resume', h.run.resume)
      .option('--respondent <name>', h.run.respondent)
      .option('--out <file>', h.run.out)
      .option('--out-dir <dir>', h.run.outDir)
      .option('--state-dir <dir>', h.run.stateDir)
      .option('--workshop <dir>', h.run.workshop)
      .option('--norms <file>', h.reportOutput.norms)
      .option('--no-norms', h.reportOutput.noNorms)
      .addHelpText('after', h.run.after)
      .action(async (options) => (await import('./commands/run.js')).run(options));
  },
  workshop: (diag, Option, h) => {
    withBankOptions(diag.command('workshop'))
      .description(h.workshop.description)
      .argument('<dir>', h.workshop.dir)
      .option('--host <addr>', h.workshop.host)
      .option('--port <n>', h.workshop.port)
      .option('--min-group <n>', h.workshop.minGroup, '5')
      .option('--by <question>', h.aggregate.by, collect)
      .addHelpText('after', h.workshop.after)
      .action(async (dir: string, options) => (await import('./commands/workshop-server.js')).workshopServer(dir, options));
  },
  score: (diag, Option, h) => {
    withOutput(withBankOptions(diag.command('score')), Option, REPORT_FORMATS)
      .description(h.score.description)
      .argument('<inputs...>', h.score.inputs)
      .option('--min-score <n>', h.score.minScore)
      .option('--min <dim=n>', h.score.min, collect)
      .option('--baseline <reports>', h.score.baseline)
      .option('--max-drop <[dim=]n>', h.score.maxDrop, collect)
      .option('--gate-report <file>', h.score.gateReport)
      .option('--norms <file>', h.reportOutput.norms)
      .option('--no-norms', h.reportOutput.noNorms)
      .addHelpText('after', h.score.after)
      .action(async (inputs: string[], options) => (await import('./commands/score.js')).score(inputs, options));
  },
  report: (diag, Option, h) => {
    withOutput(withBankOptions(diag.command('report')), Option, REPORT_FORMATS)
      .description(h.report.description)
      .argument('<reports...>', h.report.reports)
      .option('--norms <file>', h.reportOutput.norms)
      .option('--no-norms', h.reportOutput.noNorms)
      .addHelpText('after', h.report.after)
      .action(async (files: string[], options) => (await import('./commands/report.js')).report(files, options));
  },
  aggregate: (diag, Option, h) => {
    withOutput(withBankOptions(diag.command('aggregate')), Option, GROUP_FORMATS)
      .description(h.aggregate.description)
      .argument('<inputs...>', h.aggregate.inputs)
      .option('--by <question>', h.aggregate.by, collect)
      .option('--min-group <n>', h.aggregate.minGroup, '5')
      .option('--stats', h.aggregate.stats)
      .option('--min-alpha <x>', h.aggregate.minAlpha)
      .option('--norms-out <file>', h.aggregate.normsOut)
      .addHelpText('after', h.aggregate.after)
      .action(async (inputs: string[], options) => (await import('./commands/aggregate.js')).aggregate(inputs, options));
  },
  compare: (diag, Option, h) => {
    withOutput(diag.command('compare'), Option, COMPARISON_FORMATS)
      .description(h.compare.description)
      .argument('<old>', h.compare.old)
      .argument('<new>', h.compare.new)
      .option('--no-color', h.common.noColor)
      .addHelpText('after', h.compare.after)
      .action(async (oldFile: string, newFile: string, options) => (await import('./commands/compare.js')).compare(oldFile, newFile, options));
  },
  explain: (diag, Option, h) => {
    withOutput(withBankOptions(diag.command('explain')), Option, EXPLANATION_FORMATS)
      .description(h.explain.description)
      .argument('<file>', h.explain.file)
      .option('--top <n>', h.explain.top, '5')
      .addHelpText('after', h.explain.after)
      .action(async (file: string, options) => (await import('./commands/explain.js')).explain(file, options));
  },
  validate: (diag, Option, h) => {
    diag
      .command('validate')
      .description(h.validate.description)
      .argument('[bank]', h.validate.bank)
      .option('-b, --bank <file-or-id>', h.validate.bankOption)
      .option('-q, --quiet', h.validate.quiet)
      .addHelpText('after', h.validate.after)
      .action(async (bank: string | undefined, options) => (await import('./commands/validate.js')).validate(bank, options));
  },
  rescore: (diag, Option, h) => {
    withOutput(withBankOptions(diag.command('rescore')), Option, RESCORE_FORMATS)
      .description(h.rescore.description)
      .argument('<reports...>', h.rescore.reports)
      .addHelpText('after', h.rescore.after)
      .action(async (inputs: string[], options) => (await import('./commands/rescore.js')).rescore(inputs, options));
  },
  lint: (diag, Option, h) => {
    withOutput(diag.command('lint'), Option, LINT_FORMATS)
      .description(h.lint.description)
      .argument('[bank]', h.validate.bank)
      .option('-b, --bank <file-or-id>', h.validate.bankOption)
      .option('-l, --lang <lang>', h.common.lang)
      .option('--strict', h.lint.strict)
      .option('--seed <n>', h.lint.seed, '1')
      .option('--samples <n>', h.lint.samples, '2000')
      .addHelpText('after', h.lint.after)
      .action(async (bank: string | undefined, options) => (await import('./commands/lint.js')).lint(bank, options));
  },
  template: (diag, Option, h) => {
    withOutput(withBankOptions(diag.command('template')), Option, TEMPLATE_FORMATS)
      .description(h.template.description)
      .addHelpText('after', h.template.after)
      .action(async (options) => (await import('./commands/template.js')).template(options));
  },
  completion: (diag, Option, h) => {
    diag
      .command('completion')
      .description(h.completion.description)
      .argument('<shell>', h.completion.shell)
      .addHelpText('after', h.completion.after)
      .action(async (shell: string) => (await import('./commands/completion.js')).completion(shell, diag));
  },
};

/**
 * The whole command line: each command is loaded only when it runs, so that `diag --version`
 * stays instant. This file is also the one place that decides the exit code.
 */
async function program(argv: readonly string[]): Promise<Command> {
  const { Command, Help, Option } = await import('commander');
  const h = messages().help;
  const diag = new Command('diag')
    .description(h.tool)
    .version(toolVersion(), '-V, --version', h.version)
    .option('--max-file-size <MB>', h.maxFileSize)
    .hook('preAction', (command) => {
      setMaxFileSize(process.env.DIAG_MAX_FILE_SIZE, 'DIAG_MAX_FILE_SIZE');
      const option: unknown = command.opts().maxFileSize;
      setMaxFileSize(typeof option === 'string' ? option : undefined, '--max-file-size');
    })
    .addHelpText('after', h.toolAfter);
  localizeCommander(diag, Help);

  const named = argv[2];
  const only = named !== undefined && named !== 'completion' && Object.hasOwn(COMMANDS, named) ? named : undefined;
  for (const [name, define] of Object.entries(COMMANDS)) if (only === undefined || name === only) define(diag, Option, h);
  return diag;
}

/**
 * Output options of every command that writes a document: the format of stdout, -o files whose
 * format follows their extension, and the options of the formats it has.
 */
function withOutput(command: Command, Option: typeof import('commander').Option, formats: readonly string[]): Command {
  const h = messages().help.reportOutput;
  command
    .addOption(new Option('-f, --format <format>', h.format).choices(formats))
    .option('-o, --output <file>', h.output, collect)
    .option('--force', h.force);
  if (formats.includes('text')) command.option('--ascii', h.ascii);
  if (formats.includes('csv')) command.option('--csv-delimiter <char>', h.csvDelimiter);
  if (formats.includes('ndjson')) command.option('--summary', h.summary).option('--json-array', h.jsonArray);
  return command;
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

/** Maps every way a command can end to an exit code; an unknown error is a bug and keeps its stack. */
export async function main(argv: string[]): Promise<number> {
  setMessageLanguage(toolLanguage(langOption(argv)));
  // A reader that leaves (`diag … | head`) must not crash diag with an unhandled 'error' event:
  // writes report it as OutputClosedError, and the files and the exit code follow the results.
  guardStdout(() => undefined);
  try {
    await (await program(argv)).parseAsync(argv);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof OutputClosedError) return EXIT.ok;
    const { CommanderError } = await import('commander');
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.input;
    if (error instanceof InputError) {
      printError(error.localized, error.details);
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
}
