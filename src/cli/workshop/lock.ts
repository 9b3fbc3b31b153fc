import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { errorCode } from '../bounded-read.js';
import { errorText, InputError } from '../errors.js';
import { messages } from '../i18n.js';
import { systemReason } from '../i18n-errors.js';
import { holderRunning, processStart } from '../process-identity.js';
import { STATE_FOLDER } from './store.js';

/** `PID` or `PID START` (an older diag wrote the id alone). */
function readHolder(text: string): { pid: number; start?: string } {
  const [pid, start] = text.trim().split(/\s+/);
  return { pid: Number(pid), ...(start === undefined ? {} : { start }) };
}

/**
 * One server per DIR: two would hand out the same code and count the same people twice. A lock
 * left by a killed server (its process is gone, or its id now names another process) is taken over.
 */
export function lockSession(dir: string): () => void {
  const file = join(dir, STATE_FOLDER, 'server.pid');
  try {
    mkdirSync(join(dir, STATE_FOLDER), { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new InputError(errorText('workshopDir', { dir, reason: systemReason(error) }));
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const start = processStart(process.pid);
      writeFileSync(file, `${process.pid}${start === undefined ? '' : ` ${start}`}\n`, { flag: 'wx', mode: 0o600 });
      return () => {
        try {
          unlinkSync(file);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw new InputError(errorText('cannotLock', { dir, reason: systemReason(error) }));
      let holder: { pid: number; start?: string } = { pid: NaN };
      try {
        holder = readHolder(readFileSync(file, 'utf8'));
      } catch {
        // vanished meanwhile: try again
      }
      const { pid } = holder;
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && holderRunning(pid, holder.start)) throw new InputError(errorText('serverRunning', { pid, dir }), [messages().error.serverRunningHint({})]);
      try {
        unlinkSync(file);
      } catch {
        // taken by someone else meanwhile
      }
    }
  }
  throw new InputError(errorText('serverStarting', { dir }));
}
