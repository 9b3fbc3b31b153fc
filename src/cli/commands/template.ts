import type { CommonOptions } from '../common.js';
import { chooseLanguage } from '../i18n.js';
import { loadBank } from '../load-bank.js';
import { emit } from '../output.js';
import { renderTemplate } from '../render/template.js';
import { checkLanguage } from '../score-inputs.js';

/** `diag template`: a blank answer file for the bank, to fill in and give to `diag score`. */
export async function template(options: CommonOptions & { output?: string; force?: boolean }): Promise<void> {
  const { bank } = loadBank(options.bank);
  checkLanguage(bank, options.lang);
  emit(renderTemplate(bank, chooseLanguage(bank.languages, options.lang)), options.output, options.force);
}
