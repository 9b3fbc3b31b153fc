// node tests/bench/workshop.js [--participants N] [--rounds N] [--spread S]   (also run by npm run bench)
//
// The workshop server with N participants (200 by default) connected at once, over loopback only:
// all of them fetch the bank and join at the same moment, then submit, in two ways:
//   room:  each submits at a random moment within S seconds (10 by default): a room finishing;
//   burst: all submit in the same instant, the worst case: the last one waits for every other
//          (one event loop), so its latency is the queue, not the work of one submission.
// Reports the submission latency (p50, p99, max: from sending the answers to the 201, fsyncs
// included) and the server's peak resident memory (VmHWM of its process). Goals (room):
// p99 < 50 ms, RSS < 150 MB. A benchmark reports, it does not judge: exit 0 either way.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { applyConditions } from '../../dist/core/index.js';

const ROOT = resolve(import.meta.dirname, '../..');

/** Valid answers built from the bank: option `pick` of every question asked. */
function answersFor(bank, pick) {
  const answers = {};
  const valueFor = (q, n) => {
    if (q.type === 'likert' || q.type === 'single') return q.options[n % q.options.length].value;
    if (q.type === 'multiple') return [q.options[n % q.options.length].value];
    if (q.type === 'boolean') return n % 2 === 0;
    if (q.type === 'number') return q.min ?? 0;
    return 'ok';
  };
  for (let round = 0; round <= bank.questions.length; round++) {
    const missing = applyConditions(bank, answers).visible.filter((q) => !Object.hasOwn(answers, q.id));
    if (missing.length === 0) break;
    for (const q of missing) answers[q.id] = valueFor(q, pick + q.id.length);
  }
  return applyConditions(bank, answers).answers;
}

function startServer(dir) {
  const child = spawn(process.execPath, ['bin/diag.js', 'workshop', dir, '--host', '127.0.0.1', '--port', '0'], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolveStart, reject) => {
    let out = '';
    child.on('exit', (code) => reject(new Error(`the server exited with ${code}`)));
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const join = /^join: (http:\/\/[^/]+)\/j\/(\w+)$/m.exec(out);
      const present = /^present: .*token=([\w-]+)$/m.exec(out);
      if (join && present) resolveStart({ child, base: join[1], code: join[2], token: present[1] });
    });
  });
}

function peakRssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmHWM:\s+(\d+)/m.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

export async function benchWorkshop({ participants = 200, rounds = 3, spreadMs = 10_000, log = (m) => process.stderr.write(`bench: ${m}\n`) } = {}) {
  const results = [];
  for (let round = 1; round <= rounds * 2; round++) {
    const mode = round % 2 === 1 ? 'room' : 'burst';
    const dir = mkdtempSync(join(tmpdir(), 'diag-bench-workshop-'));
    const server = await startServer(dir);
    try {
      const bank = await (await fetch(`${server.base}/api/bank?code=${server.code}`)).json();
      // Answers are prepared beforehand: the client's own work must not count as the server's latency.
      const bodies = Array.from({ length: participants }, (_, n) => JSON.stringify({ bank: bank.id, respondent: `participant ${n}`, answers: answersFor(bank, n) }));
      const latencies = [];
      const wall = performance.now();
      const said = (what) => (error) => {
        throw new Error(`${what} failed: ${error.message} (${error.cause?.code ?? ''} ${error.cause?.message ?? ''})`);
      };
      const joined = await Promise.all(
        bodies.map(async () => {
          await (await fetch(`${server.base}/api/bank?code=${server.code}`).catch(said('bank'))).arrayBuffer();
          return (await (await fetch(`${server.base}/api/join?code=${server.code}`, { method: 'POST' }).catch(said('join'))).json()).participant;
        }),
      );
      await Promise.all(
        bodies.map(async (body, n) => {
          const participant = joined[n];
          if (mode === 'room') await new Promise((done) => setTimeout(done, Math.random() * spreadMs));
          const sent = performance.now();
          const response = await fetch(`${server.base}/api/answers?code=${server.code}&participant=${participant}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body }).catch((error) => {
            throw new Error(`submission failed: ${error.message} (${error.cause?.code ?? ''} ${error.cause?.message ?? ''})`);
          });
          await response.arrayBuffer();
          latencies.push(performance.now() - sent);
          if (response.status !== 201) throw new Error(`submission refused: ${response.status}`);
        }),
      );
      const seconds = (performance.now() - wall) / 1000;
      const sorted = latencies.sort((a, b) => a - b);
      const result = { mode, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1], rss: peakRssMb(server.child.pid), seconds };
      log(`workshop ${mode}: p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, peak RSS ${result.rss.toFixed(0)} MB, ${participants} participants in ${seconds.toFixed(2)} s`);
      results.push(result);
    } finally {
      server.child.removeAllListeners('exit');
      server.child.kill('SIGINT');
      await new Promise((done) => server.child.once('exit', done));
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return results;
}

/** The Markdown section npm run bench prints. */
export function workshopMarkdown(results, participants = 200, spreadMs = 10_000) {
  const median = (mode, key) => {
    const values = results.filter((r) => r.mode === mode).map((r) => r[key]).sort((a, b) => a - b);
    return values[values.length >> 1];
  };
  const ok = (value, goal) => (value < goal ? 'met' : 'NOT met');
  const ms = (mode, key) => `${median(mode, key).toFixed(1)} ms`;
  return [
    `## W. Workshop server: ${participants} participants connected at once (loopback)`,
    '',
    `| measure | room (submits within ${spreadMs / 1000} s) | burst (all in one instant) | goal (room) | |`,
    '| --- | ---: | ---: | ---: | --- |',
    `| submission latency p50 | ${ms('room', 'p50')} | ${ms('burst', 'p50')} | | |`,
    `| submission latency p99 | ${ms('room', 'p99')} | ${ms('burst', 'p99')} | < 50 ms | ${ok(median('room', 'p99'), 50)} |`,
    `| submission latency max | ${ms('room', 'max')} | ${ms('burst', 'max')} | | |`,
    `| server peak RSS | ${median('room', 'rss').toFixed(0)} MB | ${median('burst', 'rss').toFixed(0)} MB | < 150 MB | ${ok(Math.max(median('room', 'rss'), median('burst', 'rss')), 150)} |`,
    '',
    `Medians of ${results.length / 2} rounds of each, each on a fresh folder. The latency runs from sending the answers to the 201 (validation, scoring, two files written and fsynced). In a burst the server works through the queue on one event loop: the last of ${participants} waits for all the others.`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { participants: { type: 'string', default: '200' }, rounds: { type: 'string', default: '3' }, spread: { type: 'string', default: '10' } } });
  const participants = Number(values.participants);
  const spreadMs = Number(values.spread) * 1000;
  const results = await benchWorkshop({ participants, rounds: Number(values.rounds), spreadMs });
  process.stdout.write(`${workshopMarkdown(results, participants, spreadMs)}\n`);
}
