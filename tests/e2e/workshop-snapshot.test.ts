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
      // One gone and two new: the view waits for k newcomers alike (see nextView in snapshot.ts).
      await submit(person('p8', 4));
      expect(q1(await group())).toBeUndefined();
      await submit(person('p9', 4));
      const moved = await group();
      expect(moved.count).toBe(8);
    } finally {
      await ws.stop();
    }
  }, 60_000);

  // The projector shows how many more people the figures wait for (status.nextAt). Worked out
  // from the groups of newcomers alike, it moved or stayed with each submission depending on
  // whether that person was like those waiting: the room, watching who had just finished, read
  // their team (or their "does not apply" answers) off the screen.
  it('the number of people the view waits for does not tell whether a newcomer is like the others', async () => {
    const dir = join(temp, 'next-at');
    ws = await startWorkshop(dir, ['--bank', BANK, '--min-group', '3', '--by', 'team']);
    try {
      const member = (name: string, team: string) => ({ bank: 'stats-privacy', respondent: name, answers: { team, boss: false, q1: 3, q2: 3, q3: 5, q5: true } });
      const status = async () => (await getJson(`${ws.base}/api/status?token=${ws.token}`)).body as { finished: number; shown: number; nextAt: number };
      for (const name of ['p1', 'p2', 'p3']) await submit(member(name, 'a'));
      expect(await status()).toMatchObject({ shown: 3, nextAt: 6 });
      await submit(member('n1', 'a'));
      expect(await status()).toMatchObject({ finished: 4, nextAt: 6 });
      // A newcomer of the other team: the screen must say the same as for one of team a.
      await submit(member('n2', 'b'));
      expect(await status()).toMatchObject({ finished: 5, shown: 3, nextAt: 6 });
      // Past that soonest, it says "at least one more" whoever comes.
      await submit(member('n3', 'b'));
      expect(await status()).toMatchObject({ finished: 6, shown: 3, nextAt: 7 });
    } finally {
      await ws.stop();
    }
  }, 60_000);

  // The view moves by groups of newcomers alike (nextView in src/cli/workshop/snapshot.ts): a
  // newcomer alone in a segment, or the only new one asked a conditional question, waits for k
  // people like them.
  it('a segment (or a conditional question) never changes by fewer than k people between two views', async () => {
    const dir = join(temp, 'spread');
    ws = await startWorkshop(dir, ['--bank', BANK, '--min-group', '3', '--by', 'team']);
    try {
      const member = (name: string, team: string, q1: number, boss = false) => ({ bank: 'stats-privacy', respondent: name, answers: { team, boss, q1, q2: 3, q3: 5, q5: true, ...(boss ? { q4: q1 } : {}) } });
      for (const [i, team] of ['a', 'a', 'a', 'b', 'b', 'b'].entries()) await submit(member(`p${i}`, team, 3));
      const before = (await getJson(`${ws.base}/api/group?token=${ws.token}`)).body as { segments: Array<{ value: string; count: number }> };
      // Three new people: two in team a, one in team b who answered q1 = 5 and is the only new boss.
      await submit(member('n1', 'a', 3));
      await submit(member('n2', 'a', 3));
      await submit(member('n3', 'b', 5, true));
      const after = (await getJson(`${ws.base}/api/group?token=${ws.token}`)).body as { segments: Array<{ value: string; count: number }> };
      const grew = after.segments.map((x) => x.count - (before.segments.find((y) => y.value === x.value)?.count ?? 0));
      for (const n of grew) expect(n === 0 || n >= 3).toBe(true);
      // A third newcomer like the two of team a: those three join the view; the boss still waits.
      await submit(member('n4', 'a', 3));
      const moved = (await getJson(`${ws.base}/api/group?token=${ws.token}`)).body as { count: number; segments: Array<{ value: string; count: number }> };
      expect(moved.count).toBe(9);
      expect(moved.segments.find((x) => x.value === 'a')?.count).toBe(6);
      expect(moved.segments.find((x) => x.value === 'b')?.count).toBe(3);
      const status = (await getJson(`${ws.base}/api/status?token=${ws.token}`)).body as { finished: number; shown: number };
      expect(status).toMatchObject({ finished: 10, shown: 9 });
    } finally {
      await ws.stop();
    }
  }, 60_000);
});
