import type { Path } from '../problems.js';
import { isScored } from '../visibility.js';
import type { Bank, Question, Text } from '../types.js';
import type { Finding } from './findings.js';

/** Where a question of `bank.questions` (profile first) stands in the bank file. */
export function questionPath(bank: Bank, index: number): Path {
  const profiles = bank.questions.filter((q) => q.profile).length;
  return index < profiles ? ['profile', index] : ['questions', index - profiles];
}

/** Dimensions with fewer than 3 scored questions: too few to measure anything reliably. */
export function fewQuestions(bank: Bank): Finding[] {
  return bank.dimensions.flatMap((d, i) => {
    const count = bank.questions.filter((q) => isScored(q) && q.dimension === d.id).length;
    return count < 3 ? [{ code: 'dimension-few-questions' as const, id: d.id, path: ['dimensions', i], message: `dimension "${d.id}" has ${count} scored question${count === 1 ? '' : 's'}; 3 or more measure it more reliably`, data: { count } }] : [];
  });
}

/** Questions that a "reverse" can key either way. */
function keyed(question: Question): question is Question & { reverse: boolean } {
  return question.type === 'likert' || question.type === 'boolean' || question.type === 'number';
}

/**
 * A dimension whose likert, boolean and number items all point the same way: agreeing always
 * raises (or always lowers) the score, so a respondent who agrees with everything scores high
 * (acquiescence bias). Checked where there are at least 2 such items.
 */
export function keyedOneWay(bank: Bank): Finding[] {
  return bank.dimensions.flatMap((d, i) => {
    const items = bank.questions.filter((q) => isScored(q) && q.dimension === d.id).filter(keyed);
    if (items.length < 2) return [];
    const reversed = items.filter((q) => q.reverse).length;
    if (reversed !== 0 && reversed !== items.length) return [];
    const way = reversed === 0 ? 'none is reversed' : 'all are reversed';
    return [{ code: 'items-keyed-one-way' as const, id: d.id, path: ['dimensions', i], message: `dimension "${d.id}": its ${items.length} likert, boolean and number questions are all keyed the same way (${way}); a reversed item or two guards against agreeing with everything`, data: { items: items.length, reversed } }];
  });
}

function normalise(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Two questions with the same text in one language: one is likely a copy left unedited. */
export function duplicateTexts(bank: Bank): Finding[] {
  const findings: Finding[] = [];
  for (const lang of bank.languages) {
    const seen = new Map<string, string>();
    bank.questions.forEach((q, i) => {
      const text = typeof q.text === 'string' ? q.text : q.text[lang];
      if (text === undefined || normalise(text) === '') return;
      const key = normalise(text);
      const first = seen.get(key);
      if (first === undefined) seen.set(key, q.id);
      else if (!findings.some((f) => f.id === q.id)) {
        findings.push({ code: 'duplicate-text', id: q.id, path: [...questionPath(bank, i), 'text'], message: `question "${q.id}" has the same text as "${first}"${bank.languages.length > 1 ? ` (${lang})` : ''}`, data: { same: first, lang } });
      }
    });
  }
  return findings;
}

/** Every Text of the bank with where it stands, for the translation check. */
function texts(bank: Bank): Array<{ id: string; path: Path; text: Text | undefined }> {
  const out: Array<{ id: string; path: Path; text: Text | undefined }> = [{ id: bank.id, path: ['title'], text: bank.title }, { id: bank.id, path: ['description'], text: bank.description }];
  bank.dimensions.forEach((d, i) => out.push({ id: d.id, path: ['dimensions', i, 'title'], text: d.title }, { id: d.id, path: ['dimensions', i, 'description'], text: d.description }));
  bank.levels.forEach((l, i) => out.push({ id: l.id, path: ['levels', i, 'label'], text: l.label }, { id: l.id, path: ['levels', i, 'description'], text: l.description }));
  bank.questions.forEach((q, i) => {
    const at = questionPath(bank, i);
    out.push({ id: q.id, path: [...at, 'text'], text: q.text }, { id: q.id, path: [...at, 'help'], text: q.help });
    if (q.notApplicable !== undefined && q.notApplicable !== true) out.push({ id: q.id, path: [...at, 'notApplicable'], text: q.notApplicable });
    // Options from a shared scale are checked once, on the scale.
    if ((q.type === 'single' || q.type === 'multiple') || (q.type === 'likert' && q.scale === undefined)) {
      const options: ReadonlyArray<{ label: Text }> = q.options;
      options.forEach((o, j) => out.push({ id: q.id, path: [...at, 'options', j, 'label'], text: o.label }));
    }
  });
  bank.scales.forEach((scale) => scale.options.forEach((o, j) => out.push({ id: scale.id, path: ['scales', scale.id, 'options', j, 'label'], text: o.label })));
  bank.recommendations.forEach((r, i) => out.push({ id: r.id, path: ['recommendations', i, 'title'], text: r.title }, { id: r.id, path: ['recommendations', i, 'text'], text: r.text }));
  return out;
}

/**
 * A Text given per language that lacks one of the bank's languages: those readers see the default
 * language instead. A plain string (a label such as "18-29") is the same in every language.
 */
export function missingTranslations(bank: Bank): Finding[] {
  if (bank.languages.length < 2) return [];
  return texts(bank).flatMap(({ id, path, text }) => {
    if (text === undefined || typeof text === 'string') return [];
    const missing = bank.languages.filter((lang) => !Object.hasOwn(text, lang) || text[lang]?.trim() === '');
    return missing.length === 0 ? [] : [{ code: 'missing-translation' as const, id, path, message: `${id}: no ${missing.join(', ')} text here (readers in ${missing.join(', ')} see ${bank.languages[0] ?? ''})`, data: { missing, fallback: bank.languages[0] ?? '' } }];
  });
}
