import { closeSync, linkSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { errorCode } from './bounded-read.js';
import { InputError } from './errors.js';
import { holderRunning, processStart, type ProcessStart } from './process-identity.js';

export { processAlive } from './process-identity.js';

/** Who holds a lock, as written in the lock file. */
export interface LockOwner {
  pid: number;
  host: string;
  since: string;
  /** What names the process for good (its start time and the boot), where the system tells it. */
  start?: ProcessStart;
}

/** A held lock; `release` is idempotent and also runs when the process exits. */
export interface ProgressLock {
  file: string;
  release(): void;
}

function readOwner(file: string): LockOwner | undefined {
  try {
    const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof data !== 'object' || data === null) return undefined;
    const pid = 'pid' in data && typeof data.pid === 'number' ? data.pid : undefined;
    const host = 'host' in data && typeof data.host === 'string' ? data.host : '';
    const since = 'since' in data && typeof data.since === 'string' ? data.since : '';
    const start = 'start' in data && typeof data.start === 'string' ? data.start : undefined;
    return pid === undefined ? undefined : { pid, host, since, ...(start === undefined ? {} : { start }) };
  } catch {
    return undefined;
  }
}

/**
 * Takes the lock on a progress file (`FILE.lock`), or refuses at once, naming the process that
 * holds it and since when, before anything is changed. A lock left by a process that is no longer
 * running on this machine (or an unreadable one) is stale and taken over, also when its id now
 * belongs to another process (a different start time). The lock file is
 * written whole under a temporary name, then linked into place: link fails if the name exists,
 * so two runs starting together cannot both win.
 */
export function lockProgress(progressFile: string, describe: (owner: LockOwner) => string, now = new Date()): ProgressLock {
  const file = `${progressFile}.lock`;
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const start = processStart(process.pid);
  const owner: LockOwner = { pid: process.pid, host: hostname(), since: now.toISOString(), ...(start === undefined ? {} : { start }) };
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.tmp`;
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(owner)}\n`);
  } finally {
    closeSync(fd);
  }
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(temporary, file);
        break;
      } catch (error) {
        if (errorCode(error) !== 'EEXIST' || attempt > 2) throw error;
      }
      const holder = readOwner(file);
      const stale = holder === undefined || (holder.host === owner.host && !holderRunning(holder.pid, holder.start));
      if (holder !== undefined && !stale) throw new InputError(describe(holder));
      // Stale: removed, then the link is tried again (another run may win that race: then it is refused next time round).
      try {
        unlinkSync(file);
      } catch {
        // someone else took it over first
      }
    }
  } finally {
    try {
      unlinkSync(temporary);
    } catch {
      // already gone
    }
  }
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.removeListener('exit', release);
    // Only our own lock is removed, never one a later run took over.
    const current = readOwner(file);
    if (current?.pid === owner.pid && current.start === owner.start) {
      try {
        unlinkSync(file);
      } catch {
        // already gone
      }
    }
  };
  process.on('exit', release);
  return { file, release };
}
