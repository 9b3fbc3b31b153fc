import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { holderRunning, processStart, startTicks } from '../../src/cli/process-identity.js';
import { lockProgress } from '../../src/cli/progress-lock.js';
import { lockSession } from '../../src/cli/workshop/lock.js';

let dir: string;
let child: ChildProcess;
let pid: number;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'diag-identity-'));
  // A live process that is not this one: the "reused pid" of the tests below.
  child = spawn('sleep', ['60']);
  pid = child.pid ?? 0;
});
afterAll(() => {
  child.kill();
  rmSync(dir, { recursive: true, force: true });
});

const linux = existsSync('/proc/self/stat') && existsSync('/proc/sys/kernel/random/boot_id');
const onLinux = linux ? it : it.skip;
const describeOwner = (o: { pid: number; since: string }) => `held by ${o.pid} since ${o.since}`;

describe('startTicks', () => {
  it('reads field 22 of a stat line, whatever the command name holds', () => {
    const rest = 'S 1 1 1 0 -1 4194560 10 0 0 0 0 0 0 0 20 0 1 0 987654 1000 10';
    expect(startTicks(`42 (sleep) ${rest}`)).toBe('987654');
    expect(startTicks(`42 (a b) c) 1 2) ${rest}`)).toBe('987654');
    expect(startTicks('42 (x) S 1 2')).toBeUndefined();
    expect(startTicks('garbage')).toBeUndefined();
  });
});

describe('processStart and holderRunning', () => {
  onLinux('names a running process by its boot and start time, the same each time it is read', () => {
    const start = processStart(pid);
    expect(start).toMatch(/^[0-9a-f-]+:\d+$/);
    expect(processStart(pid)).toBe(start);
    expect(processStart(process.pid)).not.toBe(start);
    expect(holderRunning(pid, start)).toBe(true);
  });
  onLinux('a live id with another start time is another process: not running', () => {
    const start = processStart(pid) ?? '';
    const [boot, ticks] = start.split(':');
    expect(holderRunning(pid, `${boot}:${Number(ticks) + 1}`)).toBe(false);
    // The same start ticks of a previous boot (a reboot reused the id).
    expect(holderRunning(pid, `00000000-0000-0000-0000-000000000000:${ticks}`)).toBe(false);
  });
  it('falls back on the id alone where no start time is known', () => {
    expect(holderRunning(pid, undefined)).toBe(true);
    const noProc = join(dir, 'no-proc');
    expect(processStart(pid, noProc)).toBeUndefined();
    expect(holderRunning(pid, 'x:1', noProc)).toBe(true);
  });
});

describe('the run lock (lockProgress) with a reused process id', () => {
  onLinux('takes over a lock whose id is alive but names another process', () => {
    const file = join(dir, 'reused.progress.json');
    writeFileSync(`${file}.lock`, JSON.stringify({ pid, host: hostname(), since: '2026-12-01T07:00:00.000Z', start: 'another-boot:12' }));
    const lock = lockProgress(file, describeOwner);
    const written = JSON.parse(readFileSync(`${file}.lock`, 'utf8'));
    expect(written.pid).toBe(process.pid);
    expect(written.start).toBe(processStart(process.pid));
    lock.release();
    expect(existsSync(`${file}.lock`)).toBe(false);
  });
  onLinux('still refuses the lock of the very process that holds it (same start time)', () => {
    const file = join(dir, 'held.progress.json');
    writeFileSync(`${file}.lock`, JSON.stringify({ pid, host: hostname(), since: '2026-12-01T07:00:00.000Z', start: processStart(pid) }));
    expect(() => lockProgress(file, describeOwner)).toThrow(`held by ${pid} since 2026-12-01T07:00:00.000Z`);
  });
  it('refuses a live id written without a start time (an older diag), as before', () => {
    const file = join(dir, 'old.progress.json');
    writeFileSync(`${file}.lock`, JSON.stringify({ pid, host: hostname(), since: '2026-12-01T07:00:00.000Z' }));
    expect(() => lockProgress(file, describeOwner)).toThrow(`held by ${pid}`);
  });
});

describe('the workshop server lock (lockSession) with a reused process id', () => {
  const pidFile = (d: string) => join(d, '.diag-workshop', 'server.pid');
  const prepare = (name: string, content: string) => {
    const d = join(dir, name);
    mkdirSync(join(d, '.diag-workshop'), { recursive: true });
    writeFileSync(pidFile(d), content);
    return d;
  };
  onLinux('takes over a lock whose id is alive but names another process', () => {
    const d = prepare('ws-reused', `${pid} another-boot:12\n`);
    const unlock = lockSession(d);
    expect(readFileSync(pidFile(d), 'utf8')).toBe(`${process.pid} ${processStart(process.pid) ?? ''}\n`);
    unlock();
    expect(existsSync(pidFile(d))).toBe(false);
  });
  onLinux('refuses while the very server that wrote it runs', () => {
    const d = prepare('ws-held', `${pid} ${processStart(pid) ?? ''}\n`);
    expect(() => lockSession(d)).toThrow(`a workshop server (process ${pid}) is already running on ${d}`);
  });
  it('refuses a live id written alone (an older diag), and takes over a dead one', () => {
    expect(() => lockSession(prepare('ws-old', `${pid}\n`))).toThrow('already running');
    const dead = prepare('ws-dead', '999999999\n');
    lockSession(dead)();
  });
});
