import { messages } from '../i18n.js';
import { loadBank } from '../load-bank.js';
import { writeStdout } from '../output.js';
import { warn } from '../warn.js';

/** `diag validate [BANK]`: says what is wrong with a bank, or that it is valid (and what it holds). */
export async function validate(bankArgument: string | undefined, options: { bank?: string; quiet?: boolean }): Promise<void> {
  const { bank, file, warnings } = loadBank(bankArgument ?? options.bank);
  const m = messages();
  for (const warning of warnings) warn(`${m.warning}${m.colon}${warning}`);
  if (options.quiet) return;
  const scored = bank.questions.filter((q) => !q.profile).length;
  const profile = bank.questions.length - scored;
  const counts = { dimensions: bank.dimensions.length, questions: scored, profile, levels: bank.levels.length, recommendations: bank.recommendations.length };
  await writeStdout(`${m.validBank({ file, id: bank.id, version: bank.version, ...counts, languages: bank.languages })}\n`);
}
