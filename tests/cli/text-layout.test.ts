import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { codePoints, fitWidth, safeText, visibleWidth, wrap } from '../../src/cli/render/terminal.js';
import { fitColumns, renderTable, wrapCell } from '../../src/cli/render/text-table.js';

/**
 * The terminal layout is written as scans of the text (few allocations at start-up). These are the
 * plain versions it replaced, kept as the reference of what it must give for any text.
 */
function wrapReference(text: string, width: number, indent = ''): string {
  const room = Math.max(20, fitWidth(width) - indent.length);
  const glued = safeText(text).replace(/ ([:;?!»])/g, '\u00a0$1').replace(/« /g, '«\u00a0');
  const lines: string[] = [];
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

function wrapCellReference(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (let word of paragraph.split(' ').filter((w) => w !== '')) {
      while ([...word].length > width) {
        if (line !== '') lines.push(line);
        line = '';
        const chars = [...word];
        lines.push(chars.slice(0, width).join(''));
        word = chars.slice(width).join('');
      }
      if (line === '') line = word;
      else if ([...line].length + 1 + [...word].length <= width) line = `${line} ${word}`;
      else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
  }
  return lines;
}

// eslint-disable-next-line no-control-regex
const visibleWidthReference = (text: string) => [...text.replace(/\u001b\[[0-9;]*m/g, '')].length;

/** The table as it was drawn before it was built as one string: arrays of lines, joined. */
function renderTableReference(columns: ReadonlyArray<{ head: string; align?: 'left' | 'right'; fixed?: boolean }>, rows: ReadonlyArray<ReadonlyArray<string | { text: string; paint?: (line: string) => string }>>, options: { width: number; ascii?: boolean; head?: (s: string) => string; border?: (s: string) => string }): string {
  const g = options.ascii
    ? { tl: '+', tm: '+', tr: '+', ml: '+', mm: '+', mr: '+', bl: '+', bm: '+', br: '+', h: '-', v: '|' }
    : { tl: '┌', tm: '┬', tr: '┐', ml: '├', mm: '┼', mr: '┤', bl: '└', bm: '┴', br: '┘', h: '─', v: '│' };
  const border = options.border ?? ((s: string) => s);
  const cells = rows.map((row) => columns.map((_, i) => {
    const cell = row[i] ?? '';
    return typeof cell === 'string' ? { text: cell } : cell;
  }));
  const longest = (text: string) => Math.max(0, ...text.split('\n').map((l) => [...l].length));
  const widths = columns.map((c, i) => Math.max(1, longest(c.head), ...cells.map((r) => longest(r[i]?.text ?? ''))));
  const least = columns.map((c, i) => (c.fixed ? Math.max(1, ...cells.map((r) => longest(r[i]?.text ?? ''))) : Math.min(6, widths[i] ?? 1)));
  // The widths: the same allocation (fitColumns), which the change to one string left as it was.
  fitColumns(widths, least, options.width - (3 * columns.length + 1));
  const pad = (text: string, width: number, align: 'left' | 'right') => {
    const fill = ' '.repeat(Math.max(0, width - visibleWidthReference(text)));
    return align === 'right' ? `${fill}${text}` : `${text}${fill}`;
  };
  const line = (l: string, m: string, r: string) => border(`${l}${widths.map((w) => g.h.repeat(w + 2)).join(m)}${r}`);
  const renderRow = (values: ReadonlyArray<{ text: string; paint?: (line: string) => string }>, paintHead?: (s: string) => string) => {
    const wrapped = values.map((cell, i) => wrapCellReference(cell.text, widths[i] ?? 1));
    const height = Math.max(1, ...wrapped.map((w) => w.length));
    const out: string[] = [];
    for (let k = 0; k < height; k++) {
      const parts = values.map((cell, i) => {
        const text = wrapped[i]?.[k] ?? '';
        const painted = text === '' ? text : (paintHead ?? cell.paint ?? ((s: string) => s))(text);
        return pad(painted, widths[i] ?? 1, columns[i]?.align ?? 'left');
      });
      out.push(`${border(g.v)} ${parts.join(` ${border(g.v)} `)} ${border(g.v)}`);
    }
    return out;
  };
  return [line(g.tl, g.tm, g.tr), ...renderRow(columns.map((c) => ({ text: c.head })), options.head), line(g.ml, g.mm, g.mr), ...cells.flatMap((r) => renderRow(r)), line(g.bl, g.bm, g.br)].join('\n');
}

/** Words, spaces of every kind, line feeds, French punctuation, accents and characters beyond the BMP. */
const texty = fc
  .array(fc.constantFrom('a', 'mot', 'très-long-mot-sans-espace-du-tout', ' ', '  ', '\t', '\r', '\n', '\n\n', ' :', ' ?', '« ', ' »', '\u00a0', 'é', '🙂', '\u001b[1m', '\u001b[0m', 'x'.repeat(45), '\ud800'), { maxLength: 60 })
  .map((parts) => parts.join(''));

/** UTF-16 units around the surrogates, paired or not. */
const surrogates = fc.array(fc.integer({ min: 0xd7f0, max: 0xe010 }), { maxLength: 12 }).map((units) => String.fromCharCode(...units));

describe('terminal layout (src/cli/render/terminal.ts, text-table.ts)', () => {
  it('wraps any text as the plain split-and-join version does', () => {
    fc.assert(
      fc.property(texty, fc.integer({ min: 0, max: 130 }), fc.constantFrom('', '  ', '    '), (text, width, indent) => {
        expect(wrap(text, width, indent)).toBe(wrapReference(text, width, indent));
      }),
      { numRuns: 3000 },
    );
  });

  it('wraps the usual cases', () => {
    expect(wrap('', 80)).toBe('');
    expect(wrap('a\n', 80, '  ')).toBe('  a\n');
    expect(wrap('Bonjour : voici « ceci »', 80)).toBe('Bonjour\u00a0: voici «\u00a0ceci\u00a0»');
    expect(wrap(`${'mot '.repeat(30)}fin`, 40, '  ').split('\n').every((line) => line.length <= 40)).toBe(true);
  });

  it('reads a text of many short lines in one pass (a hostile respondent name)', () => {
    // One scan per line would read the rest of the text again for each of them: about 14 s here, not 0.5 s.
    const text = `${'a\n'.repeat(1_000_000)}b c`;
    const wrapped = wrap(text, 80);
    expect(wrapped.length).toBe(text.length);
    expect(wrapped.endsWith('a\nb c')).toBe(true);
  });

  it('counts code points and visible columns as spreading the string does', () => {
    fc.assert(
      fc.property(fc.oneof(texty, fc.string({ unit: 'grapheme' }), surrogates), (text) => {
        expect(codePoints(text)).toBe([...text].length);
        expect(visibleWidth(text)).toBe(visibleWidthReference(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('wraps table cells as the plain split-and-join version does', () => {
    fc.assert(
      fc.property(texty, fc.integer({ min: 1, max: 40 }), (text, width) => {
        expect(wrapCell(text, width)).toEqual(wrapCellReference(text, width));
      }),
      { numRuns: 3000 },
    );
  });

  it('cuts a cell of one long word in one pass', () => {
    const lines = wrapCell('x'.repeat(2_000_000), 30);
    expect(lines.length).toBe(Math.ceil(2_000_000 / 30));
    expect(lines.every((l) => l.length <= 30)).toBe(true);
  });

  it('draws any table as the plain array-and-join version does: colours, borders, ascii, cells of several lines', () => {
    const red = (s: string) => `\u001b[31m${s}\u001b[39m`;
    const column = fc.record({ head: texty, align: fc.constantFrom<'left' | 'right' | undefined>('left', 'right', undefined), fixed: fc.boolean() });
    const cell = fc.oneof(texty, fc.record({ text: texty, paint: fc.constantFrom(undefined, red) }));
    fc.assert(
      fc.property(fc.array(column, { minLength: 1, maxLength: 4 }), fc.array(fc.array(cell, { maxLength: 5 }), { maxLength: 4 }), fc.integer({ min: 0, max: 120 }), fc.boolean(), fc.boolean(), (columns, rows, width, ascii, colour) => {
        const options = { width, ascii, ...(colour ? { head: (s: string) => `\u001b[1m${s}\u001b[22m`, border: (s: string) => `\u001b[2m${s}\u001b[22m` } : {}) };
        expect(renderTable(columns, rows, options)).toBe(renderTableReference(columns, rows, options));
      }),
      { numRuns: 1500 },
    );
  });

  it('sizes table columns by the longest line of a cell, in code points', () => {
    const table = renderTable([{ head: 'A' }, { head: 'B', align: 'right' }], [['🙂🙂\nxyz', '1'], ['é', '22']], { width: 80 });
    const lines = table.split('\n');
    expect(new Set(lines.map((l) => [...l].length)).size).toBe(1);
    expect(lines[0]).toBe('┌─────┬────┐');
  });
});
