import type { Report } from '../../core/index.js';

export interface RenderOptions {
  color: boolean;
  /** Terminal columns; renderers that wrap use it. */
  width?: number;
  /** Show only the first N recommendations (the rest stay in the report). */
  maxRecommendations?: number;
}

/** Renders one or several reports; `many` says whether the input could hold several. */
export type ReportRenderer = (reports: readonly Report[], many: boolean, options: RenderOptions) => string;
