import { isWithheld, type Aggregate, type DimensionEntry, type QuestionEntry } from '../../core/index.js';
import { MIN_RESPONDENTS, type GroupReliability, type ReliabilityReport } from '../../core/reliability.js';
import { alphaBand, authorUi, type AuthorStrings } from '../i18n.js';
import { dimensionRows, shownDimension, type AggregateView } from './aggregate-view.js';
import { csvRow } from './csv.js';
import type { Block } from './doc.js';
import { formatScore } from './terminal.js';

/**
 * `aggregate --stats` written once as rows, then formatted per target (text, Markdown, HTML, CSV):
 * a table of alphas per group with a plain-language reading, and a table of items.
 */
interface StatsGroup {
  title: string;
  dimensions: Array<{ id: string; title: string; alpha: string; n: string; items: string; reading: string }>;
  questions: Array<{ id: string; dimension: string; itemTotal: string; ifDeleted: string; floor: string; ceiling: string }>;
}

/**
 * The statistics of the figures the aggregate shows, and of nothing else: a dimension or a question
 * withheld in a group or segment (SPEC section 10) gets no row there, as it gets no figure in JSON
 * (`withReliability`). A floor share of a question hidden in a segment, beside the group's, would
 * give away those the segment leaves out.
 */
export function shownStats(aggregate: Aggregate, stats: ReliabilityReport): ReliabilityReport {
  const keep = (figures: { dimensions: readonly DimensionEntry[]; questions: readonly QuestionEntry[] } | undefined, g: GroupReliability): GroupReliability => {
    const shown = (entries: ReadonlyArray<DimensionEntry | QuestionEntry> | undefined) => new Set((entries ?? []).flatMap((e) => (isWithheld(e) ? [] : [e.id])));
    const dimensions = shown(figures?.dimensions);
    const questions = shown(figures?.questions);
    return { dimensions: g.dimensions.filter((d) => dimensions.has(d.id)), questions: g.questions.filter((q) => questions.has(q.id)) };
  };
  const figuresOf = (by: string, value: unknown) => aggregate.segments.find((x) => x.by === by && JSON.stringify(x.value) === JSON.stringify(value));
  return { ...keep(aggregate, stats), segments: stats.segments.map((x) => ({ by: x.by, value: x.value, ...keep(figuresOf(x.by, x.value), x) })) };
}

function groupsOf(view: AggregateView, all: ReliabilityReport): { a: AuthorStrings; groups: StatsGroup[] } {
  const stats = shownStats(view.aggregate, all);
  const a = authorUi(view.lang);
  const num = (x: number | null | undefined, digits = 3) => (x === null || x === undefined ? '—' : a.number(x, digits));
  const share = (x: number | null | undefined) => (x === null || x === undefined ? '—' : view.s.percent(formatScore(x, view.lang)));
  const needed = Math.max(view.aggregate.minGroup, MIN_RESPONDENTS);
  const group = (title: string, g: GroupReliability): StatsGroup => {
    const alphas = new Map(g.dimensions.map((d) => [d.id, d.reliability]));
    return {
      title,
      dimensions: g.dimensions.map(({ id, reliability: r }) => {
        const name = view.dimensionTitle(id);
        let reading: string;
        if (r.alpha === null) {
          const w = r.withheld;
          const flat = w?.questions !== undefined && w.questions.length > 0 ? w.questions.join(', ') : a.stats.totalFlat;
          reading = w?.code === 'few-items' ? a.stats.withheld['few-items'](name) : w?.code === 'zero-variance' ? a.stats.withheld['zero-variance'](name, flat) : a.stats.withheld['few-respondents'](name, needed);
        } else {
          const alpha = r.alpha;
          const parts = [a.stats.band(alphaBand(alpha), r.items, name, num(alpha))];
          const better = Object.entries(r.alphaIfDeleted ?? {}).filter(([, x]) => x !== null && x > alpha);
          if (alphaBand(alpha) !== 'good' && better.length > 0) parts.push(a.stats.raise(better.map(([id]) => id).join(', ')));
          if (alpha < 0) parts.push(a.stats.negative);
          reading = parts.join(a.semicolon);
        }
        return { id, title: name, alpha: num(r.alpha), n: r.n === undefined ? '—' : String(r.n), items: String(r.items), reading };
      }),
      questions: g.questions.map((q) => ({
        id: q.id,
        dimension: view.dimensionTitle(q.dimension),
        itemTotal: num(q.itemTotal),
        ifDeleted: num(alphas.get(q.dimension)?.alphaIfDeleted?.[q.id]),
        floor: share(q.floor),
        ceiling: share(q.ceiling),
      })),
    };
  };
  const segments = stats.segments.map((x) => group(a.stats.segment(view.questionText(x.by), view.valueLabel(x.by, x.value)), x));
  return { a, groups: [group(a.stats.group, stats), ...segments] };
}

/** The statistics as blocks of the group document: written once, formatted for text, Markdown and HTML. */
export function statsBlocks(view: AggregateView, stats: ReliabilityReport): Block[] {
  const { a, groups } = groupsOf(view, stats);
  const s = a.stats;
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: s.title },
    { kind: 'paragraph', content: [s.convention], emphasis: 'dim' },
  ];
  for (const g of groups) {
    // Captions reach HTML only: text and Markdown need a heading to tell the segments' tables apart.
    blocks.push({ kind: 'paragraph', content: [{ text: g.title, strong: true }] });
    blocks.push({
      kind: 'table',
      caption: `${s.title} — ${g.title}`,
      columns: [{ head: s.dimension }, { head: s.alpha, align: 'right' }, { head: s.n, align: 'right' }, { head: s.items, align: 'right' }, { head: s.reading }],
      rows: g.dimensions.map((d) => [d.title, d.alpha, d.n, d.items, d.reading]),
    });
    if (g.questions.length > 0) {
      blocks.push({
        kind: 'table',
        caption: `${s.question} — ${g.title}`,
        columns: [{ head: s.question }, { head: s.dimension }, { head: s.itemTotal, align: 'right' }, { head: s.ifDeleted, align: 'right' }, { head: s.floor, align: 'right' }, { head: s.ceiling, align: 'right' }],
        rows: g.questions.map((q) => [q.id, q.dimension, q.itemTotal, q.ifDeleted, q.floor, q.ceiling]),
      });
    }
  }
  return blocks;
}

/**
 * CSV with --stats: the rows of the plain CSV (`kind` scores) and, in the same table, one row per
 * group and dimension (`kind` alpha) and per question (`kind` item), so that a spreadsheet gets
 * everything from one file; cells are empty where a figure does not apply or is withheld.
 */
export function statsCsv(view: AggregateView, all: ReliabilityReport, delimiter: string): string {
  const { aggregate } = view;
  const stats = shownStats(aggregate, all);
  const levels = view.bank.levels.map((l) => l.id);
  const header = ['kind', 'by', 'value', 'count', 'dimension', 'question', 'respondents', 'mean', 'median', 'q1', 'q3', 'min', 'max', ...levels.map((l) => `level_${l}`), 'alpha', 'n', 'items', 'withheld', 'item_total', 'alpha_if_deleted', 'floor', 'ceiling'];
  const blank = (count: number) => Array.from({ length: count }, (): null => null);
  const rows = [csvRow(header, delimiter)];
  const segmentStats = (by: string, value: unknown) => stats.segments.find((x) => x.by === by && JSON.stringify(x.value) === JSON.stringify(value));
  const groups: Array<{ by: string; value: string; count: number; scores: Parameters<typeof dimensionRows>[0]; g: GroupReliability | undefined }> = [
    { by: '', value: 'all', count: aggregate.count, scores: aggregate, g: stats },
    ...aggregate.segments.map((x) => ({ by: x.by, value: view.valueLabel(x.by, x.value), count: x.count, scores: x, g: segmentStats(x.by, x.value) })),
  ];
  for (const { by, value, count, scores, g } of groups) {
    // Withheld figures (SPEC section 10) have no row, as in the plain CSV.
    for (const d of dimensionRows(scores).flatMap((entry) => shownDimension(entry) ?? [])) {
      rows.push(csvRow(['scores', by, value, count, d.id, '', d.count, d.mean, d.median, d.q1, d.q3, d.min, d.max, ...levels.map((l) => d.levels[l] ?? 0), ...blank(8)], delimiter));
    }
    if (g === undefined) continue;
    const alphas = new Map(g.dimensions.map((d) => [d.id, d.reliability]));
    for (const { id, reliability: r } of g.dimensions) {
      rows.push(csvRow(['alpha', by, value, count, id, '', ...blank(7 + levels.length), r.alpha, r.n ?? null, r.items, r.withheld?.code ?? '', ...blank(4)], delimiter));
    }
    for (const q of g.questions) {
      rows.push(csvRow(['item', by, value, count, q.dimension, q.id, ...blank(7 + levels.length), ...blank(4), q.itemTotal ?? null, alphas.get(q.dimension)?.alphaIfDeleted?.[q.id] ?? null, q.floor ?? null, q.ceiling ?? null], delimiter));
    }
  }
  return `${rows.join('\r\n')}\r\n`;
}
