import { agreeValues } from './agree.js';
import type { Report } from './build-report.js';
import { sameScalar } from './conditions.js';
import { ScoreHistogram, type ScoreSummary } from './histogram.js';
import { round2 } from './levels.js';
import { isNotApplicable, offersNotApplicable } from './not-applicable.js';
import type { AnswerValue, Bank, Question, QuestionType, Scalar } from './types.js';

/**
 * Scores of one dimension (or `overall`) over the respondents that have one. Median and quartiles
 * interpolate linearly between order statistics (type 7 of R, numpy's default): see ScoreHistogram.
 */
export interface DimensionStats extends ScoreSummary {
  id: string;
  /** Respondents per level id: every level of the bank, 0 included. */
  levels: Record<string, number>;
}

/** Answers to one question. Text answers are never aggregated: only counted. */
export interface QuestionStats {
  id: string;
  type: QuestionType;
  /** Respondents with a non-null answer. Hidden questions count neither as answered nor skipped. */
  answered: number;
  /** Respondents who skipped it (null). */
  skipped: number;
  /**
   * Respondents who answered "does not apply" (`n/a`, SPEC section 9): neither answered nor
   * skipped. Present only on questions that offer it.
   */
  notApplicable?: number;
  /**
   * likert, single, boolean: respondents per value; multiple: per chosen option. Keys are
   * `String(value)`, every option present, 0 included.
   */
  distribution?: Record<string, number>;
  /** likert: % of those who answered choosing an agreeing value (SPEC section 8), before reverse. */
  agreeShare?: number | null;
  /** The bank's `benchmark.agreeShare`, when the question has one. */
  reference?: number;
  /** number questions: over the raw answers. */
  mean?: number | null;
  min?: number | null;
  max?: number | null;
}

/** The values answers are counted by: the options, or true and false; null for number and text. */
export function choicesOf(question: Question): Scalar[] | null {
  switch (question.type) {
    case 'likert':
    case 'single':
    case 'multiple':
      return question.options.map((o) => o.value);
    case 'boolean':
      return [true, false];
    case 'number':
    case 'text':
      return null;
  }
}

/** Which of the choices an answer picked: several for a multiple question, none when skipped. */
export function chosenIndexes(choices: readonly Scalar[], value: AnswerValue): number[] {
  if (value === null) return [];
  const picked = Array.isArray(value) ? value : [value];
  const indexes: number[] = [];
  choices.forEach((choice, i) => {
    if (picked.some((v) => sameScalar(choice, v))) indexes.push(i);
  });
  return indexes;
}

const isNaNumber = (value: unknown) => typeof value === 'number' && Number.isNaN(value);
const isPlain = (value: unknown) => (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') && !isNaNumber(value);

/**
 * chosenIndexes by a map from each choice to its indexes, built once per question: the same
 * answer, the same indexes in the same order, at one look-up per chosen value instead of a scan
 * of the choices (a group counts millions of answers). A choice is found by its own value and,
 * as sameScalar matches a number with its text, a number by its text and a text by the number
 * it spells exactly (`"1"`, not `"1.0"`). NaN, which sameScalar matches only with the text
 * "NaN", takes the scan.
 */
export class ChoiceIndex {
  private readonly byValue = new Map<Scalar, number[]>();
  private readonly exotic: boolean;
  private static readonly NONE: readonly number[] = [];

  constructor(readonly choices: readonly Scalar[]) {
    this.exotic = !choices.every(isPlain);
    const register = (key: Scalar, i: number) => {
      const list = this.byValue.get(key);
      if (list === undefined) this.byValue.set(key, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
    };
    choices.forEach((choice, i) => {
      register(choice, i);
      if (typeof choice === 'number') register(String(choice), i);
      else if (typeof choice === 'string' && choice !== '' && String(Number(choice)) === choice) register(Number(choice), i);
    });
  }

  /** The indexes of the choices the answer picked, ascending; do not modify the list returned. */
  indexes(value: AnswerValue): readonly number[] {
    if (value === null) return ChoiceIndex.NONE;
    if (this.exotic) return chosenIndexes(this.choices, value);
    if (!Array.isArray(value)) return isPlain(value) ? (this.byValue.get(value) ?? ChoiceIndex.NONE) : chosenIndexes(this.choices, value);
    if (!value.every(isPlain)) return chosenIndexes(this.choices, value);
    const found: number[] = [];
    for (const v of value) for (const i of this.byValue.get(v) ?? ChoiceIndex.NONE) if (!found.includes(i)) found.push(i);
    return found.sort((a, b) => a - b);
  }
}

/** A respondent's answer; undefined when the question was not asked (hidden) or not answered. */
export function answerOf(report: Report, question: Question): AnswerValue | undefined {
  const section = question.profile ? report.profile : report.answers;
  return Object.hasOwn(section, question.id) ? section[question.id] : undefined;
}

/** A score as a report gives it: rounded, with its level's id; null when there is none. */
export interface RespondentScore {
  readonly score: number | null;
  readonly level: string | null;
}

/**
 * What a group reads of one respondent, however many groups it is added to: the name, the scores
 * as their report gives them, and the answers in bank order (undefined where the question was not
 * asked or not answered). Read from a report (readRespondent), or straight from a clean answer
 * record (quickRespondent, ./respondent.ts) without building one.
 */
export interface Respondent {
  /** The report's `respondent`. */
  readonly name: string | null;
  readonly overall: RespondentScore;
  /** The report's `scores.dimensions`: for a report built with the bank, its dimensions in bank order. */
  readonly dimensions: ReadonlyArray<RespondentScore & { readonly id: string }>;
  readonly answers: ReadonlyArray<AnswerValue | undefined>;
}

export function readRespondent(bank: Bank, report: Report): Respondent {
  return { name: report.respondent, overall: report.scores.overall, dimensions: report.scores.dimensions, answers: bank.questions.map((q) => answerOf(report, q)) };
}

class DimensionTally {
  readonly histogram = new ScoreHistogram();
  private readonly levels: Map<string, number>;

  constructor(
    readonly id: string,
    levelIds: readonly string[],
  ) {
    this.levels = new Map(levelIds.map((level) => [level, 0]));
  }

  add(score: number | null, level: string | null): void {
    if (score === null) return;
    this.histogram.add(score);
    const seen = level === null ? undefined : this.levels.get(level);
    if (level !== null && seen !== undefined) this.levels.set(level, seen + 1);
  }

  stats(): DimensionStats {
    return { id: this.id, ...this.histogram.summary(), levels: Object.fromEntries(this.levels) };
  }
}

class QuestionTally {
  private readonly choices: ChoiceIndex | null;
  private readonly counts: Uint32Array;
  private readonly agree: number[];
  private answered = 0;
  private skipped = 0;
  private notApplicable = 0;
  private agreeing = 0;
  private readonly numbers = { count: 0, sum: 0, min: Infinity, max: -Infinity };

  constructor(private readonly question: Question) {
    const choices = question.type === 'text' ? null : choicesOf(question);
    this.choices = choices === null ? null : new ChoiceIndex(choices);
    this.counts = new Uint32Array(choices?.length ?? 0);
    this.agree = question.type === 'likert' ? agreeValues(question.options.map((o) => o.value)) : [];
  }

  add(value: AnswerValue | undefined): void {
    if (value === undefined) return;
    if (value === null) {
      this.skipped += 1;
      return;
    }
    // Distribution and agreeShare are over real answers only.
    if (isNotApplicable(this.question, value)) {
      this.notApplicable += 1;
      return;
    }
    this.answered += 1;
    if (this.choices !== null) {
      for (const i of this.choices.indexes(value)) this.counts[i] = (this.counts[i] ?? 0) + 1;
    }
    if (typeof value === 'number' && this.agree.includes(value)) this.agreeing += 1;
    if (this.question.type === 'number' && typeof value === 'number') {
      const n = this.numbers;
      n.count += 1;
      n.sum += value;
      n.min = Math.min(n.min, value);
      n.max = Math.max(n.max, value);
    }
  }

  stats(): QuestionStats {
    const { question, answered } = this;
    const stats: QuestionStats = { id: question.id, type: question.type, answered, skipped: this.skipped };
    if (offersNotApplicable(question)) stats.notApplicable = this.notApplicable;
    if (question.type === 'text') return stats;
    const choices = this.choices?.choices ?? null;
    if (choices !== null) stats.distribution = Object.fromEntries(choices.map((c, i) => [String(c), this.counts[i] ?? 0]));
    // One division of exact integers, so that round2 sees the nearest double to the true share.
    if (question.type === 'likert') stats.agreeShare = answered === 0 ? null : round2((this.agreeing * 100) / answered);
    if (question.benchmark?.agreeShare !== undefined) stats.reference = question.benchmark.agreeShare;
    if (question.type === 'number') {
      const { count, sum, min, max } = this.numbers;
      stats.mean = count === 0 ? null : round2(sum / count);
      stats.min = count === 0 ? null : round2(min);
      stats.max = count === 0 ? null : round2(max);
    }
    return stats;
  }
}

/** What is kept of one group of respondents (everyone, or one segment): counts, never the reports. */
export interface GroupStats {
  readonly count: number;
  add(respondent: Respondent): void;
  stats(): { overall: DimensionStats; dimensions: DimensionStats[]; questions: QuestionStats[] };
}

export function createGroupStats(bank: Bank): GroupStats {
  const levelIds = bank.levels.map((l) => l.id);
  const overall = new DimensionTally('overall', levelIds);
  const dimensions = new Map(bank.dimensions.map((d) => [d.id, new DimensionTally(d.id, levelIds)]));
  const questions = bank.questions.map((q) => new QuestionTally(q));
  let count = 0;
  return {
    get count() {
      return count;
    },
    add(respondent) {
      count += 1;
      const { answers } = respondent;
      overall.add(respondent.overall.score, respondent.overall.level);
      for (const d of respondent.dimensions) dimensions.get(d.id)?.add(d.score, d.level);
      for (let i = 0; i < questions.length; i++) questions[i]?.add(answers[i]);
    },
    stats() {
      return {
        overall: overall.stats(),
        dimensions: [...dimensions.values()].map((d) => d.stats()),
        questions: questions.map((tally) => tally.stats()),
      };
    },
  };
}
