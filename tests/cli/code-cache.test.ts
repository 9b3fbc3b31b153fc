import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cacheBytes, cacheFolder, cacheName, newPaths, nodeFlags, readCache, settled, writeCache } from '../../src/cli/code-cache.js';

const work = mkdtempSync(join(tmpdir(), 'diag-code-cache-unit-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the code cache files (src/cli/code-cache.ts)', () => {
  const payload = Buffer.from('a payload of V8 code cache, any bytes \u0000\u00ff', 'latin1');

  it('reads back what it wrote, and nothing from a damaged file', () => {
    const file = join(work, 'code-x.bin');
    writeCache(work, file, payload);
    expect(readCache(file)).toEqual({ payload, paths: [] });
    const bytes = readFileSync(file);
    const damage = (f: (b: Buffer) => Buffer) => {
      writeFileSync(file, f(Buffer.from(bytes)));
      return readCache(file);
    };
    expect(damage((b) => b.subarray(0, b.length - 1))).toBeUndefined();
    expect(damage((b) => Buffer.concat([b, Buffer.from('x')]))).toBeUndefined();
    expect(damage((b) => ((b[b.length - 3] = 0x41), b))).toBeUndefined();
    expect(damage((b) => ((b[b.indexOf(10) + 2] = 0x41), b))).toBeUndefined();
    expect(damage((b) => Buffer.concat([Buffer.from('diag-code-cache-1 0\n'), b.subarray(b.indexOf(10) + 1)]))).toBeUndefined();
    expect(damage((b) => Buffer.concat([Buffer.from(`diag-code-cache-2 ${payload.length}\n`), b.subarray(b.indexOf(10) + 1)]))).toBeUndefined();
    expect(damage((b) => Buffer.concat([Buffer.from(`diag-code-cache-3 ${payload.length} ${'x'.repeat(2000)}\n`), b.subarray(b.indexOf(10) + 1)]))).toBeUndefined();
    expect(damage(() => Buffer.alloc(0))).toBeUndefined();
    // The same byte changed at the same place of each copy, anywhere in the payload; two plain copies.
    const header = bytes.indexOf(10) + 1;
    for (let at = 0; at < payload.length; at++) {
      expect(damage((b) => ((b[header + at] = (b[header + at] ?? 0) ^ 0x5a), (b[header + payload.length + at] = (b[header + payload.length + at] ?? 0) ^ 0x5a), b))).toBeUndefined();
    }
    expect(damage((b) => Buffer.concat([b.subarray(0, header), payload, payload]))).toBeUndefined();
    expect(readCache(join(work, 'missing.bin'))).toBeUndefined();
    expect(cacheBytes(payload).subarray(0, 20).toString('latin1')).toBe(`diag-code-cache-3 ${payload.length}`.slice(0, 20));
  });

  it('keeps the code paths of the runs that made a cache in its header, and says which paths of a run are new', () => {
    const file = join(work, 'code-paths.bin');
    writeCache(work, file, payload, [], ['text', 'json', 'text', 'Bad Name', 'x'.repeat(41), 'a,b']);
    expect(readFileSync(file).subarray(0, readFileSync(file).indexOf(10)).toString('latin1')).toBe(`diag-code-cache-3 ${payload.length} json,text`);
    expect(readCache(file)).toEqual({ payload, paths: ['json', 'text'] });
    expect(newPaths(['json', 'text'], ['text'])).toEqual([]);
    expect(newPaths(['json'], ['text', 'json', 'colour'])).toEqual(['text', 'colour']);
    // A name no header can hold is never new (it would make every run write the cache again).
    expect(newPaths([], ['Bad Name', 'a,b', '', 'x'.repeat(41)])).toEqual([]);
    // Nor is anything once a cache knows as many paths as it may hold.
    const many = Array.from({ length: 16 }, (_, i) => `p${i}`);
    expect(newPaths(many, ['text'])).toEqual([]);
    writeCache(work, file, payload, [], [...many, 'text']);
    expect(readCache(file)?.paths).toHaveLength(16);
  });

  it('leaves no temporary file behind when the cache cannot take its place (a folder in the way)', () => {
    const folder = join(work, 'in-the-way');
    const file = join(folder, 'code-blocked.bin');
    mkdirSync(file, { recursive: true });
    for (let i = 0; i < 3; i++) writeCache(folder, file, payload);
    expect(readdirSync(folder)).toEqual(['code-blocked.bin']);
    expect(readCache(file)).toBeUndefined();
  });

  it('reads nothing from a FIFO in the place of a cache file, without waiting for a writer', () => {
    const fifo = join(work, 'code-fifo.bin');
    if (spawnSync('mkfifo', [fifo]).status !== 0) return void console.warn('mkfifo not available: skipped');
    expect(readCache(fifo)).toBeUndefined();
    expect(readCache('/dev/zero')).toBeUndefined();
  });

  it('keeps a few caches of other bundles, and no stale temporary file', () => {
    const folder = join(work, 'many');
    for (let i = 0; i < 7; i++) writeCache(folder, join(folder, `code-${i}.bin`), payload);
    const names = (): string[] => readdirSync(folder);
    expect(names().length).toBe(4);
    expect(names()).toContain('code-6.bin');
  });

  it("keeps every cache of this build's bundles (each command has its own), within bounds, and a few of other builds", () => {
    const folder = join(work, 'per-command');
    const current = ['a'.repeat(40), 'b'.repeat(40), 'c'.repeat(40)];
    const name = (build: string, identity: string) => `code-v20-x64-${build}-${identity}.bin`;
    for (let i = 0; i < 6; i++) writeCache(folder, join(folder, name('d'.repeat(40), `old${i}`)), payload, current);
    for (const build of current) writeCache(folder, join(folder, name(build, 'now')), payload, current);
    const names = readdirSync(folder);
    for (const build of current) expect(names).toContain(name(build, 'now'));
    expect(names.filter((n) => n.includes('d'.repeat(40)))).toHaveLength(3);
    // The same build installed again and again (new identities) does not grow without end.
    for (let i = 0; i < 20; i++) writeCache(folder, join(folder, name('a'.repeat(40), `copy${i}`)), payload, current);
    expect(readdirSync(folder).filter((n) => current.some((b) => n.includes(b))).length).toBeLessThanOrEqual(2 * current.length + 1);
  });

  it('is named after the Node version, the build and the identity of the bundle file', () => {
    const file = join(work, 'bundle.cjs');
    writeFileSync(file, 'one');
    const a = cacheName(statSync(file), 'f'.repeat(40));
    expect(a).toMatch(new RegExp(`^code-${process.version}-${process.arch}-f{40}-[0-9_.]+\\.bin$`));
    expect(Buffer.byteLength(cacheName(statSync(file), 'f'.repeat(40), 'completion'))).toBeLessThan(255);
    writeFileSync(file, 'two');
    expect(cacheName(statSync(file), 'f'.repeat(40))).not.toBe(a);
    expect(cacheName(statSync(file), 'e'.repeat(40))).not.toBe(cacheName(statSync(file), 'f'.repeat(40)));
    // Commands that run the same bundle have a cache each.
    expect(cacheName(statSync(file), 'f'.repeat(40), 'run')).not.toBe(cacheName(statSync(file), 'f'.repeat(40), 'workshop'));
    expect(cacheName(statSync(file), 'f'.repeat(40), '')).toBe(cacheName(statSync(file), 'f'.repeat(40)));
    // Runs under other Node options (V8 refuses a cache made under other flags) have one each.
    expect(cacheName(statSync(file), 'f'.repeat(40), '', '--jitless')).not.toBe(cacheName(statSync(file), 'f'.repeat(40)));
    expect(cacheName(statSync(file), 'f'.repeat(40), '', '--jitless')).not.toBe(cacheName(statSync(file), 'f'.repeat(40), '', '--expose-gc'));
    expect(cacheName(statSync(file), 'f'.repeat(40), 'run', '--jitless')).toMatch(/-run-n[0-9a-z]{7}\.bin$/);
    expect(nodeFlags([], {})).toBe('');
    expect(nodeFlags([], { NODE_OPTIONS: '  ' })).toBe('');
    expect(nodeFlags(['--jitless'], { NODE_OPTIONS: '--max-old-space-size=200' })).toBe('--jitless --max-old-space-size=200');
  });

  it('trusts a bundle file only two seconds after its last change, and only when read whole', () => {
    const file = join(work, 'fresh.cjs');
    writeFileSync(file, 'x'.repeat(10));
    const stat = statSync(file);
    const changed = stat.ctimeMs;
    expect(settled(stat, 10, changed + 500)).toBe(false);
    expect(settled(stat, 10, changed + 2_500)).toBe(true);
    expect(settled(stat, 9, changed + 2_500)).toBe(false);
  });

  it('lives in $XDG_CACHE_HOME/diag, else ~/.cache/diag; nowhere under DIAG_NO_CACHE or without an absolute folder', () => {
    expect(cacheFolder({ XDG_CACHE_HOME: '/x' }, () => '/home/u')).toBe('/x/diag');
    expect(cacheFolder({ XDG_CACHE_HOME: 'relative' }, () => '/home/u')).toBe('/home/u/.cache/diag');
    expect(cacheFolder({}, () => '/home/u')).toBe('/home/u/.cache/diag');
    expect(cacheFolder({ DIAG_NO_CACHE: '1' }, () => '/home/u')).toBeUndefined();
    expect(cacheFolder({ DIAG_NO_CACHE: '0' }, () => '/home/u')).toBe('/home/u/.cache/diag');
    expect(cacheFolder({}, () => '')).toBeUndefined();
  });
});
