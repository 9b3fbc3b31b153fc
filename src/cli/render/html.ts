import { translator, type Bank, type Report } from '../../core/index.js';
import { answerLabel } from '../answer-label.js';
import { outputUi, ui } from '../i18n.js';
import { levelTone, rankOf as rankIn, TONES } from './colours.js';
import { badge, barHtml, esc, htmlPage, radarSvg, safeHref } from './html-kit.js';
import { normsHtml } from './norms-lines.js';
import { formatScore } from './terminal.js';
import type { RenderOptions } from './types.js';

const toneOf = (report: Report, level: string | null) => levelTone(rankIn(report.levels, level), report.levels.length);

function appendix(report: Report, bank: Bank | undefined): string {
  const s = ui(report.lang);
  const t = translator(report.lang, bank?.languages[0] ?? report.lang);
  const all = { ...report.profile, ...report.answers };
  const rows = Object.entries(all).map(([id, value]) => {
    const question = bank?.id === report.bank.id ? bank.questions.find((q) => q.id === id) : undefined;
    const text = question === undefined ? id : t(question.text);
    const answer = question === undefined ? (Array.isArray(value) ? value.join(', ') : String(value ?? s.run.skipped)) : answerLabel(question, value, { t, s });
    return `<tr><td>${esc(text)}</td><td>${esc(answer)}</td></tr>`;
  });
  return `<h2>${esc(s.yourAnswers)}</h2><div class="table-wrap" tabindex="0" role="region" aria-label="${esc(s.yourAnswers)}"><table><caption>${esc(s.yourAnswers)}</caption><thead><tr><th scope="col">${esc(s.question)}</th><th scope="col">${esc(s.answer)}</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

/** One report as a `<section>` of a page. */
export function reportSection(report: Report, options: RenderOptions): string {
  const s = ui(report.lang);
  const count = report.levels.length;
  const overall = report.scores.overall;
  const date = new Date(report.createdAt);
  const when = Number.isNaN(date.getTime()) ? report.createdAt : date.toLocaleDateString(report.lang, { year: 'numeric', month: 'long', day: 'numeric' });
  const who = report.respondent === null ? '' : `${esc(report.respondent)} · `;
  const rings = report.levels.map((l) => l.min);
  const radar = radarSvg(report.scores.dimensions.map((d) => ({ label: d.title, value: d.score })), rings, s.chart);
  const rows = report.scores.dimensions.map((d) => {
    const tone = toneOf(report, d.level);
    return `<tr><td>${esc(d.title)}</td><td class="num">${esc(formatScore(d.score, report.lang))}</td><td>${barHtml(d.score, TONES[tone].background)}</td><td>${d.levelLabel === null ? `<span class="muted">${esc(d.questions === 0 ? s.notAsked : s.noScore)}</span>` : badge(d.levelLabel, tone)}</td></tr>`;
  });
  const benchmarks = report.benchmarks.filter((b) => b.agreeShare !== null);
  const benchmarkHtml =
    benchmarks.length === 0
      ? ''
      : `<h2>${esc(s.benchmarks)}</h2>` +
        benchmarks
          .map((b) => {
            const you = b.agrees === null ? '' : ` — <strong>${esc(b.agrees ? s.youToo : s.notYou)}</strong>`;
            const source = b.source === null ? '' : `<div class="muted">${esc(s.source)}${esc(s.colon)}${esc(b.source)}</div>`;
            const share = esc(s.percent(formatScore(b.agreeShare, report.lang)));
            const head =
              b.note === undefined && b.better === undefined
                ? `${share} ${esc(s.respondentsSay)}${esc(s.colon)}${esc(s.quote(b.text))}`
                : `${esc(s.indicative)}${esc(s.colon)}${share}${b.better === undefined ? '' : ` (${esc(s.better[b.better])})`} — ${esc(s.quote(b.text))}`;
            const note = b.note === undefined ? '' : `<div class="muted">${esc(b.note)}</div>`;
            return `<div class="bench"><div>${head}${you}</div>${barHtml(b.agreeShare, TONES.none.background)}${note}${source}</div>`;
          })
          .join('');
  const recs = report.recommendations.map((r) => {
    const href = r.link === undefined ? undefined : safeHref(r.link);
    const link = href === undefined ? '' : ` <a href="${esc(href)}" rel="noopener noreferrer">↗</a>`;
    return `<li><span class="title">${esc(r.title)}</span> <span class="prio">(${esc(s.priority)} ${r.priority})</span>${link}<div>${esc(r.text)}</div></li>`;
  });
  const levelList = report.levels.map((l, i) => `<span class="level">${badge(l.label, levelTone(i, count))} <span class="muted">≥ ${l.min}</span></span>`).join(' ');
  return `<section class="report">
<h1>${esc(report.bank.title)}</h1>
<p class="meta">${who}${esc(when)}</p>
<div class="summary">
<div class="overall"><div class="muted">${esc(s.overall)}</div><div><span class="score">${esc(formatScore(overall.score, report.lang))}</span> <span class="of">/ 100</span></div><p>${badge(overall.levelLabel, toneOf(report, overall.level))}</p><p class="muted">${esc(s.levels)}${esc(s.colon)}${levelList}</p></div>
${radar}
</div>
<div class="table-wrap" tabindex="0" role="region" aria-label="${esc(outputUi(report.lang).scoresTable)}"><table><caption>${esc(outputUi(report.lang).scoresTable)}</caption><thead><tr><th scope="col">${esc(s.dimension)}</th><th scope="col" class="num">${esc(s.score)}</th><th scope="col">0–100</th><th scope="col">${esc(s.level)}</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>
${normsHtml(report, s.overall, s.colon)}
${benchmarkHtml}
<h2>${esc(s.recommendations)}</h2>
${recs.length === 0 ? `<p>${esc(s.noRecommendations)}</p>` : `<ol class="recs">${recs.join('')}</ol>`}
${appendix(report, options.bank)}
<footer>${esc(s.generated(when, report.tool.version))}</footer>
</section>`;
}

/** One self-contained HTML file: inline CSS and SVG, no script, nothing fetched from the network. */
export function renderReportsHtml(reports: readonly Report[], options: RenderOptions): string {
  const first = reports[0];
  const lang = first?.lang ?? 'fr';
  const title = reportsTitle(first, reports.length === 1);
  return htmlPage(lang, title, reports.map((r) => reportSection(r, options)).join('\n'));
}

/** The page around sections written one by one: what comes before them and after. */
export function pageAround(lang: string, title: string): { open: string; close: string } {
  const [open = '', close = ''] = htmlPage(lang, title, '\u0000').split('\u0000');
  return { open, close };
}

/** The title of a page of reports: the bank's, with the respondent when there is one report. */
export function reportsTitle(first: Report | undefined, single: boolean): string {
  return first === undefined ? 'diag' : [first.bank.title, single ? first.respondent : null].filter((x) => x !== null).join(' — ');
}
