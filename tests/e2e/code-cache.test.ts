import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diag, ROOT } from './run-cli.js';

/**
 * The V8 code cache (src/cli/launch.ts) may make diag faster, never different: whatever state the
 * cache is in, diag gives the same output as with no cache at all.
 */
const work = mkdtempSync(join(tmpdir(), 'diag-code-cache-'));
afterAll(() => {
  spawnSync('chattr', ['-R', '-i', work]);
  rmSync(work, { recursive: true, force: true });
});

const ARGS = ['score', 'questions/examples/camille.yaml', '--lang', 'en'];
const run = (cacheHome: string, extra: Record<string, string> = {}) => diag(ARGS, { env: { XDG_CACHE_HOME: cacheHome, ...extra } });
const reference = diag(ARGS, { env: { DIAG_NO_CACHE: '1', XDG_CACHE_HOME: join(work, 'unused') } });
const cacheFiles = (cacheHome: string) => readdirSync(join(cacheHome, 'diag')).filter((f) => f.startsWith('code-'));

/** Waits until files written now are older than the two seconds the launcher waits for (see launch.ts). */
function settle(): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2_100);
}

function sameAsReference(result: ReturnType<typeof diag>): void {
  expect(result.stderr).toBe(reference.stderr);
  expect(result.code).toBe(0);
  expect(result.stdout).toBe(reference.stdout);
}

describe('the code cache never changes what diag does', () => {
  it('DIAG_NO_CACHE=1 writes no cache', () => {
    expect(reference.code).toBe(0);
    expect(reference.stdout).toContain('Overall score');
    expect(() => readdirSync(join(work, 'unused'))).toThrow();
  });

  it('is written by the first run, used by the next, and gives the same output', () => {
    const home = join(work, 'normal');
    sameAsReference(run(home));
    const [file] = cacheFiles(home);
    expect(file).toMatch(new RegExp(`^code-${process.version}-${process.arch}-[0-9a-f]{40}-[0-9_.]+\\.bin$`));
    const written = readFileSync(join(home, 'diag', file ?? ''));
    sameAsReference(run(home));
    // Accepted, so not written again.
    expect(readFileSync(join(home, 'diag', file ?? ''))).toEqual(written);
  });

  it.each<[string, (payload: Buffer) => Buffer]>([
    ['corrupt bytes in the payload', (b) => Buffer.concat([b.subarray(0, 100), Buffer.alloc(64, 0xa5), b.subarray(164)])],
    ['corrupt bytes in the second copy of the payload', (b) => Buffer.concat([b.subarray(0, b.length - 100), Buffer.alloc(64, 0), b.subarray(b.length - 36)])],
    ['both copies damaged alike', (b) => {
      const header = b.indexOf(10) + 1;
      const half = (b.length - header) / 2;
      const copy = Buffer.from(b);
      copy.fill(0, header + 50, header + 90);
      copy.fill(0, header + half + 50, header + half + 90);
      return copy.subarray(0, copy.length - 8);
    }],
    ['with a header that lies about the length', (b) => Buffer.concat([Buffer.from('diag-code-cache-3 12 text\n'), b.subarray(b.indexOf(10) + 1)])],
    ['truncated', (b) => b.subarray(0, Math.floor(b.length / 3))],
    ['empty', () => Buffer.alloc(0)],
  ])('a cache file %s is ignored and replaced', (_name, damage) => {
    const home = join(work, `damaged-${_name.replace(/\W+/g, '-')}`);
    run(home);
    const [file = ''] = cacheFiles(home);
    const path = join(home, 'diag', file);
    const good = readFileSync(path);
    writeFileSync(path, damage(good));
    sameAsReference(run(home));
    expect(readFileSync(path).length).toBeGreaterThan(100);
  });

  it('a payload that V8 refuses, in a file that is whole (two equal copies, the right length), is ignored', () => {
    const home = join(work, 'forged');
    run(home);
    const [file = ''] = cacheFiles(home);
    const junk = Buffer.alloc(4096, 7);
    writeFileSync(join(home, 'diag', file), Buffer.concat([Buffer.from(`diag-code-cache-3 ${junk.length} text\n`), junk, junk]));
    sameAsReference(run(home));
  });

  it.each([0.0001, 0.005, 0.05, 0.3, 0.6, 0.8, 0.95])('the same damage done to both copies (at %p of each) is refused, not run', (at) => {
    // A byte flipped at the same place of each copy gave V8 a damaged payload: a segfault, a
    // trap, a hang. The second copy is turned (code-cache.ts), so the copies now disagree.
    const home = join(work, `alike-${at}`);
    run(home);
    const [file = ''] = cacheFiles(home);
    const path = join(home, 'diag', file);
    const good = readFileSync(path);
    const header = good.indexOf(10) + 1;
    const length = (good.length - header) / 2;
    const bad = Buffer.from(good);
    const offset = Math.floor(length * at);
    for (const copy of [0, length]) bad[header + copy + offset] = (bad[header + copy + offset] ?? 0) ^ 0xff;
    writeFileSync(path, bad);
    sameAsReference(run(home));
    expect(readFileSync(path)).not.toEqual(bad);
    // Nor two plain copies of a damaged payload.
    const payload = Buffer.from(good.subarray(header, header + length));
    payload[offset] = (payload[offset] ?? 0) ^ 0xff;
    writeFileSync(path, Buffer.concat([good.subarray(0, header), payload, payload]));
    sameAsReference(run(home));
    sameAsReference(run(home));
  });

  it('a cache made by an older diag (format 1, checked by SHA-1) is ignored', () => {
    const home = join(work, 'old-format');
    run(home);
    const [file = ''] = cacheFiles(home);
    const good = readFileSync(join(home, 'diag', file));
    const payload = good.subarray(good.indexOf(10) + 1, good.indexOf(10) + 1 + (good.length - good.indexOf(10) - 1) / 2);
    writeFileSync(join(home, 'diag', file), Buffer.concat([Buffer.from(`diag-code-cache-1 ${createHash('sha1').update(payload).digest('hex')}\n`), payload]));
    sameAsReference(run(home));
  });

  it('a cache folder that cannot be created (a file is in the way) only costs speed', () => {
    const home = join(work, 'blocked');
    mkdirSync(home);
    writeFileSync(join(home, 'diag'), 'not a folder');
    sameAsReference(run(home));
    sameAsReference(run(home));
  });

  it('an immutable cache folder (chattr +i; skipped without it) only costs speed', () => {
    const home = join(work, 'immutable');
    mkdirSync(join(home, 'diag'), { recursive: true });
    if (spawnSync('chattr', ['+i', join(home, 'diag')]).status !== 0) return void console.warn('chattr +i not available: skipped');
    sameAsReference(run(home));
    expect(readdirSync(join(home, 'diag'))).toEqual([]);
    spawnSync('chattr', ['-i', join(home, 'diag')]);
  });

  it('a full cache disk (a 64 KiB tmpfs; skipped where none can be mounted) only costs speed, and keeps no part of a cache', () => {
    const home = join(work, 'full');
    mkdirSync(home);
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', home]).status !== 0) return void console.warn('mount -t tmpfs not available: skipped');
    try {
      sameAsReference(run(home));
      sameAsReference(run(home));
      expect(readdirSync(join(home, 'diag'))).toEqual([]);
      spawnSync('mount', ['-o', 'remount,ro', home]);
      sameAsReference(run(home));
    } finally {
      spawnSync('umount', [home]);
    }
  });

  it('a changed bundle, even of the same length, is compiled afresh; one changed under two seconds ago gets no cache', () => {
    const pkg = join(work, 'package');
    for (const part of ['bin', 'dist/bundle', 'dist/banks', 'questions', 'package.json']) cpSync(join(ROOT, part), join(pkg, part), { recursive: true });
    // Just copied: its change time could still be shared by an edit made in the same clock tick.
    const fresh = join(work, 'fresh');
    const early = spawnSync(process.execPath, [join(pkg, 'bin/diag.js'), ...ARGS], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: 'C', SOURCE_DATE_EPOCH: '1795430400', XDG_CACHE_HOME: fresh } });
    expect(early.stdout).toBe(reference.stdout);
    expect(() => cacheFiles(fresh)).toThrow();
    settle();
    const home = join(work, 'changed');
    const env = { XDG_CACHE_HOME: home };
    const bin = join(pkg, 'bin/diag.js');
    const first = spawnSync(process.execPath, [bin, ...ARGS], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: 'C', SOURCE_DATE_EPOCH: '1795430400', ...env } });
    expect(first.stdout).toBe(reference.stdout);
    // `diag score` runs the score command's own bundle (see build.ts).
    const bundle = join(pkg, 'dist/bundle/commands/score.cjs');
    const text = readFileSync(bundle, 'latin1');
    expect(text).toContain('"Overall score"');
    writeFileSync(bundle, text.replace('"Overall score"', '"Overall SCORE"'), 'latin1');
    settle();
    const second = spawnSync(process.execPath, [bin, ...ARGS], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: 'C', SOURCE_DATE_EPOCH: '1795430400', ...env } });
    expect(second.stdout).toBe(reference.stdout.replace('Overall score', 'Overall SCORE'));
    expect(cacheFiles(home)).toHaveLength(2);
  });

  it('a run that goes where the runs of a cache did not (another format, colour) writes it again, with the paths of both', () => {
    const home = join(work, 'paths');
    const header = (): string => {
      const [file = ''] = cacheFiles(home);
      const bytes = readFileSync(join(home, 'diag', file));
      return bytes.subarray(0, bytes.indexOf(10)).toString('latin1').replace(/ \d+ /, ' N ');
    };
    const json = diag([...ARGS, '--format', 'json'], { env: { DIAG_NO_CACHE: '1' } });
    expect(json.code).toBe(0);
    expect(diag([...ARGS, '--format', 'json'], { env: { XDG_CACHE_HOME: home } })).toEqual(json);
    expect(header()).toBe('diag-code-cache-3 N json');
    sameAsReference(run(home));
    expect(cacheFiles(home)).toHaveLength(1);
    expect(header()).toBe('diag-code-cache-3 N json,text');
    const both = readFileSync(join(home, 'diag', cacheFiles(home)[0] ?? ''));
    sameAsReference(run(home));
    expect(diag([...ARGS, '--format', 'json'], { env: { XDG_CACHE_HOME: home } })).toEqual(json);
    expect(readFileSync(join(home, 'diag', cacheFiles(home)[0] ?? ''))).toEqual(both);
    // Colour (FORCE_COLOR) is a path of its own.
    const colour = diag(ARGS, { env: { XDG_CACHE_HOME: home, FORCE_COLOR: '1', NO_COLOR: '' } });
    expect(colour).toEqual(diag(ARGS, { env: { DIAG_NO_CACHE: '1', FORCE_COLOR: '1', NO_COLOR: '' } }));
    expect(colour.stdout).toContain('\u001b[');
    expect(header()).toBe('diag-code-cache-3 N colour,json,text');
    // A header that claims every path for a payload made by another run changes nothing but speed.
    const [file = ''] = cacheFiles(home);
    const jsonOnly = join(work, 'paths-json-only');
    diag([...ARGS, '--format', 'json'], { env: { XDG_CACHE_HOME: jsonOnly } });
    const [other = ''] = cacheFiles(jsonOnly);
    const made = readFileSync(join(jsonOnly, 'diag', other));
    writeFileSync(join(home, 'diag', file), Buffer.concat([Buffer.from(made.subarray(0, made.indexOf(10)).toString('latin1').replace(/ json$/, ' colour,commander,csv,html,json,markdown,text,yaml')), made.subarray(made.indexOf(10))]));
    sameAsReference(run(home));
    expect(header()).toBe('diag-code-cache-3 N colour,commander,csv,html,json,markdown,text,yaml');
  });

  it('runs under other Node options keep a cache each, and runs that alternate rewrite neither', () => {
    const home = join(work, 'node-options');
    const other = { XDG_CACHE_HOME: home, NODE_OPTIONS: '--max-old-space-size=200' };
    sameAsReference(run(home));
    sameAsReference(diag(ARGS, { env: other }));
    expect(cacheFiles(home)).toHaveLength(2);
    const times = () => cacheFiles(home).map((f) => statSync(join(home, 'diag', f)).mtimeMs);
    const before = times();
    for (let i = 0; i < 2; i++) {
      sameAsReference(run(home));
      sameAsReference(diag(ARGS, { env: other }));
    }
    expect(times()).toEqual(before);
  });

  it('a refused input writes no cache (it would lack the functions of a whole run, for as long as the bundle lives)', () => {
    const home = join(work, 'refused');
    const refused = diag(['score', 'tests/fixtures/nope.yaml'], { env: { XDG_CACHE_HOME: home } });
    expect(refused.code).toBe(2);
    expect(() => cacheFiles(home)).toThrow();
    sameAsReference(run(home));
    expect(cacheFiles(home)).toHaveLength(1);
  });

  it('the yaml library, run at its first use with a cache of its own, gives the same output with a damaged cache', () => {
    const home = join(work, 'yaml');
    const input = join(work, 'commented.yaml');
    // An escape in a quoted scalar takes the text past the fast path (src/cli/simple-yaml.ts) to the yaml library.
    writeFileSync(input, readFileSync(join(ROOT, 'questions/examples/camille.yaml'), 'utf8').replace('respondent: Camille', 'respondent: "Cam\\u0069lle"'));
    const args = ['score', input, '--lang', 'en'];
    const expected = diag(args, { env: { DIAG_NO_CACHE: '1' } });
    expect(expected.code).toBe(0);
    expect(diag(args, { env: { XDG_CACHE_HOME: home } })).toEqual(expected);
    expect(cacheFiles(home)).toHaveLength(2);
    for (const file of cacheFiles(home)) {
      const path = join(home, 'diag', file);
      const bytes = readFileSync(path);
      writeFileSync(path, Buffer.concat([bytes.subarray(0, 200), Buffer.alloc(100, 0x5a), bytes.subarray(300)]));
    }
    expect(diag(args, { env: { XDG_CACHE_HOME: home } })).toEqual(expected);
    expect(diag(args, { env: { XDG_CACHE_HOME: home } })).toEqual(expected);
  });

  it('each command has a cache of its own, made by its own first run; the whole CLI answers when a command bundle is missing', () => {
    const home = join(work, 'per-command');
    sameAsReference(run(home));
    const validate = diag(['validate'], { env: { XDG_CACHE_HOME: home } });
    expect(validate.code).toBe(0);
    expect(cacheFiles(home)).toHaveLength(2);
    // The score cache is not replaced by the other command's.
    sameAsReference(run(home));
    expect(cacheFiles(home)).toHaveLength(2);
    // Commands that run the whole CLI (completion, help) have a cache each too.
    expect(diag(['completion', 'bash'], { env: { XDG_CACHE_HOME: home } }).code).toBe(0);
    expect(diag(['--help'], { env: { XDG_CACHE_HOME: home } }).code).toBe(0);
    expect(cacheFiles(home)).toHaveLength(4);
    const help = diag(['--help'], { env: { XDG_CACHE_HOME: home } });
    expect(help).toEqual(diag(['--help'], { env: { DIAG_NO_CACHE: '1' } }));
    expect(cacheFiles(home)).toHaveLength(4);

    const pkg = join(work, 'package-without-score');
    for (const part of ['bin', 'dist/bundle', 'dist/banks', 'questions', 'package.json']) cpSync(join(ROOT, part), join(pkg, part), { recursive: true });
    rmSync(join(pkg, 'dist/bundle/commands/score.cjs'));
    const result = spawnSync(process.execPath, [join(pkg, 'bin/diag.js'), ...ARGS], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: 'C', LC_ALL: '', SOURCE_DATE_EPOCH: '1795430400', DIAG_NO_CACHE: '1' } });
    expect(result.stderr).toBe(reference.stderr);
    expect(result.stdout).toBe(reference.stdout);
    expect(result.status).toBe(0);
  });
});
