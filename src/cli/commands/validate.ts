import { loadBank } from '../load-bank.js';
import { warn } from '../warn.js';

/** `diag validate [BANK]`: says what is wrong with a bank, or that it is valid (and what it holds). */
export async function validate(bankArgument: string | undefined, options: { bank?: string; quiet?: boolean }): Promise<void> {
  const { bank, file, warnings } = loadBank(bankArgument ?? options.bank);
  for (const warning of warnings) warn(`warning: ${warning}`);
  if (options.quiet) return;
  const scored = bank.questions.filter((q) => !q.profile).length;
  const profile = bank.questions.length - scored;
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  process.stdout.write(
    `${file}: valid bank "${bank.id}" ${bank.version} — ${count(bank.dimensions.length, 'dimension')}, ` +
      `${count(scored, 'question')}, ${count(profile, 'profile question')}, ${count(bank.levels.length, 'level')}, ` +
      `${count(bank.recommendations.length, 'recommendation')} (${bank.languages.join(', ')})\n`,
  );
}
