import type { Comparison, ScoreChange } from '../../core/index.js';
import { ui } from '../i18n.js';
import type { Block, Doc, Inline } from './doc.js';
import { formatScore } from './terminal.js';

/** What `diag compare` renders: the comparison, in the language of the newer report. */
export interface ComparisonDoc {
  comparison: Comparison;
  lang: string;
}

function day(iso: string, lang: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString(lang);
}

function delta(change: ScoreChange, lang: string, ascii: boolean): Inline {
  if (change.delta === null) return { text: '—', emphasis: 'dim' };
  const arrow = change.delta > 0 ? (ascii ? '+' : '▲ +') : change.delta < 0 ? (ascii ? '' : '▼ ') : '= ';
  return { text: `${arrow}${formatScore(change.delta, lang)}`, emphasis: change.delta > 0 ? 'up' : change.delta < 0 ? 'down' : 'dim' };
}

const level = (change: ScoreChange) => (change.levelChanged ? `${change.oldLevel ?? '—'} → ${change.newLevel ?? '—'}` : '');

/** The comparison of two reports as blocks: a table of scores, then recommendations new and gone. */
export function comparisonBlocks(doc: ComparisonDoc, ascii = false): Doc {
  const { comparison, lang } = doc;
  const s = ui(lang);
  const title = s.compare.title(day(comparison.dates.old, lang), day(comparison.dates.new, lang));
  const rows = [{ ...comparison.overall, title: s.overall }, ...comparison.dimensions];
  const list = (items: ReadonlyArray<{ title: string }>): Block =>
    items.length === 0 ? { kind: 'paragraph', content: [s.compare.nothing], emphasis: 'dim' } : { kind: 'list', items: items.map((r) => [r.title]) };
  return {
    lang,
    title,
    blocks: [
      { kind: 'heading', level: 1, text: title },
      {
        kind: 'table',
        caption: title,
        columns: [{ head: s.dimension }, { head: s.compare.before, align: 'right' }, { head: s.compare.after, align: 'right' }, { head: s.compare.change, align: 'right' }, { head: s.compare.levelChange }],
        rows: rows.map((r) => [r.title, formatScore(r.old, lang), formatScore(r.new, lang), delta(r, lang, ascii), level(r)]),
      },
      { kind: 'heading', level: 2, text: s.compare.added },
      list(comparison.recommendations.new),
      { kind: 'heading', level: 2, text: s.compare.gone },
      list(comparison.recommendations.gone),
    ],
  };
}
