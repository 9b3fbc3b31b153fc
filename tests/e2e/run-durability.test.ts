import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, ROOT } from './run-cli.js';
import { HAS_TMUX, Terminal } from './tmux.js';

/** A real process in a real terminal can be slow on a loaded 2-core machine. */
const TERMINAL_TIMEOUT = 60000;
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'diag-run-durable-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const describeTmux = HAS_TMUX ? describe : describe.skip;
if (!HAS_TMUX) console.warn('tmux is not installed: the terminal tests of diag run (lock, signals, resume) are skipped');

async function choose(term: Terminal, n: number, next: string) {
  term.type(String(n));
  term.keys('Enter');
  return term.waitForPrompt(next);
}

/** The pid in the lock of a run's progress: the process to signal, by its id. */
function lockedPid(state: string, bank = 'sample'): number {
  return JSON.parse(readFileSync(join(state, `${bank}.progress.json.lock`), 'utf8')).pid;
}

describeTmux('diag run: lock, signals and resume after a bank change (tmux)', () => {
  const command = (state: string, extra: string) => `NO_COLOR=1 node ${BIN} run --bank tests/fixtures/banks/sample.yaml --lang en --state-dir ${state} ${extra}`;

  it('a second run on the same state folder is refused at once, naming the first; a dead one’s lock is taken over', async () => {
    const state = join(dir, 'state-lock');
    const first = new Terminal(command(state, `--respondent A --out ${join(dir, 'a.json')}`), { cwd: ROOT });
    try {
      await first.waitForPrompt('Question 1/');
      await choose(first, 1, 'Question 2/');
      const saved = readFileSync(join(state, 'sample.progress.json'), 'utf8');
      const pid = lockedPid(state);
      const second = new Terminal(command(state, `--respondent B --out ${join(dir, 'b.json')}`), { cwd: ROOT });
      try {
        const screen = await second.waitFor('EXIT=2');
        expect(screen).toContain(`another diag run (process ${pid}, since`);
        expect(screen).not.toContain('Question 1/');
      } finally {
        second.close();
      }
      expect(readFileSync(join(state, 'sample.progress.json'), 'utf8')).toBe(saved);
      // Killed outright: the lock stays behind, stale.
      process.kill(pid, 'SIGKILL');
      await first.waitFor(/EXIT=(137|-9|9)/);
    } finally {
      first.close();
    }
    expect(existsSync(join(state, 'sample.progress.json.lock'))).toBe(true);
    const third = new Terminal(command(state, `--resume --out ${join(dir, 'c.json')}`), { cwd: ROOT });
    try {
      await third.waitForPrompt('Question 2/');
      expect(lockedPid(state)).not.toBe(0);
      third.keys('C-c');
      await third.waitFor('EXIT=130');
    } finally {
      third.close();
    }
    expect(existsSync(join(state, 'sample.progress.json.lock'))).toBe(false);
  }, TERMINAL_TIMEOUT);

  for (const [signal, code] of [
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const) {
    it(`${signal}: answers kept, cursor shown again, one line on stderr, exit ${code}`, async () => {
      const state = join(dir, `state-${signal}`);
      const term = new Terminal(command(state, `--respondent S --out ${join(dir, `${signal}.json`)}`), { cwd: ROOT, width: 250 });
      try {
        await term.waitForPrompt('Question 1/');
        await choose(term, 2, 'Question 2/');
        await choose(term, 1, 'Question 3/');
        expect(term.cursorVisible()).toBe(false);
        process.kill(lockedPid(state), signal);
        const screen = await term.waitFor(`EXIT=${code}`);
        expect(screen).toContain(`diag: stopped by ${signal}; your answers are kept in ${join(state, 'sample.progress.json')}`);
        expect(term.cursorVisible()).toBe(true);
      } finally {
        term.close();
      }
      expect(existsSync(join(state, 'sample.progress.json.lock'))).toBe(false);
      const progress = JSON.parse(readFileSync(join(state, 'sample.progress.json'), 'utf8'));
      expect(progress.answers).toEqual({ age: '30-44', sells: true });
    }, TERMINAL_TIMEOUT);
  }

  it('the terminal window closed (the pty gone, not only a SIGHUP): answers kept, lock released, exit 129, no stack trace', async () => {
    const state = join(dir, 'state-closed');
    const rc = join(dir, 'closed.rc');
    const err = join(dir, 'closed.err');
    // The shell ignores the hang-up so that it lives on to write diag's exit code and stderr down.
    const term = new Terminal(`sh -c 'trap "" HUP; ${command(state, `--respondent W --out ${join(dir, 'closed.json')}`)} 2>${err}; echo $? > ${rc}'`, { cwd: ROOT });
    let pid = 0;
    try {
      await term.waitForPrompt('Question 1/');
      await choose(term, 2, 'Question 2/');
      await choose(term, 1, 'Question 3/');
      pid = lockedPid(state);
    } finally {
      term.close();
    }
    const end = Date.now() + 15000;
    while (!existsSync(rc) && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(pid).not.toBe(0);
    expect(readFileSync(err, 'utf8')).not.toMatch(/^\s+at |Unhandled|EIO/m);
    expect(readFileSync(rc, 'utf8').trim()).toBe('129');
    expect(existsSync(join(state, 'sample.progress.json.lock'))).toBe(false);
    expect(JSON.parse(readFileSync(join(state, 'sample.progress.json'), 'utf8')).answers).toEqual({ age: '30-44', sells: true });
  }, TERMINAL_TIMEOUT);

  it('--resume after the bank changed keeps the valid answers, says what was dropped, and finishes; a 300-character pseudonym is written', async () => {
    const state = join(dir, 'state-bank');
    const bankFile = join(dir, 'sample.yaml');
    const original = readFileSync('tests/fixtures/banks/sample.yaml', 'utf8');
    writeFileSync(bankFile, original);
    const out = join(dir, 'out');
    const long = 'Ç'.repeat(150) + 'x'.repeat(150);
    const cmd = (extra: string) => `NO_COLOR=1 node ${BIN} run --bank ${bankFile} --lang en --state-dir ${state} --out-dir ${out} ${extra}`;
    const first = new Terminal(cmd(`--respondent ${long}`), { cwd: ROOT });
    try {
      await first.waitForPrompt('Question 1/');
      await choose(first, 3, 'Question 2/'); // age 45+
      await choose(first, 1, 'Question 3/');
      await choose(first, 4, 'Question 4/');
      first.keys('C-c');
      await first.waitFor('EXIT=130');
    } finally {
      first.close();
    }
    // The bank changes: a new version, and the option chosen for age is gone.
    writeFileSync(bankFile, original.replace('version: 1.2.0', 'version: 1.3.0').replace('      - {value: "45+", label: "45+"}\n', ''));
    const second = new Terminal(cmd('--resume'), { cwd: ROOT });
    try {
      const notice = await second.waitFor('? Enter to continue');
      expect(notice).toContain('The questionnaire has changed since your pause (version 1.2.0 → 1.3.0).');
      expect(notice).toContain('1 answer is no longer valid and will be asked again:');
      expect(notice).toContain('"45+" is not an option');
      expect(notice).toContain('2 answers kept.');
      second.keys('Enter');
      await second.waitForPrompt('Question 1/');
      expect(second.screen()).toContain('Your age?');
      await choose(second, 2, 'Question 4/');
      await choose(second, 1, 'Question 5/');
      await choose(second, 1, 'Question 6/');
      second.type('4');
      second.keys('Enter');
      await second.waitForPrompt('Question 7/');
      await choose(second, 1, 'Question 8/');
      await choose(second, 1, 'Question 9/');
      await choose(second, 1, 'Question 10/');
      second.keys('Space', 'Enter');
      await second.waitForPrompt('Question 11/11');
      second.keys('Enter');
      await second.waitFor('Finish and see my results');
      second.keys('Enter');
      await second.waitFor('EXIT=0');
    } finally {
      second.close();
    }
    const [reportName] = readdirSync(out).filter((f) => f.endsWith('.json'));
    expect(reportName).toBeDefined();
    // --out-dir is a shared folder (README "diag run"): the answers go to its answers/ subfolder,
    // under the report's name, so that `diag aggregate DIR` reads each participant once.
    expect(readdirSync(out).sort()).toEqual(['answers', (reportName ?? '').replace(/\.json$/, '.html'), reportName]);
    expect(readdirSync(join(out, 'answers'))).toEqual([(reportName ?? '').replace(/\.json$/, '.yaml')]);
    expect(Buffer.byteLength(reportName ?? '')).toBeLessThan(120);
    const report = JSON.parse(readFileSync(join(out, reportName ?? ''), 'utf8'));
    expect(report.respondent).toBe(long);
    expect(report.bank.version).toBe('1.3.0');
    expect(report.profile).toEqual({ age: '30-44', sells: true });
    expect(report.answers['async.interruptions']).toBe(4);
  }, TERMINAL_TIMEOUT);

  it('the hot-seat workshop: a second one on the same folder and state is refused at once', async () => {
    const state = join(dir, 'state-ws');
    const folder = join(dir, 'ws');
    const cmd = `NO_COLOR=1 node ${BIN} run --workshop ${folder} --bank tests/fixtures/banks/sample.yaml --lang en --state-dir ${state}`;
    const first = new Terminal(cmd, { cwd: ROOT, width: 250 });
    try {
      await first.waitFor('Next participant: start');
      const second = new Terminal(cmd, { cwd: ROOT, width: 250 });
      try {
        const screen = await second.waitFor('EXIT=2');
        expect(screen).toMatch(/another diag run \(process \d+, since .*\) is already using .*sample\.workshop-[0-9a-f]{12}\.json/);
      } finally {
        second.close();
      }
      first.keys('C-c');
      await first.waitFor('EXIT=130');
    } finally {
      first.close();
    }
    expect(readdirSync(state).filter((f) => f.endsWith('.lock'))).toEqual([]);
  }, TERMINAL_TIMEOUT);
});
