import { describe, expect, test } from '@jest/globals';
import { CATALOGUE, formatNumber, typeset, webLanguage } from '../../src/web/strings.js';
import { estimate, nextPosition, previousPosition } from '../../src/web/participant/flow.js';
import { bankFrom, miniBank } from '../helpers.js';

/** The words of the workshop's pages, and the survey order they follow, without a browser. */

/** Every string of a catalogue, functions called with sample arguments (1 and 3: singular and plural). */
function allStrings(node: unknown, path = ''): Array<[string, string]> {
  if (typeof node === 'string') return [[path, node]];
  if (typeof node === 'function') return [1, 3].map((n) => [`${path}(${n})`, String(node(n, n + 2))]);
  if (typeof node === 'object' && node !== null) return Object.entries(node).flatMap(([key, value]) => allStrings(value, path ? `${path}.${key}` : key));
  return [];
}

describe('web strings', () => {
  test('French puts a no-break space before : ; ? ! % and inside « »', () => {
    const bad = allStrings(CATALOGUE.fr).filter(([, text]) => / [:;?!%»]|« /.test(text));
    expect(bad).toEqual([]);
  });

  test('every string exists in both languages and none is empty', () => {
    const fr = allStrings(CATALOGUE.fr);
    const en = allStrings(CATALOGUE.en);
    expect(en.map(([path]) => path)).toEqual(fr.map(([path]) => path));
    expect([...fr, ...en].filter(([, text]) => text.trim() === '')).toEqual([]);
  });

  test('plural agreement in French', () => {
    expect(CATALOGUE.fr.present.joined(1)).toBe('a rejoint');
    expect(CATALOGUE.fr.present.joined(2)).toBe('ont rejoint');
    expect(CATALOGUE.fr.present.moreNeeded(1)).toBe('Les chiffres se mettent à jour quand au moins 1 personne de plus aura terminé (ensemble, celles dont les réponses se ressemblent, pour que personne ne soit reconnaissable).');
    expect(CATALOGUE.en.present.moreNeeded(2)).toBe('The figures update when at least 2 more people have finished (together, those whose answers are alike, so that nobody can be singled out).');
  });

  test('one minute is singular in both languages', () => {
    expect(CATALOGUE.en.welcome.minutes(1, 1)).toBe('about 1 minute');
    expect(CATALOGUE.fr.welcome.minutes(1, 1)).toBe('environ 1 minute');
    expect(CATALOGUE.en.welcome.minutes(2, 2)).toBe('about 2 minutes');
    expect(CATALOGUE.en.welcome.minutes(1, 2)).toBe('about 1 to 2 minutes');
  });

  test('bank texts in French get their no-break spaces; other languages are left alone', () => {
    expect(typeset('Vraiment ? Oui : « là » ; 5 %', 'fr')).toBe('Vraiment\u00a0? Oui\u00a0: «\u00a0là\u00a0»\u00a0; 5\u00a0%');
    expect(typeset('Really ? Yes : 5 %', 'en')).toBe('Really ? Yes : 5 %');
  });

  test('numbers are written as the language writes them', () => {
    expect(formatNumber(57.45, 'fr')).toBe('57,5');
    expect(formatNumber(57.45, 'en')).toBe('57.5');
    expect(formatNumber(null, 'fr')).toBe('—');
    expect(webLanguage('fr-CA')).toBe('fr');
    expect(webLanguage('de')).toBe('en');
  });
});

describe('the survey order, one screen at a time', () => {
  const bank = bankFrom(
    miniBank({
      languages: ['en'],
      questions: [
        { id: 'sells', type: 'boolean', text: 'Do you sell?', weight: 0 },
        { id: 'q1', type: 'likert', dimension: 'a', scale: 'agree5', text: 'One two three four five six seven eight nine ten.' },
        { id: 'q2', type: 'likert', dimension: 'a', scale: 'agree5', text: 'Q2', when: { question: 'sells', equals: true } },
        { id: 'q3', type: 'likert', dimension: 'a', scale: 'agree5', text: 'Q3' },
      ],
    }),
  );

  test('Next follows the conditions of the answers so far', () => {
    expect(nextPosition(bank, { sells: true }, 'sells', false)).toBe('q1');
    expect(nextPosition(bank, { sells: true, q1: 3 }, 'q1', false)).toBe('q2');
    expect(nextPosition(bank, { sells: false, q1: 3 }, 'q1', false)).toBe('q3');
    expect(nextPosition(bank, { sells: false, q1: 3, q3: 1 }, 'q3', false)).toBe('review');
  });

  test('a change from the review goes to what it revealed, then back to the review', () => {
    const answers = { sells: true, q1: 3, q3: 1 };
    expect(nextPosition(bank, answers, 'sells', true)).toBe('q2');
    expect(nextPosition(bank, { ...answers, q2: 4 }, 'q2', true)).toBe('review');
  });

  test('Back goes to the question before among those asked, then to the welcome', () => {
    expect(previousPosition(bank, { sells: false, q1: 3 }, 'q3')).toBe('q1');
    expect(previousPosition(bank, { sells: true, q1: 3, q2: 2 }, 'q3')).toBe('q2');
    expect(previousPosition(bank, {}, 'sells')).toBe('welcome');
    expect(previousPosition(bank, { sells: false, q1: 3, q3: 1 }, 'review')).toBe('q3');
  });

  test('the time estimate counts the words on the shortest and the longest path', () => {
    const e = estimate(bank, 'en');
    expect(e).toEqual({ least: 3, most: 4, minutesLeast: 1, minutesMost: 1 });
    const long = bankFrom(miniBank({ questions: Array.from({ length: 40 }, (_, i) => ({ id: `q${i}`, type: 'likert', dimension: 'a', scale: 'agree5', text: 'word '.repeat(50) })) }));
    // The core's estimate, as on the terminal's welcome screen: 40 × (the question's 50 words and
    // its five labels at 200 a minute + 4 s), plus the title, ≈ 14 minutes.
    expect(estimate(long, 'en').minutesMost).toBe(14);
  });
});
