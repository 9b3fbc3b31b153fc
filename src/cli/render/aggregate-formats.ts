export const AGGREGATE_FORMATS = ['text', 'json', 'markdown', 'csv', 'html'] as const;
export type AggregateFormat = (typeof AGGREGATE_FORMATS)[number];
