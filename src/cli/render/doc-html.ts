import { TONES, type Tone } from './colours.js';
import { isBar, spanOf, type Block, type Cell, type Doc, type Inline } from './doc.js';
import { badge, barHtml, esc, htmlPage, safeHref } from './html-kit.js';

const isTone = (e: string | undefined): e is Tone => e !== undefined && Object.hasOwn(TONES, e);

function inline(i: Inline): string {
  const span = spanOf(i);
  let html = esc(span.text);
  if (span.badge) return badge(span.text, isTone(span.emphasis) ? span.emphasis : 'none');
  if (span.emphasis !== undefined) html = `<span class="${span.emphasis}">${html}</span>`;
  if (span.strong) html = `<strong>${html}</strong>`;
  const href = span.href === undefined ? undefined : safeHref(span.href);
  return href === undefined ? html : `${html} <a href="${esc(href)}" rel="noopener noreferrer">↗</a>`;
}

function cell(c: Cell): string {
  if (!isBar(c)) return inline(c);
  return barHtml(c.bar, TONES[c.tone ?? 'good'].background, c.marker);
}

function block(b: Block, previous: Block | undefined): string {
  switch (b.kind) {
    case 'heading':
      return b.level === 1 ? `<h1>${esc(b.text)}</h1>` : `<h2>${esc(b.text)}</h2>`;
    case 'paragraph':
      return `<p${b.emphasis === undefined ? '' : ` class="${b.emphasis}"`}>${b.content.map(inline).join('')}</p>`;
    case 'table': {
      const head = b.columns.map((c) => `<th scope="col"${c.align === 'right' ? ' class="num"' : ''}>${esc(c.head)}</th>`).join('');
      const rows = b.rows.map((r) => `<tr>${b.columns.map((c, i) => `<td${c.align === 'right' ? ' class="num"' : ''}>${cell(r[i] ?? '')}</td>`).join('')}</tr>`).join('');
      // A caption that repeats the heading just above is for screen readers only.
      const hidden = previous?.kind === 'heading' && previous.text === b.caption ? ' class="visually-hidden"' : '';
      return `<div class="table-wrap" tabindex="0" role="region" aria-label="${esc(b.caption)}"><table><caption${hidden}>${esc(b.caption)}</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div>`;
    }
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag}>${b.items.map((item) => `<li>${item.map(inline).join('')}</li>`).join('')}</${tag}>`;
    }
  }
}

/** A document as one self-contained HTML page (inline CSS, no script, nothing fetched). */
export function docToHtml(doc: Doc): string {
  return htmlPage(doc.lang, doc.title, `<section class="report">\n${doc.blocks.map((b, i) => block(b, doc.blocks[i - 1])).join('\n')}\n</section>`);
}
