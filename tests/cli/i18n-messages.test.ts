import { describe, expect, it } from '@jest/globals';
import { englishProblems } from '../../src/core/index.js';
import { FRENCH_PROBLEMS } from '../../src/cli/i18n-problems.js';
import { ui } from '../../src/cli/i18n.js';

/**
 * diag's errors, warnings and problems in files, French against English. The compiler checks that
 * French has every key; this checks that each French wording is French, whatever arguments it
 * takes: each is called with a stand-in argument that answers any property (a text, a number, a
 * list), so that a key added later is checked without a test of its own.
 */
function standIn(): unknown {
  const handler: ProxyHandler<() => void> = {
    get(_, key) {
      if (key === Symbol.toPrimitive) return (hint: string) => (hint === 'number' ? 3 : 'X');
      if (key === 'toString' || key === 'valueOf') return () => 'X';
      if (key === 'length') return 2;
      if (key === 'join') return () => 'X, Y';
      if (key === 'map' || key === 'flatMap' || key === 'filter') return () => ['X'];
      if (typeof key === 'symbol') return undefined;
      return new Proxy(() => undefined, handler);
    },
    apply: () => 'X',
  };
  return new Proxy(() => undefined, handler);
}

/** Arguments for the few wordings that look a value up in a table of their own: a stand-in cannot name a row. */
const SAMPLES: Readonly<Record<string, unknown>> = {
  cannotRead: { what: 'report', file: 'X', reason: 'denied' },
  skippedEntry: { entry: 'X', kind: 'fifo' },
  minAlphaWithheld: { minAlpha: 0.7, dimension: 'X', code: 'few-respondents', reason: 'X' },
  mustBe: { expected: 'mapping', actual: { kind: 'list' } },
  pattern: { value: 'X', rule: 'semver' },
  answerExpects: { id: 'X', expected: 'number', min: 0, max: 9, actual: { kind: 'text', value: '"X"' } },
};

const worded = (section: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(section).flatMap(([key, value]) => (typeof value === 'function' ? [[key, String(value(SAMPLES[key] ?? standIn()))]] : typeof value === 'string' ? [[key, value]] : [])),
  );

// English words a French message must not hold (options, commands, codes and file names aside).
const ENGLISH = /(?<!\p{L})(the|and|your|you|of|to|with|cannot|could|is|are|not|no|found|given|expected|such|as|file|folder|report|bank|answers?|group|warning|more|than|only|needs?|choose|another|already|exists?|write|read|skipped|respondents?|threshold|below|none|than)(?!\p{L})/iu;
const strip = (text: string) =>
  text
    .replace(/diag [a-z]+( --?[a-z-]+)?/g, '')
    .replace(/--?[a-z][a-z-]*( [A-Z_É]+)?/g, '')
    .replace(/\{[^}]*\}/g, '')
    .replace(/"[^"]*"/g, '')
    // Environment variables and placeholders (DIAG_MAX_FILE_SIZE, NEW_BANK).
    .replace(/[A-Z][A-Z_É]*_[A-Z_É]+/g, '')
    // The keys of a condition, as written in a bank.
    .replace(/question, score, all, any, not/g, '');

const sections = {
  error: [ui('en').error, ui('fr').error],
  warnings: [ui('en').warnings, ui('fr').warnings],
  problem: [englishProblems(), FRENCH_PROBLEMS()],
} as const;

describe.each(Object.entries(sections))('the French %s messages', (_, [en, fr]) => {
  const english = worded(en as unknown as Record<string, unknown>);
  const french = worded(fr as unknown as Record<string, unknown>);
  it('word every English key', () => {
    expect(Object.keys(french).sort()).toEqual(Object.keys(english).sort());
  });
  it.each(Object.keys(english))('%s is worded in French', (key) => {
    expect(french[key]).not.toBe(english[key]);
    expect(strip(french[key] ?? '')).not.toMatch(ENGLISH);
  });
  it('the word check catches the English ones', () => {
    const caught = Object.values(english).filter((text) => ENGLISH.test(strip(text)));
    expect(caught.length).toBeGreaterThan(Object.keys(english).length / 2);
  });
});
