import { isNotApplicable, isWithheld, sameScalar, translator, type Aggregate, type Bank, type DimensionEntry, type DimensionStats, type QuestionEntry, type QuestionStats, type Scalar } from '../../core/index.js';
import { ui, type UiStrings } from '../i18n.js';

/** What every aggregate renderer needs besides the figures: the words, in one language. */
export interface AggregateView {
  aggregate: Aggregate;
  bank: Bank;
  lang: string;
  s: UiStrings;
  title: string;
  dimensionTitle: (id: string) => string;
  levelLabels: string[];
  questionText: (id: string) => string;
  valueLabel: (questionId: string, value: Scalar | null) => string;
  /** Breakdowns in the order asked, each with its shown segments. */
  breakdowns: Array<{ by: string; title: string; segments: Aggregate['segments'] }>;
}

export function aggregateView(aggregate: Aggregate, bank: Bank, lang: string, by: readonly string[]): AggregateView {
  const t = translator(lang, bank.languages[0] ?? lang);
  const s = ui(lang);
  const question = (id: string) => bank.questions.find((q) => q.id === id);
  const valueLabel = (questionId: string, value: Scalar | null): string => {
    if (value === null) return s.group.noAnswer;
    const q = question(questionId);
    if (q !== undefined && isNotApplicable(q, value)) return s.group.notApplicable;
    if (q?.type === 'boolean') return value === true ? s.run.yes : s.run.no;
    if (q !== undefined && (q.type === 'single' || q.type === 'multiple' || q.type === 'likert')) {
      const options: ReadonlyArray<{ value: string | number; label: Parameters<typeof t>[0] }> = q.options;
      const option = options.find((o) => sameScalar(o.value, value));
      if (option !== undefined) return t(option.label);
    }
    return String(value);
  };
  return {
    aggregate,
    bank,
    lang,
    s,
    title: t(bank.title),
    dimensionTitle: (id) => (id === 'overall' ? s.overall : t(bank.dimensions.find((d) => d.id === id)?.title) || id),
    levelLabels: bank.levels.map((l) => t(l.label)),
    questionText: (id) => t(question(id)?.text) || id,
    valueLabel,
    breakdowns: by.map((id) => ({ by: id, title: t(question(id)?.text) || id, segments: aggregate.segments.filter((x) => x.by === id) })),
  };
}

/** The dimensions and then the overall score, as rows of one table (withheld ones included). */
export function dimensionRows(stats: { overall: DimensionEntry; dimensions: DimensionEntry[] }): DimensionEntry[] {
  return [...stats.dimensions, stats.overall];
}

/** A dimension's figures, or undefined when they are withheld (SPEC section 10). */
export function shownDimension(entry: DimensionEntry): DimensionStats | undefined {
  return isWithheld(entry) ? undefined : entry;
}

/** The questions whose figures are shown (SPEC section 10). */
export function shownQuestions(entries: readonly QuestionEntry[]): QuestionStats[] {
  return entries.flatMap((q) => (isWithheld(q) ? [] : [q]));
}

/** True when something in the aggregate is withheld, so that the renderers can say what "hidden" means. */
export function anyWithheld(aggregate: Aggregate): boolean {
  const groups = [aggregate, ...aggregate.segments];
  return groups.some((g) => [g.overall, ...g.dimensions].some(isWithheld));
}

/** Counts per level in the bank's order: `4 · 12 · 10 · 3`. */
export function levelCounts(view: AggregateView, stats: DimensionStats): string {
  return view.bank.levels.map((l) => String(stats.levels[l.id] ?? 0)).join(' · ');
}
