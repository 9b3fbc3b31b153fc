import type { Text } from './types.js';

/**
 * Picks the string of a Text for a language, falling back to the bank's default language,
 * then to any language the map has.
 */
export function resolveText(text: Text | undefined, lang: string, fallback: string): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[lang] ?? text[fallback] ?? Object.values(text)[0] ?? '';
}

/** A resolver bound to a language and a bank's default language. */
export type Translate = (text: Text | undefined) => string;

export function translator(lang: string, bankDefault: string): Translate {
  return (text) => resolveText(text, lang, bankDefault);
}
