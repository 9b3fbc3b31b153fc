// The P2 baseline: read and YAML-parse every answer file of a folder, nothing else. No tool that
// takes a folder of YAML files can do less, so diag's time over this is diag's own overhead.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const dir = process.argv[2];
let answers = 0;
for (const name of readdirSync(dir).sort()) {
  if (!/\.ya?ml$/.test(name)) continue;
  // Counting keeps the parse from being dead code, and checks that every file was read.
  answers += Object.keys(parse(readFileSync(join(dir, name), 'utf8')).answers).length;
}
if (answers === 0) process.exit(1);
