import type { Aggregate, Bank, DimensionEntry } from '../../core/index.js';
import { withReliability } from '../../core/reliability-merge.js';
import type { ReliabilityReport } from '../../core/reliability.js';
import { statsBlocks } from './aggregate-stats.js';
import { aggregateView, anyWithheld, dimensionRows, levelCounts, shownDimension, shownQuestions, type AggregateView } from './aggregate-view.js';
import { benchmarkWords } from './benchmark-words.js';
import { csvRow } from './csv.js';
import type { Block, Doc } from './doc.js';
import { docToHtml } from './doc-html.js';
import { formatScore } from './terminal.js';

/** What `diag aggregate` renders: the group's figures and the words to show them with. */
export interface GroupDoc {
  aggregate: Aggregate;
  bank: Bank;
  lang: string;
  by: readonly string[];
  /** `--stats` (SPEC section 13), for the group and the shown segments. */
  stats?: ReliabilityReport;
}

/** The group's results as blocks, written once for the terminal, Markdown and HTML. */
export function groupBlocks(view: AggregateView, stats?: ReliabilityReport): Doc {
  const { aggregate, s, lang } = view;
  const n = (x: number | null) => formatScore(x, lang);
  const blocks: Block[] = [{ kind: 'heading', level: 1, text: `${view.title} — ${s.group.participants(aggregate.count)}` }];
  // A group smaller than --min-group: its count and nothing else (SPEC section 10).
  if (aggregate.withheld !== undefined) {
    blocks.push({ kind: 'paragraph', content: [s.privacy.countOnly(aggregate.minGroup)], emphasis: 'warn' });
    return { lang, title: `${view.title} — ${s.group.participants(aggregate.count)}`, blocks };
  }
  const hidden = s.privacy.hidden;
  const o = shownDimension(aggregate.overall);
  blocks.push({
    kind: 'paragraph',
    content:
      o === undefined
        ? [`${s.group.overallMean}${s.colon}${hidden}`]
        : [`${s.group.overallMean}${s.colon}`, { text: `${n(o.mean)} / 100`, strong: true }, { text: `  (${s.group.median} ${n(o.median)} · ${s.group.quartiles} ${o.q1 === null ? '—' : `${n(o.q1)}–${n(o.q3)}`})`, emphasis: 'dim' }],
  });
  blocks.push({
    kind: 'table',
    caption: `${s.group.overallMean} — ${s.dimension}`,
    columns: [{ head: s.dimension }, { head: s.group.mean, align: 'right' }, { head: '0–100', bar: true }, { head: s.group.median, align: 'right' }, { head: s.group.quartiles, align: 'right' }, { head: s.group.levels }],
    rows: aggregate.dimensions.map((entry) => {
      const d = shownDimension(entry);
      if (d === undefined) return [view.dimensionTitle(entry.id), hidden, { bar: null, tone: 'good' }, '—', '—', '—'];
      return [view.dimensionTitle(d.id), n(d.mean), { bar: d.mean, tone: 'good' }, n(d.median), d.q1 === null ? '—' : `${n(d.q1)}–${n(d.q3)}`, levelCounts(view, d)];
    }),
  });
  blocks.push({ kind: 'paragraph', content: [`${s.group.levels}${s.colon}${view.levelLabels.join(' · ')}`], emphasis: 'dim' });
  const benchmarks = shownQuestions(aggregate.questions).filter((q) => q.reference !== undefined);
  if (benchmarks.length > 0) {
    blocks.push({ kind: 'heading', level: 2, text: s.group.benchmarks });
    blocks.push({
      kind: 'table',
      caption: s.group.benchmarks,
      columns: [{ head: s.question }, { head: s.group.yourGroup, align: 'right' }, { head: '0–100', bar: true }, { head: s.group.reference, align: 'right' }, { head: s.group.count, align: 'right' }],
      rows: benchmarks.map((q) => {
        const share = q.agreeShare ?? null;
        const about = benchmarkWords(view, q.id);
        return [view.questionText(q.id), share === null ? '—' : s.percent(n(share)), { bar: share, tone: 'good', marker: q.reference ?? null }, `${s.percent(n(q.reference ?? null))}${about.better === undefined ? '' : ` (${about.better})`}`, String(q.answered)];
      }),
    });
    // How to read each reference figure: which way is better, the bank's caveat, the source.
    for (const q of benchmarks) {
      const about = benchmarkWords(view, q.id);
      const words = [about.note, about.source].filter((w): w is string => w !== undefined);
      if (words.length > 0) blocks.push({ kind: 'paragraph', content: [{ text: `${s.quote(view.questionText(q.id))}${s.colon}`, strong: true }, words.join(' — ')], emphasis: 'dim' });
    }
  }
  for (const breakdown of view.breakdowns) {
    const title = s.group.by(breakdown.title);
    blocks.push({ kind: 'heading', level: 2, text: title });
    if (breakdown.segments.length === 0) {
      blocks.push({ kind: 'paragraph', content: ['—'], emphasis: 'dim' });
      continue;
    }
    blocks.push({
      kind: 'table',
      caption: title,
      columns: [{ head: s.group.segment }, { head: s.group.count, align: 'right' }, ...aggregate.dimensions.map((d) => ({ head: view.dimensionTitle(d.id), align: 'right' as const })), { head: s.overall, align: 'right' }],
      rows: breakdown.segments.map((x) => [view.valueLabel(x.by, x.value), String(x.count), ...dimensionRows(x).map((d) => meanOr(d, n, hidden))]),
    });
  }
  if (anyWithheld(aggregate)) blocks.push({ kind: 'paragraph', content: [s.privacy.note(aggregate.minGroup)], emphasis: 'dim' });
  if (aggregate.suppressed.length > 0) {
    blocks.push({ kind: 'heading', level: 2, text: s.group.suppressed(aggregate.minGroup) });
    blocks.push({ kind: 'list', items: aggregate.suppressed.map((x) => [`${x.by} = ${view.valueLabel(x.by, x.value)}`]) });
  }
  if (stats !== undefined) blocks.push(...statsBlocks(view, stats));
  return { lang, title: `${view.title} — ${s.group.participants(aggregate.count)}`, blocks };
}

export const groupView = (doc: GroupDoc): AggregateView => aggregateView(doc.aggregate, doc.bank, doc.lang, doc.by);

/** What scripts read: the figures themselves (SPEC section 8), with the bank and the breakdowns asked. */
export function groupJson(doc: GroupDoc): string {
  const aggregate = doc.stats === undefined ? doc.aggregate : withReliability(doc.aggregate, doc.stats);
  return JSON.stringify({ bank: { id: doc.bank.id, version: doc.bank.version }, by: doc.by, ...aggregate }, null, 2);
}

/** CSV: one row per segment and dimension (the whole group first), for a spreadsheet. */
export function renderAggregateCsv(view: AggregateView, delimiter: string): string {
  const { aggregate } = view;
  const levels = view.bank.levels.map((l) => l.id);
  const header = ['by', 'value', 'count', 'dimension', 'respondents', 'mean', 'median', 'q1', 'q3', 'min', 'max', ...levels.map((l) => `level_${l}`)];
  const rows = [csvRow(header, delimiter)];
  // A group smaller than --min-group: its count and nothing else.
  if (aggregate.withheld !== undefined) rows.push(csvRow(['', 'all', aggregate.count, ...header.slice(3).map(() => '')], delimiter));
  const groups = aggregate.withheld !== undefined ? [] : [{ by: '', value: 'all', count: aggregate.count, stats: aggregate }, ...aggregate.segments.map((x) => ({ by: x.by, value: view.valueLabel(x.by, x.value), count: x.count, stats: x }))];
  for (const group of groups) {
    // Withheld figures (SPEC section 10) have no row.
    for (const d of dimensionRows(group.stats).flatMap((entry) => shownDimension(entry) ?? [])) {
      rows.push(csvRow([group.by, group.value, group.count, d.id, d.count, d.mean, d.median, d.q1, d.q3, d.min, d.max, ...levels.map((l) => d.levels[l] ?? 0)], delimiter));
    }
  }
  return `${rows.join('\r\n')}\r\n`;
}

/** The group as one self-contained HTML page (kept for the workshop server; same as `renderGroupHtml`). */
export function renderAggregateHtml(view: AggregateView): string {
  return docToHtml(groupBlocks(view));
}

/** A dimension's mean, or the word for "hidden" when it is withheld. */
function meanOr(entry: DimensionEntry, n: (x: number | null) => string, hidden: string): string {
  const d = shownDimension(entry);
  return d === undefined ? hidden : n(d.mean);
}
