import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * The workshop's own state files: readable by the trainer only (0600), replaced whole (written
 * beside, then renamed), so that a kill at any moment leaves the old or the new content.
 */
export function writePrivateJson(file: string, data: unknown, options: { sync?: boolean } = {}): void {
  const temporary = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, `${JSON.stringify(data)}\n`, { flag: 'wx', mode: 0o600 });
    if (options.sync) {
      const fd = openSync(temporary, 'r');
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
    renameSync(temporary, file);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // never created, or already renamed
    }
    throw error;
  }
}

/** The parsed JSON of a file, or undefined when it does not exist or is not JSON. */
export function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Flushes a file's content to the disk (asynchronously: the thread pool does it, not the event
 * loop). fdatasync: the content and what is needed to read it back (its size), not its times.
 */
export async function syncFile(file: string): Promise<void> {
  const handle = await open(file, 'r');
  try {
    await handle.datasync();
  } finally {
    await handle.close();
  }
}

async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Flushes folders, with one fsync shared by every caller that arrives before it starts: with 200
 * participants finishing at once, the folder is synced a few times, not 200.
 */
export class FolderSync {
  private readonly waiting = new Map<string, Promise<void>>();

  sync(folder: string): Promise<void> {
    const pending = this.waiting.get(folder);
    if (pending !== undefined) return pending;
    const next = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      // From here on, a new caller's file may not be covered: it waits for the next round.
      this.waiting.delete(folder);
      return syncFolder(folder);
    });
    this.waiting.set(folder, next);
    return next;
  }
}
