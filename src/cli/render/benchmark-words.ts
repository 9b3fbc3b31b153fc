import { translator, type Bank } from '../../core/index.js';
import type { UiStrings } from '../i18n.js';

/**
 * What the group screens say about a reference figure besides the number: which way is better,
 * how to read it, where it comes from. Undefined where the bank does not say.
 */
export function benchmarkWords(view: { bank: Bank; lang: string; s: UiStrings }, questionId: string): { better?: string; note?: string; source?: string } {
  const t = translator(view.lang, view.bank.languages[0] ?? view.lang);
  const benchmark = view.bank.questions.find((q) => q.id === questionId)?.benchmark;
  if (benchmark === undefined) return {};
  return {
    ...(benchmark.better === undefined ? {} : { better: view.s.better[benchmark.better] }),
    ...(benchmark.note === undefined ? {} : { note: t(benchmark.note) }),
    ...(benchmark.source === undefined ? {} : { source: `${view.s.source}${view.s.colon}${t(benchmark.source)}` }),
  };
}
