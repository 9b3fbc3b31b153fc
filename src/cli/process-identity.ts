import { readFileSync } from 'node:fs';
import { errorCode } from './bounded-read.js';

/**
 * A process id alone does not name a process: after a crash or a reboot the id of a dead lock
 * holder can be given to an unrelated process, and the lock would look alive forever. On Linux a
 * process is named for good by its start time (field 22 of /proc/PID/stat, in clock ticks since
 * boot) together with the boot id; elsewhere there is no such thing to read, and the id alone is
 * used, as before.
 */
export type ProcessStart = string;

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Field 22 of a /proc/PID/stat line. The command name (field 2) is in parentheses and may hold spaces or ')'. */
export function startTicks(stat: string): string | undefined {
  const end = stat.lastIndexOf(')');
  if (end < 0) return undefined;
  // After the name come field 3 (state) onwards: field 22 is the 20th of them.
  const field = stat.slice(end + 1).trim().split(/\s+/)[19];
  return field !== undefined && /^\d+$/.test(field) ? field : undefined;
}

/** `BOOT_ID:TICKS` of a running process, or undefined where /proc does not tell (not Linux, no such process, hidden). */
export function processStart(pid: number, root = '/proc'): ProcessStart | undefined {
  const boot = readText(`${root}/sys/kernel/random/boot_id`)?.trim();
  const stat = readText(`${root}/${pid}/stat`);
  const ticks = stat === undefined ? undefined : startTicks(stat);
  return boot === undefined || boot === '' || ticks === undefined ? undefined : `${boot}:${ticks}`;
}

/** True while a process of that id runs (EPERM: it runs, under another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
}

/**
 * True while the very process that wrote a lock still runs: its id is alive and, when both the
 * lock and this machine tell a start time, the start times agree. A lock written without one (an
 * older diag, another system) falls back on the id alone.
 */
export function holderRunning(pid: number, start: ProcessStart | undefined, root = '/proc'): boolean {
  if (!processAlive(pid)) return false;
  if (start === undefined) return true;
  const now = processStart(pid, root);
  return now === undefined || now === start;
}
