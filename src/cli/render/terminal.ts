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

/**
 * Wraps text to a width (see fitWidth), indenting every line; words longer than the width are left
 * whole. Words are runs of characters other than spaces, tabs and carriage returns, joined on a line
 * by one space. A line is a slice of the text while its words are one space apart, found with
 * indexOf (native code): a report wraps a few dozen paragraphs at every start, and splitting them
 * into words and joining them again was a sixth of what `diag score` allocates.
 */
export function wrap(text: string, width: number, indent = ''): string {
  const room = Math.max(20, fitWidth(width) - indent.length);
  // French puts a space before : ; ? ! and inside « »; those must not start or end a line.
  const glued = safeText(text).replace(/ ([:;?!»])/g, '\u00a0$1').replace(/« /g, '«\u00a0');
  // Tabs and carriage returns also separate words: made spaces first (rare in bank text).
  const spaced = /[\t\r]/.test(glued) ? glued.replace(/[\t\r]/g, ' ') : glued;
  let out = '';
  // The next space at or after the word being read: found once, so that a text of many short
  // paragraphs (a hostile name of a hundred thousand line feeds) is read in one pass, not one per line.
  let space = -1;
  for (let start = 0; start <= spaced.length; ) {
    let stop = spaced.indexOf('\n', start);
    if (stop < 0) stop = spaced.length;
    let line = '';
    // [lineStart, lineEnd) is the line so far when `line` is '' (its words one space apart).
    let lineStart = -1;
    let lineEnd = -1;
    for (let i = start; i < stop; ) {
      if (space < i) {
        space = spaced.indexOf(' ', i);
        if (space < 0) space = spaced.length;
      }
      const wordEnd = Math.min(space, stop);
      if (wordEnd === i) {
        i++;
        continue;
      }
      const length = lineStart < 0 ? -1 : line === '' ? lineEnd - lineStart : line.length;
      if (length >= 0 && length + 1 + (wordEnd - i) > room) {
        out += `${indent}${line === '' ? spaced.slice(lineStart, lineEnd) : line}`.trimEnd() + '\n';
        line = '';
        lineStart = i;
      } else if (lineStart < 0) lineStart = i;
      else if (line === '' && i !== lineEnd + 1) line = `${spaced.slice(lineStart, lineEnd)} ${spaced.slice(i, wordEnd)}`;
      else if (line !== '') line = `${line} ${spaced.slice(i, wordEnd)}`;
      lineEnd = wordEnd;
      i = wordEnd + 1;
    }
    const last = lineStart < 0 ? '' : line === '' ? spaced.slice(lineStart, lineEnd) : line;
    out += `${indent}${last}`.trimEnd() + (stop >= spaced.length ? '' : '\n');
    start = stop + 1;
  }
  return out;
}

/** A horizontal bar of `width` cells for a 0..100 score; `#` and `.` with `ascii`. */
export function bar(score: number | null, width: number, ascii = false): string {
  if (score === null) return (ascii ? ' ' : '·').repeat(width);
  const filled = Math.round((Math.min(100, Math.max(0, score)) / 100) * width);
  return (ascii ? '#' : '█').repeat(filled) + (ascii ? '.' : '░').repeat(width - filled);
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

const SURROGATE = /[\ud800-\udfff]/;

/** Code points in a string (what `[...text].length` gives), without making the array. */
export function codePoints(text: string): number {
  if (!SURROGATE.test(text)) return text.length;
  let count = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A high surrogate followed by a low one is one character.
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count--;
        i++;
      }
    }
  }
  return count;
}

/** Columns a string takes on screen, colour codes aside. */
export function visibleWidth(text: string): number {
  return codePoints(text.includes('\u001b') ? text.replace(ANSI, '') : text);
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
