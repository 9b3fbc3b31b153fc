export const LINT_FORMATS = ['text', 'json', 'markdown'] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];
