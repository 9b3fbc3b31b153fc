import { explainScores, validateAnswers } from '../../core/index.js';
import { useColor, type CommonOptions } from '../common.js';
import { errorText, InputError } from '../errors.js';
import { chooseLanguage } from '../i18n.js';
import { formatProblems, loadBank } from '../load-bank.js';
import { emit } from '../output.js';
import { expandInputs, readRecords } from '../read-inputs.js';
import { renderExplanation, type ExplainFormat } from '../render/explain.js';
import { checkLanguage } from '../score-inputs.js';

/** `diag explain FILE`: each answer's part in its score, and what would raise the overall score most. */
export async function explain(file: string, options: CommonOptions & { format: ExplainFormat; top: string; output?: string; force?: boolean }): Promise<void> {
  const { bank } = loadBank(options.bank);
  checkLanguage(bank, options.lang);
  const top = Number(options.top);
  if (!Number.isInteger(top) || top < 1) throw new InputError(errorText('wholeNumber', { option: '--top', value: String(options.top) }));
  const records = [];
  for await (const record of readRecords(expandInputs([file]).files)) records.push(record);
  const record = records[0];
  if (records.length !== 1 || record === undefined) throw new InputError(`${file}: diag explain takes one answer file or report (found ${records.length} records)`);
  if ('error' in record) throw record.error;
  const result = validateAnswers(bank, record.source.data);
  if (!result.ok) throw new InputError(`${file}: refused`, formatProblems(record.source, result.errors, false));
  const lang = chooseLanguage(bank.languages, options.lang, result.value.lang);
  const toTerminal = options.output === undefined || options.output === '-';
  const text = renderExplanation(explainScores(bank, result.value.answers), bank, {
    format: options.format,
    lang,
    color: toTerminal && useColor(options, process.stdout, process.env),
    width: process.stdout.columns ?? 80,
    top,
  });
  emit(text, options.output, options.force);
}
