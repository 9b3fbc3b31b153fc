import type { CommonOptions } from '../common.js';
import { deliver, planTargets, type OutputOptions } from '../deliver.js';
import { chooseLanguage } from '../i18n.js';
import { loadBank } from '../load-bank.js';
import { outputFiles, refuseOutputsOverInputs } from '../output-is-input.js';
import { TEMPLATE_FORMATS } from '../render/formats.js';
import { templateRenderers } from '../render/document-renderers.js';
import { checkLanguage } from '../score-inputs.js';

/** `diag template`: a blank answer file for the bank, to fill in and give to `diag score`. */
export async function template(options: CommonOptions & OutputOptions): Promise<void> {
  const { bank, file } = loadBank(options.bank);
  refuseOutputsOverInputs(outputFiles(options), [file]);
  checkLanguage(bank, options.lang);
  const targets = planTargets('template', options, TEMPLATE_FORMATS, 'yaml');
  await deliver({ bank, lang: chooseLanguage(bank.languages, options.lang) }, targets, templateRenderers, options);
}
