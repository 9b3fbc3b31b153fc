import { isBar, spanOf, type Block, type Cell, type Doc, type Inline } from './doc.js';
import { safeHref } from './html-kit.js';
import { mdEscape } from './markdown.js';
import { bar } from './terminal.js';

/** A Markdown link only for http(s) URLs, with the URL made inert inside `<…>`; otherwise nothing. */
export function mdLink(label: string, url: string): string {
  const href = safeHref(url);
  return href === undefined ? '' : `[${label}](<${href.replace(/[<>\s]/g, encodeURIComponent)}>)`;
}

/**
 * Emphasis around a text, its outer spaces left outside: CommonMark does not open `_  (x)_` or
 * close `** x **`, which a reader then sees as they are.
 */
function emphasise(text: string, mark: string): string {
  const inner = text.trim();
  if (inner === '') return text;
  const start = text.indexOf(inner);
  return `${text.slice(0, start)}${mark}${inner}${mark}${text.slice(start + inner.length)}`;
}

function inline(i: Inline): string {
  const span = spanOf(i);
  let text = mdEscape(span.text);
  if (text === '') return '';
  if (span.strong) text = emphasise(text, '**');
  else if (span.emphasis === 'dim') text = emphasise(text, '_');
  return span.href === undefined ? text : `${text} ${mdLink('↗', span.href)}`.trimEnd();
}

function cell(c: Cell): string {
  if (!isBar(c)) return inline(c);
  return `\`${bar(c.bar, 10)}\`${c.marker === undefined || c.marker === null ? '' : ` ▮${Math.round(c.marker)}`}`;
}

function block(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `${b.level === 1 ? '##' : '###'} ${mdEscape(b.text)}`;
    case 'paragraph': {
      const text = b.content.map(inline).join('');
      return b.emphasis === 'warn' ? `> ${text}` : b.emphasis === 'dim' ? `_${text}_` : text;
    }
    case 'table': {
      const head = `| ${b.columns.map((c) => mdEscape(c.head)).join(' | ')} |`;
      const rule = `|${b.columns.map((c) => (c.align === 'right' ? ' ---: |' : ' --- |')).join('')}`;
      return [head, rule, ...b.rows.map((r) => `| ${b.columns.map((_, i) => cell(r[i] ?? '')).join(' | ')} |`)].join('\n');
    }
    case 'list':
      return b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : '-'} ${item.map(inline).join('')}`).join('\n');
  }
}

/** A document as Markdown: every bank and answer text escaped, links only to http(s). */
export function docToMarkdown(doc: Doc): string {
  return `${doc.blocks.map(block).join('\n\n')}\n`;
}
