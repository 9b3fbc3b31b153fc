import type { Tone } from './colours.js';

/**
 * A document written once as blocks, then formatted for each target (doc-text, doc-markdown,
 * doc-html). Text in blocks is raw bank or answer text: each formatter escapes it for its target.
 */
export type Emphasis = Tone | 'dim' | 'warn' | 'up' | 'down';

export interface Span {
  text: string;
  strong?: boolean;
  emphasis?: Emphasis;
  /** Shown as a badge in HTML, coloured in the terminal. */
  badge?: boolean;
  /** Only http(s) links are kept; any other scheme is dropped by the formatters. */
  href?: string;
}

export type Inline = string | Span;

export interface BarCell {
  bar: number | null;
  tone?: Tone;
  /** A reference figure drawn on the bar (HTML), shown after it elsewhere. */
  marker?: number | null;
}

export type Cell = Inline | BarCell;

export interface Column {
  head: string;
  align?: 'left' | 'right';
  /** A column of bars: never narrowed. */
  bar?: boolean;
}

export type Block =
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'paragraph'; content: Inline[]; emphasis?: Emphasis }
  | { kind: 'table'; caption: string; columns: Column[]; rows: Cell[][] }
  | { kind: 'list'; ordered?: boolean; items: Inline[][] };

export interface Doc {
  lang: string;
  title: string;
  blocks: Block[];
}

export const isBar = (cell: Cell): cell is BarCell => typeof cell === 'object' && 'bar' in cell;
export const spanOf = (inline: Inline): Span => (typeof inline === 'string' ? { text: inline } : inline);
export const plainText = (content: readonly Inline[]): string => content.map((i) => spanOf(i).text).join('');
