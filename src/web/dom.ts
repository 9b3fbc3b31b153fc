/// <reference lib="dom" />
/**
 * A tiny element builder. Text always goes in through `textContent`, never through `innerHTML`:
 * nothing a bank or a participant wrote can become markup or script. The pages' CSP forbids
 * inline style attributes, so widths of bars are set through the CSSOM (`style.width`), which the
 * CSP allows.
 */

export type Child = Node | string | null | undefined | false;

export interface Attributes {
  [name: string]: string | number | boolean | undefined | ((event: Event) => void);
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') node.addEventListener(name.replace(/^on/, ''), value);
    else if (name === 'class') node.className = String(value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, ...children);
  return node;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Replaces everything in `parent`. */
export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

/** A 0..100 bar, drawn by CSS; the number beside it says the same thing for those who cannot see it. */
export function bar(value: number | null, marker?: number | null, kind = ''): HTMLElement {
  const fill = el('span', { class: 'fill' });
  fill.style.width = `${value === null ? 0 : Math.max(0, Math.min(100, value))}%`;
  const node = el('span', { class: `bar ${kind}`.trim(), 'aria-hidden': 'true' }, fill);
  if (marker !== undefined && marker !== null) {
    const mark = el('span', { class: 'marker' });
    mark.style.left = `${Math.max(0, Math.min(100, marker))}%`;
    node.appendChild(mark);
  }
  return node;
}

/**
 * An SVG made by one of diag's own renderers (which escape every text they put in), parsed as XML
 * rather than assigned as HTML, so that it is never interpreted as page markup.
 */
export function svgNode(svg: string): Node | null {
  const parsed = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const root = parsed.documentElement;
  if (root.nodeName !== 'svg') return null;
  return document.importNode(root, true);
}

/** Moves focus to a heading (made focusable for this) so a screen reader reads the new screen. */
export function focusHeading(heading: HTMLElement): void {
  heading.setAttribute('tabindex', '-1');
  heading.focus({ preventScroll: false });
}

/**
 * Widens an SVG's viewBox to what it draws: the report's radar sizes its labels for a wide page;
 * on a phone they are drawn larger (style.css) and would be cut at the edges otherwise.
 */
export function fitToContent(svg: SVGSVGElement, margin = 8): void {
  const box = svg.getBBox();
  if (box.width <= 0 || box.height <= 0) return;
  svg.setAttribute('viewBox', `${box.x - margin} ${box.y - margin} ${box.width + 2 * margin} ${box.height + 2 * margin}`);
}
