import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from './paths.js';

/** Put in by the bundles' build (build.ts); tsc's output reads package.json. */
declare const __DIAG_VERSION__: string | undefined;
let cached: string | undefined = typeof __DIAG_VERSION__ === 'string' ? __DIAG_VERSION__ : undefined;

/** The version in package.json, read once (or put in by the build). */
export function toolVersion(): string {
  if (cached === undefined) {
    const pkg: unknown = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8'));
    cached = typeof pkg === 'object' && pkg !== null && 'version' in pkg && typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  }
  return cached;
}

export const TOOL = { name: 'diag', get version() { return toolVersion(); } };
