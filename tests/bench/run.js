// npm run bench [-- --quick] [--only P1,P2,P3,P4,W] [--seed N]   (W: the workshop server, tests/bench/workshop.js)
//   BENCH_SIZES=10000,100000,1000000   record counts of the P4 scaling table (default: those three;
//                                      --quick: 10000). 1,000,000 records take a few minutes each row.
//
// Times the built CLI (bin/diag.js, so dist/ must be built) against the floor each job cannot go
// under, on seeded generated data, and prints a Markdown report on stdout (progress on stderr).
// A benchmark reports, it does not judge: the exit code is 0 whether goals are met or not, and 1
// only when something could not be measured at all.
import { closeSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, release, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { batchedWriter, forEachLineChunk, loadBank, repeatFile, toYaml, answerFiles, writeNdjson, writeYamlFolder } from './generate.js';
import { commandLine, Interrupted, median, peakRssKb, spawn, timeCommands, timeCommandsDetailed, versionOf } from './harness.js';

const ROOT = resolve(import.meta.dirname, '../..');
const NODE = process.execPath;
// The file an installed `diag` runs (package.json's "bin"; `node bin/diag.js` in a clone goes
// through one module more).
const DIAG = [NODE, JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).bin.diag];
const BANK = join(ROOT, 'questions/transformation.yaml');

const { values: opts } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string', default: 'P1,P2,P3,P4,W' },
    seed: { type: 'string', default: '20261123' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (opts.help) {
  console.log('usage: [BENCH_SIZES=10000,100000,1000000] npm run bench [-- --quick] [--only P1,P2,P3,P4,W] [--seed N]');
  process.exit(0);
}
const only = new Set(opts.only.toUpperCase().split(',').map((s) => s.trim()));
const seed = Number(opts.seed);
const unknown = [...only].filter((name) => !['P1', 'P2', 'P3', 'P4', 'W'].includes(name));
if (unknown.length > 0 || !Number.isSafeInteger(seed)) {
  console.error(`bench: ${unknown.length > 0 ? `unknown benchmark ${unknown.join(', ')}; choose among P1, P2, P3, P4, W` : `--seed takes an integer`}`);
  process.exit(2);
}

// Full sizes are the ones the goals are stated for; --quick is for trying the script itself.
const SIZES = opts.quick
  ? { p1: { runs: 10, warmup: 2 }, p2Files: 1_000, p2: { runs: 2, warmup: 1 }, p3Records: 10_000, p3: { runs: 2, warmup: 1 } }
  : { p1: { runs: 60, warmup: 5 }, p2Files: 10_000, p2: { runs: 3, warmup: 1 }, p3Records: 100_000, p3: { runs: 3, warmup: 1 } };
const MEMORY_FACTOR = 10;
const SCALE_SIZES = (process.env.BENCH_SIZES ?? (opts.quick ? '10000' : '10000,100000,1000000')).split(',').map((x) => Number(x.trim()));
if (SCALE_SIZES.some((n) => !Number.isSafeInteger(n) || n < 1)) {
  console.error(`bench: BENCH_SIZES takes record counts separated by commas, such as 10000,100000, not ${JSON.stringify(process.env.BENCH_SIZES)}`);
  process.exit(2);
} // peak memory at N records and at 10·N: streaming means no growth

// The fastest jq program found for the means (jq's own JSON parsing is most of its time): scores
// summed by position, named from the first report, since every report of a bank lists its
// dimensions in the bank's order. A null score (a hidden dimension) counts neither way.
const JQ_MEANS =
  'input as $first | ($first.scores | ["overall", .dimensions[].id]) as $ids' +
  ' | reduce (($first, inputs).scores | [.overall.score, .dimensions[].score]) as $s ([];' +
  ' [range($s | length) as $i | .[$i] as $a | if $s[$i] == null then $a else [($a[0] + 1), ($a[1] + $s[$i])] end])' +
  ' | [$ids, map(.[1] / .[0])] | transpose | map({(.[0]): .[1]}) | add';

const started = performance.now();
const loadAtStart = loadavg().map((x) => x.toFixed(2)).join(', ');
const log = (message) => process.stderr.write(`bench: ${message}\n`);
const tmp = mkdtempSync(join(tmpdir(), 'diag-bench-'));
const cleanup = () => rmSync(tmp, { recursive: true, force: true });
process.on('SIGINT', () => {
  cleanup();
  process.exit(130);
});

const hyperfine = versionOf('hyperfine');
const jq = versionOf('jq');
const timing = { cwd: ROOT, hyperfine: hyperfine !== null, tmp };
const rows = [];
const notes = [];
const sections = [];
let failed = false;

const fmtMs = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(2)} s` : ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`);
const fmtCount = (n) => n.toLocaleString('en-US');

/** One table row; `goal` is the highest acceptable ratio diag/baseline. */
function row(benchmark, diagMs, baselineMs, baselineName, goal) {
  const ratio = goal.ratio ?? diagMs / baselineMs;
  const met = goal.strict ? ratio < goal.max : ratio <= goal.max;
  rows.push([benchmark, fmtMs(diagMs), `${fmtMs(baselineMs)} (${baselineName})`, ratio.toFixed(2), goal.text, met ? 'yes' : '**no**']);
}

function attempt(name, fn) {
  try {
    fn();
  } catch (error) {
    if (error instanceof Interrupted) throw error;
    failed = true;
    log(`${name} failed: ${error.message}`);
    rows.push([name, 'error', '', '', '', `**error**: ${error.message.split('\n')[0].slice(0, 200)}`]);
  }
}

function machine() {
  const cpuinfo = (() => {
    try {
      return /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1];
    } catch {
      return undefined;
    }
  })();
  return [
    `- CPU: ${cpuinfo ?? cpus()[0]?.model ?? 'unknown'}, ${availableParallelism()} cores`,
    `- memory: ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    // On a shared machine, other work skews every figure: say how busy it was.
    `- load average at start: ${loadAtStart}; at the end: ${loadavg().map((x) => x.toFixed(2)).join(', ')}`,
    `- node ${process.version}, Linux ${release()}`,
    `- timing: ${hyperfine ?? 'built-in harness (hyperfine not installed)'}; jq: ${jq ?? 'not installed'}`,
    `- seed ${seed}${opts.quick ? ', **--quick** (small sizes, few runs: not the figures the goals are about)' : ''}`,
  ].join('\n');
}

function p1(bank) {
  const one = join(tmp, 'one.yaml');
  writeFileSync(one, toYaml(answerFiles(bank, seed)()));
  const { runs, warmup } = SIZES.p1;
  // diag keeps a V8 code cache of each bundle (src/cli/launch.ts), in a cache folder of this run's
  // own; it writes none for a bundle changed under two seconds ago (a build just made).
  const cacheHome = join(tmp, 'cache');
  const bundleAge = Date.now() - Math.max(...['diag.cjs', 'commands/score.cjs'].map((file) => statSync(join(ROOT, 'dist/bundle', file)).ctimeMs));
  if (bundleAge < 2_500) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2_500 - bundleAge);
  const commands = [[NODE, '-e', '0'], [...DIAG, '--version'], [...DIAG, 'score', one], [...DIAG, 'score', one, '--format', 'json']];
  // NODE_EXTRA_CA_CERTS makes Node load a certificate file at every start (about 80 ms here):
  // the floor and diag then both pay it, which flatters the ratios. Measured without it, and also
  // with it when the environment sets it.
  const base = { ...process.env, XDG_CACHE_HOME: cacheHome };
  delete base.NODE_EXTRA_CA_CERTS;
  const environments = [['', base]];
  if (process.env.NODE_EXTRA_CA_CERTS) environments.push([' (with NODE_EXTRA_CA_CERTS, as this environment sets)', { ...base, NODE_EXTRA_CA_CERTS: process.env.NODE_EXTRA_CA_CERTS }]);
  // In rounds, the order of the commands reversed every other round: on a shared machine whose
  // load moves from one minute to the next, a command timed only after another would get another
  // machine. Each ratio is the median of the rounds' ratios, each taken within one round (six
  // runs of each command, a few seconds).
  const ROUNDS = opts.quick ? 2 : 10;
  for (const [label, env] of environments) {
    log(`P1 start-up${label}, ${ROUNDS} rounds of ${Math.ceil(runs / ROUNDS)} runs each`);
    const rounds = [];
    for (let r = 0; r < ROUNDS; r++) {
      const reversed = r % 2 === 1;
      const result = timeCommandsDetailed(reversed ? [...commands].reverse() : commands, { ...timing, runs: Math.ceil(runs / ROUNDS), warmup: r === 0 ? warmup : 1, env });
      rounds.push(reversed ? result.reverse() : result);
    }
    const of = (i) => ({
      wall: median(rounds.map((round) => round[i].wall)),
      min: Math.min(...rounds.map((round) => round[i].min)),
      cpu: rounds.reduce((sum, round) => sum + round[i].cpu, 0) / rounds.length,
      ratio: median(rounds.map((round) => round[i].wall / round[0].wall)),
      cpuRatio: median(rounds.map((round) => round[i].cpu / round[0].cpu)),
    });
    const [bare, version, text, json] = commands.map((_, i) => of(i));
    const detail = (i) => {
      const x = of(i);
      return `CPU ${fmtMs(x.cpu)}, ratio ${x.cpuRatio.toFixed(2)}; fastest run ratio ${(x.min / bare.min).toFixed(2)}; ratio by round ${rounds.map((round) => (round[i].wall / round[0].wall).toFixed(2)).join(' ')}`;
    };
    row(`P1 start-up: \`diag --version\`${label} — ${detail(1)}`, version.wall, bare.wall, '`node -e 0`', { max: 1.2, text: '≤ 1.2', ratio: version.ratio });
    row(`P1 start-up: \`diag score\` one answer file, text${label} — ${detail(2)}`, text.wall, bare.wall, '`node -e 0`', { max: 1.5, text: '≤ 1.5', ratio: text.ratio });
    row(`P1 start-up: \`diag score\` one answer file, json${label} — ${detail(3)}`, json.wall, bare.wall, '`node -e 0`', { max: 1.5, text: '≤ 1.5', ratio: json.ratio });
  }
}

function p2(bank) {
  const dir = join(tmp, 'answers');
  log(`P2 generating ${fmtCount(SIZES.p2Files)} YAML answer files`);
  writeYamlFolder(dir, SIZES.p2Files, bank, seed);
  const out = join(tmp, 'p2-out.json');
  log(`P2 batch, ${SIZES.p2.runs} runs each`);
  const [diag, parseOnly] = timeCommands(
    [
      [...DIAG, 'score', '--format', 'json', '--force', '-o', out, dir],
      [NODE, join(import.meta.dirname, 'parse-only.js'), dir],
    ],
    { ...timing, ...SIZES.p2 },
  );
  row(`P2 batch: \`diag score --format json -o\` ${fmtCount(SIZES.p2Files)} YAML files`, diag, parseOnly, 'read + `yaml.parse` only', { max: 1.5, text: '≤ 1.5' });
  rmSync(dir, { recursive: true });
}

/** Reports for jq, which cannot score: diag scores the answers once, in chunks, untimed. */
function writeReports(answersPath, reportsPath) {
  const out = batchedWriter(reportsPath);
  const chunkIn = join(tmp, 'chunk.ndjson');
  const chunkOut = join(tmp, 'chunk.json');
  // 10,000 reports make a ~130 MB JSON array; 100,000 in one would pass V8's longest string.
  forEachLineChunk(answersPath, 10_000, (lines) => {
    writeFileSync(chunkIn, `${lines.join('\n')}\n`);
    const r = spawn(DIAG[0], [...DIAG.slice(1), 'score', '--format', 'json', '--force', '-o', chunkOut, chunkIn], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`diag score on the answers exited ${r.status}: ${r.stderr.slice(0, 500)}`);
    for (const report of JSON.parse(readFileSync(chunkOut, 'utf8'))) out.line(JSON.stringify(report));
  });
  out.close();
  rmSync(chunkIn);
  rmSync(chunkOut);
}

function captureJson(argv) {
  const r = spawn(argv[0], argv.slice(1), { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`${commandLine(argv)} exited ${r.status}: ${r.stderr.slice(0, 500)}`);
  return JSON.parse(r.stdout);
}

const round2 = (x) => Math.round(x * 100) / 100;

/** diag's means (answers and reports) against jq's, to 2 decimals, as a Markdown table. */
function equalityCheck(answersPath, reportsPath) {
  const fromJq = captureJson(['jq', '-n', JQ_MEANS, reportsPath]);
  const means = (agg) => Object.fromEntries([['overall', agg.overall?.mean], ...agg.dimensions.map((d) => [d.id, d.mean])]);
  const fromAnswers = means(captureJson([...DIAG, 'aggregate', '--format', 'json', answersPath]));
  const fromReports = means(captureJson([...DIAG, 'aggregate', '--format', 'json', reportsPath]));
  const lines = ['| dimension | diag (answers) | diag (reports) | jq (reports) | equal to 2 decimals? |', '|---|---:|---:|---:|---|'];
  let all = true;
  for (const id of Object.keys(fromJq)) {
    const expected = round2(fromJq[id]);
    const equal = fromAnswers[id] === expected && fromReports[id] === expected;
    all &&= equal;
    lines.push(`| ${id} | ${fromAnswers[id]} | ${fromReports[id]} | ${expected} (${fromJq[id]}) | ${equal ? 'yes' : '**no**'} |`);
  }
  return `### P3 check: diag's dimension means = jq's — ${all ? 'all equal' : '**DIFFERENT**'}\n\n${lines.join('\n')}`;
}

function p3(bank) {
  const n = SIZES.p3Records;
  const answers = join(tmp, 'answers.ndjson');
  const reports = join(tmp, 'reports.ndjson');
  log(`P3 generating ${fmtCount(n)} NDJSON answer records`);
  writeNdjson(answers, n, bank, seed);
  const aggregate = spawn(NODE, [...DIAG.slice(1), 'aggregate', '--help'], { cwd: ROOT, encoding: 'utf8' }).status === 0;
  if (!aggregate) notes.push('- P3: `diag aggregate` does not exist in this build (`diag aggregate --help` fails): only jq was timed.');
  if (!jq) notes.push('- P3: jq is not installed: no baseline and no equality check (`apt-get install -y jq`).');
  if (!aggregate && !jq) return;

  const t = performance.now();
  log(`P3 scoring the ${fmtCount(n)} answers once into reports for jq (untimed)`);
  writeReports(answers, reports);
  const mb = (path) => `${(statSync(path).size / 2 ** 20).toFixed(0)} MB`;
  notes.push(`- P3 data: ${fmtCount(n)} records, answers NDJSON ${mb(answers)}, reports NDJSON ${mb(reports)} (reports made by \`diag score\` in ${fmtMs(performance.now() - t)}, untimed).`);

  const commands = [
    ...(aggregate ? [[...DIAG, 'aggregate', '--format', 'json', answers], [...DIAG, 'aggregate', '--format', 'json', reports]] : []),
    ...(jq ? [['jq', '-n', JQ_MEANS, reports]] : []),
  ];
  log(`P3 aggregate, ${SIZES.p3.runs} runs each`);
  const times = timeCommands(commands, { ...timing, ...SIZES.p3 });
  const jqMs = jq ? times.at(-1) : undefined;
  if (!aggregate) {
    notes.push(`- P3: jq alone took ${fmtMs(jqMs)} (median) on the ${fmtCount(n)} reports.`);
    return;
  }
  if (jq) {
    // Issue 16: reports at most jq's time (re-scored, not trusted); answers at most half of it.
    row(`P3 aggregate: \`diag aggregate\` ${fmtCount(n)} answers (NDJSON)`, times[0], jqMs, 'jq on the reports', { max: 0.5, text: '≤ 0.5' });
    row(`P3 aggregate: \`diag aggregate\` ${fmtCount(n)} reports (NDJSON)`, times[1], jqMs, 'jq on the reports', { max: 1, text: '≤ 1.0' });
    sections.push(equalityCheck(answers, reports));
  } else {
    notes.push(`- P3: diag aggregate took ${fmtMs(times[0])} on answers, ${fmtMs(times[1])} on reports; no jq to compare with.`);
  }
  rmSync(reports);

  log(`P3 peak memory at ${fmtCount(n)} and ${fmtCount(n * MEMORY_FACTOR)} records`);
  const big = join(tmp, 'answers-big.ndjson');
  repeatFile(answers, big, MEMORY_FACTOR);
  const small = peakRssKb([...DIAG, 'aggregate', '--format', 'json', answers], ROOT);
  const large = peakRssKb([...DIAG, 'aggregate', '--format', 'json', big], ROOT);
  rmSync(big);
  const ratio = large.kb / small.kb;
  sections.push(
    [
      `### P3 peak memory of \`diag aggregate --format json\` (answers NDJSON, ${small.via})`,
      '',
      '| records | peak RSS | ratio | goal | met? |',
      '|---:|---:|---:|---|---|',
      `| ${fmtCount(n)} | ${(small.kb / 1024).toFixed(1)} MiB | | | |`,
      `| ${fmtCount(n * MEMORY_FACTOR)} | ${(large.kb / 1024).toFixed(1)} MiB | ${ratio.toFixed(2)} | ≤ 1.2 | ${ratio <= 1.2 ? 'yes' : '**no**'} |`,
    ].join('\n'),
  );
}

/** One run: wall time and peak RSS from /usr/bin/time -v (or the preload), and how it ended. */
function measureOnce(argv) {
  const started = performance.now();
  try {
    const { kb } = peakRssKb(argv, ROOT);
    return { ms: performance.now() - started, kb, status: 'ok' };
  } catch (error) {
    if (error instanceof Interrupted) throw error;
    // The message ends with /usr/bin/time's report: only the exit status is worth a table cell.
    const exited = / exited (\S+?):/.exec(error.message);
    return { ms: performance.now() - started, kb: null, status: exited ? `exit ${exited[1]}` : error.message.split('\n')[0].slice(0, 120) };
  }
}

/**
 * P4: how `score` (json, ndjson, csv) and `aggregate` scale with the number of records: wall time
 * and peak RSS at each size of BENCH_SIZES, on answers NDJSON (reports at 1,000,000 would be a
 * 9 GB file). The median of three runs per cell up to 100,000 records, one at a million; every
 * output is checked to hold its records.
 */
const OUTPUT_OF = { 'score json': 'scale.json', 'score ndjson': 'scale.ndjson', 'score csv': 'scale.csv', aggregate: 'scale-agg.json' };

/** Reads a file in 4 MB pieces (a million reports in JSON are gigabytes): fn(text of each piece). */
function eachPiece(file, fn) {
  const fd = openSync(file, 'r');
  const buffer = Buffer.alloc(4 << 20);
  try {
    for (let n; (n = readSync(fd, buffer, 0, buffer.length, null)) > 0; ) fn(buffer.subarray(0, n));
  } finally {
    closeSync(fd);
  }
}

/**
 * 'valid' when a P4 output holds the n records it should, else what is wrong: an NDJSON line per
 * report, each first and last line a report; a JSON array of n reports (counted by the line that
 * opens each, as diag indents them; first and last parsed); a CSV header and n rows (no cell of
 * a report's CSV holds a line break); the aggregate's count.
 */
function checkScaleOutput(name, file, n) {
  try {
    if (name === 'aggregate') {
      const group = JSON.parse(readFileSync(file, 'utf8'));
      return group.count === n ? 'valid' : `aggregate count ${group.count}, expected ${n}`;
    }
    let newlines = 0;
    let opens = 0;
    let head = '';
    let tail = '';
    let carry = '';
    eachPiece(file, (piece) => {
      for (let i = piece.indexOf(10); i !== -1; i = piece.indexOf(10, i + 1)) newlines++;
      const text = carry + piece.toString('latin1');
      if (name === 'score json') for (let i = text.indexOf('\n  {'); i !== -1; i = text.indexOf('\n  {', i + 1)) opens++;
      carry = text.slice(-4);
      if (head.length < 1 << 20) head += piece.toString('utf8');
      tail = (tail + piece.toString('utf8')).slice(-(1 << 20));
    });
    const firstLine = head.slice(0, head.indexOf('\n'));
    const lastLine = tail.trimEnd().slice(tail.trimEnd().lastIndexOf('\n') + 1);
    if (name === 'score ndjson') {
      const ok = newlines === n && JSON.parse(firstLine).scores !== undefined && JSON.parse(lastLine).scores !== undefined;
      return ok ? 'valid' : `${newlines} lines, expected ${n} reports`;
    }
    if (name === 'score csv') return newlines === n + 1 && firstLine.replace(/^\ufeff/, '').startsWith('respondent,') ? 'valid' : `${newlines} lines, expected a header and ${n} rows`;
    const framed = head.startsWith('[\n  {') && tail.trimEnd().endsWith('}\n]');
    if (!framed || opens !== n) return `a JSON array of ${opens} reports (framed: ${framed}), expected ${n}`;
    const first = JSON.parse(head.slice(head.indexOf('{'), head.indexOf('\n  },\n') + 4));
    return first.scores !== undefined ? 'valid' : 'the first report has no scores';
  } catch (error) {
    return `invalid output: ${error.message.slice(0, 120)}`;
  }
}

function p4(bank) {
  const lines = ['| records | command | wall | peak RSS | result |', '|---:|---|---:|---:|---|'];
  const growth = new Map();
  for (const n of SCALE_SIZES) {
    const input = join(tmp, `scale-${n}.ndjson`);
    log(`P4 generating ${fmtCount(n)} NDJSON answer records`);
    writeNdjson(input, n, bank, seed);
    const commands = [
      ['score json', [...DIAG, 'score', '--format', 'json', '--force', '-o', join(tmp, 'scale.json'), input]],
      ['score ndjson', [...DIAG, 'score', '--format', 'ndjson', '--force', '-o', join(tmp, 'scale.ndjson'), input]],
      ['score csv', [...DIAG, 'score', '--format', 'csv', '--force', '-o', join(tmp, 'scale.csv'), input]],
      ['aggregate', [...DIAG, 'aggregate', '--format', 'json', '-o', join(tmp, 'scale-agg.json'), '--force', input]],
    ];
    // A single run of a short cell is at the mercy of a slow spell: up to 100,000 records, the median of three.
    const repeats = n <= 100_000 ? 3 : 1;
    for (const [name, argv] of commands) {
      log(`P4 ${name} at ${fmtCount(n)}${repeats > 1 ? `, ${repeats} runs` : ''}`);
      const runs = Array.from({ length: repeats }, () => measureOnce(argv));
      const ok = runs.every((x) => x.status === 'ok');
      const ms = median(runs.map((x) => x.ms));
      const kb = ok ? Math.max(...runs.map((x) => x.kb ?? 0)) : null;
      const verdict = ok ? checkScaleOutput(name, join(tmp, OUTPUT_OF[name]), n) : (runs.find((x) => x.status !== 'ok')?.status ?? 'error');
      if (verdict === 'valid') growth.set(`${name}@${n}`, ms);
      else failed = true;
      lines.push(`| ${fmtCount(n)} | \`${name}\` | ${fmtMs(ms)} | ${kb === null ? '—' : `${(kb / 1024).toFixed(0)} MiB`} | ${verdict === 'valid' ? 'exit 0, valid output' : `**${verdict}**`} |`);
    }
    for (const file of ['scale.json', 'scale.ndjson', 'scale.csv', 'scale-agg.json', `scale-${n}.ndjson`]) rmSync(join(tmp, file), { force: true });
  }
  const ratios = [];
  for (const name of ['score json', 'score ndjson', 'score csv', 'aggregate']) {
    const small = growth.get(`${name}@100000`);
    const large = growth.get(`${name}@1000000`);
    if (small !== undefined && large !== undefined) ratios.push(`\`${name}\` ${(large / small).toFixed(1)}×`);
  }
  sections.push(
    [
      `### P4 scaling: wall time and peak RSS by record count (answers NDJSON; BENCH_SIZES=${SCALE_SIZES.join(',')})`,
      '',
      ...lines,
      ...(ratios.length > 0 ? ['', `Time from 100,000 to 1,000,000 records (goal ≤ 11×): ${ratios.join(', ')}.`] : []),
    ].join('\n'),
  );
}

try {
  const check = spawn(NODE, [...DIAG.slice(1), '--version'], { cwd: ROOT, encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`bin/diag.js does not run (is dist/ built?): ${check.stderr.trim().slice(0, 300)}`);
  const bank = loadBank(BANK);
  if (only.has('P1')) attempt('P1 start-up', () => p1(bank));
  if (only.has('P2')) attempt('P2 batch', () => p2(bank));
  if (only.has('P3')) attempt('P3 aggregate', () => p3(bank));
  if (only.has('P4')) attempt('P4 scaling', () => p4(bank));
  if (only.has('W')) {
    try {
      const { benchWorkshop, workshopMarkdown } = await import('./workshop.js');
      const spreadMs = opts.quick ? 3_000 : 10_000;
      sections.push(workshopMarkdown(await benchWorkshop({ participants: 200, rounds: opts.quick ? 1 : 3, spreadMs, log }), 200, spreadMs));
    } catch (error) {
      failed = true;
      log(`W workshop failed: ${error.message}`);
      notes.push(`- W workshop: **error**: ${error.message.split('\n')[0].slice(0, 200)}`);
    }
  }

  const table = ['| benchmark | diag (median) | baseline (median) | ratio | goal | met? |', '|---|---:|---:|---:|---|---|', ...rows.map((r) => `| ${r.join(' | ')} |`)];
  console.log(`## diag benchmarks (diag ${check.stdout.trim()})\n\n${machine()}\n\n${table.join('\n')}\n`);
  if (notes.length > 0) console.log(`${notes.join('\n')}\n`);
  for (const section of sections) console.log(`${section}\n`);
  console.log(`Total time of this run: ${fmtMs(performance.now() - started)}.`);
} catch (error) {
  failed = true;
  log(error.message);
  if (error instanceof Interrupted) process.exitCode = 130;
} finally {
  cleanup();
}
process.exitCode ??= failed ? 1 : 0;
