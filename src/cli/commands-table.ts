import type { Command } from 'commander';
import { collect, withBankOptions } from './common.js';
import { messages } from './i18n.js';
import { COMPARISON_FORMATS, EXPLANATION_FORMATS, GROUP_FORMATS, LINT_FORMATS, REPORT_FORMATS, RESCORE_FORMATS, TEMPLATE_FORMATS } from './render/formats.js';

/**
 * Each command's definition, one export each, so that a bundle of one command (build.ts) holds
 * that command's code and no other's. Only the command being run is defined (when it is named
 * first on the command line), which spares a short command defining a dozen others; `diag
 * --help`, `diag help …`, completion and anything unusual define them all (main.ts).
 */
export type Define = (diag: Command, Option: typeof import('commander').Option, h: ReturnType<typeof messages>['help']) => void;
export type Commands = Readonly<Record<string, Define>>;

/** Every command, in the order of `diag --help`. */
export const COMMAND_ORDER = ['run', 'workshop', 'score', 'report', 'aggregate', 'compare', 'explain', 'validate', 'rescore', 'lint', 'template', 'completion'] as const;

export const run: Define = (diag, Option, h) => {
  withBankOptions(h, diag.command('run'))
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
};

export const workshop: Define = (diag, Option, h) => {
  withBankOptions(h, diag.command('workshop'))
    .description(h.workshop.description)
    .argument('<dir>', h.workshop.dir)
    .option('--host <addr>', h.workshop.host)
    .option('--port <n>', h.workshop.port)
    .option('--min-group <n>', h.workshop.minGroup, '5')
    .option('--by <question>', h.aggregate.by, collect)
    .addHelpText('after', h.workshop.after)
    .action(async (dir: string, options) => (await import('./commands/workshop-server.js')).workshopServer(dir, options));
};

export const score: Define = (diag, Option, h) => {
  withOutput(h, withBankOptions(h, diag.command('score')), Option, REPORT_FORMATS)
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
};

export const report: Define = (diag, Option, h) => {
  withOutput(h, withBankOptions(h, diag.command('report')), Option, REPORT_FORMATS)
    .description(h.report.description)
    .argument('<reports...>', h.report.reports)
    .option('--norms <file>', h.reportOutput.norms)
    .option('--no-norms', h.reportOutput.noNorms)
    .addHelpText('after', h.report.after)
    .action(async (files: string[], options) => (await import('./commands/report.js')).report(files, options));
};

export const aggregate: Define = (diag, Option, h) => {
  withOutput(h, withBankOptions(h, diag.command('aggregate')), Option, GROUP_FORMATS)
    .description(h.aggregate.description)
    .argument('<inputs...>', h.aggregate.inputs)
    .option('--by <question>', h.aggregate.by, collect)
    .option('--min-group <n>', h.aggregate.minGroup, '5')
    .option('--stats', h.aggregate.stats)
    .option('--min-alpha <x>', h.aggregate.minAlpha)
    .option('--norms-out <file>', h.aggregate.normsOut)
    .addHelpText('after', h.aggregate.after)
    .action(async (inputs: string[], options) => (await import('./commands/aggregate.js')).aggregate(inputs, options));
};

export const compare: Define = (diag, Option, h) => {
  withOutput(h, withBankOptions(h, diag.command('compare')), Option, COMPARISON_FORMATS)
    .description(h.compare.description)
    .argument('<old>', h.compare.old)
    .argument('<new>', h.compare.new)
    .addHelpText('after', h.compare.after)
    .action(async (oldFile: string, newFile: string, options) => (await import('./commands/compare.js')).compare(oldFile, newFile, options));
};

export const explain: Define = (diag, Option, h) => {
  withOutput(h, withBankOptions(h, diag.command('explain')), Option, EXPLANATION_FORMATS)
    .description(h.explain.description)
    .argument('<file>', h.explain.file)
    .option('--top <n>', h.explain.top, '5')
    .addHelpText('after', h.explain.after)
    .action(async (file: string, options) => (await import('./commands/explain.js')).explain(file, options));
};

export const validate: Define = (diag, Option, h) => {
  diag
    .command('validate')
    .description(h.validate.description)
    .argument('[bank]', h.validate.bank)
    .option('-b, --bank <file-or-id>', h.validate.bankOption)
    .option('-q, --quiet', h.validate.quiet)
    .addHelpText('after', h.validate.after)
    .action(async (bank: string | undefined, options) => (await import('./commands/validate.js')).validate(bank, options));
};

export const rescore: Define = (diag, Option, h) => {
  withOutput(h, withBankOptions(h, diag.command('rescore')), Option, RESCORE_FORMATS)
    .description(h.rescore.description)
    .argument('<reports...>', h.rescore.reports)
    .addHelpText('after', h.rescore.after)
    .action(async (inputs: string[], options) => (await import('./commands/rescore.js')).rescore(inputs, options));
};

export const lint: Define = (diag, Option, h) => {
  withOutput(h, diag.command('lint'), Option, LINT_FORMATS)
    .description(h.lint.description)
    .argument('[bank]', h.validate.bank)
    .option('-b, --bank <file-or-id>', h.validate.bankOption)
    .option('-l, --lang <lang>', h.common.lang)
    .option('--strict', h.lint.strict)
    .option('--seed <n>', h.lint.seed, '1')
    .option('--samples <n>', h.lint.samples, '2000')
    .addHelpText('after', h.lint.after)
    .action(async (bank: string | undefined, options) => (await import('./commands/lint.js')).lint(bank, options));
};

export const template: Define = (diag, Option, h) => {
  withOutput(h, withBankOptions(h, diag.command('template')), Option, TEMPLATE_FORMATS)
    .description(h.template.description)
    .addHelpText('after', h.template.after)
    .action(async (options) => (await import('./commands/template.js')).template(options));
};

export const completion: Define = (diag, Option, h) => {
  diag
    .command('completion')
    .description(h.completion.description)
    .argument('<shell>', h.completion.shell)
    .addHelpText('after', h.completion.after)
    .action(async (shell: string) => (await import('./commands/completion.js')).completion(shell, diag));
};

/**
 * Output options of every command that writes a document: the format of stdout, -o files whose
 * format follows their extension, and the options of the formats it has.
 */
function withOutput(help: Parameters<Define>[2], command: Command, Option: typeof import('commander').Option, formats: readonly string[]): Command {
  const h = help.reportOutput;
  command
    .addOption(new Option('-f, --format <format>', h.format).choices(formats))
    .option('-o, --output <file>', h.output, collect)
    .option('--force', h.force);
  if (formats.includes('text')) command.option('--ascii', h.ascii);
  if (formats.includes('csv')) command.option('--csv-delimiter <char>', h.csvDelimiter);
  if (formats.includes('ndjson')) command.option('--summary', h.summary).option('--json-array', h.jsonArray);
  return command;
}

