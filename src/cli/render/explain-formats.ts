export const EXPLAIN_FORMATS = ['text', 'json', 'markdown'] as const;
export type ExplainFormat = (typeof EXPLAIN_FORMATS)[number];
