import { afterEach, describe, expect, it } from '@jest/globals';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { groupSnapshot as snapshotOf } from '../../src/cli/commands/workshop.js';
import { loadBank } from '../../src/cli/load-bank.js';

const { bank } = loadBank(undefined);
const groupSnapshot = (folder: string) => snapshotOf(folder, bank);

// The hot-seat finish screen (diag run --workshop) never shows two views that differ by fewer than
// k = 5 participants in any figure: resuming a workshop and adding one person must not change the
// figures. These files are not reports: all alike, they are counted in the same (no) figures.
let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const add = (names: string[]) => names.forEach((n) => writeFileSync(join(dir, `${n}.json`), '{}'));

describe('the hot-seat finish screen snapshot', () => {
  it('shows everyone below k (the core then shows the count only), then moves only by k or more', () => {
    dir = mkdtempSync(join(tmpdir(), 'diag-hot-seat-'));
    add(['a', 'b', 'c']);
    expect(groupSnapshot(dir)).toEqual({ shown: ['a.json', 'b.json', 'c.json'], finished: 3 });
    add(['d', 'e']);
    expect(groupSnapshot(dir).shown).toHaveLength(5);
    add(['f']);
    // One more: the same five as before, not six.
    expect(groupSnapshot(dir)).toEqual({ shown: ['a.json', 'b.json', 'c.json', 'd.json', 'e.json'], finished: 6 });
    add(['g', 'h', 'i']);
    expect(groupSnapshot(dir).shown).toHaveLength(5);
    add(['j']);
    expect(groupSnapshot(dir).shown).toHaveLength(10);
  });

  it('counts the reports diag aggregate DIR reads: not a hidden file, a folder or a FIFO named *.json', () => {
    dir = mkdtempSync(join(tmpdir(), 'diag-hot-seat-'));
    add(['a', 'b']);
    writeFileSync(join(dir, '._a.json'), Buffer.from([0, 5, 22, 7]));
    mkdirSync(join(dir, 'old.json'));
    execFileSync('mkfifo', [join(dir, 'pipe.json')]);
    // Should the FIFO be read (it waited forever), this writer ends the wait in 2 s: the test then
    // fails on the count instead of hanging the whole run.
    const writer = spawn('sh', ['-c', `sleep 2; printf '{}' > ${JSON.stringify(join(dir, 'pipe.json'))}`], { stdio: 'ignore', detached: true });
    try {
      expect(groupSnapshot(dir)).toEqual({ shown: ['a.json', 'b.json'], finished: 2 });
    } finally {
      if (writer.pid !== undefined) process.kill(-writer.pid, 'SIGKILL');
    }
  });

  it('lets newcomers in by groups of k alike: one whose answers took another path waits', () => {
    dir = mkdtempSync(join(tmpdir(), 'diag-hot-seat-'));
    const question = bank.questions.find((q) => q.profile !== true);
    if (question === undefined) throw new Error('the bundled bank has questions');
    const report = (answered: boolean) => JSON.stringify({ profile: {}, answers: answered ? { [question.id]: 1 } : {}, scores: { overall: { score: 50 }, dimensions: [] } });
    const put = (names: string[], answered: boolean) => names.forEach((n) => writeFileSync(join(dir, `${n}.json`), report(answered)));
    put(['a', 'b', 'c', 'd', 'e'], false);
    expect(groupSnapshot(dir).shown).toHaveLength(5);
    // Five newcomers, one of them alone in answering that question: the four alike wait too.
    put(['f', 'g', 'h', 'i'], false);
    put(['z'], true);
    expect(groupSnapshot(dir).shown).toHaveLength(5);
    put(['j'], false);
    expect(groupSnapshot(dir).shown).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].map((n) => `${n}.json`));
  });

  it('shows the count only after a report of the last view left DIR, until k newcomers alike can join', () => {
    dir = mkdtempSync(join(tmpdir(), 'diag-hot-seat-'));
    add(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(groupSnapshot(dir).shown).toHaveLength(6);
    // a.json taken out: the five others beside the six shown before would give a's answers.
    rmSync(join(dir, 'a.json'));
    expect(groupSnapshot(dir)).toEqual({ shown: [], finished: 5, countOnly: true });
    add(['g', 'h', 'i']);
    expect(groupSnapshot(dir)).toEqual({ shown: [], finished: 8, countOnly: true });
    add(['j']);
    // One gone and four new: still the count only, until five newcomers alike can join.
    expect(groupSnapshot(dir)).toEqual({ shown: [], finished: 9, countOnly: true });
    add(['k']);
    expect(groupSnapshot(dir)).toEqual({ shown: ['b.json', 'c.json', 'd.json', 'e.json', 'f.json', 'g.json', 'h.json', 'i.json', 'j.json', 'k.json'], finished: 10 });
  });
});
