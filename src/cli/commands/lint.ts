import { lintBank } from '../../core/lint/index.js';
import type { CommonOptions } from '../common.js';
import { errorText, InputError, ThresholdError } from '../errors.js';
import { chooseLanguage, environmentLanguage, messages } from '../i18n.js';
import { warn, warningLine } from '../warn.js';
import { loadBank } from '../load-bank.js';
import { deliver, planTargets, type OutputOptions } from '../deliver.js';
import { bankInput, outputFiles, refuseOutputsOverInputs } from '../output-is-input.js';
import { LINT_FORMATS } from '../render/formats.js';
import { lintRenderers, type LocatedFinding } from '../render/lint.js';
import { checkLanguage } from '../score-inputs.js';

export interface LintCommandOptions extends CommonOptions, OutputOptions {
  strict?: boolean;
  seed: string;
  samples: string;
}

function wholeNumber(text: string, option: string, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value > max) throw new InputError(errorText('lintNumber', { option, value: text, max }));
  return value;
}

/** `diag lint [BANK]`: simulates respondents and reports what a bank author should look at. */
export async function lint(bankArgument: string | undefined, options: LintCommandOptions): Promise<void> {
  const seed = wholeNumber(options.seed, '--seed', 2 ** 32 - 1);
  const samples = wholeNumber(options.samples, '--samples', 100_000);
  refuseOutputsOverInputs(outputFiles(options), [bankInput(bankArgument ?? options.bank)]);
  const targets = planTargets('lint', options, LINT_FORMATS, 'text');
  const { bank, file, source, warnings } = loadBank(bankArgument ?? options.bank);
  for (const warning of warnings) warn(warningLine(warning));
  checkLanguage(bank, options.lang);
  const lang = chooseLanguage(bank.languages, options.lang, environmentLanguage(process.env));
  const result = lintBank(bank, { seed, samples, lang });
  const findings: LocatedFinding[] = result.findings.map((f) => {
    const at = source.locate(f.path);
    return { ...f, file, ...(at === undefined ? {} : { line: at.line, col: at.col }) };
  });
  const view = { file, lang, result, findings };
  await deliver(view, targets, lintRenderers, options);
  if (options.strict && findings.length > 0) throw new ThresholdError([messages().warnings.strictFindings({ count: findings.length, file })]);
}
