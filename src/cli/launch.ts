import { writeSync, type Stats } from 'node:fs';
import type { Script } from 'node:vm';
import { join } from 'node:path';
import { cacheFolder, cacheName, newPaths, nodeFlags, readCache, settled, writeCache } from './code-cache.js';
import { systemFr, systemReason } from './i18n-errors.js';
import { environmentLanguage } from './locale.js';
import { readWhole } from './read-whole.js';

/**
 * The first code Node runs for `diag`: it loads a one-file CommonJS bundle (the named command's
 * own, else the whole CLI: see build.ts) through `vm.Script` with a V8 code cache kept in the
 * user's cache folder, so that a second run neither parses nor compiles it again. The cache can
 * only make diag faster, never different:
 *
 * - Which bundle. A cache file is named after the SHA-1 of the bundle as built (put here by the
 *   build) and the identity of the bundle file on disk: device, inode, size, modification and
 *   change times. Any write to the bundle changes its change time (which no program can set
 *   back), so an edited bundle, even of the same length, gets a new cache file; a bundle changed
 *   less than two seconds ago gets none, so a file system with coarse timestamps cannot hide an
 *   edit. Knowing the bundle without reading it through a hash keeps `node:crypto`, which costs
 *   more to load than everything else here, out of the start-up.
 * - Whole and intact. V8 checks little more than the length and its own version before it uses a
 *   cache, and a damaged one can crash it. The payload is stored twice after a header line with its
 *   length, and used only when the file has exactly that length and the two copies are equal byte
 *   for byte (a native memcmp): a truncated, partly overwritten or zeroed file is refused. The
 *   second copy is turned (it starts at the payload's middle), so that the same damage done to
 *   both copies is refused too. (V8's own checksum, --verify-snapshot-checksum, would cost 12 M
 *   instructions a run: loading node:v8, and Node's own code caches refused under a changed flag.)
 *   A cache file that is not a regular file (a FIFO, a device) is not read.
 * - Written atomically (a temporary file renamed), after the run, so it also holds the functions
 *   the command compiled on the way; and again after a run that went through a part of the CLI
 *   the cache's runs did not (another output format, colour: code-paths.ts), so that it holds
 *   the functions of both. Any failure to read or write it is ignored.
 *
 * `DIAG_NO_CACHE=1` turns it off.
 */
declare const __DIAG_BUNDLES__: Readonly<Record<string, string>> | undefined;
declare const __DIAG_YAML_SHA1__: string | undefined;
declare const __DIAG_COMMANDS__: readonly string[] | undefined;
declare const __DIAG_VERSION__: string | undefined;
/** The SHA-1 of each bundle as built: '' for the whole CLI, else a command's name (see build.ts). */
const BUNDLES: Readonly<Record<string, string>> = typeof __DIAG_BUNDLES__ === 'object' ? __DIAG_BUNDLES__ : { '': '0'.repeat(40) };
const WHOLE = join(__dirname, 'diag.cjs');
/** Every command's name, a cache of the whole CLI each (see build.ts). */
const COMMANDS: readonly string[] = typeof __DIAG_COMMANDS__ === 'object' ? __DIAG_COMMANDS__ : [];
/** The yaml library, which the bundles require by this path (build.ts) and only when they need it. */
const YAML = join(__dirname, 'yaml.cjs');
const YAML_BUILD = typeof __DIAG_YAML_SHA1__ === 'string' ? __DIAG_YAML_SHA1__ : '0'.repeat(40);

interface Bundle {
  main: (argv: string[]) => Promise<number>;
  /** The parts of the CLI the run went through (code-paths.ts). */
  codePaths?: () => string[];
}

/**
 * `diag --version`, the call scripts make most, answered without loading the CLI or Node's
 * streams: one write to fd 1. A reader that left (EPIPE) ends it quietly, a full disk is exit 2
 * with one line, as for every command.
 */
function printVersion(): number {
  // The build puts the version in; tsc's output (never run as the launcher) reads package.json.
  const text = `${typeof __DIAG_VERSION__ === 'string' ? __DIAG_VERSION__ : (require('./version.js') as typeof import('./version.js')).toolVersion()}\n`;
  try {
    writeSync(1, text);
    return 0;
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    if (code === 'EPIPE') return 0;
    if (code === 'EAGAIN') {
      // A non-blocking pipe that is full: Node's own stream waits for it.
      process.stdout.on('error', () => undefined);
      process.stdout.write(text);
      return 0;
    }
    // As cannotWriteStdout words it (i18n-errors.ts), in the locale's language (fr, else English),
    // without loading the catalogues for one line.
    const reason = systemReason(error);
    process.stderr.write(environmentLanguage(process.env)?.startsWith('fr') === true ? `diag: impossible d’écrire sur la sortie standard : ${systemFr(reason)}\n` : `diag: cannot write to standard output: ${reason.message}\n`);
    return 2;
  }
}

/** A command's own bundle, if it can be read (else the whole CLI does the same). */
function readBundle(file: string): { file: string; bytes: Buffer; stat: Stats } | undefined {
  try {
    return { file, ...readWhole(file) };
  } catch {
    return undefined;
  }
}

/**
 * A bundle compiled with its code cache, to be written after the run when it had none that V8
 * took, or (for the command's bundle, `tracked`) when the run went where the cache's `paths` say
 * no run of it went.
 */
interface Loaded {
  script: Script;
  cacheFile: string | undefined;
  cached: Buffer | undefined;
  paths: string[];
  tracked: boolean;
}

/**
 * Runs one bundle through `vm.Script` with its code cache, as Node's CommonJS loader would run
 * it (the same wrapper and arguments). Every bundle is given the launcher's folder (dist/bundle)
 * as its own: paths.ts finds the package from it. What it requires goes to `requireFor`.
 */
function runBundle(vm: typeof import('node:vm'), bundle: { file: string; bytes: Buffer; stat: Stats }, build: string, use: string, folder: string | undefined, requireFor: NodeJS.Require, loaded: Loaded[], tracked = true): unknown {
  const { isAscii } = require('node:buffer') as typeof import('node:buffer');
  const { file, bytes, stat } = bundle;
  const cacheFile = folder === undefined || !settled(stat, bytes.length, Date.now()) ? undefined : join(folder, cacheName(stat, build, use, nodeFlags(process.execArgv, process.env)));
  const entry = cacheFile === undefined ? undefined : readCache(cacheFile);
  const cached = entry?.payload;
  // The build writes Node's CommonJS wrapper around the bundle, and keeps it ASCII, which decodes
  // much faster.
  const script = new vm.Script(bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8'), {
    filename: file,
    ...(cached === undefined ? {} : { cachedData: cached }),
  });
  loaded.push({ script, cacheFile, cached, paths: entry?.paths ?? [], tracked });
  const wrapper: unknown = script.runInThisContext();
  if (typeof wrapper !== 'function') throw new Error(`${file} is not a CommonJS bundle`);
  const module = { exports: {} as unknown };
  wrapper.call(module.exports, module.exports, requireFor, module, file, __dirname);
  return module.exports;
}

async function start(argv: string[]): Promise<number> {
  if (argv.length === 3 && (argv[2] === '--version' || argv[2] === '-V')) return printVersion();
  // Required here, after the shortcut that needs none of them (require, not import(): import()
  // would start Node's ES module loader).
  const vm = require('node:vm') as typeof import('node:vm');
  const folder = cacheFolder(process.env, () => process.env.HOME ?? (require('node:os') as typeof import('node:os')).homedir());
  const loaded: Loaded[] = [];
  // The bundles require Node's own modules, which this file's require finds as well, and the
  // yaml library (build.ts), run like a bundle at its first use.
  let yaml: unknown;
  const requireFor = ((id: string): unknown => {
    if (id !== YAML) return require(id);
    yaml ??= runBundle(vm, { file: YAML, ...readWhole(YAML) }, YAML_BUILD, '', folder, require, loaded, false);
    return yaml;
  }) as NodeJS.Require;
  // The command's own bundle when it is named first and has one, else the whole CLI, whose cache
  // is then the command's (its name when it is one of COMMANDS).
  const name = argv[2] ?? '';
  const own = name !== '' && Object.hasOwn(BUNDLES, name) ? readBundle(join(__dirname, 'commands', `${name}.cjs`)) : undefined;
  const exports = (
    own === undefined
      ? runBundle(vm, { file: WHOLE, ...readWhole(WHOLE) }, BUNDLES[''] ?? '0'.repeat(40), COMMANDS.includes(name) ? name : '', folder, requireFor, loaded)
      : runBundle(vm, own, BUNDLES[name] ?? '0'.repeat(40), '', folder, requireFor, loaded)
  ) as Partial<Bundle>;
  const { main, codePaths } = exports;
  if (typeof main !== 'function') throw new Error(`${own?.file ?? WHOLE} exports no main()`);
  const code = await main(argv);
  const used = typeof codePaths === 'function' ? codePaths() : [];
  // Made after the run, a cache also holds the functions this command compiled on the way: only
  // after a whole run (exit 0, or 1 for a threshold not met), since a cache is kept as long as
  // its bundle and one made by a refused input or an interruption would lack the command's work.
  for (const { script, cacheFile, cached, paths, tracked } of code > 1 ? [] : loaded) {
    if (folder === undefined || cacheFile === undefined) continue;
    // A cache V8 did not take held none of the functions its paths name.
    const taken = cached !== undefined && script.cachedDataRejected !== true;
    const known = taken ? paths : [];
    const added = tracked ? newPaths(known, used) : [];
    if (!taken || added.length > 0) writeCache(folder, cacheFile, script.createCachedData(), [...Object.values(BUNDLES), YAML_BUILD], [...known, ...added]);
  }
  return code;
}

/**
 * Handles that may stay open once a command is over without anything left to do: the standard
 * streams' own. Anything else (a pending write, a timer, a server, a child, a signal handler)
 * means Node's usual end, which waits for it.
 */
const IDLE = new Set(['TTYWrap', 'PipeWrap']);

/**
 * Ends the process as soon as the command is done, when nothing is pending: Node's own end would
 * also close every handle and free the whole heap, milliseconds of a short command's life that
 * nobody waits for. `process.exit` still runs the 'exit' handlers (locks released, temporary
 * files removed), and on Linux what was written to a terminal, a pipe or a file is already out.
 */
function finish(code: number): void {
  process.exitCode = code;
  if (process.platform !== 'linux' || !process.getActiveResourcesInfo().every((name) => IDLE.has(name))) return;
  process.exit(code);
}

// No top-level await: this file is built as CommonJS, which Node starts faster than a module.
void start(process.argv).then(finish);
