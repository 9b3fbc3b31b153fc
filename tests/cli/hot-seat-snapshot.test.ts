import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { groupSnapshot } from '../../src/cli/commands/workshop.js';

// The hot-seat finish screen (diag run --workshop) never shows two views that differ by fewer than
// k = 5 participants: resuming a workshop and adding one person must not change the figures.
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

  it('shows the count only after a report of the last view left DIR, until k people are apart from it', () => {
    dir = mkdtempSync(join(tmpdir(), 'diag-hot-seat-'));
    add(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(groupSnapshot(dir).shown).toHaveLength(6);
    // a.json taken out: the five others beside the six shown before would give a's answers.
    rmSync(join(dir, 'a.json'));
    expect(groupSnapshot(dir)).toEqual({ shown: [], finished: 5, countOnly: true });
    add(['g', 'h', 'i']);
    expect(groupSnapshot(dir)).toEqual({ shown: [], finished: 8, countOnly: true });
    add(['j']);
    // One gone and four new: five apart, the view moves to the nine there are.
    expect(groupSnapshot(dir)).toEqual({ shown: ['b.json', 'c.json', 'd.json', 'e.json', 'f.json', 'g.json', 'h.json', 'i.json', 'j.json'], finished: 9 });
  });
});
