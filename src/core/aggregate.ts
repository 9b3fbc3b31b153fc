import { answerOf, choicesOf, chosenIndexes, createGroupStats, readRespondent, type DimensionStats, type GroupStats, type QuestionStats } from './aggregate-group.js';
import type { Report } from './build-report.js';
import { ProblemList, type Problem } from './problems.js';
import { say, suggest } from './problem-text.js';
import type { Bank, Question, QuestionType, Scalar } from './types.js';

export type { DimensionStats, QuestionStats } from './aggregate-group.js';

export interface AggregateOptions {
  /** Question ids to break the group down by, each a separate breakdown, in this order. */
  by: string[];
  /** Segments with fewer respondents are suppressed (the CLI's `--min-group`, default 5). */
  minGroup: number;
}

/** The respondents of one breakdown who gave one answer (null: no answer, or nothing chosen). */
export interface Segment {
  by: string;
  value: Scalar | null;
  /** Left to the CLI, which resolves labels per language. */
  label?: string;
  count: number;
  overall: DimensionStats;
  dimensions: DimensionStats[];
  questions: QuestionStats[];
}

/** A segment too small to be shown: only its name, never its count or figures. */
export interface SuppressedSegment {
  by: string;
  value: Scalar | null;
  reason: string;
  /** `small-group`: fewer than minGroup; `complementary`: hidden too, so that a small one cannot be derived. */
  code: 'small-group' | 'complementary';
}

/** The aggregate of SPEC section 8. Field names are a public contract. */
export interface Aggregate {
  count: number;
  minGroup: number;
  /** The overall score, summarised like a dimension (id `overall`). */
  overall: DimensionStats;
  dimensions: DimensionStats[];
  questions: QuestionStats[];
  segments: Segment[];
  suppressed: SuppressedSegment[];
}

export interface Aggregator {
  add(report: Report): void;
  result(): Aggregate;
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

/** One `by` question and its segments, allocated on their first respondent; the last is null. */
interface Breakdown {
  question: Question;
  choices: Scalar[];
  groups: Array<GroupStats | undefined>;
}

/**
 * A streaming aggregator of reports built with `bank`: memory depends on the numbers of questions,
 * dimensions and segments, never on the number of reports, which are not kept. `by` ids that
 * `checkBy` would refuse are ignored: check them first.
 */
export function createAggregator(bank: Bank, options: AggregateOptions): Aggregator {
  const everyone = createGroupStats(bank);
  const breakdowns: Breakdown[] = options.by.flatMap((id) => {
    const question = bank.questions.find((q) => q.id === id);
    const choices = question !== undefined && BY_TYPES.includes(question.type) ? choicesOf(question) : null;
    return question === undefined || choices === null ? [] : [{ question, choices, groups: [] }];
  });
  return {
    add(report) {
      const respondent = readRespondent(bank, report);
      everyone.add(respondent);
      for (const { question, choices, groups } of breakdowns) {
        // Skipped, hidden or nothing chosen: the null segment, the last one.
        const chosen = chosenIndexes(choices, answerOf(report, question) ?? null);
        for (const index of chosen.length > 0 ? chosen : [choices.length]) {
          const group = groups[index] ?? createGroupStats(bank);
          groups[index] = group;
          group.add(respondent);
        }
      }
    },
    result() {
      const segments: Segment[] = [];
      const suppressed: SuppressedSegment[] = [];
      for (const { question, choices, groups } of breakdowns) {
        const present = groups.flatMap((group, index) => (group === undefined ? [] : [{ group, value: choices[index] ?? null }]));
        const small = present.filter(({ group }) => group.count < options.minGroup);
        const shown = present.filter(({ group }) => group.count >= options.minGroup).sort((a, b) => a.group.count - b.group.count);
        const hidden = new Set(small.map(({ value }) => value));
        // In a breakdown that splits the group (single, boolean), the whole group minus the segments
        // shown would give away a small one: hide the next smallest too, until what is hidden is
        // itself no smaller than minGroup. A multiple question's segments overlap, so it cannot.
        let hiddenCount = small.reduce((sum, { group }) => sum + group.count, 0);
        const complementary = new Set<Scalar | null>();
        while (question.type !== 'multiple' && hiddenCount > 0 && hiddenCount < options.minGroup && shown.length > 0) {
          const next = shown.shift();
          if (next === undefined) break;
          complementary.add(next.value);
          hiddenCount += next.group.count;
        }
        for (const { group, value } of present) {
          if (hidden.has(value)) suppressed.push({ by: question.id, value, reason: `fewer than ${options.minGroup} respondents`, code: 'small-group' });
          else if (complementary.has(value)) suppressed.push({ by: question.id, value, reason: `hidden so that a group of fewer than ${options.minGroup} cannot be worked out by subtraction`, code: 'complementary' });
          else segments.push({ by: question.id, value, count: group.count, ...group.stats() });
        }
      }
      return { count: everyone.count, minGroup: options.minGroup, ...everyone.stats(), segments, suppressed };
    },
  };
}
