export const LINT_FORMATS = ['text', 'json', 'markdown'] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];

/** `diag rescore` formats (here so that main.ts does not load the renderer). */
export const RESCORE_FORMATS = ['text', 'json', 'markdown'] as const;
