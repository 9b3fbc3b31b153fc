import type { Command } from 'commander';
import { collect, withBankOptions } from './common.js';
import { EXIT, InputError, InterruptedError, TerminatedError, ThresholdError } from './errors.js';
import { setMaxFileSize } from './file-limits.js';
import { AGGREGATE_FORMATS } from './render/aggregate-formats.js';
import { COMPARE_FORMATS } from './render/compare-formats.js';
import { EXPLAIN_FORMATS } from './render/explain-formats.js';
import { REPORT_FORMATS } from './render/index.js';
import { toolVersion } from './version.js';

/**
 * The whole command line: each command is loaded only when it runs, so that `diag --version`
 * stays instant. This file is also the one place that decides the exit code.
 */
async function program(): Promise<Command> {
  const { Command, Option } = await import('commander');
  const diag = new Command('diag')
    .description('A self-diagnostic of management, digital, trust and sales transformation.')
    .version(toolVersion(), '-V, --version')
    .option('--max-file-size <MB>', 'largest file (or NDJSON line) diag reads, in MB (default 10; also DIAG_MAX_FILE_SIZE)')
    .hook('preAction', (command) => {
      setMaxFileSize(process.env.DIAG_MAX_FILE_SIZE, 'DIAG_MAX_FILE_SIZE');
      const option: unknown = command.opts().maxFileSize;
      setMaxFileSize(typeof option === 'string' ? option : undefined, '--max-file-size');
    })
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });

  withBankOptions(diag.command('run'))
    .description('answer the questionnaire in the terminal, then see your results (answers stay on this machine)')
    .option('--resume', 'continue the run that was interrupted, without asking')
    .option('--respondent <name>', 'your name or a pseudonym for the report (not asked then)')
    .option('--out <file>', 'report file (default: diag-BANK-DATE.json in the current folder); never replaced')
    .option('--out-dir <dir>', 'folder for the report and answers, with unique names')
    .option('--state-dir <dir>', 'where progress is saved (default: $XDG_STATE_HOME/diag or ~/.local/state/diag)')
    .option('--workshop <dir>', 'a workshop on ONE terminal, no network: participants take turns at this keyboard, results saved in DIR (in the browser: diag workshop DIR)')
    .action(async (options) => (await import('./commands/run.js')).run(options));

  withBankOptions(diag.command('workshop'))
    .description('a workshop in the browser: participants answer on their phones (QR code, join code), your screen shows the group; results saved in DIR (one shared keyboard instead: diag run --workshop DIR)')
    .argument('<dir>', 'folder of the session: answers are saved there, and "diag workshop DIR" again continues it')
    .option('--host <addr>', 'address to listen on (default: every interface; 127.0.0.1 for this machine only)')
    .option('--port <n>', `port (default ${8080}, or a free one if it is taken; 0: any free port)`)
    .option('--min-group <n>', 'the group screen shows figures only over N or more people, updated only when N more have finished (at least 3)', '5')
    .option('--by <question>', 'break the group down by a single, multiple or boolean question (repeatable)', collect)
    .action(async (dir: string, options) => (await import('./commands/workshop-server.js')).workshopServer(dir, options));

  withReportOutput(withBankOptions(diag.command('score')), Option)
    .description('score answer files (or folders, or .ndjson) without any prompt')
    .argument('<inputs...>', 'answer files, reports, folders of them, or .ndjson/.jsonl files')
    .option('--min-score <n>', 'exit 1 when an overall score is below N')
    .option('--min <dim=n>', 'exit 1 when a dimension score is below N (repeatable)', collect)
    .option('--baseline <report.json>', 'a previous report to compare with, for --max-drop')
    .option('--max-drop <[dim=]n>', 'exit 1 when the overall (or a dimension, or *=N every dimension) fell by more than N since --baseline (repeatable)', collect)
    .action(async (inputs: string[], options) => (await import('./commands/score.js')).score(inputs, options));

  withReportOutput(withBankOptions(diag.command('report')), Option)
    .description('render saved JSON reports again, in any format and language')
    .argument('<reports...>', 'JSON reports written by diag run or diag score --format json')
    .action(async (files: string[], options) => (await import('./commands/report.js')).report(files, options));

  withBankOptions(diag.command('aggregate'))
    .description('group results of many answer files or reports, by segment, without exposing anyone')
    .argument('<inputs...>', 'answer files, reports, folders of them, or .ndjson/.jsonl files')
    .option('--by <question>', 'break the group down by a single, multiple or boolean question (repeatable)', collect)
    .option('--min-group <n>', 'show no figure about fewer than N people, nor one that could be worked out (at least 3)', '5')
    .addOption(new Option('-f, --format <format>', 'output format').choices(AGGREGATE_FORMATS).default('text'))
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .option('--force', 'replace --output if it exists')
    .option('--csv-delimiter <char>', 'CSV separator: , (default), ; or tab')
    .action(async (inputs: string[], options) => (await import('./commands/aggregate.js')).aggregate(inputs, options));

  diag
    .command('compare')
    .description('what changed between two reports of the same bank: scores, levels, recommendations')
    .argument('<old>', 'the earlier JSON report')
    .argument('<new>', 'the later JSON report')
    .addOption(new Option('-f, --format <format>', 'output format').choices(COMPARE_FORMATS).default('text'))
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .option('--force', 'replace --output if it exists')
    .option('--no-color', 'no colours (also when NO_COLOR is set)')
    .action(async (oldFile: string, newFile: string, options) => (await import('./commands/compare.js')).compare(oldFile, newFile, options));

  withBankOptions(diag.command('explain'))
    .description('how each answer makes its dimension score, and what would raise the overall score most')
    .argument('<file>', 'one answer file or report')
    .addOption(new Option('-f, --format <format>', 'output format').choices(EXPLAIN_FORMATS).default('text'))
    .option('--top <n>', 'how many improvements to list', '5')
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .option('--force', 'replace --output if it exists')
    .action(async (file: string, options) => (await import('./commands/explain.js')).explain(file, options));

  diag
    .command('validate')
    .description('check a question bank and say what is wrong, or that it is valid')
    .argument('[bank]', 'bank file or bundled bank id (default: the bundled bank)')
    .option('-b, --bank <file-or-id>', 'same as the argument')
    .option('-q, --quiet', 'print nothing when the bank is valid')
    .action(async (bank: string | undefined, options) => (await import('./commands/validate.js')).validate(bank, options));

  withBankOptions(diag.command('template'))
    .description('print a blank answer file for the bank, with every question and its allowed values')
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .option('--force', 'replace --output if it exists')
    .action(async (options) => (await import('./commands/template.js')).template(options));

  return diag;
}

/** Output options of the commands that print reports. */
function withReportOutput(command: Command, Option: typeof import('commander').Option): Command {
  return command
    .addOption(new Option('-f, --format <format>', 'format on stdout, or of a single -o file (default: text, or from the file extension)').choices(REPORT_FORMATS))
    .option('-o, --output <file>', 'write to a file (repeatable; the format follows the extension: .json .md .csv .html .txt; - is stdout)', collect)
    .option('--force', 'replace output files that exist')
    .option('--csv-delimiter <char>', 'CSV separator: , (default), ; (French spreadsheets, with decimal commas) or tab');
}

function printError(message: string, details: readonly string[] = []): void {
  process.stderr.write(`diag: ${message}\n${details.map((d) => `  ${d}\n`).join('')}`);
}

/** Maps every way a command can end to an exit code; an unknown error is a bug and keeps its stack. */
export async function main(argv: string[]): Promise<number> {
  // What scripts call most, answered without loading the command-line parser (a fifth of the start-up).
  if (argv.length === 3 && (argv[2] === '--version' || argv[2] === '-V')) {
    process.stdout.write(`${toolVersion()}\n`);
    return EXIT.ok;
  }
  try {
    await (await program()).parseAsync(argv);
    return EXIT.ok;
  } catch (error) {
    const { CommanderError } = await import('commander');
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.input;
    if (error instanceof InputError) {
      printError(error.message, error.details);
      return EXIT.input;
    }
    if (error instanceof ThresholdError) {
      printError(error.message);
      return EXIT.threshold;
    }
    if (error instanceof TerminatedError) {
      if (error.message) process.stderr.write(`\n${error.message}\n`);
      return EXIT.terminated;
    }
    if (error instanceof InterruptedError || (error instanceof Error && error.name === 'ExitPromptError')) {
      if (error.message) process.stderr.write(`\n${error.message}\n`);
      return EXIT.interrupted;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv);
