import type { Aggregate } from './aggregate.js';
import type { GroupReliability, ReliabilityReport } from './reliability.js';

interface Figures {
  dimensions: ReadonlyArray<{ id: string; withheld?: unknown }>;
  questions: ReadonlyArray<{ id: string; withheld?: unknown }>;
}

const withheld = (figure: { withheld?: unknown }) => figure.withheld !== undefined;

/** One group's figures with its statistics inside: `reliability` on dimensions, item figures on questions. */
function merge<T extends Figures>(figures: T, stats: GroupReliability | undefined): T {
  if (stats === undefined) return figures;
  const reliability = new Map(stats.dimensions.map((d) => [d.id, d.reliability]));
  const items = new Map(stats.questions.map(({ id, dimension: _dimension, ...rest }) => [id, rest]));
  return {
    ...figures,
    // Nothing is added to a figure withheld for privacy (SPEC section 10): it stays without numbers.
    dimensions: figures.dimensions.map((d) => (reliability.has(d.id) && !withheld(d) ? { ...d, reliability: reliability.get(d.id) } : d)),
    questions: figures.questions.map((q) => (withheld(q) ? q : { ...q, ...items.get(q.id) })),
  };
}

/**
 * The aggregate of SPEC section 8 with the statistics of section 13 where the spec puts them: on
 * each dimension of the group and of each shown segment, and on each scored question.
 */
export function withReliability(aggregate: Aggregate, stats: ReliabilityReport): Aggregate {
  const find = (by: string, value: unknown) => stats.segments.find((x) => x.by === by && JSON.stringify(x.value) === JSON.stringify(value));
  return { ...merge(aggregate, stats), segments: aggregate.segments.map((x) => merge(x, find(x.by, x.value))) };
}
