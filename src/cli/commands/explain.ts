import { explainScores, validateAnswers } from '../../core/index.js';
import type { CommonOptions } from '../common.js';
import { deliver, planTargets, type OutputOptions } from '../deliver.js';
import { errorText, InputError } from '../errors.js';
import { chooseLanguage } from '../i18n.js';
import { formatProblems, loadBank } from '../load-bank.js';
import { expandInputs, readRecords } from '../read-inputs.js';
import { outputFiles, refuseOutputsOverInputs } from '../output-is-input.js';
import { EXPLANATION_FORMATS } from '../render/formats.js';
import { explanationRenderers } from '../render/document-renderers.js';
import { checkLanguage } from '../score-inputs.js';

/** `diag explain FILE`: each answer's part in its score, and what would raise the overall score most. */
export async function explain(file: string, options: CommonOptions & OutputOptions & { top: string }): Promise<void> {
  const { bank, file: bankFile } = loadBank(options.bank);
  refuseOutputsOverInputs(outputFiles(options), [file, bankFile]);
  checkLanguage(bank, options.lang);
  const top = Number(options.top);
  if (!Number.isInteger(top) || top < 1) throw new InputError(errorText('wholeNumber', { option: '--top', value: String(options.top) }));
  const targets = planTargets('explain', options, EXPLANATION_FORMATS, 'text');
  const records = [];
  for await (const record of readRecords(expandInputs([file]).files)) records.push(record);
  const record = records[0];
  if (records.length !== 1 || record === undefined) throw new InputError(errorText('explainOne', { file, count: records.length }));
  if ('error' in record) throw record.error;
  const result = validateAnswers(bank, record.source.data);
  if (!result.ok) throw new InputError(errorText('refused', { file }), formatProblems(record.source, result.errors, false));
  const lang = chooseLanguage(bank.languages, options.lang, result.value.lang);
  await deliver({ explanation: explainScores(bank, result.value.answers), bank, lang, top }, targets, explanationRenderers, options);
}
