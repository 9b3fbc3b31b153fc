import type { Bank, Report } from '../../core/index.js';

export interface RenderOptions {
  color: boolean;
  /** Terminal columns; renderers that wrap use it. */
  width?: number;
  /** Show only the first N recommendations (the rest stay in the report). */
  maxRecommendations?: number;
  /** CSV field separator (`;` for French spreadsheets, which then also get decimal commas). */
  csvDelimiter?: string;
  /** The bank, when known: lets renderers show question texts and answer labels. */
  bank?: Bank;
}

/** Renders one or several reports; `many` says whether the input could hold several. */
export type ReportRenderer = (reports: readonly Report[], many: boolean, options: RenderOptions) => string;
