import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { STATE_FOLDER } from './store.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}

/**
 * One server per DIR: two would hand out the same code and count the same people twice. A lock
 * left by a killed server (its process is gone) is taken over.
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
      writeFileSync(file, `${process.pid}\n`, { flag: 'wx', mode: 0o600 });
      return () => {
        try {
          unlinkSync(file);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw new InputError(`cannot lock ${dir}: ${error instanceof Error ? error.message : String(error)}`);
      let pid = NaN;
      try {
        pid = Number(readFileSync(file, 'utf8').trim());
      } catch {
        // vanished meanwhile: try again
      }
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) throw new InputError(`a workshop server (process ${pid}) is already running on ${dir}`, ['stop it first (Ctrl-C in its terminal), or choose another folder']);
      try {
        unlinkSync(file);
      } catch {
        // taken by someone else meanwhile
      }
    }
  }
  throw new InputError(`cannot lock ${dir}: another server is starting on it`);
}
