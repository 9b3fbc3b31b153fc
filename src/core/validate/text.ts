import type { Path, ProblemList } from '../problems.js';
import type { Text } from '../types.js';
import { LIMITS } from '../limits.js';
import { say, show } from '../problem-text.js';
import { isObject } from './fields.js';

export interface TextRules {
  languages: readonly string[];
  errors: ProblemList;
  warnings: ProblemList;
}

/** A Text: a plain string, or a map language -> string that has the bank's default language. */
export function readText(value: unknown, path: Path, rules: TextRules, required = true): Text | undefined {
  if (value === undefined || value === null) {
    if (required) rules.errors.add(path, 'required', say('required', { key: String(path[path.length - 1]) }));
    return undefined;
  }
  if (typeof value === 'string') return checkLength(value, path, rules);
  if (!isObject(value)) {
    rules.errors.add(path, 'type', say('mustBe', { expected: 'text', languages: rules.languages, actual: show(value) }));
    return undefined;
  }
  const text: Record<string, string> = {};
  let ok = true;
  for (const [lang, string] of Object.entries(value)) {
    if (typeof string !== 'string') {
      rules.errors.add([...path, lang], 'type', say('mustBe', { expected: 'string', actual: show(string) }));
      ok = false;
    } else if (checkLength(string, [...path, lang], rules) === undefined) {
      ok = false;
    } else {
      text[lang] = string;
    }
    if (!rules.languages.includes(lang)) {
      rules.warnings.add([...path, lang], 'unknown-language', say('textLanguageUnknown', { lang, languages: rules.languages }));
    }
  }
  const fallback = rules.languages[0];
  if (fallback !== undefined && !Object.hasOwn(text, fallback) && ok) {
    rules.errors.add(path, 'missing-default-language', say('textNoDefault', { lang: fallback }));
    return undefined;
  }
  return ok ? text : undefined;
}

function checkLength(text: string, path: Path, rules: TextRules): string | undefined {
  if (text.length <= LIMITS.textLength) return text;
  rules.errors.add(path, 'too-long', say('textTooLong', { length: text.length, limit: LIMITS.textLength }));
  return undefined;
}
