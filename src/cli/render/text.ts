import { painter } from './paint.js';
import type { Report } from '../../core/index.js';
import { ui } from '../i18n.js';
import { longestWord, renderTable } from './text-table.js';
import { bar, codePoints, fitWidth, formatScore, levelColour, safeText, wrap } from './terminal.js';
import { normsText } from './norms-lines.js';
import type { RenderOptions } from './types.js';

function levelRank(report: Report, level: string | null): number {
  return level === null ? -1 : report.levels.findIndex((l) => l.id === level);
}

/** One report as a person reads it in a terminal: overall score, a table of dimensions, advice. */
export function renderReportText(report: Report, options: RenderOptions): string {
  const chalk = painter(options.color ? 1 : 0);
  const s = ui(report.lang);
  const width = Math.min(fitWidth(options.width), 100);
  const ascii = options.ascii === true;
  const lines: string[] = [];
  const header = [safeText(report.bank.title), report.respondent === null ? '' : safeText(report.respondent)].filter(Boolean).join(' — ');
  lines.push(chalk.bold(wrap(header, width)));
  const overall = report.scores.overall;
  const overallColour = levelColour(chalk, levelRank(report, overall.level), report.levels.length);
  const overallScore = `${s.overall}${s.colon}${formatScore(overall.score, report.lang)} / 100`;
  const overallLevel = overall.levelLabel === null ? '' : safeText(overall.levelLabel);
  // The level beside the score, or under it where both do not fit on a line.
  const levelGap = overallLevel === '' ? '' : codePoints(overallScore) + 3 + codePoints(overallLevel) <= width ? ' · ' : '\n';
  lines.push(
    `${s.overall}${s.colon}${chalk.bold(formatScore(overall.score, report.lang))} / 100` +
      (overallLevel === '' ? '' : `${levelGap}${overallColour(overallLevel)}`),
    '',
  );
  const barWidth = width >= 90 ? 20 : width >= 70 ? 12 : 8;
  const rows = report.scores.dimensions.map((dimension) => {
    const paint = levelColour(chalk, levelRank(report, dimension.level), report.levels.length);
    return [
      safeText(dimension.title),
      formatScore(dimension.score, report.lang),
      { text: bar(dimension.score, barWidth, ascii), paint },
      dimension.levelLabel === null ? { text: dimension.questions === 0 ? s.notAsked : s.noScore, paint: chalk.dim } : { text: safeText(dimension.levelLabel), paint },
    ];
  });
  // The bar is dropped where keeping it would cut a word of the titles or the levels in two
  // ("Dimensi" / "on", "démarre" / "r" in a 40-column terminal): the score says the same.
  const longestOf = (texts: readonly string[]) => texts.reduce((most, text) => Math.max(most, longestWord(text)), 0);
  const titleRoom = longestOf([s.dimension, ...rows.map((row) => row[0] as string)]);
  const levelRoom = longestOf([s.level, ...rows.map((row) => (row[3] as { text: string }).text)]);
  const scoreRoom = Math.max(codePoints(s.score), ...rows.map((row) => codePoints(row[1] as string)));
  const withBar = 3 * 4 + 1 + titleRoom + scoreRoom + Math.max(barWidth, 5) + levelRoom <= width;
  const table = renderTable(
    [{ head: s.dimension }, { head: s.score, align: 'right', fixed: true }, ...(withBar ? [{ head: '0–100', fixed: true }] : []), { head: s.level }],
    withBar ? rows : rows.map((row) => [row[0] ?? '', row[1] ?? '', row[3] ?? '']),
    { width, ascii, ...(options.color ? { head: chalk.bold, border: chalk.grey } : {}) },
  );
  lines.push(table, '');
  lines.push(...normsText(report, s.overall, s.colon).map((line) => (line === '' ? '' : wrap(line, width, '  '))));
  const benchmarks = report.benchmarks.filter((b) => b.agreeShare !== null);
  if (benchmarks.length > 0) {
    lines.push(chalk.bold(s.benchmarks));
    for (const b of benchmarks) {
      const you = b.agrees === null ? '' : ` — ${b.agrees ? s.youToo : s.notYou}`;
      const share = s.percent(formatScore(b.agreeShare, report.lang));
      if (b.note === undefined && b.better === undefined) {
        lines.push(wrap(`${share} ${s.respondentsSay}${s.colon}${s.quote(b.text)}${you}`, width, '  '));
      } else {
        // A figure from another survey: say so, and which way is better, rather than "x% agree with our sentence".
        const better = b.better === undefined ? '' : ` (${s.better[b.better]})`;
        lines.push(wrap(`${s.indicative}${s.colon}${share}${better} — ${s.quote(b.text)}${you}`, width, '  '));
        if (b.note !== undefined) lines.push(chalk.dim(wrap(b.note, width, '    ')));
      }
      if (b.source !== null) lines.push(chalk.dim(wrap(`${s.source}${s.colon}${b.source}`, width, '    ')));
    }
    lines.push('');
  }
  lines.push(chalk.bold(s.recommendations));
  const shown = options.maxRecommendations === undefined ? report.recommendations : report.recommendations.slice(0, options.maxRecommendations);
  if (report.recommendations.length === 0) lines.push(`  ${s.noRecommendations}`);
  shown.forEach((r, i) => {
    // The title wrapped under its number, "(priority N)" kept whole at its end (its space made
    // non-breaking for wrap, then given back).
    const priority = `(${s.priority} ${r.priority})`;
    const plain = safeText(r.title);
    // A title that fits as it is (nothing wrap would change: no line break, tab, double space,
    // edge space or no-break space) is not wrapped: what wrap would give, without its work at
    // every short command's start.
    if (plain.length + 1 + priority.length <= Math.max(20, fitWidth(width) - 4) && !/[\n\t\r\u00a0]| {2}|^ | $/.test(plain)) {
      lines.push(`${String(i + 1).padStart(2)}. ${chalk.bold(plain)} ${chalk.dim(priority)}`);
    } else {
      const wrapped = wrap(`${plain} ${priority.replace(/ /g, '\u00a0')}`, width, '    ').replace(/\u00a0/g, ' ');
      const title = wrapped.slice(0, wrapped.length - priority.length);
      const gap = /\s*$/.exec(title)?.[0] ?? ' ';
      lines.push(`${String(i + 1).padStart(2)}. ${chalk.bold(title.slice(4, title.length - gap.length))}${gap}${chalk.dim(priority)}`);
    }
    lines.push(wrap(r.text, width, '    '));
    if (r.link !== undefined) lines.push(chalk.dim(`    ${safeText(r.link)}`));
  });
  const rest = report.recommendations.length - shown.length;
  if (rest > 0) lines.push(chalk.dim(wrap((options.moreRecommendations ?? s.moreInReport)(rest), width, '    ')));
  return lines.join('\n');
}
