export const COMPARE_FORMATS = ['text', 'json', 'markdown'] as const;
export type CompareFormat = (typeof COMPARE_FORMATS)[number];
