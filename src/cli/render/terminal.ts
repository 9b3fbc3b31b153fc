import type { ChalkInstance } from 'chalk';
import { round2 } from '../../core/levels.js';
import { sanitizeText } from '../../core/sanitize.js';
import { levelTone, TONES } from './colours.js';

/**
 * Removes control characters, escape sequences and bidi overrides from text that came from a bank,
 * an answer file or a file name, so that it cannot move the cursor, change colours, write the
 * clipboard or retitle the terminal. The one implementation is core's `sanitizeText`.
 */
export const safeText = sanitizeText;

/** Wraps text to a width (see fitWidth), indenting every line; words longer than the width are left whole. */
export function wrap(text: string, width: number, indent = ''): string {
  const room = Math.max(20, fitWidth(width) - indent.length);
  const lines: string[] = [];
  // French puts a space before : ; ? ! and inside « »; those must not start or end a line.
  const glued = safeText(text).replace(/ ([:;?!»])/g, '\u00a0$1').replace(/« /g, '«\u00a0');
  for (const paragraph of glued.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/[ \t\r]+/).filter(Boolean)) {
      if (line !== '' && line.length + 1 + word.length > room) {
        lines.push(line);
        line = word;
      } else line = line === '' ? word : `${line} ${word}`;
    }
    lines.push(line);
  }
  return lines.map((l) => `${indent}${l}`.trimEnd()).join('\n');
}

/** A horizontal bar of `width` cells for a 0..100 score; `#` and `.` with `ascii`. */
export function bar(score: number | null, width: number, ascii = false): string {
  if (score === null) return (ascii ? ' ' : '·').repeat(width);
  const filled = Math.round((Math.min(100, Math.max(0, score)) / 100) * width);
  return (ascii ? '#' : '█').repeat(filled) + (ascii ? '.' : '░').repeat(width - filled);
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/** Columns a string takes on screen, colour codes aside. */
export function visibleWidth(text: string): number {
  return [...text.replace(ANSI, '')].length;
}

/** Narrower than this, tables and wrapped text are unreadable anyway. */
export const MIN_WIDTH = 40;
/** Text files, and terminals that say nothing about their size (`script`, some CI logs). */
export const DEFAULT_WIDTH = 80;

/** A width to lay text out in: 0 or unknown (a terminal under `script`) is 80; never below 40. */
export function fitWidth(columns: number | undefined): number {
  return columns === undefined || !Number.isFinite(columns) || columns <= 0 ? DEFAULT_WIDTH : Math.max(MIN_WIDTH, Math.floor(columns));
}

/** The columns to fit: the terminal's, else COLUMNS, else 80; never below 40 (columns 0 means unknown). */
export function terminalWidth(stream: { columns?: number; isTTY?: boolean } | undefined, env: NodeJS.ProcessEnv): number {
  const fromEnv = Number(env.COLUMNS);
  return fitWidth(stream?.isTTY === true && typeof stream.columns === 'number' && stream.columns > 0 ? stream.columns : Number.isInteger(fromEnv) ? fromEnv : undefined);
}

/** No box drawing: asked for with --ascii, or a terminal that cannot draw it (TERM=dumb). */
export function asciiOutput(option: boolean | undefined, env: NodeJS.ProcessEnv): boolean {
  return option === true || env.TERM === 'dumb';
}

/** Languages that write a decimal comma (57,5); the others write a point (57.5). */
const DECIMAL_COMMA = new Set(['fr', 'de', 'es', 'it', 'pt', 'nl', 'pl', 'sv', 'da', 'fi', 'nb', 'cs', 'ru', 'tr']);

/**
 * Scores as people write them in that language: 57.5 in English, 57,5 in French. Not through
 * Intl: its first use loads locale data, a quarter of the start-up of `diag score`.
 */
export function formatScore(score: number | null, lang: string, none = '—'): string {
  if (score === null) return none;
  const text = String(round2(score));
  return DECIMAL_COMMA.has(lang.slice(0, 2)) ? text.replace('.', ',') : text;
}

/** Colour of a level by its rank among the bank's levels: the same hue as in HTML (colours.ts). */
export function levelColour(chalk: ChalkInstance, rank: number, count: number): ChalkInstance {
  const tone = levelTone(rank, count);
  return tone === 'none' ? chalk.dim : chalk[TONES[tone].ansi];
}

/**
 * A file as a link a terminal can open: an OSC 8 hyperlink around its file:// URL on a terminal,
 * the plain path anywhere else (a log, a pipe).
 */
export function fileLink(url: string, path: string, isTTY: boolean): string {
  return isTTY ? `\u001b]8;;${url}\u001b\\${url}\u001b]8;;\u001b\\` : path;
}
