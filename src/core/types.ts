/**
 * The data model of diag: a validated bank, answers, and the report built from them.
 * Everything here is plain data, safe to write as literals in tests.
 */

/** A translatable string: one plain string, or a map language -> string. */
export type Text = string | Readonly<Record<string, string>>;

export type QuestionType = 'likert' | 'single' | 'multiple' | 'boolean' | 'number' | 'text';

/** A scalar a question can take as option value or answer. */
export type Scalar = string | number | boolean;

/** One answer: a scalar, a list (multiple), or null (skipped). */
export type AnswerValue = Scalar | Scalar[] | null;

/** The answer value meaning "does not apply" (SPEC section 9). */
export const NOT_APPLICABLE = 'n/a';

export type Answers = Readonly<Record<string, AnswerValue>>;

/** The structured condition language of SPEC section 3. Never evaluated as code. */
export type Condition =
  | QuestionTest
  | ScoreTest
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export interface QuestionTest {
  question: string;
  equals?: Scalar | Scalar[];
  in?: Scalar[];
  notIn?: Scalar[];
  atLeast?: number;
  atMost?: number;
  includes?: Scalar;
  answered?: boolean;
  /** SPEC section 9: true exactly when the answer is (or, with false, is not) `n/a`. */
  notApplicable?: boolean;
}

export interface ScoreTest {
  /** A dimension id, or `overall`. */
  score: string;
  below?: number;
  atLeast?: number;
}

export interface ScaleOption {
  value: number;
  label: Text;
}

export interface Scale {
  id: string;
  options: ScaleOption[];
}

export interface ChoiceOption {
  value: string | number;
  label: Text;
  /** 0..100; required when the question is scored. */
  score?: number;
}

export interface Dimension {
  id: string;
  title: Text;
  description?: Text;
  weight: number;
}

export interface Level {
  id: string;
  min: number;
  label: Text;
  description?: Text;
}

export interface Benchmark {
  /** Percentage (0..100) of a reference population choosing one of the top answers. */
  agreeShare?: number;
  source?: Text;
  /** How to read the figure: how close the reference question is, who answered, known variations. */
  note?: Text;
  /** Whether a lower or a higher share is the better outcome (68 % suffer from interruptions: lower). */
  better?: 'lower' | 'higher';
}

interface QuestionBase {
  id: string;
  text: Text;
  help?: Text;
  /** Set on scored questions; absent on unscored ones. */
  dimension?: string;
  weight: number;
  required: boolean;
  when?: Condition;
  benchmark?: Benchmark;
  /** True for questions of the bank's `profile` section: never scored. */
  profile: boolean;
  /**
   * SPEC section 9: the question offers a "does not apply" answer (`n/a`), not scored but
   * counted as an answer. A Text to show, or true for the tool's default wording.
   */
  notApplicable?: Text | true;
}

export interface LikertQuestion extends QuestionBase {
  type: 'likert';
  /** The scale id when the question used one. */
  scale?: string;
  /** Resolved options (from the scale or inline), in bank order. */
  options: ScaleOption[];
  reverse: boolean;
}

export interface ChoiceQuestion extends QuestionBase {
  type: 'single' | 'multiple';
  options: ChoiceOption[];
}

export interface BooleanQuestion extends QuestionBase {
  type: 'boolean';
  reverse: boolean;
}

export interface NumberQuestion extends QuestionBase {
  type: 'number';
  min?: number;
  max?: number;
  reverse: boolean;
}

export interface TextQuestion extends QuestionBase {
  type: 'text';
}

export type Question = LikertQuestion | ChoiceQuestion | BooleanQuestion | NumberQuestion | TextQuestion;

export interface Recommendation {
  id: string;
  when?: Condition;
  dimension?: string;
  priority: number;
  title: Text;
  text: Text;
  /** Optional link to read more (extension to SPEC v1). */
  link?: string;
}

/** A bank after validation: defaults applied, scales resolved, every reference checked. */
export interface Bank {
  id: string;
  version: string;
  languages: string[];
  title: Text;
  description?: Text;
  scales: Scale[];
  dimensions: Dimension[];
  levels: Level[];
  /** Profile questions first, then scored questions, in file order. */
  questions: Question[];
  recommendations: Recommendation[];
  /** A norms file shipped beside the bank (relative path), used by default (SPEC section 13). */
  norms?: string;
}

/** An answer file (SPEC section 5) after validation against a bank. */
export interface AnswerFile {
  bank?: string;
  respondent?: string;
  lang?: string;
  createdAt?: string;
  /** Only answers to visible questions; skipped ones are null. */
  answers: Answers;
}
