import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's own folder, found from this file so that an installed diag finds its bank. */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BUNDLED_BANKS = join(PACKAGE_ROOT, 'questions');
export const SCHEMAS = join(PACKAGE_ROOT, 'schema');
