import { compileBundledBanks } from './compiled-banks.js';

// Run by `npm run build` after tsc: see compiled-banks.ts.
const names = await compileBundledBanks();
process.stdout.write(`compiled bundled banks: ${names.join(', ')}\n`);
