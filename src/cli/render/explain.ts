import { Chalk } from 'chalk';
import Table from 'cli-table3';
import { NOT_APPLICABLE, translator, type Bank, type Explanation } from '../../core/index.js';
import { answerLabel } from '../answer-label.js';
import { ui } from '../i18n.js';
import { mdEscape } from './markdown.js';
import { formatScore, safeText } from './terminal.js';

import type { ExplainFormat } from './explain-formats.js';

export type { ExplainFormat };

const shorten = (text: string, room: number) => (text.length > room ? `${text.slice(0, room - 1)}…` : text);

/** Each answer's part in its dimension score, then the answers that would raise the overall score most. */
export function renderExplanation(explanation: Explanation, bank: Bank, options: { format: ExplainFormat; lang: string; color: boolean; width: number; top: number }): string {
  if (options.format === 'json') return JSON.stringify(explanation, null, 2);
  const { lang } = options;
  const s = ui(lang);
  const t = translator(lang, bank.languages[0] ?? lang);
  const question = (id: string) => bank.questions.find((q) => q.id === id);
  const label = (id: string, value: Parameters<typeof answerLabel>[1]) => {
    const q = question(id);
    return q === undefined ? String(value) : answerLabel(q, value, { t, s });
  };
  const n = (value: number | null) => formatScore(value, lang);
  const best = explanation.improvements.slice(0, options.top);
  const title = (id: string) => t(bank.dimensions.find((d) => d.id === id)?.title);
  if (options.format === 'markdown') {
    const lines = [`## ${s.explain.title}`, '', `**${s.overall}${s.colon}${n(explanation.overall)} / 100**`, ''];
    for (const d of explanation.dimensions) {
      lines.push(`### ${mdEscape(title(d.id))} — ${n(d.score)}`, '');
      if (d.items.length === 0 && d.notApplicable.length === 0) {
        lines.push(`_${s.noScore}_`, '');
        continue;
      }
      lines.push(`| ${s.question} | ${s.explain.item} | ${s.explain.itemScore} | ${s.explain.weight} | ${s.explain.points} | ${s.explain.share} |`, '| --- | --- | ---: | ---: | ---: | ---: |');
      for (const item of d.items) lines.push(`| ${mdEscape(t(question(item.question)?.text))} | ${mdEscape(label(item.question, item.answer))} | ${n(item.score)} | ${item.weight} | ${n(item.points)} | ${s.percent(n(item.share))} |`);
      // "Does not apply" answers: asked, shown, never scored.
      for (const id of d.notApplicable) lines.push(`| ${mdEscape(t(question(id)?.text))} | ${mdEscape(label(id, NOT_APPLICABLE))} | — | — | — | — |`);
      lines.push('');
    }
    lines.push(`### ${s.explain.best}`, '');
    if (best.length === 0) lines.push(s.explain.none);
    best.forEach((b, i) => lines.push(`${i + 1}. **${s.explain.gain(n(b.gain))}** — ${mdEscape(t(question(b.question)?.text))} (${mdEscape(label(b.question, b.answer))})`));
    return `${lines.join('\n')}\n`;
  }
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const room = Math.max(24, Math.min(options.width, 100) - 52);
  const out = [chalk.bold(s.explain.title), `${s.overall}${s.colon}${chalk.bold(n(explanation.overall))} / 100`, ''];
  for (const d of explanation.dimensions) {
    out.push(chalk.bold(`${safeText(title(d.id))} — ${n(d.score)}`));
    if (d.items.length === 0 && d.notApplicable.length === 0) {
      out.push(`  ${chalk.dim(s.noScore)}`, '');
      continue;
    }
    const table = new Table({
      head: [s.question, s.explain.item, s.explain.itemScore, s.explain.weight, s.explain.points, s.explain.share],
      style: options.color ? { head: ['bold'], border: ['grey'] } : { head: [], border: [] },
      colAligns: ['left', 'left', 'right', 'right', 'right', 'right'],
    });
    for (const item of d.items) {
      table.push([shorten(safeText(t(question(item.question)?.text)), room), shorten(label(item.question, item.answer), 18), n(item.score), String(item.weight), n(item.points), s.percent(n(item.share))]);
    }
    for (const id of d.notApplicable) table.push([shorten(safeText(t(question(id)?.text)), room), shorten(label(id, NOT_APPLICABLE), 18), '—', '—', '—', '—']);
    out.push(table.toString(), '');
  }
  out.push(chalk.bold(s.explain.best));
  if (best.length === 0) out.push(`  ${s.explain.none}`);
  best.forEach((b, i) => out.push(`${String(i + 1).padStart(2)}. ${chalk.green(s.explain.gain(n(b.gain)))}  ${safeText(t(question(b.question)?.text))} ${chalk.dim(`(${label(b.question, b.answer)})`)}`));
  return out.join('\n');
}
