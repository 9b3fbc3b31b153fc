import { build, type Plugin } from 'esbuild';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileBundledBanks } from './compiled-banks.js';
import { COMMAND_ORDER } from './commands-table.js';
import { PACKAGE_ROOT } from './paths.js';
import { toolVersion } from './version.js';

/**
 * Run by `npm run build` after the type check. Node spends much of a short command's life finding
 * and compiling modules: diag's own ~60 files and its libraries' ~100 cost over 100 ms before any
 * work. esbuild puts them in CommonJS files, the whole CLI in dist/bundle/diag.cjs and each
 * command in dist/bundle/commands/NAME.cjs (lazy imports become lazily initialised modules, so a
 * command still runs only the code it uses), which dist/bundle/launch.cjs loads with a V8 code
 * cache. The bundled banks are parsed once here instead of at every start.
 */
const out = join(PACKAGE_ROOT, 'dist/bundle');
const common = { bundle: true, platform: 'node', target: 'node20', logLevel: 'warning', legalComments: 'none' } as const;

/**
 * Node modules that cost milliseconds to load and that most commands never use, but that some
 * library requires at its top (commander requires child_process for subcommands diag does not
 * have): in the bundle they are loaded at their first use instead (only for libraries: diag's own
 * modules are initialised lazily already). Every property read goes to the
 * real module then, so code that uses them sees no difference.
 */
const LAZY_BUILTINS = ['child_process', 'crypto', 'zlib', 'http', 'readline'];
const lazyBuiltins: Plugin = {
  name: 'lazy-builtins',
  setup(build) {
    const filter = new RegExp(`^(node:)?(${LAZY_BUILTINS.join('|')})$`);
    // diag's own modules are initialised lazily already; only the libraries' top-level requires are wrapped.
    build.onResolve({ filter }, (args) =>
      args.namespace === 'lazy-builtin' || !/[\\/]node_modules[\\/]/.test(args.importer)
        ? { path: args.path, external: true }
        : { path: args.path.replace(/^node:/, ''), namespace: 'lazy-builtin' },
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({
      loader: 'js',
      contents: `let real;
const load = () => (real ??= require('node:${args.path}'));
module.exports = new Proxy({}, {
  get: (_, key) => load()[key],
  has: (_, key) => key in load(),
  ownKeys: () => Reflect.ownKeys(load()),
  getOwnPropertyDescriptor: (_, key) => {
    const descriptor = Reflect.getOwnPropertyDescriptor(load(), key);
    return descriptor === undefined ? undefined : { ...descriptor, configurable: true };
  },
});`,
    }));
  },
};
// import.meta.dirname finds the package folder (paths.ts); in CommonJS it is the file's folder.
const commonJs = { format: 'cjs', define: { 'import.meta.dirname': '__dirname', __DIAG_VERSION__: JSON.stringify(toolVersion()) } } as const;
/**
 * diag picks its colours itself (`new Chalk({ level })`, from --color, NO_COLOR and the terminal:
 * src/cli/common.ts) and never uses chalk's own guess, whose module loads node:tty and node:net
 * (milliseconds at every start). In the bundle that guess is "no colour" (`chalk`'s default
 * instance, which diag does not use).
 */
const noColorGuess: Plugin = {
  name: 'no-color-guess',
  setup(build) {
    build.onResolve({ filter: /^#supports-color$/ }, () => ({ path: 'supports-color', namespace: 'no-color-guess' }));
    build.onLoad({ filter: /.*/, namespace: 'no-color-guess' }, () => ({ loader: 'js', contents: 'export default { stdout: false, stderr: false };' }));
  },
};

/**
 * A package that diag's own modules import through a module of `contents`, whose functions load
 * the real package at their first call (libraries' own imports of it are left alone).
 */
function lazyPackage(name: string, contents: string): Plugin {
  const namespace = `lazy-${name}`;
  return {
    name: namespace,
    setup(build) {
      build.onResolve({ filter: new RegExp(`^${name}$`) }, (args) =>
        args.namespace === namespace || /[\\/]node_modules[\\/]/.test(args.importer) ? undefined : { path: name, namespace },
      );
      build.onLoad({ filter: /.*/, namespace }, () => ({ loader: 'js', resolveDir: PACKAGE_ROOT, contents }));
    },
  };
}

/**
 * The yaml library is needed at start-up only when a text is not simple enough for the fast path
 * (src/cli/simple-yaml.ts), or to point at a problem. It is a bundle of its own, dist/bundle/yaml.cjs
 * (160 kB that no command reads otherwise), which the launcher runs with a code cache of its own
 * at its first use (launch.ts). The names are listed here; importing another one fails the build.
 */
const YAML_FUNCTIONS = ['isMap', 'isScalar', 'isSeq', 'parseDocument', 'stringify'];
/** Module text: each of `names` exported as a function that calls the same name of `real` (an expression). */
const forwarding = (names: readonly string[], real: string) => names.map((name) => `export function ${name}(...args) { return ${real}.${name}(...args); }`);
const lazyYaml = lazyPackage(
  'yaml',
  [
    'let real;',
    "const load = () => (real ??= require(require('node:path').join(__dirname, 'yaml.cjs')));",
    ...forwarding(YAML_FUNCTIONS, 'load()'),
    'export function LineCounter(...args) { return new (load().LineCounter)(...args); }',
    'export function visit(...args) { return load().visit(...args); }',
    "for (const key of ['BREAK', 'SKIP', 'REMOVE']) Object.defineProperty(visit, key, { get: () => load().visit[key] });",
  ].join('\n'),
);
/**
 * Likewise Node's `os` module, which is not in Node's start-up snapshot (its load costs most of a
 * millisecond) and which diag needs only for a temporary folder, a home folder, a host name or the
 * network addresses.
 */
const OS_FUNCTIONS = ['homedir', 'hostname', 'networkInterfaces', 'tmpdir'];
const lazyOs = lazyPackage('node:os', forwarding(OS_FUNCTIONS, "require('node:os')").join('\n'));
/** Likewise chalk, which an output without colour (a file, a pipe) never needs (src/cli/render/paint.ts). */
const lazyChalk = lazyPackage('chalk', "let real;\nexport function Chalk(options) { return new (real ??= require('chalk')).Chalk(options); }");

/**
 * Node's CommonJS wrapper, written around each bundle at build time: the launcher compiles the
 * file's text as it is (launch.ts), instead of making a second copy of 300 KB with the wrapper
 * around it at every start. A bundle file is therefore one function expression, not a module
 * that `require` could load.
 */
const WRAPPER_HEAD = '(function (exports, require, module, __filename, __dirname) {';
const WRAPPER_TAIL = '\n})';

/**
 * One bundle: minified whitespace and syntax (fewer bytes to read and decode at every start;
 * names are kept for readable stacks), and ASCII only. esbuild escapes non-ASCII text except in
 * regular expressions; escaping those too keeps the file ASCII, which the launcher decodes six
 * times faster than UTF-8 (\uXXXX means the same there). Wrapped (WRAPPER_HEAD). Returns the SHA-1
 * of what it wrote.
 */
async function bundle(entry: { file: string } | { contents: string; name: string }, outfile: string, plugins = [lazyBuiltins, noColorGuess, lazyYaml, lazyChalk, lazyOs]): Promise<string> {
  await build({
    ...common,
    ...('file' in entry ? { entryPoints: [entry.file] } : { stdin: { contents: entry.contents, resolveDir: join(PACKAGE_ROOT, 'src/cli'), sourcefile: entry.name, loader: 'ts' as const } }),
    outfile,
    ...commonJs,
    minifyWhitespace: true,
    minifySyntax: true,
    plugins,
  });
  const ascii = readFileSync(outfile, 'utf8').replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const cjs = `${WRAPPER_HEAD}${ascii}${WRAPPER_TAIL}`;
  writeFileSync(outfile, cjs);
  return createHash('sha1').update(cjs, 'latin1').digest('hex');
}

// A clean folder: bundles of earlier builds would otherwise ship in the package.
rmSync(out, { recursive: true, force: true });
/**
 * The whole CLI (diag.cjs), and on their own (commands/NAME.cjs) the commands that scripts and CI
 * run often and for which start-up counts, which the launcher runs when the command is named
 * first: the command then reads, decodes and deserialises only its own code. Each command has a
 * code cache of its own either way (one for all would hold only the functions of whichever
 * command ran first). The survey, the workshop server (people and a long-running server wait for
 * nothing here) and completion (it lists every command) run the whole CLI.
 */
const ALONE = COMMAND_ORDER.filter((name) => !['run', 'workshop', 'completion'].includes(name));
const [yaml, whole, ...alone] = await Promise.all([
  bundle({ name: 'yaml-entry.js', contents: "module.exports = require('yaml');" }, join(out, 'yaml.cjs'), [lazyBuiltins]),
  bundle({ file: join(PACKAGE_ROOT, 'src/cli/main.ts') }, join(out, 'diag.cjs')),
  ...ALONE.map((name) =>
    bundle({ name: `${name}-entry.ts`, contents: `import { ${name} } from './commands-table.js';\nimport { mainWith } from './program.js';\nexport const main = mainWith({ ${name} });\nexport { codePaths } from './code-paths.js';\n` }, join(out, 'commands', `${name}.cjs`)),
  ),
]);
// The launcher is CommonJS too (bin/ is a CommonJS folder): Node starts it without its ES module
// loader. It names a code cache after its bundle's SHA-1, computed here once rather than at
// every start (see launch.ts).
const bundles: Record<string, string> = { '': whole ?? '', ...Object.fromEntries(ALONE.map((name, i) => [name, alone[i] ?? ''])) };
await build({
  ...common,
  ...commonJs,
  define: { ...commonJs.define, __DIAG_BUNDLES__: JSON.stringify(bundles), __DIAG_YAML_SHA1__: JSON.stringify(yaml), __DIAG_COMMANDS__: JSON.stringify(COMMAND_ORDER) },
  entryPoints: [join(PACKAGE_ROOT, 'src/cli/launch.ts')],
  outfile: join(out, 'launch.cjs'),
  // Node compiles it from source at every start (it has no code cache).
  minifyWhitespace: true,
  minifySyntax: true,
  // The file package.json's "bin" names: an installed `diag` starts here directly, without the
  // extra module bin/diag.js is (which stays, for `node bin/diag.js` in a clone).
  banner: { js: '#!/usr/bin/env node' },
});
chmodSync(join(out, 'launch.cjs'), 0o755);
const banks = await compileBundledBanks();
process.stdout.write(`bundled dist/bundle/diag.cjs, launch.cjs, yaml.cjs and commands/{${ALONE.join(',')}}.cjs; compiled banks: ${banks.join(', ')}\n`);

/**
 * The workshop's browser pages (`diag workshop`): static files in dist/web, which the server
 * holds in memory and serves at `/`, `/j/CODE`, `/present` and `/assets/NAME`. The survey logic
 * is the core's own code, bundled for the browser. One script and one stylesheet per page, no
 * inline script or style, nothing from outside: the server's CSP allows only 'self'.
 */
const web = join(PACKAGE_ROOT, 'dist/web');
rmSync(web, { recursive: true, force: true });
mkdirSync(join(web, 'assets'), { recursive: true });
await build({
  entryPoints: {
    home: join(PACKAGE_ROOT, 'src/web/home.ts'),
    participant: join(PACKAGE_ROOT, 'src/web/participant/main.ts'),
    present: join(PACKAGE_ROOT, 'src/web/present/main.ts'),
    style: join(PACKAGE_ROOT, 'src/web/style.css'),
  },
  outdir: join(web, 'assets'),
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2020',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
});
for (const page of ['index', 'participant', 'present']) copyFileSync(join(PACKAGE_ROOT, `src/web/pages/${page}.html`), join(web, `${page}.html`));
process.stdout.write('built dist/web: index.html, participant.html, present.html, assets/{home,participant,present}.js, assets/style.css\n');
