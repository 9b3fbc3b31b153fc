import { build } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { compileBundledBanks } from './compiled-banks.js';
import { PACKAGE_ROOT } from './paths.js';

/**
 * Run by `npm run build` after tsc. Node spends much of a short command's life finding and
 * compiling modules: diag's own ~60 files and its libraries' ~100 cost over 100 ms before any
 * work. esbuild bundles them into a few chunks (split at the lazy imports, so a command loads
 * only what it uses), and the bundled banks are parsed once here instead of at every start.
 */
await build({
  entryPoints: [join(PACKAGE_ROOT, 'src/cli/main.ts')],
  outdir: join(PACKAGE_ROOT, 'dist/bundle'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  // Some libraries are CommonJS and call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __diagCreateRequire } from 'node:module'; const require = __diagCreateRequire(import.meta.url);" },
});
const banks = await compileBundledBanks();
process.stdout.write(`bundled dist/bundle/main.js; compiled banks: ${banks.join(', ')}\n`);

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
