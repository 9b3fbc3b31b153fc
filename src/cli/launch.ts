import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toolVersion } from './version.js';

/**
 * The first code Node runs for `diag`: it loads the one-file CommonJS bundle of the CLI through
 * `vm.Script` with a V8 code cache kept in the user's cache folder, so that a second run does not
 * parse and compile the CLI again. The cache can only make diag faster, never different: it is
 * keyed by the Node version, the architecture and the SHA-1 of the bundle's text, checked by its
 * own SHA-1 before V8 sees it (V8 itself checks little more than the length), written atomically,
 * and any failure to read or write it is ignored. `DIAG_NO_CACHE=1` turns it off.
 */
const HERE = dirname(fileURLToPath(import.meta.url));
const BUNDLE = join(HERE, 'diag.cjs');
const MAGIC = 'diag-code-cache-1';
const KEEP = 4;

interface Bundle {
  main: (argv: string[]) => Promise<number>;
}

/** `$XDG_CACHE_HOME/diag`, else `~/.cache/diag`; none under DIAG_NO_CACHE. */
function cacheFolder(env: NodeJS.ProcessEnv, home: string): string | undefined {
  const flag = env.DIAG_NO_CACHE;
  if (flag !== undefined && flag !== '' && flag !== '0') return undefined;
  const xdg = env.XDG_CACHE_HOME;
  return join(xdg !== undefined && xdg.startsWith('/') ? xdg : join(home, '.cache'), 'diag');
}

/** A cache file is a header line `MAGIC sha1-of-payload`, then V8's payload. */
function readCache(file: string, digest: (data: Buffer) => string): Buffer | undefined {
  try {
    const raw = readFileSync(file);
    const newline = raw.indexOf(10);
    if (newline < 0 || newline > 80) return undefined;
    const payload = raw.subarray(newline + 1);
    return raw.subarray(0, newline).toString('latin1') === `${MAGIC} ${digest(payload)}` ? payload : undefined;
  } catch {
    return undefined;
  }
}

function writeCache(folder: string, file: string, payload: Buffer, digest: (data: Buffer) => string): void {
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, Buffer.concat([Buffer.from(`${MAGIC} ${digest(payload)}\n`, 'latin1'), payload]), { mode: 0o600 });
    renameSync(temporary, file);
    // Other bundles (another install, another Node) keep their caches, up to a few of them.
    const others = readdirSync(folder)
      .filter((name) => name.startsWith('code-') && join(folder, name) !== file)
      .map((name) => ({ path: join(folder, name), age: Date.now() - statSync(join(folder, name)).mtimeMs }))
      .sort((a, b) => a.age - b.age);
    for (const [index, other] of others.entries()) {
      if (index >= KEEP - 1 || (other.path.endsWith('.tmp') && other.age > 60_000)) unlinkSync(other.path);
    }
  } catch {
    // A read-only, full or missing cache folder only costs speed.
  }
}

async function start(argv: string[]): Promise<number> {
  // What scripts call most, answered without loading the CLI at all.
  if (argv.length === 3 && (argv[2] === '--version' || argv[2] === '-V')) {
    process.stdout.write(`${toolVersion()}\n`);
    return 0;
  }
  // Imported here, after the shortcut that needs none of them. crypto is loaded by the CLI anyway
  // (compiled banks), where zlib's crc32 would cost one module more.
  const [{ isAscii }, { createHash }, { createRequire }, { homedir }, { Script }] = await Promise.all([
    import('node:buffer'),
    import('node:crypto'),
    import('node:module'),
    import('node:os'),
    import('node:vm'),
  ]);
  const digest = (data: Buffer): string => createHash('sha1').update(data).digest('hex');
  const source = readFileSync(BUNDLE);
  const folder = cacheFolder(process.env, homedir());
  const file = folder === undefined ? undefined : join(folder, `code-${process.version}-${process.arch}-${digest(source)}.bin`);
  const cached = file === undefined ? undefined : readCache(file, digest);
  // Node's CommonJS wrapper. The build keeps the bundle ASCII, which decodes much faster.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source.toString(isAscii(source) ? 'latin1' : 'utf8')}\n})`, {
    filename: BUNDLE,
    ...(cached === undefined ? {} : { cachedData: cached }),
  });
  const wrapper: unknown = script.runInThisContext();
  if (typeof wrapper !== 'function') throw new Error(`${BUNDLE} is not a CommonJS bundle`);
  const module = { exports: {} as Partial<Bundle> };
  wrapper.call(module.exports, module.exports, createRequire(BUNDLE), module, BUNDLE, HERE);
  const { main } = module.exports;
  if (typeof main !== 'function') throw new Error(`${BUNDLE} exports no main()`);
  const code = await main(argv);
  // Made after the run, the cache also holds the functions this command compiled on the way.
  if (folder !== undefined && file !== undefined && (cached === undefined || script.cachedDataRejected === true)) {
    writeCache(folder, file, script.createCachedData(), digest);
  }
  return code;
}

// No top-level await: this file is built as CommonJS, which Node starts faster than a module.
void start(process.argv).then((code) => {
  process.exitCode = code;
});
