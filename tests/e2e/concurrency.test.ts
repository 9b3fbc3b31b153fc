import { describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './run-cli.js';

const WRITERS = 50;

describe('concurrent writers', () => {
  it(`${WRITERS} processes saving reports under the same name into one folder leave ${WRITERS} whole reports`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'diag-concurrent-'));
    // The very function diag run and --workshop use to name and create a report.
    const output = pathToFileURL(join(ROOT, 'dist/cli/output.js')).href;
    const script = `const { createUniqueFile } = await import(${JSON.stringify(output)});
const content = JSON.stringify({ writer: Number(process.argv[1]), padding: 'x'.repeat(200000) });
createUniqueFile(${JSON.stringify(join(dir, 'diag-transformation-2026-11-23-1030'))}, '.json', content);`;
    try {
      const codes = await Promise.all(
        Array.from({ length: WRITERS }, (_, i) =>
          new Promise<number | null>((resolve) => {
            const child = spawn(process.execPath, ['--input-type=module', '-e', script, String(i)], { stdio: 'ignore' });
            child.on('exit', resolve);
          }),
        ),
      );
      expect(codes.every((code) => code === 0)).toBe(true);
      const files = readdirSync(dir);
      expect(files.filter((f) => f.endsWith('.json'))).toHaveLength(WRITERS);
      expect(files.filter((f) => !f.endsWith('.json'))).toEqual([]);
      const writers = files.map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')).writer).sort((a, b) => a - b);
      expect(writers).toEqual(Array.from({ length: WRITERS }, (_, i) => i));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60000);
});
