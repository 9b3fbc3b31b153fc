/// <reference lib="dom" />
import { isNotApplicable, isWithheld, sameScalar, type Aggregate, type Bank, type DimensionEntry, type DimensionStats, type QuestionStats, type Scalar, type Translate } from '../../core/index.js';
import { bar, el } from '../dom.js';
import { formatNumber, type WebStrings } from '../strings.js';

export interface GroupScreen {
  aggregate: Aggregate;
  bank: Bank;
  lang: string;
  t: Translate;
  s: WebStrings;
}

function valueLabel(screen: GroupScreen, questionId: string, value: Scalar | null): string {
  const { bank, t, s } = screen;
  if (value === null) return s.present.noAnswer;
  const question = bank.questions.find((q) => q.id === questionId);
  if (question !== undefined && isNotApplicable(question, value)) return s.present.notApplicable;
  if (question?.type === 'boolean') return value === true ? s.question.yes : s.question.no;
  if (question !== undefined && (question.type === 'single' || question.type === 'multiple' || question.type === 'likert')) {
    const options: ReadonlyArray<{ value: string | number; label: Parameters<Translate>[0] }> = question.options;
    const option = options.find((o) => sameScalar(o.value, value));
    if (option !== undefined) return t(option.label);
  }
  return String(value);
}

/** One figure of a segment's row: its mean, or "hidden" when the core withheld it. */
function segmentCell(entry: DimensionEntry, n: (x: number | null) => string, s: WebStrings): HTMLElement {
  return isWithheld(entry) ? el('td', { class: 'num withheld' }, s.present.hiddenShort) : el('td', { class: 'num' }, n(entry.mean));
}

/** `Starting 4 · Moving 12 · Solid 10`: every level named, so the counts read without colour. */
function levelLine(screen: GroupScreen, stats: DimensionStats): string {
  return screen.bank.levels.map((l) => `${screen.t(l.label)} ${stats.levels[l.id] ?? 0}`).join(' · ');
}

/** The group view for the projector: what `diag aggregate` shows, in large type, nobody singled out. */
export function renderGroup(screen: GroupScreen): HTMLElement {
  const { aggregate, bank, t, s, lang } = screen;
  const n = (x: number | null | undefined) => formatNumber(x ?? null, lang);
  const dimensionTitle = (id: string) => (id === 'overall' ? s.results.overall : t(bank.dimensions.find((d) => d.id === id)?.title) || id);
  const node = el('div', { class: 'group' });

  const overall = aggregate.overall;
  node.appendChild(
    isWithheld(overall)
      ? el('div', { class: 'group-overall' }, el('p', { class: 'overall-label' }, s.present.overallMean), el('p', { class: 'muted', 'data-figure': 'overall.mean' }, s.present.hidden))
      : el(
          'div',
          { class: 'group-overall' },
          el('p', { class: 'overall-label' }, s.present.overallMean),
          el('p', { class: 'overall-score' }, el('span', { class: 'big', 'data-figure': 'overall.mean' }, n(overall.mean)), ' ', el('span', { class: 'muted' }, s.results.outOf)),
          el('p', { class: 'muted' }, `${s.present.median} ${n(overall.median)} · ${levelLine(screen, overall)}`),
        ),
  );

  // A dimension only some were asked (a `when`) may be withheld: its name stays, its figures do not (SPEC section 10).
  const rows = aggregate.dimensions.map((d) =>
    isWithheld(d)
      ? el(
          'li',
          { class: 'group-dimension withheld', 'data-dimension': d.id },
          el('span', { class: 'dimension-title' }, dimensionTitle(d.id)),
          el('span', { class: 'dimension-withheld', 'data-figure': `${d.id}.mean` }, s.present.hidden),
        )
      : el(
          'li',
          { class: 'group-dimension', 'data-dimension': d.id },
          el('span', { class: 'dimension-title' }, dimensionTitle(d.id)),
          bar(d.mean, undefined, 'accent'),
          el('span', { class: 'dimension-score', 'data-figure': `${d.id}.mean` }, d.mean === null ? s.present.noFigure : n(d.mean)),
          el('span', { class: 'dimension-detail' }, `${s.present.median} ${n(d.median)} · ${levelLine(screen, d)}`),
        ),
  );
  node.appendChild(el('section', { class: 'group-dimensions' }, el('h2', {}, s.results.dimensions), el('ul', { class: 'group-dimensions-list' }, ...rows)));

  const benchmarks = aggregate.questions.filter((q): q is QuestionStats => !isWithheld(q) && q.reference !== undefined);
  if (benchmarks.length > 0) {
    const items = benchmarks.map((q) => {
      const question = bank.questions.find((x) => x.id === q.id);
      const source = t(question?.benchmark?.source);
      const share = q.agreeShare ?? null;
      return el(
        'li',
        { class: 'bench', 'data-question': q.id },
        el('p', { class: 'bench-text' }, s.quote(t(question?.text) || q.id)),
        el(
          'p',
          { class: 'bench-figures' },
          `${s.present.yourGroup}${s.colon}`,
          el('strong', { 'data-figure': `${q.id}.agreeShare` }, share === null ? s.present.noFigure : s.percent(n(share))),
          ` · ${s.present.reference}${s.colon}`,
          el('strong', {}, s.percent(n(q.reference))),
        ),
        bar(share, q.reference ?? null, 'accent'),
        source ? el('p', { class: 'muted source' }, `${s.results.source}${s.colon}${source}`) : null,
      );
    });
    node.appendChild(el('section', { class: 'group-benchmarks' }, el('h2', {}, s.present.benchmarks), el('ul', { class: 'benches' }, ...items)));
  }

  const byIds = [...new Set([...aggregate.segments.map((x) => x.by), ...aggregate.suppressed.map((x) => x.by)])];
  for (const by of byIds) {
    const title = t(bank.questions.find((q) => q.id === by)?.text) || by;
    const head = el('tr', {}, el('th', { scope: 'col' }, s.present.segment), el('th', { scope: 'col', class: 'num' }, s.present.count), ...aggregate.dimensions.map((d) => el('th', { scope: 'col', class: 'num' }, dimensionTitle(d.id))), el('th', { scope: 'col', class: 'num' }, s.results.overall));
    const body = aggregate.segments
      .filter((x) => x.by === by)
      .map((x) => el('tr', {}, el('th', { scope: 'row' }, valueLabel(screen, by, x.value)), el('td', { class: 'num' }, String(x.count)), ...[...x.dimensions, x.overall].map((d) => segmentCell(d, n, s))));
    const hidden = aggregate.suppressed
      .filter((x) => x.by === by)
      .map((x) => el('tr', { class: 'suppressed' }, el('th', { scope: 'row' }, valueLabel(screen, by, x.value)), el('td', { colspan: aggregate.dimensions.length + 2 }, s.present.hidden)));
    node.appendChild(el('section', { class: 'group-segments' }, el('h2', {}, s.present.by(title)), el('table', {}, el('thead', {}, head), el('tbody', {}, ...body, ...hidden))));
  }
  return node;
}
