import type { Bank } from '../../core/index.js';

export interface RenderOptions {
  color: boolean;
  /** Columns to fit (terminal width, floor 40); renderers that wrap or draw tables use it. */
  width?: number;
  /** No box drawing or block characters: for screen readers, TERM=dumb and old terminals. */
  ascii?: boolean;
  /** Show only the first N recommendations (the rest stay in the report). */
  maxRecommendations?: number;
  /** Says where the recommendations not shown are (default: "in the report"). */
  moreRecommendations?: (n: number) => string;
  /** CSV field separator (`;` for French spreadsheets, which then also get decimal commas). */
  csvDelimiter?: string;
  /** The bank, when known: lets renderers show question texts and answer labels. */
  bank?: Bank;
  /** Markdown: one summary table instead of every report (see SUMMARY_ABOVE). */
  summary?: boolean;
  /** JSON: always an array, even for one input file. */
  jsonArray?: boolean;
  /** The input could hold several records (a folder, NDJSON, several files): JSON is then an array. */
  many?: boolean;
}

/** A whole document rendered at once: `(doc, options) => string`. */
export type Renderer<Doc> = (doc: Doc, options: RenderOptions) => string;

/**
 * A document rendered as its items arrive (reports of `score`): each call returns the text to
 * append, so that memory does not grow with the number of items.
 */
export interface ItemStream<Item> {
  item(item: Item): string;
  end(): string;
}

export type StreamRenderer<Item> = (options: RenderOptions) => ItemStream<Item>;

/** A renderer table loads its renderers on demand, so that start-up pays only for the one used. */
export type Lazy<T> = () => Promise<T>;
