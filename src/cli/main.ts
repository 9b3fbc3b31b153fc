import type { Command } from 'commander';
import { collect, withBankOptions } from './common.js';
import { EXIT, InputError, InterruptedError, ThresholdError } from './errors.js';
import { setMaxFileSize } from './file-limits.js';
import { OutputClosedError } from './output.js';
import { COMPARISON_FORMATS, EXPLANATION_FORMATS, GROUP_FORMATS, LINT_FORMATS, REPORT_FORMATS, RESCORE_FORMATS, TEMPLATE_FORMATS } from './render/formats.js';
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
    .option('--workshop <dir>', 'a workshop on one terminal: participants take turns, results saved in DIR, then the group results')
    .option('--norms <file>', "compare with a reference group: percentiles from diag aggregate --norms-out (default: the bank's own norms file)")
    .option('--no-norms', "do not use the bank's own norms file")
    .action(async (options) => (await import('./commands/run.js')).run(options));

  withOutput(withBankOptions(diag.command('score')), Option, REPORT_FORMATS)
    .description('score answer files (or folders, or .ndjson) without any prompt')
    .argument('<inputs...>', 'answer files, reports, folders of them, or .ndjson/.jsonl files; - reads standard input')
    .option('--min-score <n>', 'exit 1 when an overall score is below N')
    .option('--min <dim=n>', 'exit 1 when a dimension score is below N (repeatable)', collect)
    .option('--baseline <reports>', 'previous reports for --max-drop: one report, a JSON array or NDJSON of reports, or a folder (matched by source file, then respondent)')
    .option('--max-drop <[dim=]n>', 'exit 1 when the overall (or a dimension, or *=N every dimension) fell by more than N since --baseline (repeatable)', collect)
    .option('--gate-report <file>', 'write every threshold checked, per input file and respondent, with the figures, as JSON')
    .option('--norms <file>', "add percentiles against a reference group (from diag aggregate --norms-out; default: the bank's own norms file)")
    .option('--no-norms', "do not use the bank's own norms file")
    .action(async (inputs: string[], options) => (await import('./commands/score.js')).score(inputs, options));

  withOutput(withBankOptions(diag.command('report')), Option, REPORT_FORMATS)
    .description('render saved JSON reports again, in any format and language')
    .argument('<reports...>', 'JSON reports written by diag run or diag score --format json')
    .option('--norms <file>', "add percentiles against a reference group (from diag aggregate --norms-out; default: the bank's own norms file)")
    .option('--no-norms', "do not use the bank's own norms file")
    .action(async (files: string[], options) => (await import('./commands/report.js')).report(files, options));

  withOutput(withBankOptions(diag.command('aggregate')), Option, GROUP_FORMATS)
    .description('group results of many answer files or reports, by segment, without exposing anyone')
    .argument('<inputs...>', 'answer files, reports, folders of them, or .ndjson/.jsonl files')
    .option('--by <question>', 'break the group down by a single, multiple or boolean question (repeatable)', collect)
    .option('--min-group <n>', 'show no figure about fewer than N people, nor one that could be worked out (at least 3)', '5')
    .option('--stats', "for bank authors: Cronbach's alpha, alpha if deleted, item-total r, floor and ceiling shares")
    .option('--min-alpha <x>', "exit 1 when a dimension's alpha is below X (implies --stats)")
    .option('--norms-out <file>', 'write norms (percentile points of every score) for score --norms; needs 30 respondents')
    .action(async (inputs: string[], options) => (await import('./commands/aggregate.js')).aggregate(inputs, options));

  withOutput(diag.command('compare'), Option, COMPARISON_FORMATS)
    .description('what changed between two reports of the same bank: scores, levels, recommendations')
    .argument('<old>', 'the earlier JSON report')
    .argument('<new>', 'the later JSON report')
    .option('--no-color', 'no colours (also when NO_COLOR is set)')
    .action(async (oldFile: string, newFile: string, options) => (await import('./commands/compare.js')).compare(oldFile, newFile, options));

  withOutput(withBankOptions(diag.command('explain')), Option, EXPLANATION_FORMATS)
    .description('how each answer makes its dimension score, and what would raise the overall score most')
    .argument('<file>', 'one answer file or report')
    .option('--top <n>', 'how many improvements to list', '5')
    .action(async (file: string, options) => (await import('./commands/explain.js')).explain(file, options));

  diag
    .command('validate')
    .description('check a question bank and say what is wrong, or that it is valid')
    .argument('[bank]', 'bank file or bundled bank id (default: the bundled bank)')
    .option('-b, --bank <file-or-id>', 'same as the argument')
    .option('-q, --quiet', 'print nothing when the bank is valid')
    .action(async (bank: string | undefined, options) => (await import('./commands/validate.js')).validate(bank, options));

  withOutput(withBankOptions(diag.command('rescore')), Option, RESCORE_FORMATS)
    .description('score saved reports again with another version of their bank (--bank NEW): what would change, per respondent and in total')
    .argument('<reports...>', 'JSON reports (files, folders, .ndjson) made with an earlier version of the bank')
    .action(async (inputs: string[], options) => (await import('./commands/rescore.js')).rescore(inputs, options));

  withOutput(diag.command('lint'), Option, LINT_FORMATS)
    .description('deeper checks of a bank by simulating respondents: what never fires, never shows, cannot be reached; and the time to answer')
    .argument('[bank]', 'bank file or bundled bank id (default: the bundled bank)')
    .option('-b, --bank <file-or-id>', 'same as the argument')
    .option('-l, --lang <lang>', 'language of the output and of the time estimates')
    .option('--strict', 'exit 1 when there is any finding (for CI)')
    .option('--seed <n>', 'seed of the random respondents (same seed, same findings)', '1')
    .option('--samples <n>', 'random respondents to simulate, spread over the profile paths', '2000')
    .action(async (bank: string | undefined, options) => (await import('./commands/lint.js')).lint(bank, options));

  withOutput(withBankOptions(diag.command('template')), Option, TEMPLATE_FORMATS)
    .description('print a blank answer file for the bank, with every question and its allowed values')
    .action(async (options) => (await import('./commands/template.js')).template(options));

  return diag;
}

/**
 * Output options of every command that writes a document: the format of stdout, -o files whose
 * format follows their extension, and the options of the formats it has.
 */
function withOutput(command: Command, Option: typeof import('commander').Option, formats: readonly string[]): Command {
  command
    .addOption(new Option('-f, --format <format>', 'format of standard output (an -o file takes the format of its extension)').choices(formats))
    .option('-o, --output <file>', 'write to a file (repeatable; the format follows the extension: .json .ndjson .md .csv .html .txt .junit.xml .yaml; - is stdout); all files are written or none', collect)
    .option('--force', 'replace output files that exist');
  if (formats.includes('text')) command.option('--ascii', 'no box drawing or block characters (also when TERM=dumb)');
  if (formats.includes('csv')) command.option('--csv-delimiter <char>', 'CSV separator: , (default), ; (French spreadsheets, with decimal commas) or tab');
  if (formats.includes('ndjson')) {
    command
      .option('--summary', 'Markdown: one summary table of every report (automatic above 10 reports)')
      .option('--json-array', 'JSON: an array even for a single input file');
  }
  return command;
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
  // A reader that leaves (`diag … | head`) must not crash diag with an unhandled 'error' event.
  process.stdout.on('error', () => undefined);
  try {
    await (await program()).parseAsync(argv);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof OutputClosedError) return EXIT.ok;
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
    if (error instanceof InterruptedError || (error instanceof Error && error.name === 'ExitPromptError')) {
      if (error.message) process.stderr.write(`\n${error.message}\n`);
      return EXIT.interrupted;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv);
