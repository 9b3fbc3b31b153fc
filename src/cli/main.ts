import type { Command } from 'commander';
import { collect, withBankOptions } from './common.js';
import { EXIT, InputError, InterruptedError, ThresholdError } from './errors.js';
import { setMaxFileSize } from './file-limits.js';
import { AGGREGATE_FORMATS } from './render/aggregate-formats.js';
import { COMPARE_FORMATS } from './render/compare-formats.js';
import { EXPLAIN_FORMATS } from './render/explain-formats.js';
import { REPORT_FORMATS } from './render/index.js';
import { localizeCommander } from './commander-i18n.js';
import { messages, setMessageLanguage, toolLanguage } from './i18n.js';
import { toolVersion } from './version.js';

/**
 * The whole command line: each command is loaded only when it runs, so that `diag --version`
 * stays instant. This file is also the one place that decides the exit code.
 */
async function program(): Promise<Command> {
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

  withBankOptions(diag.command('run'))
    .description(h.run.description)
    .option('--resume', h.run.resume)
    .option('--respondent <name>', h.run.respondent)
    .option('--out <file>', h.run.out)
    .option('--out-dir <dir>', h.run.outDir)
    .option('--state-dir <dir>', h.run.stateDir)
    .option('--workshop <dir>', h.run.workshop)
    .addHelpText('after', h.run.after)
    .action(async (options) => (await import('./commands/run.js')).run(options));

  withReportOutput(withBankOptions(diag.command('score')), Option)
    .description(h.score.description)
    .argument('<inputs...>', h.score.inputs)
    .option('--min-score <n>', h.score.minScore)
    .option('--min <dim=n>', h.score.min, collect)
    .option('--baseline <report.json>', h.score.baseline)
    .option('--max-drop <[dim=]n>', h.score.maxDrop, collect)
    .addHelpText('after', h.score.after)
    .action(async (inputs: string[], options) => (await import('./commands/score.js')).score(inputs, options));

  withReportOutput(withBankOptions(diag.command('report')), Option)
    .description(h.report.description)
    .argument('<reports...>', h.report.reports)
    .addHelpText('after', h.report.after)
    .action(async (files: string[], options) => (await import('./commands/report.js')).report(files, options));

  withBankOptions(diag.command('aggregate'))
    .description(h.aggregate.description)
    .argument('<inputs...>', h.aggregate.inputs)
    .option('--by <question>', h.aggregate.by, collect)
    .option('--min-group <n>', h.aggregate.minGroup, '5')
    .addOption(new Option('-f, --format <format>', h.common.format).choices(AGGREGATE_FORMATS).default('text'))
    .option('-o, --output <file>', h.common.output)
    .option('--force', h.common.force)
    .option('--csv-delimiter <char>', h.aggregate.csvDelimiter)
    .addHelpText('after', h.aggregate.after)
    .action(async (inputs: string[], options) => (await import('./commands/aggregate.js')).aggregate(inputs, options));

  diag
    .command('compare')
    .description(h.compare.description)
    .argument('<old>', h.compare.old)
    .argument('<new>', h.compare.new)
    .addOption(new Option('-f, --format <format>', h.common.format).choices(COMPARE_FORMATS).default('text'))
    .option('-o, --output <file>', h.common.output)
    .option('--force', h.common.force)
    .option('--no-color', h.common.noColor)
    .addHelpText('after', h.compare.after)
    .action(async (oldFile: string, newFile: string, options) => (await import('./commands/compare.js')).compare(oldFile, newFile, options));

  withBankOptions(diag.command('explain'))
    .description(h.explain.description)
    .argument('<file>', h.explain.file)
    .addOption(new Option('-f, --format <format>', h.common.format).choices(EXPLAIN_FORMATS).default('text'))
    .option('--top <n>', h.explain.top, '5')
    .option('-o, --output <file>', h.common.output)
    .option('--force', h.common.force)
    .addHelpText('after', h.explain.after)
    .action(async (file: string, options) => (await import('./commands/explain.js')).explain(file, options));

  diag
    .command('validate')
    .description(h.validate.description)
    .argument('[bank]', h.validate.bank)
    .option('-b, --bank <file-or-id>', h.validate.bankOption)
    .option('-q, --quiet', h.validate.quiet)
    .addHelpText('after', h.validate.after)
    .action(async (bank: string | undefined, options) => (await import('./commands/validate.js')).validate(bank, options));

  withBankOptions(diag.command('template'))
    .description(h.template.description)
    .option('-o, --output <file>', h.common.output)
    .option('--force', h.common.force)
    .addHelpText('after', h.template.after)
    .action(async (options) => (await import('./commands/template.js')).template(options));

  diag
    .command('completion')
    .description(h.completion.description)
    .argument('<shell>', h.completion.shell)
    .addHelpText('after', h.completion.after)
    .action(async (shell: string) => (await import('./commands/completion.js')).completion(shell, diag));

  return diag;
}

/** Output options of the commands that print reports. */
function withReportOutput(command: Command, Option: typeof import('commander').Option): Command {
  const h = messages().help.reportOutput;
  return command
    .addOption(new Option('-f, --format <format>', h.format).choices(REPORT_FORMATS))
    .option('-o, --output <file>', h.output, collect)
    .option('--force', h.force)
    .option('--csv-delimiter <char>', h.csvDelimiter);
}

function printError(message: string, details: readonly string[] = []): void {
  process.stderr.write(`diag: ${message}\n${details.map((d) => `  ${d}\n`).join('')}`);
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
  // A reader that stopped (`diag … | head`) wants nothing more: end quietly, not with a stack.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? EXIT.ok);
  });
  try {
    await (await program()).parseAsync(argv);
    return EXIT.ok;
  } catch (error) {
    const { CommanderError } = await import('commander');
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.input;
    if (error instanceof InputError) {
      printError(error.localized, error.details);
      return EXIT.input;
    }
    if (error instanceof ThresholdError) {
      printError(error.message);
      return EXIT.threshold;
    }
    if (error instanceof InterruptedError || (error instanceof Error && error.name === 'ExitPromptError')) {
      if (error.message) process.stderr.write(`\n${error.message}\n`);
      return EXIT.interrupted;
    }
    throw error;
  }
}
