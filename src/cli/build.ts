import { build } from 'esbuild';
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
