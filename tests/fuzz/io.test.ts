/**
 * A seeded fuzzer of diag's inputs and outputs as files and processes: standard input (chunked at
 * random, BOM, CRLF, NDJSON or one document, mutated), folders holding odd entries (dangling links,
 * loops, FIFOs, folders named like answer files, broken files), and stdout faults (a closed pipe,
 * a full disk) on the real CLI.
 *
 * Properties: standard input gives exactly the records the same bytes give as a file; a folder is
 * scored (odd entries skipped with one warning each) or refused with an InputError, never thrown
 * at, never hung on; a stdout fault ends quietly (closed pipe, exit 0) or with exit 2 and a message
 * (full disk), never with a stack trace.
 *
 *   FUZZ_CASES=10000 npm run jest -- tests/fuzz/io.test.ts   more cases (default 300)
 *   FUZZ_SEED=123, FUZZ_ONLY=42                                as in fuzz.test.ts
 */
import { describe, expect, it } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../src/cli/errors.js';
import { readRecords, type RecordResult } from '../../src/cli/read-inputs.js';
import { scoreInputs } from '../../src/cli/score-inputs.js';
import { BIN, hasStackTrace, ROOT } from '../e2e/run-cli.js';
import { loadCorpus, type AnswerSeed } from './corpus.js';
import { caseSeed, mutateBytes, mutateLines, Random } from './mutate.js';

const integer = (name: string, fallback: number) => (process.env[name] === undefined || process.env[name] === '' ? fallback : Number(process.env[name]));
const CASES = integer('FUZZ_CASES', 300);
const SEED = integer('FUZZ_SEED', 20261123);
const ONLY = process.env.FUZZ_ONLY === undefined ? undefined : integer('FUZZ_ONLY', 0);
/** One stdout-fault case (a real process) for this many cases: they cost a process each. */
const STDOUT_EVERY = 50;
const SLOW_MS = 5000;
const indexes = ONLY === undefined ? Array.from({ length: CASES }, (_, i) => i) : [ONLY];

const answerSeeds = (): AnswerSeed[] => loadCorpus(SEED).filter((s): s is AnswerSeed => s.kind === 'answers');

/** Bytes cut into chunks at random places, multi-byte characters included. */
async function* chunked(bytes: Buffer, rng: Random): AsyncGenerator<Buffer> {
  let at = 0;
  while (at < bytes.length) {
    const size = 1 + rng.int(rng.chance(0.5) ? 8 : 4096);
    yield bytes.subarray(at, at + size);
    at += size;
  }
}

/** A record as compared: its data, or that it was refused. */
const shape = (r: RecordResult) => ('source' in r ? JSON.stringify(r.source.data) : 'refused');

async function collect(records: AsyncGenerator<RecordResult>): Promise<string[]> {
  const out: string[] = [];
  for await (const r of records) out.push(shape(r));
  return out;
}

/** Standard input and a file of the same bytes give the same records. */
async function stdinCase(seed: AnswerSeed, rng: Random, dir: string, index: number): Promise<string | undefined> {
  const lines = rng.chance(0.5);
  let text = lines
    ? Array.from({ length: 1 + rng.int(4) }, () => JSON.stringify(seed.data)).join(rng.chance(0.3) ? '\r\n' : '\n') + (rng.chance(0.5) ? '\n' : '')
    : seed.text;
  if (rng.chance(0.6)) text = (rng.chance(0.3) ? mutateLines(text, rng) : mutateBytes(text, rng)).text;
  if (rng.chance(0.2)) text = `\ufeff${text}`;
  const bytes = Buffer.from(text);
  let kind: string | undefined;
  const fromStdin = await collect(readRecords(['-'], { stdin: chunked(bytes, rng), onStdinKind: (k) => (kind = k) }));
  if (kind === undefined) return 'standard input was never classified';
  const file = join(dir, `stdin-${index}.${kind === 'ndjson' ? 'ndjson' : 'yaml'}`);
  writeFileSync(file, bytes);
  const fromFile = await collect(readRecords([file]));
  if (JSON.stringify(fromStdin) !== JSON.stringify(fromFile)) return `stdin (${kind}) and file differ:\n  stdin: ${fromStdin.join(' | ').slice(0, 400)}\n  file:  ${fromFile.join(' | ').slice(0, 400)}`;
  return undefined;
}

type Entry = 'valid' | 'broken' | 'dangling' | 'loop' | 'folder' | 'fifo';
const ENTRIES: Entry[] = ['valid', 'valid', 'broken', 'dangling', 'loop', 'folder', 'fifo'];

/** A folder of answer files and odd entries: scored with one warning per odd entry, or refused naming a file. */
async function folderCase(seed: AnswerSeed, rng: Random, dir: string, index: number): Promise<string | undefined> {
  const folder = join(dir, `folder-${index}`);
  mkdirSync(folder);
  const entries = Array.from({ length: 1 + rng.int(5) }, () => rng.pick(ENTRIES));
  entries.forEach((entry, i) => {
    const name = join(folder, `${entry === 'dangling' ? '.#' : ''}e${i}.${rng.pick(['yaml', 'yml', 'json', 'ndjson'])}`);
    if (entry === 'valid' || entry === 'broken') writeFileSync(name, entry === 'valid' ? (name.endsWith('ndjson') ? JSON.stringify(seed.data) : seed.text) : mutateBytes(seed.text, rng).text);
    else if (entry === 'dangling') symlinkSync(join(folder, 'nowhere'), name);
    else if (entry === 'loop') symlinkSync(name, name);
    else if (entry === 'folder') mkdirSync(name);
    else spawnSync('mkfifo', [name]);
  });
  const odd = entries.filter((e) => e !== 'valid' && e !== 'broken').length;
  const warnings: string[] = [];
  try {
    const { reports } = await scoreInputs(seed.bank, [folder], { warn: (line) => warnings.push(line), now: () => '2026-01-01T00:00:00.000Z' });
    const skipped = warnings.filter((w) => w.includes(': skipped, ')).length;
    if (skipped !== odd) return `${skipped} entries skipped with a warning, ${odd} odd entries (${entries.join(', ')}): ${warnings.join(' | ')}`;
    if (reports.length === 0) return 'no report, yet no InputError';
    return undefined;
  } catch (error) {
    if (!(error instanceof InputError)) return `threw ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
    const text = [error.message, ...error.details].join('\n');
    return text.includes(folder) ? undefined : `the InputError does not name the folder: ${text}`;
  }
}

/** The real CLI writing to a closed pipe or a full disk. */
async function stdoutCase(rng: Random, dir: string): Promise<string | undefined> {
  const format = rng.pick(['json', 'text', 'csv', 'markdown']);
  const fault = rng.pick(['closed-pipe', 'full-disk'] as const);
  const args = [BIN, rng.pick(['score', 'aggregate']), '--bank', 'tests/fixtures/banks/sus.yaml', '-f', format === 'text' || format === 'json' ? format : 'json', 'tests/fixtures/answers/sus-85.yaml', 'tests/fixtures/answers'];
  // The answers folder holds files of another bank: use a folder of copies instead.
  const copies = join(dir, `copies-${rng.int(1e9)}`);
  mkdirSync(copies);
  for (let i = 0; i < 1 + rng.int(200); i++) copyFileSync('tests/fixtures/answers/sus-85.yaml', join(copies, `a${i}.yaml`));
  args.splice(args.length - 2, 2, copies);
  const env = { ...process.env, NO_COLOR: '1', LANG: 'C' };
  if (fault === 'full-disk') {
    const full = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', full, 'pipe'], encoding: 'utf8', env, timeout: 30000 });
      if (hasStackTrace(r.stderr ?? '') || r.status !== 2) return `> /dev/full: exit ${r.status}, stderr: ${(r.stderr ?? '').slice(0, 300)}`;
      return undefined;
    } finally {
      closeSync(full);
    }
  }
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // The reader goes away at once, as `| head -c 0` does.
    child.stdout.destroy();
    const timer = setTimeout(() => child.kill('SIGKILL'), 30000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve(hasStackTrace(stderr) || code !== 0 ? `| closed pipe: exit ${code}, stderr: ${stderr.slice(0, 300)}` : undefined);
    });
  });
}

async function runIoCases(select: (index: number) => 'stdin' | 'folder' | 'stdout' | 'skip'): Promise<{ failures: string[]; counts: Record<string, number>; seconds: number }> {
  const seeds = answerSeeds();
  const dir = mkdtempSync(join(tmpdir(), 'diag-fuzz-io-'));
  const failures: string[] = [];
  const counts: Record<string, number> = { stdin: 0, folder: 0, stdout: 0 };
  const started = performance.now();
  try {
    for (const index of indexes) {
      const kind = select(index);
      if (kind === 'skip') continue;
      const rng = new Random(caseSeed(SEED, index));
      const seed = rng.pick(seeds);
      counts[kind] = (counts[kind] ?? 0) + 1;
      const t0 = performance.now();
      const error = kind === 'stdin' ? await stdinCase(seed, rng, dir, index) : kind === 'folder' ? await folderCase(seed, rng, dir, index) : await stdoutCase(rng, dir);
      const ms = performance.now() - t0;
      if (error !== undefined) failures.push(`case ${index} (${kind}) — replay: FUZZ_SEED=${SEED} FUZZ_ONLY=${index} npm run jest -- tests/fuzz/io.test.ts\n${error}`);
      else if (kind !== 'stdout' && ms > SLOW_MS) failures.push(`case ${index} (${kind}) took ${ms.toFixed(0)} ms`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { failures, counts, seconds: (performance.now() - started) / 1000 };
}

const inputKind = (index: number): 'stdin' | 'folder' => (new Random(caseSeed(SEED, index) ^ 0x5bd1e995).chance(0.5) ? 'stdin' : 'folder');

describe('fuzzing inputs as files and processes', () => {
  it(
    `standard input and folders with odd entries: ${indexes.length} cases (seed ${SEED})`,
    async () => {
      const { failures, counts, seconds } = await runIoCases((index) => inputKind(index));
      if (process.env.FUZZ_CASES !== undefined) console.log(`fuzz io: ${indexes.length} cases (${counts.stdin} stdin, ${counts.folder} folders) in ${seconds.toFixed(1)} s; ${failures.length} failure(s)`);
      expect(failures.length === 0 ? 'no failure' : `${failures.length} failures:\n${failures.slice(0, 5).join('\n\n')}`).toBe('no failure');
    },
    60_000 + indexes.length * 100,
  );

  // Quiet EPIPE and exit 2 on ENOSPC are the output side's (src/cli/output.ts): until that is
  // merged, these cases fail, which `it.failing` expects. Once they pass, make it `it`.
  it(
    `stdout faults (closed pipe, full disk): one case in ${STDOUT_EVERY} (seed ${SEED})`,
    async () => {
      const { failures, counts, seconds } = await runIoCases((index) => (index % STDOUT_EVERY === 0 ? 'stdout' : 'skip'));
      if (process.env.FUZZ_CASES !== undefined) console.log(`fuzz stdout: ${counts.stdout} cases in ${seconds.toFixed(1)} s; ${failures.length} failure(s)`);
      expect(failures.length === 0 ? 'no failure' : `${failures.length} failures:\n${failures.slice(0, 3).join('\n\n')}`).toBe('no failure');
    },
    60_000 + (indexes.length / STDOUT_EVERY) * 30_000,
  );
});
