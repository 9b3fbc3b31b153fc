import { ChoiceIndex, choicesOf, createGroupStats, readRespondent, type DimensionStats, type GroupStats, type QuestionStats, type Respondent } from './aggregate-group.js';
import type { Report } from './build-report.js';
import { protectCells, protectRows } from './disclosure.js';
import { offersNotApplicable } from './not-applicable.js';
import { ProblemList, type Problem } from './problems.js';
import { say, suggest } from './problem-text.js';
import { NOT_APPLICABLE, type Bank, type Condition, type Question, type QuestionType, type Scalar } from './types.js';
import { isScored } from './visibility.js';

export type { DimensionStats, QuestionStats } from './aggregate-group.js';

/** SPEC section 10: a smaller `--min-group` is refused, since two people could each read the other. */
export const MIN_GROUP_FLOOR = 3;
/** SPEC section 8: the default `--min-group`. */
export const DEFAULT_MIN_GROUP = 5;

export interface AggregateOptions {
  /** Question ids to break the group down by, each a separate breakdown, in this order. */
  by: string[];
  /**
   * k of SPEC section 10: no figure is shown about fewer respondents, or can be worked out about
   * fewer. Commands refuse a value below MIN_GROUP_FLOOR (see checkMinGroup); the core accepts any
   * whole number from 1, so that its statistics can be tested on a handful of respondents.
   */
  minGroup: number;
}

/** Why a figure, a segment or the whole group is not shown. */
export type WithheldCode =
  /** The whole group, or a segment, has fewer than k respondents. */
  | 'small-group'
  /** Fewer than k have a score for this dimension / an answer to this question (a `when`, skips). */
  | 'few-respondents'
  /** Enough respondents, but showing it would let a figure about fewer than k be worked out. */
  | 'complementary'
  /** A question the group is broken down by: its answers are the segments, shown with them. */
  | 'by-question';

export interface Withheld {
  code: WithheldCode;
  reason: string;
}

/** A dimension (or `overall`) not shown: no numbers at all, only why. */
export interface WithheldDimension {
  id: string;
  withheld: Withheld;
}

/** A question not shown: no numbers at all, only why. */
export interface WithheldQuestion {
  id: string;
  type: QuestionType;
  withheld: Withheld;
}

export type DimensionEntry = DimensionStats | WithheldDimension;
export type QuestionEntry = QuestionStats | WithheldQuestion;

/** True for an entry that carries no figures, only the reason they are withheld. */
export function isWithheld(entry: DimensionEntry | QuestionEntry): entry is WithheldDimension | WithheldQuestion {
  return 'withheld' in entry;
}

/**
 * The respondents of one breakdown who gave one answer: an option's value, `n/a` ("does not
 * apply", SPEC section 9, on a question that offers it) or null (no answer, or nothing chosen).
 */
export interface Segment {
  by: string;
  value: Scalar | null;
  /** Left to the CLI, which resolves labels per language. */
  label?: string;
  count: number;
  overall: DimensionEntry;
  dimensions: DimensionEntry[];
  questions: QuestionEntry[];
}

/** A segment not shown: only its name and why, never its count or figures. */
export interface SuppressedSegment {
  by: string;
  value: Scalar | null;
  reason: string;
  /**
   * The same for every segment not shown, whether it has fewer than minGroup or was hidden too so
   * that a small one cannot be derived: telling which would bound its count, and with the counts
   * shown could give it exactly (group 11, one shown of 5, one "k or more": the rest is 1).
   */
  code: 'hidden';
}

/**
 * The aggregate of SPEC section 8 under the rules of section 10. Field names are a public contract.
 * What is withheld carries no numbers (`withheld` entries), so that no renderer can show it.
 */
export interface Aggregate {
  count: number;
  minGroup: number;
  /** Set when the whole group is smaller than minGroup: then only `count` is shown, and every list is empty. */
  withheld?: Withheld;
  /** The overall score, summarised like a dimension (id `overall`). */
  overall: DimensionEntry;
  dimensions: DimensionEntry[];
  questions: QuestionEntry[];
  segments: Segment[];
  suppressed: SuppressedSegment[];
}

export interface Aggregator {
  /**
   * Counts a report; false when it is one already counted (the same respondent name and the same
   * answers: a report beside its own answer file, a file copied twice), which is counted once, so
   * that a group of k files is never fewer than k people.
   */
  add(report: Report): boolean;
  /** add() of what the group reads of a report (readRespondent), or of a clean answer record (quickRespondent). */
  addRespondent(respondent: Respondent): boolean;
  result(): Aggregate;
}

/** Named reports remembered to count duplicates once: past that, memory stays flat and they count again. */
const REMEMBERED_NAMES = 100_000;

/** One answer in a fingerprint: a letter for its type, then its value; empty when not asked. */
function field(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return `n${value}`;
  if (typeof value === 'boolean') return value ? 't' : 'f';
  // A text without U+0000 as it is (the letter tells it from a number); else as JSON, which escapes it.
  if (typeof value === 'string' && !value.includes('\u0000')) return `s${value}`;
  return `j${JSON.stringify(value)}`;
}

/**
 * The same person with the same answers, whatever the order of the keys in the file: the name and
 * the answers in bank order, one field per question (empty when not asked, `null` when skipped).
 * Positional, with no ids, so that a hundred thousand of them stay small in memory.
 */
export function fingerprint(respondent: Respondent): string | null {
  const { name } = respondent;
  if (name === null || name === '') return null;
  const fields: string[] = [name];
  for (const value of respondent.answers) fields.push(field(value));
  // No field holds a raw U+0000, so the separator cannot occur inside one. One join makes one
  // flat string: a key built by += would be kept as a rope of a hundred pieces (kilobytes).
  return fields.join('\u0000');
}

const BY_TYPES: readonly QuestionType[] = ['single', 'multiple', 'boolean'];

/** Problems with the `by` question ids for this bank (path `['by', index]`); empty when all is well. */
export function checkBy(bank: Bank, by: readonly string[]): Problem[] {
  const problems = new ProblemList();
  const eligible = bank.questions.filter((q) => BY_TYPES.includes(q.type)).map((q) => q.id);
  by.forEach((id, index) => {
    const question = bank.questions.find((q) => q.id === id);
    if (question === undefined) {
      problems.add(['by', index], 'unknown-question', say('byNotAQuestion', { id, bank: bank.id, ...suggest(id, eligible) }));
    } else if (!BY_TYPES.includes(question.type)) {
      problems.add(['by', index], 'bad-by-type', say('byType', { id, type: question.type, eligible }));
    }
  });
  return problems.items;
}

/** Why a `--min-group` value is refused, or null when it is a whole number of at least MIN_GROUP_FLOOR. */
export function checkMinGroup(value: number): string | null {
  if (!Number.isInteger(value) || value < MIN_GROUP_FLOOR) {
    return `expected a whole number, at least ${MIN_GROUP_FLOOR} (with fewer, people could read each other's answers)`;
  }
  return null;
}

/** One `by` question and its segments, allocated on their first respondent; the last is null. */
interface Breakdown {
  question: Question;
  /** Its position in the bank, which is that of its answer in Respondent.answers. */
  position: number;
  /** Its option values, then `n/a` where the question offers it: those who said it does not apply are a segment of their own. */
  choices: Scalar[];
  index: ChoiceIndex;
  /** Index of its first segment among all segments of all breakdowns. */
  offset: number;
  groups: Array<GroupStats | undefined>;
}

/**
 * Respondents with the same segments, and how many of them contribute to each figure: figure 0 is
 * the overall score, then the dimensions in bank order, then the questions in bank order.
 */
interface Pattern {
  segments: number[];
  people: number;
  /** Those with a score (dimensions) or who were asked (questions): the figure is a sum over them. */
  contributors: Uint32Array;
  /** Those with a score (dimensions) or a real answer (questions): at least k for the figure to be shown. */
  answered: Uint32Array;
}

const reasons = {
  smallGroup: (k: number) => `fewer than ${k} respondents`,
  fewRespondents: (k: number, what: 'score' | 'answer') => `fewer than ${k} respondents with ${what === 'score' ? 'a score' : 'an answer'}`,
  complementary: (k: number) => `hidden so that a figure about fewer than ${k} respondents cannot be worked out from the figures shown`,
  hiddenSegment: (k: number) => `fewer than ${k} respondents, or hidden so that a group of fewer than ${k} cannot be worked out by subtraction`,
  byQuestion: 'the group is broken down by this question: its answers are the segments shown',
  mixesHidden: 'it mixes in scores hidden here, which it would give away',
  byOnly: 'scored only by questions the group is broken down by: its figures would give the sizes of the segments',
  askedBy: (by: string) => `asked according to the answer to "${by}", some of whose groups are hidden: how many have it would give their size`,
};

/** The question ids a condition reads, scores standing for every scored question of theirs. */
function conditionReads(bank: Bank, condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap((c) => conditionReads(bank, c));
  if ('any' in condition) return condition.any.flatMap((c) => conditionReads(bank, c));
  if ('not' in condition) return conditionReads(bank, condition.not);
  if ('question' in condition) return [condition.question];
  return bank.questions.filter((q) => isScored(q) && (condition.score === 'overall' || q.dimension === condition.score)).map((q) => q.id);
}

/**
 * For each figure (overall, dimensions, questions, as in Pattern), the questions whose answers
 * decide, through `when` (directly or not), who contributes to it: for a question, those its
 * `when` reads; for a dimension, those that every one of its scored questions depends on; for
 * the overall score, those that every dimension depends on.
 */
function figureDependencies(bank: Bank): Array<Set<string>> {
  const memo = new Map<string, Set<string>>();
  const asked = (question: Question, visiting: Set<string>): Set<string> => {
    const known = memo.get(question.id);
    if (known !== undefined) return known;
    const found = new Set<string>();
    if (question.when !== undefined && !visiting.has(question.id)) {
      visiting.add(question.id);
      for (const id of conditionReads(bank, question.when)) {
        found.add(id);
        const read = bank.questions.find((q) => q.id === id);
        if (read !== undefined) for (const x of asked(read, visiting)) found.add(x);
      }
      visiting.delete(question.id);
    }
    memo.set(question.id, found);
    return found;
  };
  const common = (sets: Array<Set<string>>): Set<string> => (sets.length === 0 ? new Set() : new Set([...(sets[0] ?? [])].filter((id) => sets.every((x) => x.has(id)))));
  const questions = bank.questions.map((q) => asked(q, new Set()));
  const dimensions = bank.dimensions.map((d) => common(bank.questions.flatMap((q, i) => (isScored(q) && q.dimension === d.id ? [questions[i] ?? new Set<string>()] : []))));
  const overall = common(dimensions.filter((_, i) => bank.questions.some((q) => isScored(q) && q.dimension === bank.dimensions[i]?.id)));
  return [overall, ...dimensions, ...questions];
}

function isRealAnswer(question: Question, value: unknown): boolean {
  return value !== undefined && value !== null && !(question.notApplicable !== undefined && value === 'n/a');
}

/**
 * A streaming aggregator of reports built with `bank`: memory depends on the numbers of questions,
 * dimensions, segments and distinct combinations of segments, never on the number of reports,
 * which are not kept. `by` ids that `checkBy` would refuse are ignored: check them first.
 *
 * `result()` applies SPEC section 10 in one place: the whole group smaller than k shows its count
 * only; a segment, a dimension or a question is shown only where at least k have a score / an
 * answer; and what would let a figure about fewer than k be worked out from the rest (see
 * disclosure.ts) is withheld, segments first, then each figure in each segment.
 */
export function createAggregator(bank: Bank, options: AggregateOptions): Aggregator {
  const k = options.minGroup;
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`minGroup must be a whole number of at least 1, not ${String(k)}`);
  const everyone = createGroupStats(bank);
  let offset = 0;
  const breakdowns: Breakdown[] = options.by.flatMap((id) => {
    const position = bank.questions.findIndex((q) => q.id === id);
    const question = bank.questions[position];
    const options = question !== undefined && BY_TYPES.includes(question.type) ? choicesOf(question) : null;
    if (question === undefined || options === null) return [];
    // A bank may not name an option `n/a` where the question offers it (SPEC section 9): no clash.
    const choices = offersNotApplicable(question) ? [...options, NOT_APPLICABLE] : options;
    const breakdown = { question, position, choices, index: new ChoiceIndex(choices), offset, groups: [] };
    offset += choices.length + 1;
    return [breakdown];
  });
  const figureCount = 1 + bank.dimensions.length + bank.questions.length;
  const patterns = new Map<string, Pattern>();

  const tallyPattern = (respondent: Respondent, segments: number[]) => {
    const key = segments.join(',');
    let pattern = patterns.get(key);
    if (pattern === undefined) {
      pattern = { segments, people: 0, contributors: new Uint32Array(figureCount), answered: new Uint32Array(figureCount) };
      patterns.set(key, pattern);
    }
    pattern.people += 1;
    const mark = (figure: number, contributes: boolean, answered: boolean) => {
      if (contributes) pattern.contributors[figure] = (pattern.contributors[figure] ?? 0) + 1;
      if (answered) pattern.answered[figure] = (pattern.answered[figure] ?? 0) + 1;
    };
    const overall = respondent.overall.score !== null;
    mark(0, overall, overall);
    bank.dimensions.forEach((d, i) => {
      const scored = respondent.dimensions.some((x) => x.id === d.id && x.score !== null);
      mark(1 + i, scored, scored);
    });
    bank.questions.forEach((q, i) => {
      const value = respondent.answers[i];
      mark(1 + bank.dimensions.length + i, value !== undefined, isRealAnswer(q, value));
    });
  };

  const seen = new Set<string>();
  const addRespondent = (respondent: Respondent): boolean => {
    const key = fingerprint(respondent);
    if (key !== null) {
      if (seen.has(key)) return false;
      if (seen.size < REMEMBERED_NAMES) seen.add(key);
    }
    everyone.add(respondent);
    const segments: number[] = [];
    for (const b of breakdowns) {
      // `n/a` is the segment after the options; skipped, hidden or nothing chosen: the null segment, the last one.
      const chosen = b.index.indexes(respondent.answers[b.position] ?? null);
      for (const index of chosen.length > 0 ? chosen : [b.choices.length]) {
        const group = b.groups[index] ?? createGroupStats(bank);
        b.groups[index] = group;
        group.add(respondent);
        segments.push(b.offset + index);
      }
    }
    tallyPattern(respondent, segments);
    return true;
  };
  return {
    add: (report) => addRespondent(readRespondent(bank, report)),
    addRespondent,
    result() {
      return disclose(bank, k, everyone, breakdowns, [...patterns.values()]);
    },
  };
}

/** The aggregate of a list of reports: a pure function, for views recomputed from a kept snapshot. */
export function aggregateReports(bank: Bank, reports: Iterable<Report>, options: AggregateOptions): Aggregate {
  const aggregator = createAggregator(bank, options);
  for (const report of reports) aggregator.add(report);
  return aggregator.result();
}

interface SegmentInfo {
  breakdown: Breakdown;
  value: Scalar | null;
  /** Index among all segments of all breakdowns. */
  global: number;
  group: GroupStats | undefined;
  count: number;
}

/** Whether a valid report can lack an answer to this question (the null segment; `n/a` has its own). */
function canBeUnanswered(question: Question): boolean {
  return !question.required || question.when !== undefined || question.type === 'multiple';
}

function withheldDimension(id: string, withheld: Withheld): WithheldDimension {
  return { id, withheld };
}

/** SPEC section 10 applied to everything the aggregator counted. */
function disclose(bank: Bank, k: number, everyone: GroupStats, breakdowns: readonly Breakdown[], patterns: readonly Pattern[]): Aggregate {
  if (everyone.count < k) {
    const withheld: Withheld = { code: 'small-group', reason: reasons.smallGroup(k) };
    return { count: everyone.count, minGroup: k, withheld, overall: withheldDimension('overall', withheld), dimensions: [], questions: [], segments: [], suppressed: [] };
  }
  const segments: SegmentInfo[] = breakdowns.flatMap((breakdown) =>
    [...breakdown.choices, null].map((value, index) => {
      const group = breakdown.groups[index];
      return { breakdown, value, global: breakdown.offset + index, group, count: group?.count ?? 0 };
    }),
  );
  const membersOf = (global: number) => patterns.flatMap((p, i) => (p.segments.includes(global) ? [i] : []));
  const everyPattern = patterns.map((_, i) => i);

  // 1. Segment counts: at least k each, and no small set worked out from the counts shown.
  const large = segments.filter((x) => x.count >= k);
  const countRows = [everyPattern, ...large.map((x) => membersOf(x.global))];
  const complementary = protectRows(patterns.map((p) => p.people), countRows, k, (row) => row === 0);
  const shown = large.filter((_, i) => !complementary.has(i + 1));
  // A breakdown with a value not shown (listed in suppressed, whether anyone chose it or not).
  const shownGlobals = new Set(shown.map((x) => x.global));
  const partlyHidden = new Set(
    segments.filter((x) => !shownGlobals.has(x.global) && (x.value !== null || x.count > 0 || canBeUnanswered(x.breakdown.question))).map((x) => x.breakdown.question.id),
  );
  const dependencies = figureDependencies(bank);

  // 2. Each figure, in the group and in each shown segment.
  const byIds = new Set(breakdowns.map((b) => b.question.id));
  const figureIds = ['overall', ...bank.dimensions.map((d) => d.id), ...bank.questions.map((q) => q.id)];
  // A dimension scored only by --by questions is a function of the segments: like the question
  // itself, its levels and mean would give the sizes of hidden ones (and cross counts of others).
  const scoredBy = bank.dimensions.map((d) => bank.questions.filter((q) => isScored(q) && q.dimension === d.id));
  const dimensionByOnly = scoredBy.map((list) => list.length > 0 && list.every((q) => byIds.has(q.id)));
  const byOnly = [scoredBy.some((list) => list.length > 0) && scoredBy.every((list, i) => list.length === 0 || dimensionByOnly[i] === true), ...dimensionByOnly];
  /** withheldIn[figure]: row 0 the group, row i + 1 shown[i]; absent when shown. */
  const decided = new Map<string, Set<number>>();
  /** Withheld only because of how many have the figure, which the overall score does not tell. */
  const countOnly = new Set<Withheld>();
  const withheldIn = figureIds.map((id, figure) => {
    const out = new Map<number, Withheld>();
    const isQuestion = figure > bank.dimensions.length;
    const everywhere = (withheld: Withheld) => {
      for (let row = 0; row <= shown.length; row++) out.set(row, withheld);
      return out;
    };
    if (isQuestion && byIds.has(id)) return everywhere({ code: 'by-question', reason: reasons.byQuestion });
    if (!isQuestion && byOnly[figure] === true) return everywhere({ code: 'by-question', reason: reasons.byOnly });
    const few: Withheld = { code: 'few-respondents', reason: reasons.fewRespondents(k, isQuestion ? 'answer' : 'score') };
    const answeredIn = (members: readonly number[]) => members.reduce((sum, p) => sum + (patterns[p]?.answered[figure] ?? 0), 0);
    if (answeredIn(everyPattern) < k) return everywhere(few);
    // Who is asked depends on a --by question with hidden groups: the number who have this figure,
    // next to the counts shown, would tell how many are in them.
    const askedBy = [...(dependencies[figure] ?? [])].find((by) => partlyHidden.has(by));
    if (askedBy !== undefined) {
      const withheld: Withheld = { code: 'complementary', reason: reasons.askedBy(askedBy) };
      countOnly.add(withheld);
      return everywhere(withheld);
    }
    const rows: number[][] = [everyPattern];
    const rowOf: number[] = [0];
    shown.forEach((x, i) => {
      const members = membersOf(x.global);
      if (answeredIn(members) < k) out.set(i + 1, few);
      else {
        rows.push(members);
        rowOf.push(i + 1);
      }
    });
    // A question's counts (answered, skipped) are sums over those asked; its distribution, agree
    // share, mean, min and max over those who answered: neither may be worked out about fewer than k,
    // by combining rows or by bounding whole-number counts (see protectCells).
    // Figures over the same people in the same rows (most questions without a `when`) are decided once.
    const asked = patterns.map((p) => p.contributors[figure] ?? 0);
    const answered = patterns.map((p) => p.answered[figure] ?? 0);
    const sameSets = asked.every((n, i) => n === answered[i]);
    const key = `${asked.join(',')}|${sameSets ? '' : answered.join(',')}|${rows.map((r) => r.join(',')).join(';')}`;
    const hidden = decided.get(key) ?? protectCells(sameSets ? [asked] : [asked, answered], rows, k, (row) => row === 0);
    decided.set(key, hidden);
    for (const row of hidden) {
      // The group row is kept unless it leaks alone, which it cannot with k or more contributors.
      out.set(rowOf[row] ?? 0, { code: 'complementary', reason: reasons.complementary(k) });
    }
    return out;
  });

  // The overall score is a weighted mean of the dimensions: where a dimension it mixes in is hidden
  // for its values, overall minus the dimensions shown would give it (exactly when everyone has the
  // same dimensions; as "their Sales score against their own average" for one seller otherwise).
  const rowMembers = [everyPattern, ...shown.map((x) => membersOf(x.global))];
  // Likewise a dimension is a weighted mean of its questions: where a scored question of it is
  // hidden for its values (two managers among ten answered it), the dimension minus the questions
  // shown would give their scores against their own average. Before the overall score, which
  // then follows.
  bank.dimensions.forEach((d, i) => {
    const out = withheldIn[1 + i];
    if (out === undefined) return;
    const scored = bank.questions.flatMap((q, j) => (isScored(q) && q.dimension === d.id ? [1 + bank.dimensions.length + j] : []));
    rowMembers.forEach((members, row) => {
      if (out.has(row)) return;
      const mixed = scored.some((figure) => {
        const w = withheldIn[figure]?.get(row);
        return w !== undefined && !countOnly.has(w) && members.some((p) => (patterns[p]?.answered[figure] ?? 0) > 0);
      });
      if (mixed) out.set(row, { code: 'complementary', reason: reasons.mixesHidden });
    });
  });
  const overallOut = withheldIn[0];
  if (overallOut !== undefined) {
    rowMembers.forEach((members, row) => {
      if (overallOut.has(row)) return;
      const mixed = bank.dimensions.some((_, i) => {
        const w = withheldIn[1 + i]?.get(row);
        return w !== undefined && !countOnly.has(w) && members.some((p) => (patterns[p]?.contributors[1 + i] ?? 0) > 0);
      });
      if (mixed) overallOut.set(row, { code: 'complementary', reason: reasons.mixesHidden });
    });
  }

  const stats = (group: GroupStats, row: number) => {
    const all = group.stats();
    const entry = <T extends { id: string }>(x: T, figure: number, withheld: (w: Withheld) => T | WithheldDimension | WithheldQuestion) => {
      const w = withheldIn[figure]?.get(row);
      return w === undefined ? x : withheld(w);
    };
    return {
      overall: entry<DimensionStats>(all.overall, 0, (w) => withheldDimension('overall', w)) as DimensionEntry,
      dimensions: all.dimensions.map((d, i) => entry<DimensionStats>(d, 1 + i, (w) => withheldDimension(d.id, w)) as DimensionEntry),
      questions: all.questions.map((q, i) => entry<QuestionStats>(q, 1 + bank.dimensions.length + i, (w) => ({ id: q.id, type: q.type, withheld: w })) as QuestionEntry),
    };
  };

  const shownSet = new Set(shown.map((x) => x.global));
  const output: Segment[] = [];
  const suppressed: SuppressedSegment[] = [];
  for (const x of segments) {
    const by = x.breakdown.question.id;
    // Every value not shown is listed, present or not, so that the list tells nothing of who answered
    // what; the null segment only where the bank lets the question go unanswered.
    if (x.value === null && x.count === 0 && !canBeUnanswered(x.breakdown.question)) continue;
    const row = shown.findIndex((s) => s.global === x.global) + 1;
    if (shownSet.has(x.global) && x.group !== undefined) output.push({ by, value: x.value, count: x.count, ...stats(x.group, row) });
    else suppressed.push({ by, value: x.value, reason: reasons.hiddenSegment(k), code: 'hidden' });
  }
  return { count: everyone.count, minGroup: k, ...stats(everyone, 0), segments: output, suppressed };
}
