import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, ROOT } from './run-cli.js';
import { HAS_TMUX, Terminal } from './tmux.js';

const TERMINAL_TIMEOUT = 60000;
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'diag-run-na-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const describeTmux = HAS_TMUX ? describe : describe.skip;
if (!HAS_TMUX) console.warn('tmux is not installed: the "does not apply" terminal test is skipped');

describeTmux('diag run: "does not apply" as a last, separate choice (tmux)', () => {
  it('offers it on every type, after a separator, and writes n/a', async () => {
    const out = join(dir, 'na.json');
    const term = new Terminal(`NO_COLOR=1 node ${BIN} run --bank tests/fixtures/banks/not-applicable.yaml --lang en --state-dir ${join(dir, 'state')} --out ${out} --respondent Noa`, { cwd: ROOT });
    try {
      await term.waitForPrompt('Question 1/');
      term.type('1');
      term.keys('Enter');
      const likert = await term.waitForPrompt('Question 2/');
      // The five values, a separator line, then the bank's wording of "does not apply", numbered last.
      expect(likert).toMatch(/5\. Always\s*\n\s*─+\s*\n.*6\. I have no team/);
      term.type('6');
      term.keys('Enter');
      const boolean = await term.waitForPrompt('Question 3/');
      expect(boolean).toContain('3. Does not apply to me');
      term.type('3');
      term.keys('Enter');
      await term.waitForPrompt('Question 4/');
      term.type('3');
      term.keys('Enter');
      const multiple = await term.waitForPrompt('Question 5/');
      expect(multiple).toContain('Does not apply to me');
      // Ticking "does not apply" with another answer is refused, with the reason.
      term.keys('Space', 'Down', 'Down', 'Space', 'Enter');
      await term.waitFor('stands alone');
      term.keys('Up', 'Up', 'Space', 'Enter');
      const number = await term.waitForPrompt('Question 6/');
      expect(number).toContain('1. Answer with a number');
      term.type('2');
      term.keys('Enter');
      await term.waitForPrompt('Question 7/7');
      term.type('4');
      term.keys('Enter');
      const review = await term.waitFor('Finish and see my results');
      expect(review).toContain('→ I have no team');
      term.keys('Enter');
      await term.waitFor('EXIT=');
    } finally {
      term.close();
    }
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report.answers).toEqual({ 'team.update': 'n/a', 'team.meeting': 'n/a', 'team.channel': 'n/a', 'team.tools': 'n/a', 'team.size': 'n/a', 'team.alone_followup': 4 });
    expect(report.scores.dimensions[0]).toMatchObject({ id: 'team', score: 75, answered: 1, questions: 6, notApplicable: 5 });
  }, TERMINAL_TIMEOUT);
});
