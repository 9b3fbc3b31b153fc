import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getJson, postJson, startWorkshop, type RunningWorkshop } from './workshop-api-server.js';

/**
 * SPEC section 10: two successive views of the group screen never differ by fewer than k
 * respondents. The views are counted in people as `diag aggregate` counts them: the same name with
 * the same answers counts once, and a report taken out of DIR between two runs is one person less.
 */
const temp = mkdtempSync(join(tmpdir(), 'diag-workshop-snapshot-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const BANK = 'tests/fixtures/banks/stats-privacy.yaml';
const person = (name: string, q1: number) => ({ bank: 'stats-privacy', respondent: name, answers: { team: 'a', boss: false, q1, q2: 3, q3: 5, q5: true } });

describe('diag workshop: successive group views differ by at least k people (k = 3)', () => {
  let ws: RunningWorkshop;
  const submit = async (answers: unknown) => expect((await postJson(`${ws.base}/api/answers?code=${ws.code}`, answers)).status).toBe(201);
  const group = async () => (await getJson(`${ws.base}/api/group?token=${ws.token}`)).body as { count: number; questions?: Array<{ id: string; distribution?: Record<string, number> }> };
  const q1 = (view: Awaited<ReturnType<typeof group>>) => view.questions?.find((q) => q.id === 'q1')?.distribution;

  it('copies of answers already counted do not make the k that move the view', async () => {
    const dir = join(temp, 'copies');
    ws = await startWorkshop(dir, ['--bank', BANK, '--min-group', '3']);
    try {
      for (const name of ['p1', 'p2', 'p3']) await submit(person(name, 3));
      const first = await group();
      expect(first.count).toBe(3);
      // One new person (q1 = 5), then two copies of p1's own answers: three submissions, one new person.
      await submit(person('victim', 5));
      await submit(person('p1', 3));
      await submit(person('p1', 3));
      const second = await group();
      expect(second).toEqual(first);
      expect(q1(second)?.['5']).toBe(0);
      // Two more people: now three are new, and the view moves.
      await submit(person('p5', 2));
      await submit(person('p6', 2));
      const third = await group();
      expect(third.count).toBe(6);
    } finally {
      await ws.stop();
    }
  }, 60_000);

  it('a report taken out of DIR between two runs does not change the view by one person', async () => {
    const dir = join(temp, 'removed');
    ws = await startWorkshop(dir, ['--bank', BANK, '--min-group', '3']);
    let before: Awaited<ReturnType<typeof group>>;
    try {
      for (const [i, name] of ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'].entries()) await submit(person(name, 1 + (i % 5)));
      before = await group();
      expect(before.count).toBe(6);
    } finally {
      await ws.stop();
    }
    const report = readdirSync(dir).filter((f) => f.endsWith('.json')).sort()[0];
    if (report === undefined) throw new Error('no report stored');
    rmSync(join(dir, report));
    ws = await startWorkshop(dir, ['--bank', BANK, '--min-group', '3']);
    try {
      const after = await group();
      // Five of the six: the figures of before minus those of after would be the one removed.
      expect(q1(after)).toBeUndefined();
      await submit(person('p7', 4));
      expect(q1(await group())).toBeUndefined();
      // One gone and two new: three people apart from the last view, which may now move.
      await submit(person('p8', 4));
      const moved = await group();
      expect(moved.count).toBe(7);
    } finally {
      await ws.stop();
    }
  }, 60_000);
});
