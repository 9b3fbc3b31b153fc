import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chooseLanguage, environmentLanguage, toolLanguage, ui } from '../../src/cli/i18n.js';

/**
 * The French catalogue against the English one, for the screens of `diag run` and of the reports
 * it prints. The compiler already checks that both have the same keys; this checks that the French
 * says something French.
 */
const en = ui('en');
const fr = ui('fr');

/** Every leaf of a section, strings as they are and functions called with sample numbers. */
function leaves(value: unknown, path: string[] = []): Array<[string, string]> {
  if (typeof value === 'string') return [[path.join('.'), value]];
  if (typeof value === 'function') return [[path.join('.'), String(value(...Array.from({ length: value.length }, (_, i) => 3 + i)))]];
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [];
}

// Sections worded with arguments that are objects: checked by tests/cli/i18n-messages.test.ts and the e2e tests in French.
const ELSEWHERE = new Set(['help', 'problem', 'error', 'warnings', 'usage', 'validBank']);
const screens = (catalogue: typeof en) =>
  Object.fromEntries(
    Object.entries(catalogue)
      .filter(([k]) => !ELSEWHERE.has(k))
      .flatMap(([k, v]) => leaves(v, [k]))
      // Key hints: English is inquirer's own; French is checked below.
      .filter(([k]) => !k.startsWith('run.keyActions.') && !k.startsWith('run.keyNames.')),
  );

// The same word in both languages (or a symbol).
const SAME = new Set(['dimension', 'score', 'source', 'group.quartiles', 'group.count', 'group.participants', 'question', 'explain.points', 'explain.gain', 'run.question', 'condition.score', 'run.workshop.groupHint']);

// English words a French screen must not show (the ones diag's own English strings use).
const ENGLISH = /\b(the|and|your|you|of|to|with|answer(s|ed)?|press|enter|select|navigate|submit|skip|start|finish|resume|results?|report|file|more|none|yes|no|not|from|again|choose|workshop|next|group|mean|median|levels?|overall|before|after|change|share|weight|type|number|optional)\b/i;

describe('the French catalogue', () => {
  const frLeaves = screens(fr);
  const enLeaves = screens(en);

  it('has every English screen string, and only those', () => {
    expect(Object.keys(frLeaves).sort()).toEqual(Object.keys(enLeaves).sort());
  });

  it.each(Object.keys(enLeaves).filter((k) => !SAME.has(k)))('%s differs from the English', (key) => {
    expect(frLeaves[key]).not.toBe(enLeaves[key]);
  });

  it.each(Object.keys(frLeaves))('%s has no English word', (key) => {
    // Commands and file names are the same in both languages.
    const text = (frLeaves[key] ?? '').replace(/diag [a-z]+( [-\w.]+)*|--[a-z-]+|\S+\.(ya?ml|json)/g, '');
    expect(text).not.toMatch(ENGLISH);
  });

  it('the whitelist holds only keys that exist, and the English screens fail the word check', () => {
    for (const key of SAME) expect(enLeaves[key]).toBeDefined();
    const english = Object.values(enLeaves).filter((text) => ENGLISH.test(text));
    expect(english.length).toBeGreaterThan(Object.keys(enLeaves).length / 3);
  });

  it('names every key hint inquirer shows in French', () => {
    // Read the actions from the prompts diag uses, so a new one in an upgrade fails here.
    const require = createRequire(import.meta.url);
    const actions = new Set<string>();
    for (const prompt of ['@inquirer/select', '@inquirer/checkbox']) {
      const source = readFileSync(require.resolve(prompt), 'utf8');
      for (const match of source.matchAll(/\[\s*'[^']+',\s*'([a-z]+)'\s*\]/g)) actions.add(match[1] ?? '');
    }
    expect([...actions].sort()).toEqual(expect.arrayContaining(['navigate', 'select', 'submit']));
    for (const action of actions) expect(fr.run.keyActions[action]).toMatch(/^[a-zàâçéèêëîïôûùüÿœ]+$/);
  });

  it('names in French the keys inquirer names by a word ("space" → « espace »)', () => {
    const require = createRequire(import.meta.url);
    const words = new Set<string>();
    for (const prompt of ['@inquirer/select', '@inquirer/checkbox']) {
      const source = readFileSync(require.resolve(prompt), 'utf8');
      for (const match of source.matchAll(/\[\s*'([a-z]{2,})',\s*'[a-z]+'\s*\]/g)) words.add(match[1] ?? '');
    }
    expect([...words]).toContain('space');
    for (const key of words) expect([key, fr.run.keyNames[key]]).toEqual([key, expect.stringMatching(/^[a-zàâçéèêëîïôûùüÿœ]+$/)]);
    expect(fr.run.keyNames.space).toBe('espace');
  });
});

describe('counts in the screens of diag run', () => {
  it('the resume question says "1 answer" / « 1 réponse », in the singular', () => {
    expect(en.run.resumeFound(1, 'today')).toContain('(1 answer)');
    expect(fr.run.resumeFound(1, 'aujourd’hui')).toContain('(1 réponse)');
    expect(en.run.resumeFound(4, 'today')).toContain('(4 answers)');
    expect(fr.run.resumeFound(4, 'aujourd’hui')).toContain('(4 réponses)');
  });
});

describe('the one default-language rule', () => {
  const bank = ['fr', 'en'];
  it('output: --lang, else the file, else the locale when the bank has it, else the first language', () => {
    const saved = { ...process.env };
    try {
      process.env.LC_ALL = '';
      process.env.LC_MESSAGES = '';
      process.env.LANG = 'en_GB.UTF-8';
      expect(chooseLanguage(bank, 'fr', 'en')).toBe('fr');
      expect(chooseLanguage(bank, undefined, 'fr')).toBe('fr');
      expect(chooseLanguage(bank, undefined, undefined)).toBe('en');
      expect(chooseLanguage(bank, 'de', undefined)).toBe('en');
      process.env.LANG = 'de_DE.UTF-8';
      expect(chooseLanguage(bank)).toBe('fr');
      process.env.LC_ALL = 'en_US.UTF-8';
      expect(chooseLanguage(bank)).toBe('en');
    } finally {
      process.env = saved;
    }
  });

  it("diag's messages: --lang, else LC_ALL, LC_MESSAGES, LANG, else English", () => {
    expect(toolLanguage('fr', { LANG: 'en_US.UTF-8' })).toBe('fr');
    expect(toolLanguage(undefined, { LANG: 'fr_FR.UTF-8' })).toBe('fr');
    expect(toolLanguage(undefined, { LC_MESSAGES: 'fr_CA.UTF-8', LANG: 'en_US.UTF-8' })).toBe('fr');
    expect(toolLanguage(undefined, { LC_ALL: 'en_US.UTF-8', LANG: 'fr_FR.UTF-8' })).toBe('en');
    expect(toolLanguage(undefined, { LANG: 'C.UTF-8' })).toBe('en');
    expect(toolLanguage(undefined, {})).toBe('en');
    expect(toolLanguage('de', { LANG: 'fr_FR' })).toBe('fr');
    expect(environmentLanguage({ LANG: 'POSIX' })).toBeUndefined();
  });
});
