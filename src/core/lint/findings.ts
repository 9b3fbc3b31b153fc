import type { Path } from '../problems.js';
import type { AnswerValue } from '../types.js';

/**
 * What `diag lint` can find, as stable codes. Each finding names the bank element (`id`) and its
 * place in the bank file (`path`, which the CLI turns into file:line:col); wording is the CLI's.
 */
export const LINT_CODES = [
  'recommendation-never-fires',
  'recommendation-always-fires',
  'recommendations-fire-together',
  'level-unreachable',
  'dimension-few-questions',
  'condition-always-true',
  'condition-always-false',
  'items-keyed-one-way',
  'duplicate-text',
  'missing-translation',
] as const;

export type LintCode = (typeof LINT_CODES)[number];

export interface Finding {
  code: LintCode;
  /** The recommendation, level, dimension or question concerned. */
  id: string;
  path: Path;
  /** Plain English, with the figures; renderers may word it again from `code` and `data`. */
  message: string;
  data?: Record<string, string | number | string[]>;
}

/** Information, not a finding: how long one profile path takes to answer. */
export interface PathTime {
  /** The profile answers that make this path (empty when the bank has a single path). */
  profile: Array<[string, AnswerValue]>;
  questions: { min: number; max: number };
  words: { min: number; max: number };
  seconds: { min: number; max: number };
}

export interface LintResult {
  bank: { id: string; version: string };
  seed: number;
  /** Simulated respondents the dynamic checks are based on. */
  simulated: number;
  paths: number;
  /** More profile paths than were simulated: the dynamic findings are then less certain. */
  truncated: boolean;
  findings: Finding[];
  times: PathTime[];
  /** The reading pace and answer time the estimates use. */
  timing: { wordsPerMinute: number; secondsPerAnswer: number; lang: string };
}
