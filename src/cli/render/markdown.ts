import type { Report } from '../../core/index.js';
import { quoteName } from '../../core/sanitize.js';
import { ui } from '../i18n.js';
import { normsLines } from './norms-lines.js';
import { bar, formatScore, safeText } from './terminal.js';
import { mdLink } from './doc-markdown.js';
import type { RenderOptions } from './types.js';

/** Text from a bank or an answer file, made inert in Markdown (no table breaks, no HTML, no links). */
export function mdEscape(text: string): string {
  return safeText(text)
    .replace(/([\\`*_[\]<>|#!~])/g, '\\$1')
    .replace(/\r?\n/g, ' ');
}

/**
 * A file name as a code span in a Markdown table cell: shown as it is (a code span takes no
 * backslash escapes, so `my_bank.yaml` must not become `my\_bank.yaml`), a control character or
 * a line feed escaped as in messages (`"a\nb.yaml"`) rather than breaking the row or driving a
 * terminal, `|` escaped as GFM tables want it, a backtick changed so the span cannot end early.
 */
export function mdCodeCell(name: string): string {
  return `\`${quoteName(name).replace(/`/g, "'").replace(/\|/g, '\\|')}\``;
}

/** One report as Markdown: good in a CI job summary, a wiki or an e-mail. */
export function renderReportMarkdown(report: Report, options: RenderOptions): string {
  const s = ui(report.lang);
  const lines: string[] = [];
  const title = [report.bank.title, report.respondent].filter((x): x is string => x !== null && x !== '').map(mdEscape).join(' — ');
  lines.push(`## ${title}`, '');
  const overall = report.scores.overall;
  lines.push(`**${s.overall}${s.colon}${formatScore(overall.score, report.lang)} / 100${overall.levelLabel === null ? '' : ` — ${mdEscape(overall.levelLabel)}`}**`, '');
  lines.push(`| ${s.dimension} | ${s.score} | ${s.level} | |`, '| --- | ---: | --- | --- |');
  for (const d of report.scores.dimensions) {
    lines.push(`| ${mdEscape(d.title)} | ${formatScore(d.score, report.lang)} | ${d.levelLabel === null ? `_${d.questions === 0 ? s.notAsked : s.noScore}_` : mdEscape(d.levelLabel)} | \`${bar(d.score, 10)}\` |`);
  }
  lines.push('');
  const norms = normsLines(report, s.overall);
  if (norms !== undefined) lines.push(...norms.lines.map((l) => `- **${mdEscape(l.label)}**${s.colon}${l.text}`), `- _${norms.reference}_`, '');
  const benchmarks = report.benchmarks.filter((b) => b.agreeShare !== null);
  if (benchmarks.length > 0) {
    lines.push(`### ${s.benchmarks}`, '');
    for (const b of benchmarks) {
      const you = b.agrees === null ? '' : ` — **${b.agrees ? s.youToo : s.notYou}**`;
      const source = b.source === null ? '' : ` _(${s.source}${s.colon}${mdEscape(b.source)})_`;
      const share = s.percent(formatScore(b.agreeShare, report.lang));
      if (b.note === undefined && b.better === undefined) lines.push(`- ${share} ${s.respondentsSay}${s.colon}${s.quote(mdEscape(b.text))}${you}${source}`);
      else lines.push(`- ${s.indicative}${s.colon}${share}${b.better === undefined ? '' : ` (${s.better[b.better]})`} — ${s.quote(mdEscape(b.text))}${you}${source}${b.note === undefined ? '' : `  \n  _${mdEscape(b.note)}_`}`);
    }
    lines.push('');
  }
  lines.push(`### ${s.recommendations}`, '');
  if (report.recommendations.length === 0) lines.push(s.noRecommendations);
  const shown = options.maxRecommendations === undefined ? report.recommendations : report.recommendations.slice(0, options.maxRecommendations);
  shown.forEach((r, i) => {
    const link = r.link === undefined || mdLink('↗', r.link) === '' ? '' : ` ${mdLink('↗', r.link)}`;
    lines.push(`${i + 1}. **${mdEscape(r.title)}** _(${s.priority} ${r.priority})_${link}  `, `   ${mdEscape(r.text)}`);
  });
  return `${lines.join('\n')}\n`;
}
