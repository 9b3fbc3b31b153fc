import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diag, hasStackTrace } from './run-cli.js';

/** SPEC section 10 through the CLI: attacks of a curious participant (privacy2), every format. */

const FORMATS = ['text', 'markdown', 'csv', 'html', 'json'] as const;

const BANK = `id: attack
version: 1.0.0
languages: [fr, en]
title: {fr: "Attaque", en: "Attack"}
scales:
  agree5:
    options: [{value: 1, label: "1"}, {value: 2, label: "2"}, {value: 3, label: "3"}, {value: 4, label: "4"}, {value: 5, label: "5"}]
dimensions:
  - {id: main, title: {fr: "Principal", en: "Main"}}
levels:
  - {id: low, min: 0, label: {fr: "Bas", en: "Low"}}
  - {id: high, min: 50, label: {fr: "Haut", en: "High"}}
profile:
  - {id: team, type: single, text: {fr: "Équipe ?", en: "Team?"}, options: [{value: a, label: "A"}, {value: b, label: "B"}]}
  - {id: tools, type: multiple, text: {fr: "Outils ?", en: "Tools?"}, options: [{value: mail, label: "Mail"}, {value: chat, label: "Chat"}, {value: wiki, label: "Wiki"}]}
questions:
  - {id: main.q1, type: likert, dimension: main, scale: agree5, text: {fr: "Q1", en: "Q1"}}
  - {id: main.hours, type: number, dimension: main, min: 0, max: 40, required: false, text: {fr: "Heures ?", en: "Hours?"}}
  - {id: comment, type: text, required: false, text: {fr: "Commentaire ?", en: "Comment?"}}
`;

let dir: string;
let bank: string[];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'diag-privacy2-'));
  writeFileSync(join(dir, 'bank.yaml'), BANK);
  bank = ['--bank', join(dir, 'bank.yaml')];
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Answers = Record<string, unknown>;

/** A folder of answer files, each with a pseudonym and a free-text comment that must never be shown. */
function folder(name: string, people: Answers[]): string {
  const path = join(dir, name);
  mkdirSync(path);
  people.forEach((answers, i) => {
    const file = { bank: 'attack', respondent: `Pseudo${i}Zed`, answers: { team: 'a', tools: [], 'main.q1': 3, comment: `SECRET-${i}-note`, ...answers } };
    writeFileSync(join(path, `p${String(i).padStart(2, '0')}.json`), JSON.stringify(file));
  });
  return path;
}

interface Entry {
  id: string;
  withheld?: { code: string };
  answered?: number;
  max?: number | null;
}
interface Result {
  count: number;
  questions: Entry[];
  segments: Array<{ by: string; value: unknown; count: number; questions: Entry[]; dimensions: Entry[] }>;
}

const json = (args: string[]): Result => {
  const r = diag(['aggregate', ...bank, '-f', 'json', ...args]);
  expect([r.code, hasStackTrace(r.stderr)]).toEqual([0, false]);
  return JSON.parse(r.stdout) as Result;
};

describe('one answer among skips', () => {
  // Team a: five answered 10 hours. Team b: one answered 37, four skipped.
  const people = [...Array.from({ length: 5 }, () => ({ 'main.hours': 10 })), { team: 'b', 'main.hours': 37 }, ...Array.from({ length: 4 }, () => ({ team: 'b', 'main.hours': null }))];

  it('group and segment a are not both shown: their difference was the one answer of team b', () => {
    const result = json(['--by', 'team', folder('skips', people)]);
    const shown = [result.questions, ...result.segments.map((s) => s.questions)].map((list) => list.find((q) => q.id === 'main.hours')).filter((q) => q !== undefined && q.withheld === undefined);
    expect(shown).toEqual([expect.objectContaining({ answered: 6, max: 37 })]);
    expect(result.segments.map((s) => [s.value, s.count])).toEqual([
      ['a', 5],
      ['b', 5],
    ]);
  });
});

describe('three overlapping segments', () => {
  const people = [...Array.from({ length: 5 }, () => ({ tools: ['mail'], 'main.q1': 2 })), ...Array.from({ length: 5 }, () => ({ tools: ['chat'], 'main.q1': 3 })), ...Array.from({ length: 5 }, () => ({ tools: ['wiki'], 'main.q1': 4 })), { tools: ['mail', 'chat', 'wiki'], 'main.q1': 5 }];

  it('the one who uses all three tools: no figure is shown in two segments that share only them', () => {
    const result = json(['--by', 'tools', folder('overlap', people)]);
    for (const id of ['main.q1', 'main']) {
      const where = result.segments.filter((s) => [...s.questions, ...s.dimensions].some((e) => e.id === id && e.withheld === undefined));
      expect(where.length).toBeLessThanOrEqual(1);
    }
    expect(result.segments.map((s) => s.count)).toEqual([6, 6]);
  });
});

describe('the same respondent twice', () => {
  it('a report beside its own answer file counts once: three people in five files show their count only', () => {
    const path = folder('mixed', [{}, { 'main.q1': 4 }, { 'main.q1': 5 }]);
    for (const i of [0, 1]) {
      const r = diag(['score', ...bank, '-f', 'json', join(path, `p0${i}.json`)]);
      expect(r.code).toBe(0);
      writeFileSync(join(path, `report${i}.json`), r.stdout);
    }
    for (const format of FORMATS) {
      const r = diag(['aggregate', ...bank, '--lang', 'en', '-f', format, path]);
      expect([format, r.code, hasStackTrace(r.stderr)]).toEqual([format, 0, false]);
      expect(r.stderr).toContain('with the same answers: counted once');
      if (format === 'json') expect(JSON.parse(r.stdout)).toMatchObject({ count: 3, withheld: { code: 'small-group' }, dimensions: [], questions: [] });
      else {
        // Only the count and k: the page's styles and tags set aside.
        const text = r.stdout.replace(/<head>[\s\S]*?<\/head>/, '').replace(/<[^>]+>/g, ' ');
        expect([format, text.match(/(?<![\w.])\d+(\.\d+)?/g)?.filter((n) => n !== '3' && n !== '5') ?? []]).toEqual([format, []]);
      }
    }
  });
});

describe('pseudonyms and free text', () => {
  it('never appear in any group output, in any language', () => {
    const path = folder('names', Array.from({ length: 12 }, (_, i) => ({ team: i < 6 ? 'a' : 'b', tools: i % 2 === 0 ? ['mail'] : ['chat', 'wiki'] })));
    for (const lang of ['fr', 'en']) {
      for (const format of FORMATS) {
        const r = diag(['aggregate', ...bank, '--lang', lang, '--by', 'team', '--by', 'tools', '-f', format, path]);
        expect([lang, format, r.code]).toEqual([lang, format, 0]);
        expect(r.stdout).not.toMatch(/Pseudo\d+Zed|SECRET-\d+-note/);
        expect(r.stdout).toContain('12');
      }
    }
  });
});
