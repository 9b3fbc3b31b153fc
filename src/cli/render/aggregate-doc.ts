import { anyWithheld, dimensionRows, levelCounts, shownDimension, shownQuestions, type AggregateView } from './aggregate-view.js';
import type { DimensionEntry } from '../../core/index.js';
import { csvRow } from './csv.js';
import { barHtml, esc, htmlPage } from './html-kit.js';
import { mdEscape } from './markdown.js';
import { formatScore } from './terminal.js';

/** Markdown: the same tables as on the projector, for a wiki or a follow-up e-mail. */
export function renderAggregateMarkdown(view: AggregateView): string {
  const { aggregate, s, lang } = view;
  const n = (x: number | null) => formatScore(x, lang);
  const lines = [`## ${mdEscape(view.title)} — ${s.group.participants(aggregate.count)}`, ''];
  if (aggregate.withheld !== undefined) return `${[...lines, `> ${s.privacy.countOnly(aggregate.minGroup)}`].join('\n')}\n`;
  const hidden = s.privacy.hidden;
  const overall = shownDimension(aggregate.overall);
  lines.push(overall === undefined ? `**${s.group.overallMean}${s.colon}${hidden}**` : `**${s.group.overallMean}${s.colon}${n(overall.mean)} / 100** (${s.group.median} ${n(overall.median)})`, '');
  lines.push(`| ${s.dimension} | ${s.group.mean} | ${s.group.median} | ${s.group.quartiles} | ${s.group.levels} (${view.levelLabels.map(mdEscape).join(' · ')}) |`, '| --- | ---: | ---: | ---: | --- |');
  for (const entry of aggregate.dimensions) {
    const d = shownDimension(entry);
    if (d === undefined) lines.push(`| ${mdEscape(view.dimensionTitle(entry.id))} | ${hidden} | — | — | — |`);
    else lines.push(`| ${mdEscape(view.dimensionTitle(d.id))} | ${n(d.mean)} | ${n(d.median)} | ${d.q1 === null ? '—' : `${n(d.q1)}–${n(d.q3)}`} | ${levelCounts(view, d)} |`);
  }
  const benchmarks = shownQuestions(aggregate.questions).filter((q) => q.reference !== undefined);
  if (benchmarks.length > 0) {
    lines.push('', `### ${s.group.benchmarks}`, '', `| ${s.question} | ${s.group.yourGroup} | ${s.group.reference} |`, '| --- | ---: | ---: |');
    for (const q of benchmarks) lines.push(`| ${mdEscape(view.questionText(q.id))} | ${q.agreeShare === null || q.agreeShare === undefined ? '—' : s.percent(n(q.agreeShare))} | ${s.percent(n(q.reference ?? null))} |`);
  }
  for (const breakdown of view.breakdowns) {
    lines.push('', `### ${mdEscape(s.group.by(breakdown.title))}`, '');
    if (breakdown.segments.length === 0) {
      lines.push('—');
      continue;
    }
    const head = [s.group.segment, s.group.count, ...aggregate.dimensions.map((d) => view.dimensionTitle(d.id)), s.overall];
    lines.push(`| ${head.map(mdEscape).join(' | ')} |`, `| --- |${head.slice(1).map(() => ' ---: |').join('')}`);
    for (const segment of breakdown.segments) lines.push(`| ${mdEscape(view.valueLabel(segment.by, segment.value))} | ${segment.count} | ${dimensionRows(segment).map((d) => meanOr(d, n, hidden)).join(' | ')} |`);
  }
  if (anyWithheld(aggregate)) lines.push('', `_${mdEscape(s.privacy.note(aggregate.minGroup))}_`);
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

/** HTML: one self-contained page with bar charts, for the projector or to hand out. */
export function renderAggregateHtml(view: AggregateView): string {
  const { aggregate, s, lang } = view;
  const n = (x: number | null) => formatScore(x, lang);
  const hidden = s.privacy.hidden;
  const head = `<section class="report"><h1>${esc(view.title)}</h1><p class="meta">${esc(s.group.participants(aggregate.count))}</p>`;
  if (aggregate.withheld !== undefined) {
    return htmlPage(lang, `${view.title} — ${s.group.participants(aggregate.count)}`, `${head}\n<p><strong>${esc(s.privacy.countOnly(aggregate.minGroup))}</strong></p>\n</section>`);
  }
  const rows = aggregate.dimensions
    .map((entry) => {
      const d = shownDimension(entry);
      if (d === undefined) return `<tr><td>${esc(view.dimensionTitle(entry.id))}</td><td class="num">${esc(hidden)}</td><td></td><td class="num">—</td><td>—</td></tr>`;
      return `<tr><td>${esc(view.dimensionTitle(d.id))}</td><td class="num">${esc(n(d.mean))}</td><td>${barHtml(d.mean, '#2e86c1')}</td><td class="num">${esc(n(d.median))}</td><td>${esc(levelCounts(view, d))}</td></tr>`;
    })
    .join('');
  const overall = shownDimension(aggregate.overall);
  const parts = [
    head,
    `<div class="overall"><div class="muted">${esc(s.group.overallMean)}</div><span class="score">${esc(overall === undefined ? hidden : n(overall.mean))}</span>${overall === undefined ? '' : ' <span class="of">/ 100</span>'}</div>`,
    `<table><thead><tr><th>${esc(s.dimension)}</th><th>${esc(s.group.mean)}</th><th></th><th>${esc(s.group.median)}</th><th>${esc(s.group.levels)} (${esc(view.levelLabels.join(' · '))})</th></tr></thead><tbody>${rows}</tbody></table>`,
  ];
  const benchmarks = shownQuestions(aggregate.questions).filter((q) => q.reference !== undefined);
  if (benchmarks.length > 0) {
    parts.push(`<h2>${esc(s.group.benchmarks)}</h2>`);
    for (const q of benchmarks) {
      const share = q.agreeShare ?? null;
      parts.push(
        `<div class="bench"><div>${esc(s.quote(view.questionText(q.id)))}</div>` +
          `<div>${esc(s.group.yourGroup)}${esc(s.colon)}<strong>${esc(share === null ? '—' : s.percent(n(share)))}</strong> ${barHtml(share, '#2e86c1', q.reference ?? null)}</div>` +
          `<div class="muted">${esc(s.group.reference)}${esc(s.colon)}${esc(s.percent(n(q.reference ?? null)))} (▮)</div></div>`,
      );
    }
  }
  for (const breakdown of view.breakdowns) {
    parts.push(`<h2>${esc(s.group.by(breakdown.title))}</h2>`);
    if (breakdown.segments.length === 0) {
      parts.push('<p class="muted">—</p>');
      continue;
    }
    const head = [s.group.segment, s.group.count, ...aggregate.dimensions.map((d) => view.dimensionTitle(d.id)), s.overall];
    const body = breakdown.segments
      .map((x) => `<tr><td>${esc(view.valueLabel(x.by, x.value))}</td><td class="num">${x.count}</td>${dimensionRows(x).map((d) => `<td class="num">${esc(meanOr(d, n, hidden))}</td>`).join('')}</tr>`)
      .join('');
    parts.push(`<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${body}</tbody></table>`);
  }
  if (anyWithheld(aggregate)) parts.push(`<p class="muted">${esc(s.privacy.note(aggregate.minGroup))}</p>`);
  if (aggregate.suppressed.length > 0) {
    parts.push(`<h2>${esc(s.group.suppressed(aggregate.minGroup))}</h2><ul>${aggregate.suppressed.map((x) => `<li>${esc(x.by)} = ${esc(view.valueLabel(x.by, x.value))}</li>`).join('')}</ul>`);
  }
  parts.push('</section>');
  return htmlPage(lang, `${view.title} — ${s.group.participants(aggregate.count)}`, parts.join('\n'));
}

/** A dimension's mean, or the word for "hidden" when it is withheld. */
function meanOr(entry: DimensionEntry, n: (x: number | null) => string, hidden: string): string {
  const d = shownDimension(entry);
  return d === undefined ? hidden : n(d.mean);
}
