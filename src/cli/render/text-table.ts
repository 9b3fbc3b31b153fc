import { codePoints, visibleWidth } from './terminal.js';

export interface TableColumn {
  head: string;
  align?: 'left' | 'right';
  /** Never narrower than its longest cell (bars, numbers); only its heading wraps. */
  fixed?: boolean;
}

/** A cell's text, and how to colour each of its lines once wrapped. */
export interface TableCell {
  text: string;
  paint?: (line: string) => string;
}

const BOX = { tl: '┌', tm: '┬', tr: '┐', ml: '├', mm: '┼', mr: '┤', bl: '└', bm: '┴', br: '┘', h: '─', v: '│' };
const ASCII = { tl: '+', tm: '+', tr: '+', ml: '+', mm: '+', mr: '+', bl: '+', bm: '+', br: '+', h: '-', v: '|' };

/** Words to lines of at most `width` characters; a longer word is cut. */
export function wrapCell(text: string, width: number): string[] {
  // Most cells fit as they are: one line, its words one space apart.
  if (!text.includes('\n') && !text.includes('  ') && !text.startsWith(' ') && !text.endsWith(' ') && codePoints(text) <= width) return [text];
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (let word of paragraph.split(' ')) {
      if (word === '') continue;
      if (codePoints(word) > width) {
        // Cut into pieces of `width` characters, the last one kept to go on with (one pass: a
        // title of a megabyte without a space must not be spread again for each piece).
        if (line !== '') lines.push(line);
        line = '';
        const chars = [...word];
        let at = 0;
        for (; chars.length - at > width; at += width) lines.push(chars.slice(at, at + width).join(''));
        word = chars.slice(at).join('');
      }
      if (line === '') line = word;
      else if (codePoints(line) + 1 + codePoints(word) <= width) line = `${line} ${word}`;
      else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
  }
  return lines;
}

/**
 * The longest word of a cell as wrapCell breaks it (at spaces and line breaks), in code points:
 * the least width at which no word of it is cut.
 */
export function longestWord(text: string): number {
  let most = 0;
  for (let start = 0; start < text.length; ) {
    let space = text.indexOf(' ', start);
    if (space < 0) space = text.length;
    let line = text.indexOf('\n', start);
    if (line < 0) line = text.length;
    const stop = Math.min(space, line);
    if (stop > start) most = Math.max(most, codePoints(start === 0 && stop === text.length ? text : text.slice(start, stop)));
    start = stop + 1;
  }
  return most;
}

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const room = Math.max(0, width - visibleWidth(text));
  return align === 'right' ? `${' '.repeat(room)}${text}` : `${text}${' '.repeat(room)}`;
}

/**
 * Narrows column widths (in place) until they fit in `room`, one character at a time from the
 * widest column that is still wider than its least width.
 */
export function fitColumns(widths: number[], least: readonly number[], room: number): number[] {
  for (let total = widths.reduce((a, b) => a + b, 0); total > room; total--) {
    let widest = -1;
    widths.forEach((w, i) => {
      if (w > (least[i] ?? 1) && (widest < 0 || w > (widths[widest] ?? 0))) widest = i;
    });
    if (widest < 0) break;
    widths[widest] = (widths[widest] ?? 1) - 1;
  }
  return widths;
}

/**
 * A table that fits `width` columns: the widest flexible columns are narrowed and their cells
 * wrapped. With `ascii`, borders are + - | only (screen readers, TERM=dumb).
 */
export function renderTable(columns: readonly TableColumn[], rows: ReadonlyArray<ReadonlyArray<string | TableCell>>, options: { width: number; ascii?: boolean; head?: (s: string) => string; border?: (s: string) => string }): string {
  const g = options.ascii ? ASCII : BOX;
  const border = options.border ?? ((s: string) => s);
  const cells = rows.map((row) => columns.map((_, i) => {
    const cell = row[i] ?? '';
    return typeof cell === 'string' ? { text: cell } : cell;
  }));
  const longest = (text: string) => {
    let most = 0;
    for (let start = 0; start <= text.length; ) {
      let stop = text.indexOf('\n', start);
      if (stop < 0) stop = text.length;
      most = Math.max(most, codePoints(start === 0 && stop === text.length ? text : text.slice(start, stop)));
      start = stop + 1;
    }
    return most;
  };
  const longestCell = (i: number) => {
    let most = 0;
    for (const r of cells) most = Math.max(most, longest(r[i]?.text ?? ''));
    return most;
  };
  const widths = columns.map((c, i) => Math.max(1, longest(c.head), longestCell(i)));
  const least = columns.map((c, i) => (c.fixed ? Math.max(1, longestCell(i)) : Math.min(6, widths[i] ?? 1)));
  fitColumns(widths, least, options.width - (3 * columns.length + 1));
  // Built as one string, line by line: a report's table is drawn at every start.
  const bar = border(g.v);
  const between = ` ${bar} `;
  const line = (l: string, m: string, r: string) => {
    let drawn = l;
    widths.forEach((w, i) => {
      drawn += `${i === 0 ? '' : m}${g.h.repeat(w + 2)}`;
    });
    return border(`${drawn}${r}`);
  };
  let out = `${line(g.tl, g.tm, g.tr)}\n`;
  const renderRow = (values: ReadonlyArray<TableCell>, paintHead?: (s: string) => string) => {
    const wrapped: string[][] = [];
    let height = 1;
    values.forEach((cell, i) => {
      const lines = wrapCell(cell.text, widths[i] ?? 1);
      wrapped.push(lines);
      height = Math.max(height, lines.length);
    });
    for (let k = 0; k < height; k++) {
      let row = `${bar} `;
      values.forEach((cell, i) => {
        const text = wrapped[i]?.[k] ?? '';
        const paint = paintHead ?? cell.paint;
        row += `${i === 0 ? '' : between}${pad(text === '' || paint === undefined ? text : paint(text), widths[i] ?? 1, columns[i]?.align ?? 'left')}`;
      });
      out += `${row} ${bar}\n`;
    }
  };
  renderRow(columns.map((c) => ({ text: c.head })), options.head);
  out += `${line(g.ml, g.mm, g.mr)}\n`;
  for (const row of cells) renderRow(row);
  return `${out}${line(g.bl, g.bm, g.br)}`;
}
