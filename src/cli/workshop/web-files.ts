import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';

/** The pages built by `npm run build` (src/web), found in the package like the bundled banks. */
export const WEB_ROOT = join(PACKAGE_ROOT, 'dist', 'web');

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

export interface WebFile {
  body: Buffer;
  type: string;
}

/** The pages and assets the server can send: read once at start, so that no request path ever reaches the file system. */
export interface WebFiles {
  pages: { index?: WebFile; participant?: WebFile; present?: WebFile };
  /** By the exact name after `/assets/` (sub-folders joined with `/`). */
  assets: ReadonlyMap<string, WebFile>;
  built: boolean;
}

function readTree(folder: string, prefix: string, into: Map<string, WebFile>): void {
  for (const name of readdirSync(folder).sort()) {
    const file = join(folder, name);
    const stats = statSync(file);
    if (stats.isDirectory()) readTree(file, `${prefix}${name}/`, into);
    else if (stats.isFile()) into.set(`${prefix}${name}`, { body: readFileSync(file), type: TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream' });
  }
}

export function loadWebFiles(root: string = WEB_ROOT): WebFiles {
  const page = (name: string): WebFile | undefined => {
    try {
      return { body: readFileSync(join(root, name)), type: TYPES['.html'] ?? 'text/html' };
    } catch {
      return undefined;
    }
  };
  const assets = new Map<string, WebFile>();
  try {
    readTree(join(root, 'assets'), '', assets);
  } catch {
    // no assets built
  }
  const pages = { index: page('index.html'), participant: page('participant.html'), present: page('present.html') };
  return { pages, assets, built: pages.participant !== undefined && pages.present !== undefined };
}
