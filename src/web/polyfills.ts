/// <reference lib="dom" />
/**
 * Two recent functions the pages and the core use, for the phones a room really holds (Safari
 * before 15.4, older Android browsers): imported first by every page's script.
 */
if (typeof Object.hasOwn !== 'function') {
  Object.hasOwn = (object: object, key: PropertyKey) => Object.prototype.hasOwnProperty.call(object, key);
}
if (typeof Element.prototype.replaceChildren !== 'function') {
  Element.prototype.replaceChildren = function replaceChildren(this: Element, ...nodes: Array<Node | string>) {
    while (this.firstChild !== null) this.removeChild(this.firstChild);
    this.append(...nodes);
  };
}
export {};
