import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diag, hasStackTrace } from './run-cli.js';

/** SPEC section 10 through the CLI, in every format. */

const SAMPLE = ['--bank', 'tests/fixtures/banks/sample.yaml'];
const ONE_SELLER = 'tests/fixtures/group/one-seller';
const TOOLS = ['--bank', 'tests/fixtures/group/tools-bank.yaml'];
const TOOLS_GROUP = 'tests/fixtures/group/tools';
const FORMATS = ['text', 'markdown', 'csv', 'html', 'json'] as const;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'diag-privacy-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Entry {
  id: string;
  withheld?: { code: string };
  count?: number;
  mean?: number | null;
  answered?: number;
}

describe('one seller among twelve, --by sells', () => {
  it('shows no Sales figure and no sales question figure, in any format', () => {
    for (const lang of ['en', 'fr']) {
      for (const format of FORMATS) {
        const r = diag(['aggregate', ...SAMPLE, '--lang', lang, '--by', 'sells', '-f', format, ONE_SELLER]);
        expect([lang, format, r.code, r.stderr]).toEqual([lang, format, 0, '']);
        if (format === 'json') {
          const result = JSON.parse(r.stdout) as { dimensions: Entry[]; questions: Entry[]; segments: unknown[] };
          expect(result.dimensions.find((d) => d.id === 'sales')).toEqual({ id: 'sales', withheld: { code: 'few-respondents', reason: 'fewer than 5 respondents with a score' } });
          for (const id of ['sales.channels', 'sales.cold_calls', 'sells']) expect(result.questions.find((q) => q.id === id)?.withheld).toBeDefined();
          expect(result.segments).toEqual([]);
          continue;
        }
        // The Sales row says "hidden" and holds no number; nothing else names a sales question.
        if (format === 'csv') {
          // A spreadsheet has no row for what is withheld.
          expect(r.stdout).not.toMatch(/,sales,/);
          continue;
        }
        const salesLines = r.stdout.split(/\r?\n|<tr>/).filter((line) => /Sales|Vente/.test(line));
        expect([format, salesLines.length]).toEqual([format, 1]);
        expect([format, salesLines.every((line) => /hidden|masqué/.test(line) && !/\d/.test(line.replace(/<[^>]*>/g, '')))]).toEqual([format, true]);
        expect(r.stdout).not.toMatch(/Channels|Canaux|Cold calls|Appels/);
      }
    }
  });

  it('lists the two sells segments as hidden, without counts', () => {
    const r = diag(['aggregate', ...SAMPLE, '--lang', 'en', '--by', 'sells', '-f', 'markdown', ONE_SELLER]);
    const hidden = r.stdout.split('Groups hidden')[1] ?? '';
    expect(hidden).toContain('- sells = Yes');
    expect(hidden).toContain('- sells = No');
    expect(hidden).not.toMatch(/\b(1|11)\b/);
  });
});

describe('--by a multiple-choice question', () => {
  it('the group minus the shown segments does not give back anyone (Yann, wiki only: focus 97)', () => {
    const r = diag(['aggregate', ...TOOLS, '--by', 'tools', '-f', 'json', TOOLS_GROUP]);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as { count: number; questions: Entry[]; segments: Array<{ value: string; count: number; questions: Entry[] }> };
    // Before: mail (6) and chat (6) were both shown; group − mail − chat = Yann − Zoe, and Zoe
    // (in both) knows her own answers. Now one of the two is withheld.
    expect(result.segments.map((x) => [x.value, x.count])).toEqual([['chat', 6]]);
    const sum = (q: Entry | undefined) => (q?.mean ?? 0) * (q?.answered ?? 0);
    const group = sum(result.questions.find((q) => q.id === 'habits.focus'));
    const chat = sum(result.segments[0]?.questions.find((q) => q.id === 'habits.focus'));
    // What is left of the group outside chat is the 5 mail-only people and Yann: six people.
    expect(Math.round(group - chat)).toBe(11 + 21 + 31 + 41 + 51 + 97);
    for (const format of FORMATS) {
      const out = diag(['aggregate', ...TOOLS, '--lang', 'en', '--by', 'tools', '-f', format, TOOLS_GROUP]).stdout;
      const beforeNotice = out.split(/Groups hidden|"suppressed"/)[0] ?? '';
      expect([format, /\bMail\b|"mail"|,Mail,/.test(beforeNotice)]).toEqual([format, false]);
    }
  });
});

describe('a group of 4 with --min-group 5', () => {
  it('shows its count and nothing else, in every format', () => {
    const four = join(dir, 'four');
    cpSync(ONE_SELLER, four, { recursive: true });
    for (const name of readdirSync(four).sort().slice(4)) rmSync(join(four, name));
    for (const format of FORMATS) {
      const r = diag(['aggregate', ...SAMPLE, '--lang', 'en', '--by', 'sells', '-f', format, four]);
      expect([format, r.code]).toEqual([format, 0]);
      expect(r.stderr).toContain('only 4 respondents, fewer than --min-group 5: only the count is shown');
      if (format === 'json') {
        const result = JSON.parse(r.stdout) as Record<string, unknown>;
        expect(result).toMatchObject({ count: 4, minGroup: 5, withheld: { code: 'small-group' }, dimensions: [], questions: [], segments: [], suppressed: [] });
        expect(JSON.stringify(result.overall)).not.toMatch(/mean|count/);
        continue;
      }
      const text = format === 'html' ? r.stdout.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]*>/g, ' ') : r.stdout;
      if (format === 'csv') {
        expect(text.split('\r\n').filter(Boolean)).toHaveLength(2);
        expect(text.split('\r\n')[1]).toMatch(/^,all,4,+$/);
        continue;
      }
      expect(text).toContain('4 participants');
      expect(text).toContain('Only their number is shown: with fewer than 5 participants');
      // No other number than the count and k.
      const numbers = (text.match(/\d+(?:[.,]\d+)?/g) ?? []).filter((n) => n !== '4' && n !== '5');
      expect([format, numbers]).toEqual([format, []]);
      expect(text).not.toMatch(/Mean|Median|Sales|Async/);
    }
  });
});

describe('--min-group', () => {
  it('refuses a value below 3 with exit 2 and no trace', () => {
    for (const value of ['2', '1', '0', '-5', '2.5', 'x']) {
      const r = diag(['aggregate', ...SAMPLE, '--min-group', value, ONE_SELLER]);
      expect([value, r.code, r.stdout]).toEqual([value, 2, '']);
      expect(r.stderr).toContain(`--min-group ${value}: expected a whole number, at least 3`);
      expect(hasStackTrace(r.stderr)).toBe(false);
    }
    expect(diag(['aggregate', ...SAMPLE, '--min-group', '3', ONE_SELLER]).code).toBe(0);
  });
});
