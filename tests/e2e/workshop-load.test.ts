import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import type { Bank } from '../../src/core/index.js';
import { CONNECTIONS_PER_ADDRESS, FIRST_REQUEST_MS } from '../../src/cli/workshop/server.js';
import { diag } from './run-cli.js';
import { answersFor, getJson, postJson, startWorkshop, storedFiles, type RunningWorkshop } from './workshop-api-server.js';

/** Bounded in count and time, over loopback only. */
const PARTICIPANTS = 200;
const temp = mkdtempSync(join(tmpdir(), 'diag-workshop-load-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/**
 * A request as the page makes it: on a network error (not an HTTP status) it tries again, as a
 * phone does when the connection drops; the participant token makes a second submission safe.
 */
async function persist<T>(attempt: () => Promise<T>, signal: AbortSignal): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (tries >= 3 || signal.aborted) throw new Error(`gave up after ${tries} tries: ${error instanceof Error ? `${error.message} ${String(error.cause ?? '')}` : String(error)}`);
    }
  }
}

/** One participant as the page behaves: the bank, a token, the answers. Resolves with the status of the submission. */
async function participant(ws: RunningWorkshop, n: number, signal: AbortSignal, retry = true): Promise<{ n: number; status: number; token: string }> {
  const once = <T>(attempt: () => Promise<T>) => (retry ? persist(attempt, signal) : attempt());
  const bank = (await once(() => getJson(`${ws.base}/api/bank?code=${ws.code}`, { signal }))).body as Bank;
  const joined = (await once(() => getJson(`${ws.base}/api/join?code=${ws.code}`, { method: 'POST', signal }))).body;
  const token = typeof joined === 'object' && joined !== null && 'participant' in joined ? String(joined.participant) : '';
  const body = JSON.stringify({ bank: bank.id, respondent: `participant ${n}`, answers: answersFor(bank, n) });
  const status = await once(async () => {
    const response = await fetch(`${ws.base}/api/answers?code=${ws.code}&participant=${token}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body, signal });
    await response.arrayBuffer();
    return response.status;
  });
  return { n, status, token };
}

function respondents(dir: string): string[] {
  return storedFiles(dir).reports.map((name) => String(JSON.parse(readFileSync(join(dir, name), 'utf8')).respondent));
}

describe('diag workshop under load', () => {
  it(`takes ${PARTICIPANTS} participants at once: every report stored once, the group equal to diag aggregate of those it shows`, async () => {
    const dir = join(temp, 'load');
    const ws = await startWorkshop(dir);
    try {
      const signal = AbortSignal.timeout(30_000);
      const results = await Promise.all(Array.from({ length: PARTICIPANTS }, (_, n) => participant(ws, n, signal)));
      // 201, or 200 for a submission sent again after a dropped connection: one report each either way.
      expect(results.filter((r) => r.status !== 201 && r.status !== 200)).toEqual([]);
      const stored = storedFiles(dir);
      expect(stored.reports).toHaveLength(PARTICIPANTS);
      expect(stored.answers).toHaveLength(PARTICIPANTS);
      expect(new Set(respondents(dir)).size).toBe(PARTICIPANTS);
      const status = (await getJson(`${ws.base}/api/status?token=${ws.token}`)).body as { shown: number };
      expect(status).toMatchObject({ joined: PARTICIPANTS, finished: PARTICIPANTS });
      // The view takes newcomers by groups alike (src/cli/workshop/snapshot.ts): a few whose
      // answers follow a path nobody else's did since the last view wait, unseen.
      expect(status.shown).toBeGreaterThanOrEqual(PARTICIPANTS * 0.9);
      expect(status.shown).toBeLessThanOrEqual(PARTICIPANTS);
      const shown = (JSON.parse(readFileSync(join(dir, '.diag-workshop', 'shown.json'), 'utf8')) as { shown: string[] }).shown;
      expect(shown).toHaveLength(status.shown);
      const group = (await getJson(`${ws.base}/api/group?token=${ws.token}`)).body;
      const aggregate = diag(['aggregate', ...shown.map((name) => join(dir, name)), '--format', 'json']);
      expect(aggregate.code).toBe(0);
      expect(group).toEqual(JSON.parse(aggregate.stdout));
    } finally {
      await ws.stop();
    }
  }, 60_000);

  it('loses no accepted submission when killed (kill -9) in the middle of the load', async () => {
    const dir = join(temp, 'killed');
    const ws = await startWorkshop(dir);
    const controller = new AbortController();
    const timeout = setTimeout(() => controller.abort(), 30_000);
    let accepted = 0;
    const runs = Array.from({ length: PARTICIPANTS }, (_, n) =>
      participant(ws, n, controller.signal, false).then(
        (result) => {
          if (result.status === 201 && ++accepted === PARTICIPANTS / 4) ws.child.kill('SIGKILL');
          return result;
        },
        () => ({ n, status: 0, token: '' }),
      ),
    );
    const results = await Promise.all(runs);
    clearTimeout(timeout);
    expect(await ws.exited).toBe(-1);
    const acknowledged = results.filter((r) => r.status === 201);
    expect(acknowledged.length).toBeGreaterThanOrEqual(PARTICIPANTS / 4);
    const onDisk = new Set(respondents(dir));
    for (const { n } of acknowledged) expect(onDisk.has(`participant ${n}`)).toBe(true);
    // Nothing half-written: every file reads, and diag aggregate takes the whole folder.
    const aggregate = diag(['aggregate', dir, '--format', 'json']);
    expect(aggregate.code).toBe(0);
    expect(JSON.parse(aggregate.stdout).count).toBe(storedFiles(dir).reports.length);
    // The restart counts every report, and a page that sends its answers again makes no duplicate.
    const again = await startWorkshop(dir);
    try {
      expect((await getJson(`${again.base}/api/status?token=${again.token}`)).body).toMatchObject({ finished: storedFiles(dir).reports.length });
      const before = storedFiles(dir).reports.length;
      const bank = (await getJson(`${again.base}/api/bank?code=${again.code}`)).body as Bank;
      const resent = await Promise.all(acknowledged.slice(0, 20).map(({ n, token }) => postJson(`${again.base}/api/answers?code=${again.code}&participant=${token}`, { bank: bank.id, respondent: `participant ${n}`, answers: answersFor(bank, n) })));
      expect(resent.map((r) => r.status)).toEqual(resent.map(() => 200));
      expect(storedFiles(dir).reports.length).toBe(before);
    } finally {
      await again.stop();
    }
  }, 60_000);

  // One participant's laptop opening sockets that never send a request took every one of
  // maxConnections (2000), for ever: nobody else reached the server. Linux routes all of
  // 127.0.0.0/8 to loopback, so 127.0.0.2 plays the other address.
  it('one address holding idle connections neither locks others out nor keeps them', async () => {
    const ws = await startWorkshop(join(temp, 'idle'));
    const sockets: Socket[] = [];
    let closed = 0;
    try {
      const port = Number(new URL(ws.base).port);
      const extra = 40;
      for (let i = 0; i < CONNECTIONS_PER_ADDRESS + extra; i++) {
        const socket = connect({ port, host: '127.0.0.1', localAddress: '127.0.0.2' });
        socket.on('error', () => undefined);
        socket.on('close', () => closed++);
        sockets.push(socket);
      }
      const deadline = Date.now() + 5000;
      while (closed < extra && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(closed).toBe(extra);
      // Another address still gets in.
      expect((await getJson(`${ws.base}/api/status?token=${ws.token}`)).status).toBe(200);
      // Those that never send a request are closed once FIRST_REQUEST_MS have passed.
      const end = Date.now() + FIRST_REQUEST_MS + 5000;
      while (closed < sockets.length && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(closed).toBe(sockets.length);
    } finally {
      for (const socket of sockets) socket.destroy();
      await ws.stop();
    }
  }, 60_000);
});
