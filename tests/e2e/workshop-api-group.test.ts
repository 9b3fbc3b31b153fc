import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBank } from '../../src/cli/load-bank.js';
import type { Bank } from '../../src/core/index.js';
import { diag } from './run-cli.js';
import { answersFor, getJson, postJson, startWorkshop, type RunningWorkshop } from './workshop-api-server.js';

const temp = mkdtempSync(join(tmpdir(), 'diag-workshop-group-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Every number in the figures of an aggregate (counts, and the bank's own reference figures, aside). */
function figures(value: unknown, key = ''): number[] {
  if (typeof value === 'number') return ['count', 'minGroup', 'answered', 'skipped', 'notApplicable', 'reference'].includes(key) ? [] : [value];
  if (Array.isArray(value)) return value.flatMap((v) => figures(v, key));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => (k === 'levels' || k === 'distribution' ? [] : figures(v, k)));
  return [];
}

describe('diag workshop: the group screen and its snapshot rule (k = 3)', () => {
  const dir = join(temp, 'group');
  const { bank } = loadBank(undefined);
  const by = bank.questions.find((q) => (q.type === 'single' || q.type === 'boolean') && q.when === undefined)?.id;
  const byArgs = by === undefined ? [] : ['--by', by];
  let ws: RunningWorkshop;
  /** Person n, with the answers of `like` (people with the same answers are in the same figures). */
  const submit = async (n: number, like = n) => {
    const served = (await getJson(`${ws.base}/api/bank?code=${ws.code}`)).body as Bank;
    const response = await postJson(`${ws.base}/api/answers?code=${ws.code}`, { bank: served.id, respondent: `p${n}`, answers: answersFor(served, like) });
    expect(response.status).toBe(201);
  };
  const group = async () => (await getJson(`${ws.base}/api/group?token=${ws.token}`)).body;
  const status = async () => (await getJson(`${ws.base}/api/status?token=${ws.token}`)).body;
  const aggregate = () => {
    const result = diag(['aggregate', dir, '--format', 'json', '--min-group', '3', ...byArgs]);
    expect(result.stderr).not.toMatch(/error/i);
    return JSON.parse(result.stdout);
  };

  it('shows only the count under k, the figures at k, nothing new until k more, then all', async () => {
    ws = await startWorkshop(dir, ['--min-group', '3', ...byArgs]);
    try {
      await submit(1);
      await submit(2);
      expect(await status()).toMatchObject({ finished: 2, shown: 0, nextAt: 3 });
      const underK = await group();
      expect(underK).toMatchObject({ count: 2, minGroup: 3, by: byArgs.slice(1) });
      expect(figures(underK)).toEqual([]);
      // What the screen shows is what `diag aggregate DIR` says of the same people: their count only.
      expect(underK).toEqual(aggregate());
      await submit(3);
      expect(await status()).toMatchObject({ finished: 3, shown: 3, nextAt: 6 });
      const atK = await group();
      expect(figures(atK).length).toBeGreaterThan(0);
      expect(atK).toEqual(aggregate());
      // Newcomers join the view by groups of k alike (src/cli/workshop/snapshot.ts): 4, 5 and 6
      // answer alike (tests/e2e/workshop-snapshot.test.ts has those who do not).
      await submit(4);
      expect(await status()).toMatchObject({ finished: 4, shown: 3, nextAt: 6 });
      expect(await group()).toEqual(atK);
      await submit(5, 4);
      expect(await status()).toMatchObject({ finished: 5, shown: 3, nextAt: 6 });
      expect(await group()).toEqual(atK);
      await submit(6, 4);
      expect(await status()).toMatchObject({ finished: 6, shown: 6, nextAt: 9 });
      const atSix = await group();
      expect(atSix).not.toEqual(atK);
      expect(atSix).toMatchObject({ count: 6 });
      expect(atSix).toEqual(aggregate());
      await submit(7);
      expect(await ws.stop()).toBe(130);
      // The snapshot is kept: a restart shows the same six, not seven.
      ws = await startWorkshop(dir, ['--min-group', '3', ...byArgs]);
      expect(await status()).toMatchObject({ finished: 7, shown: 6, nextAt: 9 });
      expect(await group()).toEqual(atSix);
      const html = await (await fetch(`${ws.base}/api/group.html?token=${ws.token}`)).text();
      expect(html).toContain('<!doctype html>');
    } finally {
      await ws.stop();
    }
  }, 60_000);
});
