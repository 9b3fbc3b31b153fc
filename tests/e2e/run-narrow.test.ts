import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { BIN, diag, ROOT } from './run-cli.js';
import { HAS_TMUX, Terminal } from './tmux.js';

const TERMINAL_TIMEOUT = 60000;
const WIDTH = 40;
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'diag-run-narrow-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The lines of a screen that the terminal had to wrap (wider than the terminal), trailing spaces aside. */
function overflowing(joined: string): string[] {
  return joined.split('\n').map((line) => line.trimEnd()).filter((line) => [...line].length > WIDTH);
}

type Text = string | Record<string, string>;
const bank = parse(readFileSync(join(ROOT, 'questions/transformation.yaml'), 'utf8')) as { profile: Array<{ text: Text }>; questions: Array<{ text: Text }> };
const texts = (lang: string) => [...bank.profile, ...bank.questions].map((q) => (typeof q.text === 'string' ? q.text : (q.text[lang] ?? '')));
const namePrompt: Record<string, string> = { fr: 'Votre prénom ou un pseudonyme (facultatif, Entrée pour passer)', en: 'Your first name or a pseudonym (optional, Enter to skip)' };

/**
 * The words of `text` that the screen does not show whole. Inquirer breaks a line too long for
 * the terminal itself, with a real line feed wherever the edge falls ("on my ow" / "n"), which
 * capture-pane -J cannot join again: a word cut in two is missing from the screen's words.
 */
function cutWords(screen: string, text: string): string[] {
  const shown = new Set(screen.split(/\s+/));
  return text.split(/\s+/).filter((word) => word !== '' && !shown.has(word));
}

/** The prompt's text on this screen: the one after "? " (a bank question's, or the name prompt's). */
function promptText(screen: string, candidates: string[]): string {
  const line = screen.split('\n').find((l) => l.startsWith('? ')) ?? '';
  // The text sharing the longest beginning with that line (several questions begin alike).
  const shared = (text: string) => {
    let n = 0;
    while (n < text.length && text[n] === line[n + 2]) n++;
    return n;
  };
  const found = [...candidates].sort((a, b) => shared(b) - shared(a))[0] ?? '';
  if (shared(found) < 10) throw new Error(`no known prompt on the screen:\n${screen}`);
  return found;
}

const describeTmux = HAS_TMUX ? describe : describe.skip;

describeTmux(`diag run in a ${WIDTH}-column terminal: every line fits, none is cut in the middle of a word`, () => {
  for (const lang of ['fr', 'en']) {
    it(`the welcome, the name prompt and the questions (${lang})`, async () => {
      const state = join(dir, `state-${lang}`);
      const term = new Terminal(`NO_COLOR=1 node ${BIN} run --lang ${lang} --state-dir ${state} --out-dir ${join(dir, lang)}`, { cwd: ROOT, width: WIDTH, height: 40 });
      try {
        // The welcome screen and the prompt for a name ("? Votre prénom…" / "? Your first name…").
        const welcome = await term.waitFor(/^\? /m);
        expect(overflowing(term.joinedScreen())).toEqual([]);
        expect(cutWords(welcome, namePrompt[lang] ?? '')).toEqual([]);
        term.keys('Enter');
        // Profile questions, then the first questions of a dimension (its description, a likert).
        for (let i = 1; i <= 8; i++) {
          const screen = await term.waitForPrompt(`Question ${i}/`);
          expect(overflowing(term.joinedScreen())).toEqual([]);
          expect(cutWords(screen, promptText(screen, texts(lang)))).toEqual([]);
          term.keys('Enter');
        }
      } finally {
        term.close();
      }
    }, TERMINAL_TIMEOUT);
  }
});

describe(`the results' table in ${WIDTH} columns (diag score, and the end of diag run)`, () => {
  for (const lang of ['fr', 'en']) {
    it(`cuts no dimension title nor level label in the middle of a word (${lang}); the bar goes first; the recommendations' titles are wrapped`, () => {
      const r = diag(['score', 'questions/examples/camille.yaml', '--lang', lang, '-f', 'json']);
      const report = JSON.parse(r.stdout) as { scores: { dimensions: Array<{ title: string; levelLabel: string | null }> } };
      const text = diag(['score', 'questions/examples/camille.yaml', '--lang', lang], { env: { COLUMNS: String(WIDTH) } });
      expect(text.code).toBe(0);
      const table = text.stdout.slice(text.stdout.indexOf('┌'), text.stdout.indexOf('┘') + 1);
      expect(table.split('\n').every((line) => [...line].length <= WIDTH)).toBe(true);
      const words = report.scores.dimensions.flatMap((d) => [d.title, d.levelLabel ?? '']).join(' ');
      expect(cutWords(table.replace(/│/g, ' '), words)).toEqual([]);
      // Nor any other line of the report: only a word longer than the terminal (a link) may be.
      expect(text.stdout.split('\n').filter((line) => [...line].length > WIDTH && /\S\s+\S/.test(line))).toEqual([]);
      // Wide enough, the bar is there.
      expect(diag(['score', 'questions/examples/camille.yaml', '--lang', lang], { env: { COLUMNS: '80' } }).stdout).toContain('░');
    });
  }
});

describe('diag aggregate in a terminal too narrow for its bars', () => {
  it('drops the bar columns rather than draw tables wider than the terminal (60 columns)', () => {
    const records = ['camille', 'ines-freelance', 'karim-vendeur', 'lea-grand-groupe', 'martine-collectivite'].flatMap((name, i) =>
      [0, 1, 2].map((j) => {
        const answers = parse(readFileSync(join(ROOT, `questions/examples/${name}.yaml`), 'utf8')) as Record<string, unknown>;
        return JSON.stringify({ ...answers, respondent: `p${i}-${j}` });
      }),
    );
    const r = diag(['aggregate', '-'], { input: `${records.join('\n')}\n`, env: { COLUMNS: '60' } });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter((line) => [...line].length > 60)).toEqual([]);
    // Wide enough, the bars are there.
    expect(diag(['aggregate', '-'], { input: `${records.join('\n')}\n`, env: { COLUMNS: '100' } }).stdout).toContain('░');
  });
});
