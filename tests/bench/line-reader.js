// node tests/bench/line-reader.js FILE.ndjson [runs]
//
// The NDJSON line reader of diag (dist/cli/bounded-read.js, bytes counted per line) against
// node:readline on the same file: lines read and decoded, CPU and wall time, best of `runs`.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { performance } from 'node:perf_hooks';
import { LineSplitter } from '../../dist/cli/bounded-read.js';

const [file, runsText = '3'] = process.argv.slice(2);
if (file === undefined) {
  console.error('usage: node tests/bench/line-reader.js FILE.ndjson [runs]');
  process.exit(2);
}

async function withReadline() {
  let n = 0;
  let chars = 0;
  for await (const line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
    n++;
    chars += line.length;
  }
  return { n, chars };
}

async function withSplitter() {
  const splitter = new LineSplitter(10 * 1024 * 1024);
  let n = 0;
  let chars = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    for (const line of splitter.push(chunk)) {
      n++;
      if ('bytes' in line) chars += line.bytes.toString('utf8').length;
    }
  }
  for (const line of splitter.end()) {
    n++;
    if ('bytes' in line) chars += line.bytes.toString('utf8').length;
  }
  return { n, chars };
}

for (const [name, read] of [['readline', withReadline], ['LineSplitter', withSplitter]]) {
  let best = { wall: Infinity, cpu: Infinity };
  let result;
  for (let i = 0; i < Number(runsText); i++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    result = await read();
    const wall = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    best = { wall: Math.min(best.wall, wall), cpu: Math.min(best.cpu, (cpu.user + cpu.system) / 1000) };
  }
  console.log(`${name.padEnd(12)} ${result.n} lines, ${result.chars} characters: wall ${best.wall.toFixed(0)} ms, CPU ${best.cpu.toFixed(0)} ms (best of ${runsText})`);
}
