import { benchmarkWords } from './benchmark-words.js';
import { dimensionRows, levelCounts, type AggregateView } from './aggregate-view.js';
import { csvRow } from './csv.js';
import { barHtml, esc, htmlPage } from './html-kit.js';
import { mdEscape } from './markdown.js';
import { formatScore } from './terminal.js';

/** Markdown: the same tables as on the projector, for a wiki or a follow-up e-mail. */
export function renderAggregateMarkdown(view: AggregateView): string {
  const { aggregate, s, lang } = view;
  const n = (x: number | null) => formatScore(x, lang);
  const lines = [`## ${mdEscape(view.title)} — ${s.group.participants(aggregate.count)}`, ''];
  if (aggregate.count > 0 && aggregate.count < aggregate.minGroup) lines.push(`> ${s.group.small(aggregate.minGroup)}`, '');
  lines.push(`**${s.group.overallMean}${s.colon}${n(aggregate.overall.mean)} / 100** (${s.group.median} ${n(aggregate.overall.median)})`, '');
  lines.push(`| ${s.dimension} | ${s.group.mean} | ${s.group.median} | ${s.group.quartiles} | ${s.group.levels} (${view.levelLabels.map(mdEscape).join(' · ')}) |`, '| --- | ---: | ---: | ---: | --- |');
  for (const d of aggregate.dimensions) lines.push(`| ${mdEscape(view.dimensionTitle(d.id))} | ${n(d.mean)} | ${n(d.median)} | ${d.q1 === null ? '—' : `${n(d.q1)}–${n(d.q3)}`} | ${levelCounts(view, d)} |`);
  const benchmarks = aggregate.questions.filter((q) => q.reference !== undefined);
  if (benchmarks.length > 0) {
    lines.push('', `### ${s.group.benchmarks}`, '', `| ${s.question} | ${s.group.yourGroup} | ${s.group.reference} |`, '| --- | ---: | ---: |');
    for (const q of benchmarks) {
      const about = benchmarkWords(view, q.id);
      lines.push(`| ${mdEscape(view.questionText(q.id))} | ${q.agreeShare === null || q.agreeShare === undefined ? '—' : s.percent(n(q.agreeShare))} | ${s.percent(n(q.reference ?? null))}${about.better === undefined ? '' : ` (${about.better})`} |`);
    }
    // How to read each reference figure, under the table.
    for (const q of benchmarks) {
      const about = benchmarkWords(view, q.id);
      const words = [about.note, about.source].filter((w): w is string => w !== undefined);
      if (words.length > 0) lines.push('', `_${mdEscape(view.questionText(q.id))}_${s.colon}${mdEscape(words.join(' — '))}`);
    }
  }
  for (const breakdown of view.breakdowns) {
    lines.push('', `### ${mdEscape(s.group.by(breakdown.title))}`, '');
    const head = [s.group.segment, s.group.count, ...aggregate.dimensions.map((d) => view.dimensionTitle(d.id)), s.overall];
    lines.push(`| ${head.map(mdEscape).join(' | ')} |`, `| --- |${head.slice(1).map(() => ' ---: |').join('')}`);
    for (const segment of breakdown.segments) lines.push(`| ${mdEscape(view.valueLabel(segment.by, segment.value))} | ${segment.count} | ${dimensionRows(segment).map((d) => n(d.mean)).join(' | ')} |`);
  }
  if (aggregate.suppressed.length > 0) {
    lines.push('', `### ${s.group.suppressed(aggregate.minGroup)}`, '');
    for (const x of aggregate.suppressed) lines.push(`- ${mdEscape(x.by)} = ${mdEscape(view.valueLabel(x.by, x.value))}`);
  }
  return `${lines.join('\n')}\n`;
}

/** CSV: one row per segment and dimension (the whole group first), for a spreadsheet. */
export function renderAggregateCsv(view: AggregateView, delimiter: string): string {
  const { aggregate } = view;
  const levels = view.bank.levels.map((l) => l.id);
  const header = ['by', 'value', 'count', 'dimension', 'respondents', 'mean', 'median', 'q1', 'q3', 'min', 'max', ...levels.map((l) => `level_${l}`)];
  const rows = [csvRow(header, delimiter)];
  const groups = [{ by: '', value: 'all', count: aggregate.count, stats: aggregate }, ...aggregate.segments.map((x) => ({ by: x.by, value: view.valueLabel(x.by, x.value), count: x.count, stats: x }))];
  for (const group of groups) {
    for (const d of dimensionRows(group.stats)) {
      rows.push(csvRow([group.by, group.value, group.count, d.id, d.count, d.mean, d.median, d.q1, d.q3, d.min, d.max, ...levels.map((l) => d.levels[l] ?? 0)], delimiter));
    }
  }
  return `${rows.join('\r\n')}\r\n`;
}

/** HTML: one self-contained page with bar charts, for the projector or to hand out. */
export function renderAggregateHtml(view: AggregateView, extra = ''): string {
  const { aggregate, s, lang } = view;
  const n = (x: number | null) => formatScore(x, lang);
  const rows = aggregate.dimensions
    .map((d) => `<tr><td>${esc(view.dimensionTitle(d.id))}</td><td class="num">${esc(n(d.mean))}</td><td>${barHtml(d.mean, '#2e86c1')}</td><td class="num">${esc(n(d.median))}</td><td>${esc(levelCounts(view, d))}</td></tr>`)
    .join('');
  const parts = [
    `<section class="report"><h1>${esc(view.title)}</h1><p class="meta">${esc(s.group.participants(aggregate.count))}</p>`,
    aggregate.count > 0 && aggregate.count < aggregate.minGroup ? `<p><strong>${esc(s.group.small(aggregate.minGroup))}</strong></p>` : '',
    `<div class="overall"><div class="muted">${esc(s.group.overallMean)}</div><span class="score">${esc(n(aggregate.overall.mean))}</span> <span class="of">/ 100</span></div>`,
    `<table><thead><tr><th>${esc(s.dimension)}</th><th>${esc(s.group.mean)}</th><th></th><th>${esc(s.group.median)}</th><th>${esc(s.group.levels)} (${esc(view.levelLabels.join(' · '))})</th></tr></thead><tbody>${rows}</tbody></table>`,
  ];
  const benchmarks = aggregate.questions.filter((q) => q.reference !== undefined);
  if (benchmarks.length > 0) {
    parts.push(`<h2>${esc(s.group.benchmarks)}</h2>`);
    for (const q of benchmarks) {
      const share = q.agreeShare ?? null;
      const about = benchmarkWords(view, q.id);
      parts.push(
        `<div class="bench"><div>${esc(s.quote(view.questionText(q.id)))}</div>` +
          `<div>${esc(s.group.yourGroup)}${esc(s.colon)}<strong>${esc(share === null ? '—' : s.percent(n(share)))}</strong> ${barHtml(share, '#2e86c1', q.reference ?? null)}</div>` +
          `<div class="muted">${esc(s.group.reference)}${esc(s.colon)}${esc(s.percent(n(q.reference ?? null)))} (▮)${about.better === undefined ? '' : ` — ${esc(about.better)}`}</div>` +
          [about.note, about.source].map((w) => (w === undefined ? '' : `<div class="muted">${esc(w)}</div>`)).join('') +
          '</div>',
      );
    }
  }
  for (const breakdown of view.breakdowns) {
    parts.push(`<h2>${esc(s.group.by(breakdown.title))}</h2>`);
    const head = [s.group.segment, s.group.count, ...aggregate.dimensions.map((d) => view.dimensionTitle(d.id)), s.overall];
    const body = breakdown.segments
      .map((x) => `<tr><td>${esc(view.valueLabel(x.by, x.value))}</td><td class="num">${x.count}</td>${dimensionRows(x).map((d) => `<td class="num">${esc(n(d.mean))}</td>`).join('')}</tr>`)
      .join('');
    parts.push(`<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${body}</tbody></table>`);
  }
  if (aggregate.suppressed.length > 0) {
    parts.push(`<h2>${esc(s.group.suppressed(aggregate.minGroup))}</h2><ul>${aggregate.suppressed.map((x) => `<li>${esc(x.by)} = ${esc(view.valueLabel(x.by, x.value))}</li>`).join('')}</ul>`);
  }
  parts.push(extra, '</section>');
  return htmlPage(lang, `${view.title} — ${s.group.participants(aggregate.count)}`, parts.join('\n'));
}
