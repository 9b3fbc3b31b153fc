import { NOT_APPLICABLE, translator, type Bank, type Explanation } from '../../core/index.js';
import { answerLabel } from '../answer-label.js';
import { ui } from '../i18n.js';
import type { Block, Doc } from './doc.js';
import { formatScore } from './terminal.js';

/** What `diag explain` renders. */
export interface ExplanationDoc {
  explanation: Explanation;
  bank: Bank;
  lang: string;
  /** How many improvements to list. */
  top: number;
}

/** Each answer's part in its dimension score, then the answers that would raise the overall score most. */
export function explanationBlocks(doc: ExplanationDoc): Doc {
  const { explanation, bank, lang } = doc;
  const s = ui(lang);
  const t = translator(lang, bank.languages[0] ?? lang);
  const question = (id: string) => bank.questions.find((q) => q.id === id);
  const label = (id: string, value: Parameters<typeof answerLabel>[1]) => {
    const q = question(id);
    return q === undefined ? String(value) : answerLabel(q, value, { t, s });
  };
  const n = (value: number | null) => formatScore(value, lang);
  const title = (id: string) => t(bank.dimensions.find((d) => d.id === id)?.title) || id;
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: s.explain.title },
    { kind: 'paragraph', content: [`${s.overall}${s.colon}`, { text: `${n(explanation.overall)} / 100`, strong: true }] },
  ];
  for (const d of explanation.dimensions) {
    const heading = `${title(d.id)} — ${n(d.score)}`;
    blocks.push({ kind: 'heading', level: 2, text: heading });
    if (d.items.length === 0 && d.notApplicable.length === 0) {
      blocks.push({ kind: 'paragraph', content: [s.noScore], emphasis: 'dim' });
      continue;
    }
    blocks.push({
      kind: 'table',
      caption: heading,
      columns: [{ head: s.question }, { head: s.explain.item }, { head: s.explain.itemScore, align: 'right' }, { head: s.explain.weight, align: 'right' }, { head: s.explain.points, align: 'right' }, { head: s.explain.share, align: 'right' }],
      rows: [
        ...d.items.map((item) => [t(question(item.question)?.text) || item.question, label(item.question, item.answer), n(item.score), String(item.weight), n(item.points), s.percent(n(item.share))]),
        // "Does not apply" answers: asked, shown, never scored.
        ...d.notApplicable.map((id) => [t(question(id)?.text) || id, label(id, NOT_APPLICABLE), '—', '—', '—', '—']),
      ],
    });
  }
  blocks.push({ kind: 'heading', level: 2, text: s.explain.best });
  const best = explanation.improvements.slice(0, doc.top);
  if (best.length === 0) blocks.push({ kind: 'paragraph', content: [s.explain.none] });
  else blocks.push({ kind: 'list', ordered: true, items: best.map((b) => [{ text: s.explain.gain(n(b.gain)), strong: true, emphasis: 'up' }, ` — ${t(question(b.question)?.text) || b.question} (${label(b.question, b.answer)})`]) });
  return { lang, title: s.explain.title, blocks };
}
