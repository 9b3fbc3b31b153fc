import type { ChalkInstance } from 'chalk';
import { round2 } from '../../core/levels.js';
import { sanitizeText } from '../../core/sanitize.js';

/**
 * Removes control characters, escape sequences and bidi overrides from text that came from a bank,
 * an answer file or a file name, so that it cannot move the cursor, change colours, write the
 * clipboard or retitle the terminal. The one implementation is core's `sanitizeText`.
 */
export const safeText = sanitizeText;

/** Wraps text to a width, indenting every line; words longer than the width are left whole. */
export function wrap(text: string, width: number, indent = ''): string {
  const room = Math.max(20, width - indent.length);
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

/** A horizontal bar of `width` cells for a 0..100 score. */
export function bar(score: number | null, width: number): string {
  if (score === null) return '·'.repeat(width);
  const filled = Math.round((Math.min(100, Math.max(0, score)) / 100) * width);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
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

/** Colour of a level by its rank among the bank's levels: low is red, high is green. */
export function levelColour(chalk: ChalkInstance, rank: number, count: number): ChalkInstance {
  if (rank < 0) return chalk.dim;
  const position = count <= 1 ? 1 : rank / (count - 1);
  if (position < 0.34) return chalk.red;
  if (position < 0.67) return chalk.yellow;
  return chalk.green;
}
