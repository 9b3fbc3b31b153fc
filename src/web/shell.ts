/// <reference lib="dom" />
import { el, replace } from './dom.js';
import { languageName, webStrings, type WebStrings } from './strings.js';

/** The bank language closest to what the browser asks for (navigator.languages), if any. */
export function browserLanguage(languages: readonly string[]): string | undefined {
  for (const wanted of navigator.languages ?? [navigator.language]) {
    const lower = wanted.toLowerCase();
    const exact = languages.find((l) => l.toLowerCase() === lower);
    if (exact !== undefined) return exact;
    const base = languages.find((l) => l.toLowerCase() === lower.split('-')[0]);
    if (base !== undefined) return base;
  }
  return undefined;
}

/** Sets the page's language for screen readers and hyphenation, and its title. */
export function setPageLanguage(lang: string, title: string): WebStrings {
  document.documentElement.lang = lang;
  document.title = title;
  return webStrings(lang);
}

/**
 * The visible language switch: one button per language, each named in its own language (and
 * marked so with `lang`), the current one pressed.
 */
export function renderLanguageSwitch(container: HTMLElement, languages: readonly string[], current: string, onPick: (lang: string) => void): void {
  container.setAttribute('aria-label', webStrings(current).language);
  if (languages.length < 2) {
    replace(container);
    return;
  }
  replace(
    container,
    ...languages.map((lang) =>
      el(
        'button',
        { type: 'button', class: 'lang', lang, 'aria-pressed': lang === current ? 'true' : 'false', onclick: () => onPick(lang) },
        languageName(lang),
      ),
    ),
  );
}

export function byId(id: string): HTMLElement {
  const node = document.getElementById(id);
  if (node === null) throw new Error(`the page has no #${id}`);
  return node;
}
