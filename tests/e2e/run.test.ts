import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, diag, ROOT } from './run-cli.js';
import { HAS_TMUX, Terminal } from './tmux.js';

/** A real process in a real terminal can be slow on a loaded 2-core machine. */
const TERMINAL_TIMEOUT = 60000;
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'diag-run-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('diag run without a terminal', () => {
  it('exits 2 at once and says what to do instead', () => {
    const r = diag(['run', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('diag template > answers.yaml');
    expect(r.stdout).toBe('');
  });
});

const describeTmux = HAS_TMUX ? describe : describe.skip;
if (!HAS_TMUX) console.warn('tmux is not installed: the terminal tests of diag run are skipped');

describeTmux('diag run in a real terminal (tmux)', () => {
  const command = (out: string, extra = '') =>
    `NO_COLOR=1 node ${BIN} run --bank tests/fixtures/banks/sample.yaml --lang en --state-dir ${join(dir, 'state')} --out ${out} ${extra}`;

  /** Answers one select question by its number and waits for the next screen. */
  async function choose(term: Terminal, n: number, next: string) {
    term.type(String(n));
    term.keys('Enter');
    return term.waitForPrompt(next);
  }

  it('goes from the welcome to the results and writes the report', async () => {
    const out = join(dir, 'full.json');
    const term = new Terminal(command(out, '--respondent Tess'), { cwd: ROOT });
    try {
      const first = await term.waitForPrompt('Question 1/');
      expect(first).toContain('Your age?');
      expect(first).toContain('1. 18-29');
      await choose(term, 2, 'Question 2/');
      await choose(term, 1, 'Question 3/');
      const likert = term.screen();
      expect(likert).toContain('I am often interrupted.');
      expect(likert).toContain('5. Strongly agree');
      await choose(term, 4, 'Question 4/');
      await choose(term, 2, 'Question 5/');
      expect(term.screen()).toContain('Skip this question');
      await choose(term, 6, 'Question 6/');
      term.type('3');
      term.keys('Enter');
      await term.waitForPrompt('Question 7/');
      await choose(term, 1, 'Question 8/');
      await choose(term, 3, 'Question 9/');
      await choose(term, 5, 'Question 10/');
      term.keys('Space', 'Enter');
      await term.waitForPrompt('Question 11/11');
      term.type('all good');
      term.keys('Enter');
      const review = await term.waitFor('Finish and see my results');
      expect(review).toContain('Channels? → Social');
      term.keys('Enter');
      const results = await term.waitFor('in a browser');
      expect(results).toContain('Sample — Tess');
      // The HTML report is beside the JSON, named on screen as a file:// link (OSC 8 in a terminal).
      expect(results).toContain(`file://${out.replace(/\.json$/, '.html')}`.slice(0, 40));
      expect(results).not.toContain('in the report');
      expect(results).toContain('Overall score: 64 / 100 · Advanced');
      expect(results).toMatch(/Digital\s+│\s+96 │/);
      expect(await term.waitFor('EXIT=0')).toBeTruthy();
    } finally {
      term.close();
    }
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report.respondent).toBe('Tess');
    expect(readFileSync(out.replace(/\.json$/, '.html'), 'utf8')).toMatch(/^<!doctype html>[\s\S]*Tess[\s\S]*<\/html>\n$/);
    expect(report.answers).toMatchObject({ 'async.interruptions': 4, 'async.written': 10, 'async.optional': null, 'digital.tools': 3, 'sales.channels': ['social'], comment: 'all good' });
    expect(report.scores.overall.score).toBe(64);
    const answers = join(dir, 'full-answers.yaml');
    expect(existsSync(answers)).toBe(true);
    const rescored = diag(['score', '--bank', 'tests/fixtures/banks/sample.yaml', '-f', 'json', answers]);
    expect(JSON.parse(rescored.stdout).scores).toEqual(report.scores);
  }, TERMINAL_TIMEOUT);

  it('Ctrl-C saves the answers given, exits 130, and --resume finishes the same run', async () => {
    const out = join(dir, 'resumed.json');
    const first = new Terminal(command(out, '--respondent Remy'), { cwd: ROOT });
    try {
      await first.waitForPrompt('Question 1/');
      await choose(first, 1, 'Question 2/');
      await choose(first, 2, 'Question 3/');
      await choose(first, 5, 'Question 4/');
      first.keys('C-c');
      const paused = await first.waitFor('EXIT=130');
      expect(paused).toContain('Paused: your answers are kept in');
      expect(paused).toContain('To resume: diag run --resume');
    } finally {
      first.close();
    }
    expect(existsSync(out)).toBe(false);
    const second = new Terminal(command(out, '--resume'), { cwd: ROOT });
    try {
      const screen = await second.waitForPrompt('Question 4/');
      expect(screen).toContain('Information is written down.');
      await choose(second, 1, 'Question 5/');
      await choose(second, 1, 'Question 6/');
      second.type('11');
      second.keys('Enter');
      await second.waitForPrompt('Question 7/');
      await choose(second, 2, 'Question 8/');
      await choose(second, 1, 'Question 9/');
      await choose(second, 1, 'Question 10/');
      second.keys('Enter');
      await second.waitFor('Finish and see my results');
      second.keys('Enter');
      await second.waitFor('EXIT=0');
    } finally {
      second.close();
    }
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report.respondent).toBe('Remy');
    expect(report.profile).toEqual({ age: '18-29', sells: false });
    expect(report.answers['async.interruptions']).toBe(5);
    expect(existsSync(join(dir, 'state', 'sample.progress.json'))).toBe(false);
  }, TERMINAL_TIMEOUT);

  it('a corrupt progress file is said on stderr and kept aside, then the run starts afresh', async () => {
    const state = join(dir, 'corrupt-state');
    mkdirSync(state, { mode: 0o700 });
    const progress = join(state, 'sample.progress.json');
    writeFileSync(progress, '{"bank": "sample", "answers": {"async.interruptions": 5,', { mode: 0o644 });
    const term = new Terminal(`NO_COLOR=1 node ${BIN} run --bank tests/fixtures/banks/sample.yaml --lang en --state-dir ${state} --out ${join(dir, 'corrupt.json')} --resume`, { cwd: ROOT });
    try {
      const screen = await term.waitFor('a pseudonym');
      // The terminal wraps the long line anywhere: compared without white space.
      const flat = (text: string) => text.replace(/\s+/g, '');
      expect(flat(screen)).toContain(flat(`warning: ${progress}: the saved progress cannot be used (not valid JSON); kept as ${progress}.corrupt-`));
      expect(screen).toContain('No diagnostic in progress to resume: starting a new one.');
      term.keys('C-c');
      await term.waitFor('EXIT=130');
    } finally {
      term.close();
    }
    const kept = readdirSync(state).filter((name) => name.startsWith('sample.progress.json.corrupt-'));
    expect(kept).toHaveLength(1);
    const keptFile = join(state, kept[0] ?? '');
    expect(readFileSync(keptFile, 'utf8')).toBe('{"bank": "sample", "answers": {"async.interruptions": 5,');
    expect(statSync(keptFile).mode & 0o777).toBe(0o600);
  }, TERMINAL_TIMEOUT);

  it('SIGKILL in the middle loses no answer given: --resume finishes with all of them', async () => {
    const out = join(dir, 'killed.json');
    const state = join(dir, 'state-killed');
    const cmd = `NO_COLOR=1 node ${BIN} run --bank tests/fixtures/banks/sample.yaml --lang en --state-dir ${state} --out ${out}`;
    const first = new Terminal(`${cmd} --respondent Kim`, { cwd: ROOT });
    try {
      await first.waitForPrompt('Question 1/');
      await choose(first, 3, 'Question 2/');
      await choose(first, 1, 'Question 3/');
      await choose(first, 2, 'Question 4/');
      // No Ctrl-C, no chance to clean up: the process is killed outright.
      // Only the node process: tmux and the shell carry the same words in their command lines.
      execFileSync('pkill', ['-KILL', '-f', `^[^ ]*node [^ ]*diag\\.js run .*--state-dir ${state}`]);
      await first.waitFor(/EXIT=(137|-9|9)/);
    } finally {
      first.close();
    }
    const second = new Terminal(`${cmd} --resume`, { cwd: ROOT });
    try {
      await second.waitForPrompt('Question 4/');
      await choose(second, 2, 'Question 5/');
      await choose(second, 6, 'Question 6/');
      second.type('5');
      second.keys('Enter');
      await second.waitForPrompt('Question 7/');
      await choose(second, 1, 'Question 8/');
      await choose(second, 2, 'Question 9/');
      await choose(second, 3, 'Question 10/');
      second.keys('Space', 'Enter');
      await second.waitForPrompt('Question 11/11');
      second.keys('Enter');
      await second.waitFor('Finish and see my results');
      second.keys('Enter');
      await second.waitFor('EXIT=0');
    } finally {
      second.close();
    }
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report.respondent).toBe('Kim');
    expect(report.profile).toEqual({ age: '45+', sells: true });
    expect(report.answers).toMatchObject({ 'async.interruptions': 2, 'async.written': 10, 'async.optional': null, 'digital.tools': 5 });
  }, TERMINAL_TIMEOUT);

  it('refuses a workshop folder holding a file the group screen could not count, before anyone answers', async () => {
    const workshop = join(dir, 'workshop-bad');
    mkdirSync(workshop, { recursive: true });
    writeFileSync(join(workshop, 'stray.json'), '{"x": 1}\n');
    const term = new Terminal(`NO_COLOR=1 node ${BIN} run --workshop ${workshop} --bank tests/fixtures/banks/sample.yaml --lang en --state-dir ${join(dir, 'state-ws-bad')}`, { cwd: ROOT });
    try {
      const screen = await term.waitFor('EXIT=2');
      expect(screen).toContain(`${workshop}: 1 file cannot be counted; fix or move it out of the folder`);
      expect(screen).toContain('stray.json');
      // The first problems only, so that the message stays on the screen.
      expect(screen).toMatch(/… and \d+ more problems \(diag aggregate lists them all\)/);
      expect(screen.split('\n').filter((line) => line.includes('stray.json:')).length).toBe(4);
      expect(screen).not.toContain('Next participant');
    } finally {
      term.close();
    }
  }, TERMINAL_TIMEOUT);

  it('runs a workshop: participants take turns, each saved once, then the group', async () => {
    const workshop = join(dir, 'workshop');
    const term = new Terminal(`NO_COLOR=1 node ${BIN} run --workshop ${workshop} --bank tests/fixtures/banks/sample.yaml --lang en --state-dir ${join(dir, 'state-ws')}`, { cwd: ROOT });
    const participant = async (name: string, age: number) => {
      await term.waitFor('Next participant: start');
      term.keys('Enter');
      await term.waitFor('Your first name or a pseudonym');
      term.type(name);
      term.keys('Enter');
      await term.waitForPrompt('Question 1/');
      await choose(term, age, 'Question 2/');
      await choose(term, 2, 'Question 3/');
      for (const [n, next] of [[4, 'Question 4/'], [2, 'Question 5/'], [6, 'Question 6/']] as const) await choose(term, n, next);
      term.type('4');
      term.keys('Enter');
      await term.waitForPrompt('Question 7/');
      for (const [n, next] of [[1, 'Question 8/'], [2, 'Question 9/'], [3, 'Question 10/']] as const) await choose(term, n, next);
      term.keys('Enter');
      await term.waitFor('Finish and see my results');
      term.keys('Enter');
      const results = await term.waitFor('Enter to clear the screen and hand over');
      expect(results).toContain(`Sample${name === '' ? '' : ` — ${name}`}`);
      term.keys('Enter');
    };
    try {
      await participant('Ana', 1);
      const between = await term.waitFor('1 participant has answered so far');
      expect(between).not.toContain('Ana');
      await participant('', 2);
      await term.waitFor('2 participants have answered so far');
      term.keys('Down', 'Enter');
      const group = await term.waitFor('EXIT=0');
      expect(group).toContain('Sample — 2 participants');
      expect(group).toContain('fewer than 5 participants');
    } finally {
      term.close();
    }
    expect(readdirSync(workshop).filter((f) => f.endsWith('.json'))).toHaveLength(2);
    expect(readdirSync(join(workshop, 'answers'))).toHaveLength(2);
    expect(diag(['aggregate', '--bank', 'tests/fixtures/banks/sample.yaml', '-f', 'json', workshop]).stdout).toContain('"count": 2');
  }, TERMINAL_TIMEOUT);
});
