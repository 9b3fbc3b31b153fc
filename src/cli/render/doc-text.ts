import type { ChalkInstance } from 'chalk';
import { painter } from './paint.js';
import { TONES } from './colours.js';
import { isBar, spanOf, type Block, type Cell, type Doc, type Emphasis, type Inline } from './doc.js';
import { longestWord, renderTable } from './text-table.js';
import { bar, codePoints, fitWidth, safeText, wrap } from './terminal.js';
import type { RenderOptions } from './types.js';

function paint(chalk: ChalkInstance, emphasis: Emphasis | undefined): (s: string) => string {
  switch (emphasis) {
    case undefined:
      return (s) => s;
    case 'dim':
      return chalk.dim;
    case 'warn':
      return chalk.yellow;
    case 'up':
      return chalk.green;
    case 'down':
      return chalk.red;
    case 'none':
      return chalk.dim;
    default:
      return chalk[TONES[emphasis].ansi];
  }
}

/** A document for a terminal or a .txt file: tables fit the width, colours only when asked. */
export function docToText(doc: Doc, options: RenderOptions): string {
  const chalk = painter(options.color ? 1 : 0);
  const width = fitWidth(options.width);
  const ascii = options.ascii === true;
  const inline = (i: Inline) => {
    const span = spanOf(i);
    const text = safeText(span.text);
    const painted = paint(chalk, span.emphasis)(text);
    return span.strong ? chalk.bold(painted) : painted;
  };
  const barWidth = width >= 100 ? 20 : width >= 80 ? 12 : 8;
  const cell = (c: Cell) => {
    if (isBar(c)) {
      const marker = c.marker === undefined || c.marker === null ? '' : ` ${ascii ? '|' : '▮'}${Math.round(c.marker)}`;
      return { text: `${bar(c.bar, barWidth, ascii)}${marker}`, paint: paint(chalk, c.tone ?? 'good') };
    }
    const span = spanOf(c);
    const style = paint(chalk, span.emphasis);
    return { text: safeText(span.text).replace(/\s+/g, ' '), paint: span.strong ? (s: string) => chalk.bold(style(s)) : style };
  };
  const block = (b: Block): string => {
    switch (b.kind) {
      case 'heading':
        return chalk.bold(wrap(b.text, width));
      case 'paragraph':
        return b.emphasis === undefined ? wrapStyled(b.content, width, inline) : paint(chalk, b.emphasis)(wrap(plainOf(b.content), width));
      case 'table': {
        const rows = b.rows.map((r) => r.map(cell));
        // Bars and numbers keep their width; a right-aligned column of words ("68 % (less is
        // better)") may wrap like any text.
        const columns = b.columns.map((c, i) => ({ head: c.head, align: c.align ?? 'left', fixed: c.bar === true || (c.align === 'right' && rows.every((r) => !/\s\S+\s/.test(r[i]?.text ?? ''))) }));
        // Where the table cannot fit the width with its bars without cutting a word in two, the
        // bars go first: the numbers beside them say the same.
        const needs = columns.reduce((sum, c, i) => sum + 3 + Math.max(longestWord(c.head), ...rows.map((r) => (c.fixed ? codePoints(r[i]?.text ?? '') : longestWord(r[i]?.text ?? '')))), 1);
        const keep = needs <= width ? columns.map(() => true) : b.columns.map((c) => c.bar !== true);
        return renderTable(
          columns.filter((_, i) => keep[i]),
          rows.map((r) => r.filter((_, i) => keep[i])),
          { width, ascii, ...(options.color ? { head: chalk.bold, border: chalk.grey } : {}) },
        );
      }
      case 'list':
        return b.items.map((item, i) => wrapStyled(item, width, inline, b.ordered ? `${String(i + 1).padStart(2)}. ` : '  • ')).join('\n');
    }
  };
  const out: string[] = [];
  doc.blocks.forEach((b, i) => {
    if (i > 0 && (b.kind === 'heading' || doc.blocks[i - 1]?.kind !== 'heading')) out.push('');
    out.push(block(b));
  });
  return out.join('\n');
}

const plainOf = (content: readonly Inline[]) => content.map((i) => safeText(spanOf(i).text)).join('');

/** Styled when it fits on one line; a longer text is wrapped on its plain form (styles would break mid-line). */
function wrapStyled(content: readonly Inline[], width: number, inline: (i: Inline) => string, prefix = ''): string {
  const plain = plainOf(content);
  if (prefix.length + [...plain].length <= width && !plain.includes('\n')) return `${prefix}${content.map(inline).join('')}`;
  return `${prefix}${wrap(plain, width - prefix.length).replace(/\n/g, `\n${' '.repeat(prefix.length)}`)}`;
}
