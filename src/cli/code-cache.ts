import { mkdirSync, readdirSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { readRegular } from './read-whole.js';
import { shortHash } from './short-hash.js';

/**
 * The V8 code cache of the CLI bundle (see launch.ts): where it is kept, what a cache file is
 * named after, and how a file is checked whole before V8 is given it. No state, no side effect
 * but the files it is asked to read or write.
 */
export const MAGIC = 'diag-code-cache-3';
const KEEP = 4;
/** The longest header line: the magic, the length and at most PATHS_MAX names of at most 40 bytes. */
const PATHS_MAX = 16;
const HEADER_MAX = 64 + PATHS_MAX * 41;
/** What a code path's name may be: it goes in the header line, between commas. */
const PATH_NAME = /^[a-z0-9-]{1,40}$/;
/** A bundle changed this recently may change again within the same timestamp tick. */
const SETTLED_MS = 2_000;

/** `$XDG_CACHE_HOME/diag`, else `~/.cache/diag`; none under DIAG_NO_CACHE or without a home. */
export function cacheFolder(env: NodeJS.ProcessEnv, home: () => string): string | undefined {
  const flag = env.DIAG_NO_CACHE;
  if (flag !== undefined && flag !== '' && flag !== '0') return undefined;
  const xdg = env.XDG_CACHE_HOME;
  if (xdg !== undefined && xdg.startsWith('/')) return join(xdg, 'diag');
  const folder = home();
  return folder.startsWith('/') ? join(folder, '.cache', 'diag') : undefined;
}

/**
 * The cache file of a bundle: Node version, architecture, the bundle's SHA-1 as built, and the
 * identity of its file, as they are (a hash of them would be a loop to run at every start); `use`
 * tells apart the commands that run the same bundle (each compiles different functions, and a
 * cache holds those of the runs that made it).
 */
export function cacheName(stat: Stats, build: string, use = '', flags = ''): string {
  // Times in milliseconds, as doubles (a quarter of a microsecond apart at worst): a cache is made
  // only two seconds after the bundle's last change (`settled`), and any later change moves its
  // change time on by more than that. About 140 bytes, within any file system's 255.
  return `code-${process.version}-${process.arch}-${build}-${stat.dev}_${stat.ino}_${stat.size}_${stat.mtimeMs}_${stat.ctimeMs}${use === '' ? '' : `-${use}`}${flags === '' ? '' : `-n${shortHash(flags)}`}.bin`;
}

/**
 * Node's own options for this process (`node --jitless diag …`, NODE_OPTIONS), '' for none. V8
 * refuses a cache made under other flags, so runs under other options keep a cache of their own:
 * with one cache for all, runs alternating between two sets would each write it again.
 */
export function nodeFlags(execArgv: readonly string[], env: NodeJS.ProcessEnv): string {
  return [...execArgv, env.NODE_OPTIONS ?? ''].join(' ').trim();
}

/** What a cache file holds: the payload for V8, and the code paths of the runs that made it (code-paths.ts). */
export interface CacheEntry {
  payload: Buffer;
  paths: string[];
}

/**
 * What a cache file holds, if the file is whole: `MAGIC LENGTH PATHS\n` (PATHS: comma-separated,
 * `-` for none), then the payload twice, the second copy turned (see `turn`).
 */
export function readCache(file: string): CacheEntry | undefined {
  try {
    // Not readWhole: a FIFO or a device in the cache's place must neither block nor be read.
    const raw = readRegular(file)?.bytes;
    if (raw === undefined) return undefined;
    // The header line, found by hand: Buffer#indexOf would be two more functions for Node to
    // compile at every start.
    let newline = 0;
    while (newline < raw.length && newline <= HEADER_MAX && raw[newline] !== 10) newline++;
    if (newline >= raw.length || newline > HEADER_MAX) return undefined;
    const [magic, size, paths = '-'] = raw.subarray(0, newline).toString('latin1').split(' ');
    const length = Number(size);
    if (magic !== MAGIC || !Number.isSafeInteger(length) || length <= 0 || raw.length !== newline + 1 + 2 * length) return undefined;
    const payload = raw.subarray(newline + 1, newline + 1 + length);
    // The second copy is the payload turned by half its length (cacheBytes): two native compares
    // (with equals and subarray, which Node compiles for diag anyway; compare would be one more).
    const start = newline + 1;
    const half = turn(length);
    const second = raw.subarray(start + length);
    const whole = payload.subarray(half).equals(second.subarray(0, length - half)) && payload.subarray(0, half).equals(second.subarray(length - half));
    return whole ? { payload, paths: paths === '-' ? [] : paths.split(',') } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The code paths of a run (code-paths.ts) that a cache does not know yet: the cache is then
 * written again. Only names of [a-z0-9-], and none once a cache knows PATHS_MAX of them (so that
 * no name a cache cannot hold makes every run write it again).
 */
export function newPaths(known: readonly string[], used: readonly string[]): string[] {
  if (known.length >= PATHS_MAX) return [];
  return used.filter((name) => !known.includes(name) && PATH_NAME.test(name));
}

/**
 * Where the second copy of a payload starts in it. Two equal copies catch damage to one of them,
 * but not the same damage done to both (the same bytes overwritten at the same place of each
 * copy), which V8, checking no checksum in release builds, would run: a segfault, a trap, a hang.
 * The second copy is therefore turned: it starts at the payload's middle. Damage alike in both
 * copies then lands on different bytes of the payload, and the copies disagree.
 */
function turn(length: number): number {
  return Math.floor(length / 2);
}

/** The bytes of a cache file for this payload and these code paths (names that are not [a-z0-9-] are left out). */
export function cacheBytes(payload: Buffer, paths: readonly string[] = []): Buffer {
  const names = [...new Set(paths.filter((name) => PATH_NAME.test(name)))].sort().slice(0, PATHS_MAX);
  const half = turn(payload.length);
  return Buffer.concat([Buffer.from(`${MAGIC} ${payload.length} ${names.length === 0 ? '-' : names.join(',')}\n`, 'latin1'), payload, payload.subarray(half), payload.subarray(0, half)]);
}

/**
 * Writes a cache file atomically. The caches of this build's other bundles (`current`: their
 * SHA-1s) are kept, and a few of other builds (another install, another Node); any failure is
 * ignored (it only costs speed).
 */
export function writeCache(folder: string, file: string, payload: Buffer, current: readonly string[] = [], paths: readonly string[] = []): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    try {
      writeFileSync(temporary, cacheBytes(payload, paths), { mode: 0o600 });
      renameSync(temporary, file);
    } catch (error) {
      // A partly written file (a full disk) or one that cannot take the cache's place (a folder
      // in the way): removed, else every run would leave one more behind. (A failure here is
      // ignored below with the first.)
      rmSync(temporary, { force: true });
      throw error;
    }
    const others = readdirSync(folder)
      .filter((name) => name.startsWith('code-') && join(folder, name) !== file)
      .map((name) => ({ name, path: join(folder, name), age: Date.now() - statSync(join(folder, name)).mtimeMs }))
      .sort((a, b) => a.age - b.age);
    let ours = 0;
    let theirs = 0;
    for (const other of others) {
      const stale = other.name.endsWith('.tmp')
        ? other.age > 60_000
        : current.some((build) => other.name.includes(`-${build}-`))
          ? ++ours > 2 * current.length
          : ++theirs >= KEEP;
      if (stale) unlinkSync(other.path);
    }
  } catch {
    // A read-only, full or missing cache folder only costs speed.
  }
}

/**
 * Whether a bundle file may be trusted by its identity: changed more than two seconds ago (else
 * a coarse clock could give an edit made now the same times), and read whole.
 */
export function settled(stat: Stats, bytesRead: number, nowMs: number): boolean {
  return nowMs - stat.ctimeMs > SETTLED_MS && bytesRead === stat.size;
}
