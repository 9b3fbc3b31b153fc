import { Chalk } from 'chalk';
import Table from 'cli-table3';
import { anyWithheld, dimensionRows, levelCounts, shownDimension, shownQuestions, type AggregateView } from './aggregate-view.js';
import { bar, formatScore, safeText, wrap } from './terminal.js';

/** The group's picture for a projector: large bars, few words, nobody singled out. */
export function renderAggregateText(view: AggregateView, options: { color: boolean; width: number }): string {
  const { aggregate, s, lang } = view;
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const style = options.color ? { head: ['bold'], border: ['grey'] } : { head: [], border: [] };
  const width = Math.min(options.width, 120);
  const n = (x: number | null) => formatScore(x, lang);
  const out = [chalk.bold(`${safeText(view.title)} — ${s.group.participants(aggregate.count)}`), ''];
  if (aggregate.withheld !== undefined) {
    out.push(chalk.yellow(wrap(s.privacy.countOnly(aggregate.minGroup), width)));
    return out.join('\n').trimEnd();
  }
  const hidden = s.privacy.hidden;
  const o = shownDimension(aggregate.overall);
  out.push(o === undefined ? `${s.group.overallMean}${s.colon}${hidden}` : `${s.group.overallMean}${s.colon}${chalk.bold(n(o.mean))} / 100   ${chalk.dim(`${s.group.median} ${n(o.median)} · ${s.group.quartiles} ${n(o.q1)}–${n(o.q3)}`)}`, '');
  const barWidth = width >= 100 ? 24 : 14;
  const table = new Table({ head: [s.dimension, s.group.mean, '', s.group.median, s.group.quartiles, s.group.levels], style, colAligns: ['left', 'right', 'left', 'right', 'right', 'left'] });
  for (const entry of aggregate.dimensions) {
    const d = shownDimension(entry);
    if (d === undefined) {
      table.push([safeText(view.dimensionTitle(entry.id)), hidden, '', '—', '—', '—']);
      continue;
    }
    table.push([safeText(view.dimensionTitle(d.id)), n(d.mean), chalk.cyan(bar(d.mean, barWidth)), n(d.median), d.q1 === null ? '—' : `${n(d.q1)}–${n(d.q3)}`, levelCounts(view, d)]);
  }
  out.push(table.toString(), chalk.dim(`${s.group.levels}${s.colon}${view.levelLabels.map(safeText).join(' · ')}`), '');
  const benchmarks = shownQuestions(aggregate.questions).filter((q) => q.reference !== undefined);
  if (benchmarks.length > 0) {
    out.push(chalk.bold(s.group.benchmarks));
    for (const q of benchmarks) {
      out.push(wrap(s.quote(view.questionText(q.id)), width, '  '));
      const share = q.agreeShare ?? null;
      out.push(`    ${s.group.yourGroup.padEnd(14)} ${chalk.cyan(bar(share, 20))} ${share === null ? '—' : s.percent(n(share))}  ${chalk.dim(s.group.answers(q.answered))}`);
      out.push(`    ${s.group.reference.padEnd(14)} ${chalk.dim(bar(q.reference ?? null, 20))} ${s.percent(n(q.reference ?? null))}`);
    }
    out.push('');
  }
  for (const breakdown of view.breakdowns) {
    out.push(chalk.bold(wrap(s.group.by(breakdown.title), width)));
    if (breakdown.segments.length === 0) {
      out.push(`  ${chalk.dim('—')}`, '');
      continue;
    }
    const head = [s.group.segment, s.group.count, ...aggregate.dimensions.map((d) => view.dimensionTitle(d.id)), s.overall];
    const segments = new Table({ head: head.map(safeText), style, colAligns: ['left', ...head.slice(1).map((): 'right' => 'right')] });
    for (const segment of breakdown.segments) {
      segments.push([safeText(view.valueLabel(segment.by, segment.value)), String(segment.count), ...dimensionRows(segment).map((entry) => { const d = shownDimension(entry); return d === undefined ? hidden : n(d.mean); })]);
    }
    out.push(segments.toString(), '');
  }
  if (anyWithheld(aggregate)) out.push(chalk.dim(wrap(s.privacy.note(aggregate.minGroup), width)), '');
  if (aggregate.suppressed.length > 0) {
    out.push(chalk.bold(wrap(s.group.suppressed(aggregate.minGroup), width)));
    for (const x of aggregate.suppressed) out.push(`  • ${safeText(x.by)} = ${safeText(view.valueLabel(x.by, x.value))}`);
  }
  return out.join('\n').trimEnd();
}
