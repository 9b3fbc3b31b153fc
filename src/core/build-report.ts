import { isAgreement } from './agree.js';
import { round2 } from './levels.js';
import { recommend } from './recommend.js';
import { scoreAnswers } from './score.js';
import { translator } from './text.js';
import type { AnswerFile, AnswerValue, Bank } from './types.js';

export const REPORT_SCHEMA_VERSION = 1;

export interface ReportDimension {
  id: string;
  title: string;
  weight: number;
  score: number | null;
  level: string | null;
  levelLabel: string | null;
  answered: number;
  questions: number;
  /** Asked questions of the dimension answered "does not apply" (SPEC section 9). */
  notApplicable: number;
  /** With norms (SPEC section 13): points of the reference group at or below this score, 0–99. */
  percentile?: number;
}

export interface ReportRecommendation {
  id: string;
  priority: number;
  dimension: string | null;
  title: string;
  text: string;
  link?: string;
}

/** A reference figure of the bank, beside this respondent's own answer. */
export interface ReportBenchmark {
  question: string;
  dimension: string | null;
  text: string;
  agreeShare: number | null;
  source: string | null;
  /** How to read the figure (how close the reference question is, who answered, known variations). */
  note?: string;
  /** Whether a lower or a higher share is the better outcome; absent when the bank does not say. */
  better?: 'lower' | 'higher';
  answer: AnswerValue;
  /** Whether the respondent is among those who agree; null when not answered or not applicable. */
  agrees: boolean | null;
}

/** The JSON report of SPEC section 6. Field names are a public contract. */
export interface Report {
  schemaVersion: number;
  tool: { name: string; version: string };
  bank: { id: string; version: string; title: string };
  lang: string;
  createdAt: string;
  respondent: string | null;
  /** The answer file it was scored from (`line` for an NDJSON record; `-` is standard input). */
  source?: ReportSource;
  profile: Record<string, AnswerValue>;
  answers: Record<string, AnswerValue>;
  scores: {
    overall: { score: number | null; level: string | null; levelLabel: string | null; percentile?: number };
    dimensions: ReportDimension[];
  };
  recommendations: ReportRecommendation[];
  benchmarks: ReportBenchmark[];
  /** With norms (SPEC section 13): the reference group the percentiles compare with. */
  norms?: { bankVersion: string; createdAt: string; n: number };
  /** The bank's levels, so that a report can be rendered without its bank. */
  levels: Array<{ id: string; min: number; label: string }>;
}

/** Where a report's answers came from, as the path was given on the command line. */
export interface ReportSource {
  path: string;
  line?: number;
}

export interface ReportContext {
  lang: string;
  /** The answer file scored, recorded in the report. */
  source?: ReportSource;
  createdAt: string;
  tool: { name: string; version: string };
  /**
   * Scores only: no recommendations and no reference figures. What a group aggregate reads of a
   * report, at a fraction of the cost over a hundred thousand records.
   */
  scoresOnly?: boolean;
}

/** The texts of a bank a report repeats, in one language: worded once per bank and language, not once per report. */
interface Worded {
  title: string;
  levelLabels: ReadonlyMap<string, string>;
  dimensionTitles: readonly string[];
  levels: ReadonlyArray<{ id: string; min: number; label: string }>;
}
const wordedTexts = new WeakMap<Bank, Map<string, Worded>>();
function worded(bank: Bank, lang: string): Worded {
  let byLang = wordedTexts.get(bank);
  if (byLang === undefined) {
    byLang = new Map();
    wordedTexts.set(bank, byLang);
  }
  let texts = byLang.get(lang);
  if (texts === undefined) {
    const t = translator(lang, bank.languages[0] ?? lang);
    const levelLabels = new Map<string, string>();
    // The first level of an id, as find() would give.
    for (const level of bank.levels) if (!levelLabels.has(level.id)) levelLabels.set(level.id, t(level.label));
    texts = { title: t(bank.title), levelLabels, dimensionTitles: bank.dimensions.map((d) => t(d.title)), levels: bank.levels.map((l) => ({ id: l.id, min: l.min, label: t(l.label) })) };
    byLang.set(lang, texts);
  }
  return texts;
}

/** bank + validated answers -> report. Pure: the date and tool version come in as data. */
export function buildReport(bank: Bank, file: AnswerFile, context: ReportContext): Report {
  const t = translator(context.lang, bank.languages[0] ?? context.lang);
  const texts = worded(bank, context.lang);
  const result = scoreAnswers(bank, file.answers);
  const profile: Record<string, AnswerValue> = {};
  const answers: Record<string, AnswerValue> = {};
  for (const question of bank.questions) {
    if (!Object.hasOwn(result.answers, question.id)) continue;
    const value = result.answers[question.id] ?? null;
    if (question.profile) profile[question.id] = value;
    else answers[question.id] = value;
  }
  const levelLabel = (id: string | undefined) => (id === undefined ? null : (texts.levelLabels.get(id) ?? ''));
  const hidden = new Set(result.hidden);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: context.tool,
    bank: { id: bank.id, version: bank.version, title: texts.title },
    lang: context.lang,
    createdAt: context.createdAt,
    respondent: file.respondent ?? null,
    ...(context.source === undefined ? {} : { source: context.source }),
    profile,
    answers,
    scores: {
      overall: {
        score: result.overall.score === null ? null : round2(result.overall.score),
        level: result.overall.level?.id ?? null,
        levelLabel: levelLabel(result.overall.level?.id),
      },
      dimensions: result.dimensions.map((d, i) => ({
        id: d.id,
        title: texts.dimensionTitles[i] ?? '',
        weight: bank.dimensions[i]?.weight ?? 1,
        score: d.score === null ? null : round2(d.score),
        level: d.level?.id ?? null,
        levelLabel: levelLabel(d.level?.id),
        answered: d.answered,
        questions: d.questions,
        notApplicable: d.notApplicable,
      })),
    },
    recommendations: (context.scoresOnly ? [] : recommend(bank, result)).map((r) => ({
      id: r.id,
      priority: r.priority,
      dimension: r.dimension ?? null,
      title: t(r.title),
      text: t(r.text),
      ...(r.link === undefined ? {} : { link: r.link }),
    })),
    benchmarks: (context.scoresOnly ? [] : bank.questions)
      .filter((q) => q.benchmark !== undefined && !hidden.has(q.id))
      .map((q) => {
        // hasOwn: a question id such as `constructor` must not read Object.prototype.
        const answer = Object.hasOwn(result.answers, q.id) ? (result.answers[q.id] ?? null) : null;
        return {
          question: q.id,
          dimension: q.dimension ?? null,
          text: t(q.text),
          agreeShare: q.benchmark?.agreeShare ?? null,
          source: q.benchmark?.source === undefined ? null : t(q.benchmark.source),
          ...(q.benchmark?.note === undefined ? {} : { note: t(q.benchmark.note) }),
          ...(q.benchmark?.better === undefined ? {} : { better: q.benchmark.better }),
          answer,
          agrees: isAgreement(q, answer),
        };
      }),
    // Copies: a report is the caller's to change.
    levels: texts.levels.map((l) => ({ id: l.id, min: l.min, label: l.label })),
  };
}
