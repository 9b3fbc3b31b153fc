/// <reference lib="dom" />
import type { Report } from '../../core/index.js';
import { radarSvg } from '../../cli/render/html-kit.js';
import { bar, el, svgNode } from '../dom.js';
import { formatNumber, typeset, type WebStrings } from '../strings.js';

const TOP_RECOMMENDATIONS = 3;

/** The level's rank among the bank's, as a class: the colour only repeats what the label says. */
function levelClass(report: Report, level: string | null): string {
  const rank = level === null ? -1 : report.levels.findIndex((l) => l.id === level);
  if (rank < 0) return 'level-none';
  const count = report.levels.length;
  return `level-${count <= 1 ? 3 : Math.round((rank / (count - 1)) * 3)}`;
}

/** The report's texts typeset for its language (display only: the downloads stay as the server made them). */
function typesetReport(report: Report): Report {
  const ts = (text: string) => typeset(text, report.lang);
  return {
    ...report,
    scores: {
      overall: { ...report.scores.overall, levelLabel: report.scores.overall.levelLabel === null ? null : ts(report.scores.overall.levelLabel) },
      dimensions: report.scores.dimensions.map((d) => ({ ...d, title: ts(d.title), levelLabel: d.levelLabel === null ? null : ts(d.levelLabel) })),
    },
    recommendations: report.recommendations.map((r) => ({ ...r, title: ts(r.title), text: ts(r.text) })),
    benchmarks: report.benchmarks.map((b) => ({ ...b, text: ts(b.text), source: b.source === null ? null : ts(b.source) })),
  };
}

export interface ResultsScreen {
  report: Report;
  s: WebStrings;
  /** Links of the downloads (GET /api/report). */
  htmlUrl: string;
  jsonUrl: string;
}

/** The participant's own results: overall, dimensions with bars and numbers, radar, reference figures, recommendations. */
export function renderResults(screen: ResultsScreen): { node: HTMLElement; heading: HTMLElement } {
  const { s } = screen;
  const lang = screen.report.lang;
  const report = typesetReport(screen.report);
  const n = (x: number | null) => formatNumber(x, lang);
  const heading = el('h2', {}, s.results.title);
  const overall = report.scores.overall;
  const node = el('section', { class: 'results' }, heading);
  if (report.respondent !== null) node.appendChild(el('p', { class: 'muted' }, report.respondent));

  node.appendChild(
    el(
      'div',
      { class: 'overall' },
      el('p', { class: 'overall-label' }, s.results.overall),
      el('p', { class: 'overall-score' }, el('span', { class: 'big', id: 'overall-score' }, n(overall.score)), ' ', el('span', { class: 'muted' }, s.results.outOf)),
      overall.levelLabel === null ? null : el('p', { class: `level-badge ${levelClass(report, overall.level)}`, id: 'overall-level' }, `${s.results.level}${s.colon}${overall.levelLabel}`),
    ),
  );

  node.appendChild(el('h3', {}, s.results.dimensions));
  const rows = report.scores.dimensions.map((d) =>
    el(
      'li',
      { class: 'dimension', 'data-dimension': d.id },
      el('div', { class: 'dimension-head' }, el('span', { class: 'dimension-title' }, d.title), el('span', { class: 'dimension-score' }, d.score === null ? s.results.noScore : `${n(d.score)} / 100`)),
      bar(d.score, undefined, levelClass(report, d.level)),
      d.levelLabel === null ? null : el('span', { class: 'dimension-level' }, d.levelLabel),
    ),
  );
  node.appendChild(el('ul', { class: 'dimensions' }, ...rows));

  const radar = svgNode(radarSvg(report.scores.dimensions.map((d) => ({ label: d.title, value: d.score })), report.levels.map((l) => l.min), s.results.chart));
  if (radar !== null) node.appendChild(el('figure', { class: 'radar-figure' }, radar));

  const benchmarks = report.benchmarks.filter((b) => b.agreeShare !== null);
  if (benchmarks.length > 0) {
    node.appendChild(el('h3', {}, s.results.benchmarks));
    for (const b of benchmarks) {
      const you = b.agrees === null ? '' : ` — ${b.agrees ? s.results.youToo : s.results.notYou}`;
      node.appendChild(
        el(
          'div',
          { class: 'bench' },
          el('p', {}, el('strong', {}, s.percent(n(b.agreeShare))), ` ${s.results.respondentsSay}${s.colon}${s.quote(b.text)}`, el('strong', {}, you)),
          bar(b.agreeShare, undefined, 'neutral'),
          b.source === null ? null : el('p', { class: 'muted source' }, `${s.results.source}${s.colon}${b.source}`),
        ),
      );
    }
  }

  node.appendChild(el('h3', {}, s.results.recommendations));
  const recommendation = (r: Report['recommendations'][number]) =>
    el('li', { class: 'recommendation' }, el('p', { class: 'rec-title' }, r.title, ' ', el('span', { class: 'muted' }, `(${s.results.priority(r.priority)})`)), el('p', {}, r.text));
  if (report.recommendations.length === 0) node.appendChild(el('p', {}, s.results.noRecommendations));
  else {
    node.appendChild(el('ol', { class: 'recommendations' }, ...report.recommendations.slice(0, TOP_RECOMMENDATIONS).map(recommendation)));
    const rest = report.recommendations.slice(TOP_RECOMMENDATIONS);
    if (rest.length > 0) {
      node.appendChild(el('details', { class: 'more' }, el('summary', {}, s.results.more(rest.length)), el('ol', { class: 'recommendations', start: TOP_RECOMMENDATIONS + 1 }, ...rest.map(recommendation))));
    }
  }

  node.appendChild(el('h3', {}, s.results.download));
  node.appendChild(
    el(
      'div',
      { class: 'downloads' },
      el('a', { class: 'button primary', href: screen.htmlUrl, download: '', id: 'download-html' }, s.results.downloadHtml),
      el('a', { class: 'button secondary', href: screen.jsonUrl, download: '', id: 'download-json' }, s.results.downloadJson),
    ),
  );
  node.appendChild(el('p', { class: 'muted' }, s.results.privacy));
  return { node, heading };
}
