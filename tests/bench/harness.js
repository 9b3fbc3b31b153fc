// Timing and peak memory of commands: hyperfine when installed (it handles warm-up, outliers and
// statistics better than we would), else a small repeat-and-median loop.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

/** Ctrl-C: the children get the SIGINT too, but our own handler cannot run while we wait on them. */
export class Interrupted extends Error {}

/** spawnSync that stops the whole benchmark when a child was interrupted, instead of going on. */
export function spawn(cmd, args, options) {
  const r = spawnSync(cmd, args, options);
  if (r.signal === 'SIGINT' || r.status === 130) throw new Interrupted('interrupted');
  return r;
}

/** The first line of `cmd --version`, or null when the command is missing or fails. */
export function versionOf(cmd) {
  const r = spawnSync(cmd, ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? (r.stdout || r.stderr).trim().split('\n')[0] : null;
}

const quote = (arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`);
/** POSIX quoting: what hyperfine -N splits back into the same argv, and what a person can paste. */
export const commandLine = (argv) => argv.map(quote).join(' ');

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Median wall-clock milliseconds of each command (argv arrays), in the same order. Commands are
 * measured in one hyperfine call, or interleaved run by run, so that a slow spell of a shared
 * machine hits every command alike rather than one of them.
 */
export function timeCommands(commands, options) {
  return timeCommandsDetailed(commands, options).map((result) => result.wall);
}

const RSS_PRELOAD = pathToFileURL(join(import.meta.dirname, 'rss-preload.js')).href;

/**
 * Peak resident set size of one run, in KiB: `/usr/bin/time -v` when present, else (for a node
 * command) a preloaded module that prints process.resourceUsage().maxRSS as the process exits.
 */
export function peakRssKb(argv, cwd) {
  const viaTime = existsSync('/usr/bin/time');
  const [cmd, ...args] = viaTime ? ['/usr/bin/time', '-v', ...argv] : [argv[0], '--import', RSS_PRELOAD, ...argv.slice(1)];
  const r = spawn(cmd, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`${commandLine(argv)} exited ${r.status ?? r.signal}: ${r.stderr.trim().slice(-500)}`);
  const match = viaTime ? /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr) : /maxrss-kb: (\d+)/.exec(r.stderr);
  if (match === null) throw new Error(`no peak memory figure in the output of ${commandLine(argv)}`);
  return { kb: Number(match[1]), via: viaTime ? '/usr/bin/time -v' : 'process.resourceUsage().maxRSS' };
}

/**
 * Each command's median and fastest wall-clock milliseconds, with its mean CPU time (user +
 * system, children included), which swings much less than wall time on a busy shared machine.
 * `env` is the environment of every run.
 */
export function timeCommandsDetailed(commands, { runs, warmup, cwd, hyperfine, tmp, env = process.env }) {
  if (hyperfine) {
    const json = join(tmp, 'hyperfine-detailed.json');
    const args = ['-N', '--style', 'none', '--warmup', String(warmup), '--runs', String(runs), '--export-json', json];
    const r = spawn('hyperfine', [...args, ...commands.map(commandLine)], { cwd, env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`hyperfine failed: ${r.stderr.trim().slice(0, 800)}`);
    return JSON.parse(readFileSync(json, 'utf8')).results.map((result) => ({ wall: result.median * 1000, min: result.min * 1000, cpu: (result.user + result.system) * 1000 }));
  }
  const once = (argv) => {
    const before = childCpu();
    const start = performance.now();
    const r = spawn(argv[0], argv.slice(1), { cwd, env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${commandLine(argv)} exited ${r.status ?? r.signal}: ${r.stderr.trim().slice(0, 500)}`);
    return { wall: performance.now() - start, cpu: childCpu() - before };
  };
  for (let w = 0; w < warmup; w++) for (const argv of commands) once(argv);
  const samples = commands.map(() => []);
  for (let i = 0; i < runs; i++) commands.forEach((argv, c) => samples[c].push(once(argv)));
  return samples.map((s) => ({ wall: median(s.map((x) => x.wall)), min: Math.min(...s.map((x) => x.wall)), cpu: s.reduce((sum, x) => sum + x.cpu, 0) / s.length }));
}

/** CPU milliseconds used so far by this process's finished children (getrusage RUSAGE_CHILDREN, through /proc). */
function childCpu() {
  try {
    // Fields 16 and 17 of /proc/self/stat: cutime and cstime, in clock ticks (100 per second on Linux).
    const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /, '').split(' ');
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
  } catch {
    return 0;
  }
}
