/**
 * Bounds on what a bank or an answer file may hold, so that a hostile or broken input gets a
 * clear refusal instead of eating memory or time. Generous for any real questionnaire.
 */
export const LIMITS = {
  /** Questions in a bank, profile included. */
  questions: 2000,
  /** Characters in one text of a bank (a question, a recommendation…) or one text answer. */
  textLength: 20_000,
  /** Options of one question or scale. */
  options: 500,
} as const;
