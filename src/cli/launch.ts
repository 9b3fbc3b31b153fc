import { writeSync } from 'node:fs';
import { join } from 'node:path';
import { cacheFolder, cacheName, readCache, settled, writeCache } from './code-cache.js';
import { systemFr, systemReason } from './i18n-errors.js';
import { environmentLanguage } from './locale.js';
import { readWhole } from './read-whole.js';
import { toolVersion } from './version.js';

/**
 * The first code Node runs for `diag`: it loads the one-file CommonJS bundle of the CLI through
 * `vm.Script` with a V8 code cache kept in the user's cache folder, so that a second run neither
 * parses nor compiles the CLI again. The cache can only make diag faster, never different:
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
 *   for byte (a native memcmp): a truncated, partly overwritten or zeroed file is refused.
 * - Written atomically (a temporary file renamed), after the run, so it also holds the functions
 *   the command compiled on the way. Any failure to read or write it is ignored.
 *
 * `DIAG_NO_CACHE=1` turns it off.
 */
declare const __DIAG_BUNDLE_SHA1__: string | undefined;
declare const __DIAG_VERSION__: string | undefined;
const BUNDLE = join(__dirname, 'diag.cjs');
const BUILD = typeof __DIAG_BUNDLE_SHA1__ === 'string' ? __DIAG_BUNDLE_SHA1__ : '0'.repeat(40);

interface Bundle {
  main: (argv: string[]) => Promise<number>;
}

/**
 * `diag --version`, the call scripts make most, answered without loading the CLI or Node's
 * streams: one write to fd 1. A reader that left (EPIPE) ends it quietly, a full disk is exit 2
 * with one line, as for every command.
 */
function printVersion(): number {
  const text = `${typeof __DIAG_VERSION__ === 'string' ? __DIAG_VERSION__ : toolVersion()}\n`;
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

async function start(argv: string[]): Promise<number> {
  if (argv.length === 3 && (argv[2] === '--version' || argv[2] === '-V')) return printVersion();
  // Required here, after the shortcut that needs none of them (require, not import(): import()
  // would start Node's ES module loader).
  const { isAscii } = require('node:buffer') as typeof import('node:buffer');
  const { Script } = require('node:vm') as typeof import('node:vm');
  const { bytes: source, stat } = readWhole(BUNDLE);
  const folder = cacheFolder(process.env, () => process.env.HOME ?? (require('node:os') as typeof import('node:os')).homedir());
  const file = folder === undefined || !settled(stat, source.length, Date.now()) ? undefined : join(folder, cacheName(stat, BUILD));
  const cached = file === undefined ? undefined : readCache(file);
  // Node's CommonJS wrapper. The build keeps the bundle ASCII, which decodes much faster.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source.toString(isAscii(source) ? 'latin1' : 'utf8')}\n})`, {
    filename: BUNDLE,
    ...(cached === undefined ? {} : { cachedData: cached }),
  });
  const wrapper: unknown = script.runInThisContext();
  if (typeof wrapper !== 'function') throw new Error(`${BUNDLE} is not a CommonJS bundle`);
  const module = { exports: {} as Partial<Bundle> };
  // The bundle requires only Node's own modules, which this file's require finds as well.
  wrapper.call(module.exports, module.exports, require, module, BUNDLE, __dirname);
  const { main } = module.exports;
  if (typeof main !== 'function') throw new Error(`${BUNDLE} exports no main()`);
  const code = await main(argv);
  // Made after the run, the cache also holds the functions this command compiled on the way.
  if (folder !== undefined && file !== undefined && (cached === undefined || script.cachedDataRejected === true)) {
    writeCache(folder, file, script.createCachedData());
  }
  return code;
}

// No top-level await: this file is built as CommonJS, which Node starts faster than a module.
void start(process.argv).then((code) => {
  process.exitCode = code;
});
