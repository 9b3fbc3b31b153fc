import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { errorCode } from '../bounded-read.js';
import { InputError } from '../errors.js';
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
    throw new InputError(`cannot use ${dir} for the workshop: ${error instanceof Error ? error.message : String(error)}`);
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
      if (errorCode(error) !== 'EEXIST') throw new InputError(`cannot lock ${dir}: ${error instanceof Error ? error.message : String(error)}`);
      let holder: { pid: number; start?: string } = { pid: NaN };
      try {
        holder = readHolder(readFileSync(file, 'utf8'));
      } catch {
        // vanished meanwhile: try again
      }
      const { pid } = holder;
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && holderRunning(pid, holder.start)) throw new InputError(`a workshop server (process ${pid}) is already running on ${dir}`, ['stop it first (Ctrl-C in its terminal), or choose another folder']);
      try {
        unlinkSync(file);
      } catch {
        // taken by someone else meanwhile
      }
    }
  }
  throw new InputError(`cannot lock ${dir}: another server is starting on it`);
}
