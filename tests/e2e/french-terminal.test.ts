import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, ROOT } from './run-cli.js';
import { HAS_TMUX, Terminal } from './tmux.js';

/** The screens of `diag run` in French, read in a real terminal: inquirer's own hints included. */
const dir = mkdtempSync(join(tmpdir(), 'diag-french-terminal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const describeTmux = HAS_TMUX ? describe : describe.skip;
if (!HAS_TMUX) console.warn('tmux is not installed: the French terminal screens are not checked');

const ENGLISH_HINTS = /navigate|select|submit|Press|to confirm/;

describeTmux('French screens of diag run (tmux)', () => {
  it('the workshop menu and the survey show their key hints in French', async () => {
    const term = new Terminal(`NO_COLOR=1 LANG=fr_FR.UTF-8 node ${BIN} run --workshop ${join(dir, 'atelier')} --state-dir ${join(dir, 'state')}`, { cwd: ROOT });
    try {
      const menu = await term.waitFor(/Participant suivant : commencer[\s\S]*naviguer/);
      expect(menu).toContain('↑↓ naviguer • ⏎ choisir');
      expect(menu).not.toMatch(ENGLISH_HINTS);
      term.keys('Enter');
      await term.waitFor('Votre prénom ou un pseudonyme');
      term.keys('Enter');
      const question = await term.waitForPrompt('Question 1/');
      expect(question).toContain('↑↓ naviguer • ⏎ choisir');
      expect(question).not.toMatch(ENGLISH_HINTS);
    } finally {
      term.close();
    }
  }, 30_000);

  it('a number prompt explains a refused value in French', async () => {
    const term = new Terminal(`NO_COLOR=1 LANG=fr_FR.UTF-8 node ${BIN} run --bank tests/fixtures/banks/sample.yaml --state-dir ${join(dir, 'state2')} --out ${join(dir, 'r.json')} --respondent X`, { cwd: ROOT });
    try {
      // Answer every select with its first choice until a number question comes.
      let screen = await term.waitForPrompt('Question 1/');
      for (let i = 0; i < 30 && !/un nombre de/.test(screen); i++) {
        term.keys('Enter');
        await new Promise((resolve) => setTimeout(resolve, 400));
        screen = term.screen();
      }
      if (!/un nombre de/.test(screen)) return void console.warn('no number question reached in the sample bank');
      term.type('abc');
      term.keys('Enter');
      expect(await term.waitFor('Tapez un nombre')).not.toMatch(/valid numeric value/);
    } finally {
      term.close();
    }
  }, 30_000);
});
