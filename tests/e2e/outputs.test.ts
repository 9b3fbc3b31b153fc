import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseXml } from '../xml.js';
import { BIN, diag, hasStackTrace, ROOT } from './run-cli.js';

const SAMPLE = ['--bank', 'tests/fixtures/banks/sample.yaml'];
const FULL = 'tests/fixtures/answers/sample-full.yaml';
const LATER = 'tests/fixtures/answers/sample-later.yaml';
const GROUP = 'tests/fixtures/group/answers';
let dir: string;
let report: string;
let later: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'diag-outputs-'));
  report = join(dir, 'full.json');
  later = join(dir, 'later.json');
  expect(diag(['score', ...SAMPLE, '-o', report, FULL]).code).toBe(0);
  expect(diag(['score', ...SAMPLE, '-o', later, LATER]).code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const EXTENSION: Record<string, string> = { text: '.txt', json: '.json', ndjson: '.ndjson', markdown: '.md', csv: '.csv', html: '.html', junit: '.junit.xml', yaml: '.yaml' };

/** Parses an output by its format, failing the test on anything malformed. */
function check(format: string, text: string, expected: { records: number; json?: (value: unknown) => void; csvFirst?: string }): void {
  expect(text.length).toBeGreaterThan(0);
  expect(text.endsWith('\n')).toBe(true);
  switch (format) {
    case 'text':
      expect(text).not.toMatch(/\u001b\[/);
      break;
    case 'json':
      expected.json?.(JSON.parse(text));
      break;
    case 'ndjson': {
      const lines = text.trimEnd().split('\n');
      expect(lines).toHaveLength(expected.records);
      for (const line of lines) expect(JSON.parse(line)).toHaveProperty('scores');
      break;
    }
    case 'markdown':
      expect(text).toMatch(/^## /);
      break;
    case 'csv': {
      const rows = text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
      const width = rows[0]?.split(',').length ?? 0;
      expect(rows[0]?.startsWith(expected.csvFirst ?? '')).toBe(true);
      for (const row of rows) expect(row.split(',')).toHaveLength(width);
      break;
    }
    case 'html':
      expect(text).toMatch(/^<!doctype html>\n<html lang="(en|fr)">/);
      expect(text.endsWith('</html>\n')).toBe(true);
      expect(text).not.toMatch(/<th[^>]*><\/th>/);
      break;
    case 'junit': {
      const root = parseXml(text);
      expect(root.name).toBe('testsuites');
      const cases = root.children.flatMap((s) => s.children);
      expect(cases).toHaveLength(expected.records);
      for (const suite of root.children) {
        expect(Number(suite.attributes.tests)).toBe(suite.children.length);
        expect(Number(suite.attributes.failures)).toBe(suite.children.filter((c) => c.children.some((f) => f.name === 'failure')).length);
      }
      break;
    }
    case 'yaml':
      expect(parse(text)).toHaveProperty('answers');
      break;
    default:
      throw new Error(`no check for ${format}`);
  }
}

const isObjectReport = (v: unknown) => expect(v).toMatchObject({ schemaVersion: 1, source: { path: FULL } });
const matrix: Array<{ command: string; args: () => string[]; formats: string[]; records: number; json?: (v: unknown) => void; csvFirst?: string }> = [
  { command: 'score', args: () => [...SAMPLE, FULL], formats: ['text', 'json', 'ndjson', 'markdown', 'csv', 'html', 'junit'], records: 1, json: isObjectReport, csvFirst: 'respondent,createdAt' },
  { command: 'report', args: () => [report], formats: ['text', 'json', 'ndjson', 'markdown', 'csv', 'html', 'junit'], records: 1, json: isObjectReport, csvFirst: 'respondent,createdAt' },
  { command: 'aggregate', args: () => [...SAMPLE, '--by', 'age', GROUP], formats: ['text', 'json', 'markdown', 'csv', 'html'], records: 1, json: (v) => expect(v).toMatchObject({ count: 35, bank: { id: 'sample' } }), csvFirst: 'by,value,count' },
  { command: 'compare', args: () => [report, later], formats: ['text', 'json', 'markdown', 'html'], records: 1, json: (v) => expect(v).toHaveProperty('overall.delta') },
  { command: 'explain', args: () => [...SAMPLE, FULL], formats: ['text', 'json', 'markdown', 'html'], records: 1, json: (v) => expect(v).toHaveProperty('improvements') },
  { command: 'template', args: () => SAMPLE, formats: ['yaml'], records: 1 },
];

/** The CLI run without waiting for it, so that the runs of one test share the machine's cores. */
function diagAsync(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', LANG: 'C', LC_ALL: '', SOURCE_DATE_EPOCH: '1795430400' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const notWarnings = (stderr: string) => stderr.split('\n').filter((l) => l !== '' && !l.startsWith('warning:'));

describe('every command × every format, on stdout and with -o', () => {
  for (const { command, args, formats, ...expected } of matrix) {
    it(`${command}: ${formats.join(', ')}`, async () => {
      const files = formats.map((format) => join(dir, `${command}-${format}${EXTENSION[format]}`));
      // One run per format on stdout, and one run writing every format at once with -o.
      const [toFiles, ...onStdout] = await Promise.all([diagAsync([command, ...args(), ...files.flatMap((f) => ['-o', f])]), ...formats.map((format) => diagAsync([command, ...args(), '-f', format]))]);
      expect(notWarnings(toFiles?.stderr ?? '')).toEqual([]);
      expect(toFiles?.code).toBe(0);
      expect(toFiles?.stdout).toBe('');
      formats.forEach((format, i) => {
        const r = onStdout[i];
        expect({ format, code: r?.code, stderr: notWarnings(r?.stderr ?? '') }).toEqual({ format, code: 0, stderr: [] });
        check(format, r?.stdout ?? '', expected);
        const written = readFileSync(files[i] ?? '', 'utf8');
        check(format, written, expected);
        expect(written.replace(/^\uFEFF/, '')).toBe(r?.stdout);
      });
    }, 30_000);
  }
  it('refuses the formats a document does not have, with exit 2 and nothing written', () => {
    for (const [command, args, file] of [
      ['compare', [report, later], 'c.csv'],
      ['explain', [...SAMPLE, FULL], 'e.junit.xml'],
      ['aggregate', [...SAMPLE, GROUP], 'g.ndjson'],
      ['template', SAMPLE, 't.json'],
    ] as const) {
      const r = diag([command, ...args, '-o', join(dir, file)]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`diag ${command} cannot write`));
      expect(existsSync(join(dir, file))).toBe(false);
    }
    expect(diag(['compare', report, later, '-f', 'csv']).code).toBe(2);
  });
});

describe('format of each target', () => {
  it('refuses -f markdown -o r.html: the two disagree (exit 2, nothing written)', () => {
    const r = diag(['score', ...SAMPLE, '-f', 'markdown', '-o', join(dir, 'r.html'), FULL]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('disagree');
    expect(r.stderr).toContain('r.md');
    expect(existsSync(join(dir, 'r.html'))).toBe(false);
  });
  it('writes -f to stdout and each -o by its extension when - is among the outputs', () => {
    const file = join(dir, 'both.html');
    const r = diag(['aggregate', ...SAMPLE, GROUP, '-f', 'json', '-o', '-', '-o', file]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).count).toBe(35);
    expect(readFileSync(file, 'utf8')).toMatch(/^<!doctype html>/);
  });
  it('refuses the same target twice before writing anything', () => {
    const file = join(dir, 'twice.json');
    const r = diag(['score', ...SAMPLE, FULL, '-o', file, '-o', join(dir, '.', 'twice.json'), '-o', join(dir, 'twice.md')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('more than once');
    expect(existsSync(file)).toBe(false);
    expect(existsSync(join(dir, 'twice.md'))).toBe(false);
  });
});

describe('layout and safety', () => {
  it('fits aggregate tables in 80 columns, and draws no box with --ascii or TERM=dumb', () => {
    const widest = (text: string) => Math.max(...text.split('\n').map((l) => [...l].length));
    for (const columns of ['80', '60']) {
      const r = diag(['aggregate', ...SAMPLE, '--by', 'age', '--by', 'sells', GROUP], { env: { COLUMNS: columns } });
      expect(widest(r.stdout)).toBeLessThanOrEqual(Number(columns));
    }
    for (const [args, env] of [[['--ascii'], {}], [[], { TERM: 'dumb' }]] as const) {
      const r = diag(['aggregate', ...SAMPLE, GROUP, ...args], { env });
      expect(r.stdout).not.toMatch(/[─│┌┐└┘├┤┬┴┼█░]/);
      expect(r.stdout).toContain('+---');
    }
  });
  it('never writes a javascript: link into Markdown, even for a report whose bank is not found', () => {
    const saved = JSON.parse(readFileSync(report, 'utf8'));
    const file = join(dir, 'unknown-bank.json');
    writeFileSync(file, JSON.stringify({ ...saved, bank: { ...saved.bank, id: 'nowhere' }, recommendations: [{ id: 'x', priority: 1, dimension: null, title: 'X | y', text: 'z', link: 'javascript:alert(1)' }] }));
    for (const format of ['markdown', 'html']) {
      const r = diag(['report', file, '-f', format]);
      expect(r.code).toBe(0);
      expect(r.stdout).not.toContain('javascript:');
    }
    expect(diag(['report', file, '-f', 'markdown']).stdout).toContain('X \\| y');
  });
});

describe('JSON shape', () => {
  it('is one object for one answer file, an array for a folder or NDJSON, an array with --json-array', () => {
    expect(Array.isArray(JSON.parse(diag(['score', ...SAMPLE, FULL, '-f', 'json']).stdout))).toBe(false);
    expect(JSON.parse(diag(['score', ...SAMPLE, GROUP, '-f', 'json']).stdout)).toHaveLength(35);
    expect(JSON.parse(diag(['score', ...SAMPLE, FULL, '-f', 'json', '--json-array']).stdout)).toHaveLength(1);
    expect(JSON.parse(diag(['score', ...SAMPLE, FULL, LATER, '-f', 'json']).stdout)).toHaveLength(2);
  });
});

describe('streamed score', () => {
  it('writes nothing, and leaves no temporary file, when any input is refused', () => {
    const folder = mkdtempSync(join(dir, 'mixed-'));
    writeFileSync(join(folder, 'a.yaml'), readFileSync(FULL));
    writeFileSync(join(folder, 'b.yaml'), readFileSync('tests/fixtures/answers/sample-bad.yaml'));
    const out = mkdtempSync(join(dir, 'out-'));
    const r = diag(['score', ...SAMPLE, folder, '-o', join(out, 'r.ndjson'), '-o', join(out, 'r.csv'), '--gate-report', join(out, 'g.json')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(readdirSync(out)).toEqual([]);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });
  it('gives a compact Markdown summary above 10 reports, or with --summary', () => {
    const many = diag(['score', ...SAMPLE, GROUP, '-f', 'markdown']).stdout;
    expect(many.split('\n').filter((l) => /^\| \d+ \|/.test(l))).toHaveLength(35);
    expect(many.length).toBeLessThan(8000);
    const one = diag(['score', ...SAMPLE, FULL, '-f', 'markdown', '--summary']).stdout;
    expect(one).toContain(`\`${FULL}\``);
    expect(one).not.toContain('###');
  });
});

describe('CI gates', () => {
  it('JUnit: one testsuite per input file, one testcase per threshold, failures with the figures', () => {
    const r = diag(['score', ...SAMPLE, FULL, LATER, '-f', 'junit', '--min-score', '50', '--min', 'sales=50']);
    expect(r.code).toBe(1);
    const root = parseXml(r.stdout);
    expect(root.children.map((s) => s.attributes.name)).toEqual([FULL, LATER]);
    expect(root.children.map((s) => [s.attributes.tests, s.attributes.failures])).toEqual([
      ['2', '0'],
      ['2', '2'],
    ]);
    const failure = root.children[1]?.children[0]?.children[0];
    expect(failure?.name).toBe('failure');
    expect(failure?.attributes.message).toBe(`${LATER} (Camille): overall score 33.33 is below --min-score 50`);
  });
  it('JUnit without thresholds: one passing testcase per respondent', () => {
    const root = parseXml(diag(['score', ...SAMPLE, GROUP, '-f', 'junit']).stdout);
    expect(root.children).toHaveLength(35);
    expect(root.children.every((s) => s.children.length === 1 && s.attributes.failures === '0')).toBe(true);
  });
  it('names the file and NDJSON line of each failure, and writes every check to --gate-report', () => {
    const ndjson = join(dir, 'two.ndjson');
    const record = (file: string) => JSON.stringify(parse(readFileSync(file, 'utf8')));
    writeFileSync(ndjson, `${record(FULL)}\n\n${record(LATER)}\n`);
    const gate = join(dir, 'gate.json');
    const r = diag(['score', ...SAMPLE, ndjson, '--min-score', '50', '--gate-report', gate, '-f', 'json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${ndjson}:3 (Camille): overall score 33.33 is below --min-score 50`);
    expect(r.stderr).not.toContain('#1');
    const summary = JSON.parse(readFileSync(gate, 'utf8'));
    expect(summary.results.map((x: { source: unknown; pass: boolean }) => [x.source, x.pass])).toEqual([
      [{ path: ndjson, line: 1 }, true],
      [{ path: ndjson, line: 3 }, false],
    ]);
    expect(summary.summary).toEqual({ pass: false, respondents: 2, failedRespondents: 1, checks: 2, failedChecks: 1 });
    expect(JSON.parse(r.stdout).map((x: { source: unknown }) => x.source)).toEqual([{ path: ndjson, line: 1 }, { path: ndjson, line: 3 }]);
  });
  it('--baseline takes a batch (array, NDJSON, folder) and matches each respondent', () => {
    const array = join(dir, 'base-array.json');
    expect(diag(['score', ...SAMPLE, GROUP, FULL, '-o', array]).code).toBe(0);
    const lines = join(dir, 'base.ndjson');
    expect(diag(['score', ...SAMPLE, GROUP, FULL, '-o', lines]).code).toBe(0);
    for (const baseline of [array, lines]) {
      // Camille is matched by name (her later file has another path): her fall is caught; the others' source paths match, no fall.
      const r = diag(['score', ...SAMPLE, GROUP, LATER, '--baseline', baseline, '--max-drop', '10']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`${LATER} (Camille): overall fell from 78.17 to 33.33`);
      expect(r.stderr.match(/fell from/g)).toHaveLength(1);
    }
    const folder = mkdtempSync(join(dir, 'base-folder-'));
    writeFileSync(join(folder, 'camille.json'), readFileSync(report));
    const other = { ...JSON.parse(readFileSync(later, 'utf8')), respondent: 'Other', source: { path: 'elsewhere.yaml' } };
    writeFileSync(join(folder, 'other.json'), JSON.stringify(other));
    const r = diag(['score', ...SAMPLE, LATER, '--baseline', folder, '--max-drop', '10', '-f', 'json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('fell from 78.17 to 33.33');
  });
  it('words the failures in the interface language', () => {
    const r = diag(['score', ...SAMPLE, LATER, '--min-score', '50'], { env: { LANG: 'fr_FR.UTF-8' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${LATER} (Camille) : score global de 33,33, sous --min-score 50`);
  });
  it('exit code: 0 when every threshold is met, 1 otherwise, whatever the output format', () => {
    for (const format of ['json', 'junit', 'markdown']) {
      expect(diag(['score', ...SAMPLE, FULL, '-f', format, '--min-score', '50']).code).toBe(0);
      expect(diag(['score', ...SAMPLE, LATER, '-f', format, '--min-score', '50']).code).toBe(1);
    }
  });
});

describe('standard output', () => {
  const commands: string[][] = [
    ['score', ...SAMPLE, GROUP, '-f', 'json'],
    ['aggregate', ...SAMPLE, GROUP],
    ['template', ...SAMPLE],
    ['validate', 'tests/fixtures/banks/sample.yaml'],
    ['--help'],
  ];
  it('ends quietly when the reader goes away (EPIPE): exit 0, nothing on stderr', async () => {
    const runs = [...commands, ['report', report], ['compare', report, later], ['explain', ...SAMPLE, FULL]].map(
      (args) =>
        new Promise<{ code: number | null; stderr: string }>((resolve) => {
          const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
          child.stdout.destroy();
          let stderr = '';
          child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
          child.on('close', (code) => resolve({ code, stderr }));
        }),
    );
    for (const r of await Promise.all(runs)) {
      expect(r.stderr.split('\n').filter((l) => !l.startsWith('warning:') && l !== '')).toEqual([]);
      expect(r.code).toBe(0);
    }
  }, 30_000);
  it('a full disk on stdout (> /dev/full) is exit 2 with one line, for every command', () => {
    if (!existsSync('/dev/full')) return;
    // Help too: commander prints it itself (src/cli/commander-i18n.ts gives it diag's way of writing).
    for (const args of [...commands.slice(0, 3), ['report', report], ['compare', report, later], ['explain', ...SAMPLE, FULL], ['--help'], ['score', '--help'], ['help', 'aggregate']]) {
      const full = openSync('/dev/full', 'w');
      const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
      closeSync(full);
      const lines = r.stderr.split('\n').filter((l) => !l.startsWith('warning:') && l !== '');
      expect(lines).toEqual([expect.stringMatching(/^diag: cannot write to standard output: ENOSPC/)]);
      expect(r.status).toBe(2);
    }
  });
  it('standard output to a file (written without a stream), appended to a file, to /dev/null or to a pipe: the same bytes, for every command', () => {
    const dir = mkdtempSync(join(tmpdir(), 'diag-stdout-'));
    try {
      for (const args of [...commands, ['report', report], ['compare', report, later], ['explain', ...SAMPLE, FULL], ['validate']]) {
        const piped = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: '1795430400' }, encoding: 'utf8' });
        expect(piped.status).toBe(0);
        const file = join(dir, 'out.txt');
        writeFileSync(file, 'before\n');
        for (const flag of ['w', 'a'] as const) {
          const fd = openSync(file, flag);
          const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: '1795430400' }, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
          closeSync(fd);
          expect(r.status).toBe(0);
          expect(readFileSync(file, 'utf8')).toBe(flag === 'w' ? piped.stdout : `${piped.stdout}${piped.stdout}`);
        }
        const devNull = openSync('/dev/null', 'w');
        const quiet = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: '1795430400' }, stdio: ['ignore', devNull, 'pipe'], encoding: 'utf8' });
        closeSync(devNull);
        expect(quiet.status).toBe(0);
        expect(quiet.stderr.split('\n').filter((l) => !l.startsWith('warning:') && l !== '')).toEqual([]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('diag --version (answered by the launcher alone): a full disk is exit 2 with one line, a closed pipe exit 0 and silent', async () => {
    for (const flag of ['--version', '-V']) {
      if (existsSync('/dev/full')) {
        const full = openSync('/dev/full', 'w');
        const r = spawnSync(process.execPath, [BIN, flag], { cwd: ROOT, env: { ...process.env, LANG: 'C' }, stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
        closeSync(full);
        expect(r.stderr).toMatch(/^diag: cannot write to standard output: ENOSPC[^\n]*\n$/);
        expect(r.status).toBe(2);
      }
      const closed = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [BIN, flag], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
        child.stdout.destroy();
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('close', (code) => resolve({ code, stderr }));
      });
      expect(closed).toEqual({ code: 0, stderr: '' });
      expect(diag([flag]).stdout).toBe(`${(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version}\n`);
    }
  });
  it('reads an answer file from standard input with -', () => {
    const r = diag(['score', ...SAMPLE, '-', '-f', 'json'], { input: readFileSync(FULL, 'utf8') });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ respondent: 'Camille', source: { path: '(stdin)' } });
  });
});

describe('outputs that are no file of their own', () => {
  it('-o /dev/null discards an output (with or without --force), the other -o are written', () => {
    const kept = join(dir, 'kept-beside-null.json');
    for (const force of [[], ['--force']]) {
      const r = diag(['score', ...SAMPLE, FULL, '-o', '/dev/null', '-o', kept, ...force]);
      expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 0, stdout: '' });
      expect(JSON.parse(readFileSync(kept, 'utf8')).respondent).toBe('Camille');
      rmSync(kept);
    }
    expect(diag(['report', report, '-f', 'html', '-o', '/dev/null']).code).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });
  it('refuses a link to standard output with --force instead of replacing the link by a file', () => {
    // `-o /dev/stdout --force > file` replaced /dev/stdout itself (root): here a link of our own.
    const link = join(dir, 'my-stdout');
    symlinkSync('/proc/self/fd/1', link);
    const out = join(dir, 'stdout-file.json');
    const r = spawnSync('sh', ['-c', `exec node ${JSON.stringify(BIN)} score --bank tests/fixtures/banks/sample.yaml ${FULL} -f json -o ${JSON.stringify(link)} --force > ${JSON.stringify(out)}`], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: 'C', LC_ALL: '' } });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`diag: cannot write ${link}: not a regular file (use -o - for standard output)\n`);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    rmSync(link);
  });
});

describe('aggregate --norms-out is checked with the -o files, before anything is read', () => {
  it('refuses the same file as -o and --norms-out (the norms were written, then -o failed), and a taken one without --force', () => {
    const both = join(dir, 'both.json');
    const r = diag(['aggregate', GROUP, '-o', both, '--norms-out', both]);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 2, stderr: `diag: ${both}: given more than once as an output; each -o names a different file\n` });
    expect(existsSync(both)).toBe(false);
    const taken = join(dir, 'taken-norms.json');
    writeFileSync(taken, 'mine');
    const t = diag(['aggregate', GROUP, '--norms-out', taken, '-o', join(dir, 'group-beside.json')]);
    expect(t.code).toBe(2);
    expect(t.stderr).toMatch(/already exists/);
    expect(readFileSync(taken, 'utf8')).toBe('mine');
    expect(existsSync(join(dir, 'group-beside.json'))).toBe(false);
    rmSync(taken);
  });
});

describe('a long score stopped by a signal', () => {
  it.each(['SIGTERM', 'SIGINT', 'SIGHUP'] as const)('%s: no file and no hidden temporary file is left beside the -o targets', async (signal) => {
    const folder = mkdtempSync(join(tmpdir(), 'diag-signal-'));
    try {
      const answers = parse(readFileSync(FULL, 'utf8'));
      const input = join(folder, 'in.ndjson');
      writeFileSync(input, Array.from({ length: 4000 }, (_, i) => JSON.stringify({ ...answers, respondent: `r${i}` })).join('\n'));
      const out = join(folder, 'out');
      mkdirSync(out);
      const child = spawn(process.execPath, [BIN, 'score', ...SAMPLE, input, '-o', join(out, 'all.json'), '-o', join(out, 'all.csv')], { cwd: ROOT, stdio: 'ignore' });
      const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, sig) => resolve({ code, signal: sig })));
      // Stopped while it writes: once its temporary files are there.
      for (let tries = 0; readdirSync(out).length < 2 && tries < 200; tries++) await new Promise((resolve) => setTimeout(resolve, 25));
      child.kill(signal);
      const end = await ended;
      expect(end.signal ?? end.code).toBe(end.signal === null ? { SIGTERM: 143, SIGINT: 130, SIGHUP: 129 }[signal] : signal);
      expect(readdirSync(out)).toEqual([]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 30_000);
});

describe('an output that is also an input', () => {
  const BANK = 'tests/fixtures/banks/sample.yaml';
  let here: string;
  const original = () => readFileSync(FULL, 'utf8');
  beforeAll(() => {
    here = join(dir, 'output-is-input');
    mkdirSync(join(here, 'answers'), { recursive: true });
    writeFileSync(join(here, 'a.yaml'), original());
    writeFileSync(join(here, 'answers', 'one.yaml'), original());
    writeFileSync(join(here, 'r.json'), readFileSync(report, 'utf8'));
    writeFileSync(join(here, 'later.json'), readFileSync(later, 'utf8'));
    linkSync(join(here, 'r.json'), join(here, 'hard.json'));
    symlinkSync('r.json', join(here, 'sym.json'));
    writeFileSync(join(here, 'bank.yaml'), readFileSync(BANK, 'utf8'));
    // The folder reads a file beside it through a link, and a.yaml under another name.
    writeFileSync(join(here, 'outside.yaml'), original());
    symlinkSync(join('..', 'outside.yaml'), join(here, 'answers', 'via-link.yaml'));
    linkSync(join(here, 'a.yaml'), join(here, 'answers', 'a-again.yaml'));
    // A bank with norms of its own, beside it: read by diag report without --norms.
    writeFileSync(join(here, 'normed.yaml'), `${readFileSync(BANK, 'utf8')}\nnorms: own-norms.json\n`);
    writeFileSync(join(here, 'own-norms.json'), '{}');
  });
  const run = (args: string[], env: Record<string, string> = {}) => diag(args, { cwd: here, env });
  /** Exit 2, one line naming the file, nothing written or left beside it, every input as it was. */
  const refused = (args: string[], line: string, env: Record<string, string> = {}) => {
    const before = readdirSync(here).sort();
    const contents = before.map((name) => (name === 'answers' ? '' : readFileSync(join(here, name), 'utf8')));
    const r = run(args, env);
    expect({ code: r.code, stderr: r.stderr, stdout: r.stdout }).toEqual({ code: 2, stderr: `diag: ${line}\n`, stdout: '' });
    expect(readdirSync(here).sort()).toEqual(before);
    expect(before.map((name) => (name === 'answers' ? '' : readFileSync(join(here, name), 'utf8')))).toEqual(contents);
    expect(readFileSync(join(here, 'answers', 'one.yaml'), 'utf8')).toBe(original());
  };

  it.each<[string, string[], string]>([
    ['score onto its answers', ['score', '--bank', 'bank.yaml', 'a.yaml', '-o', 'a.yaml', '--force'], '-o a.yaml is also an input; choose another name'],
    ['score onto its answers, named another way', ['score', '--bank', 'bank.yaml', 'a.yaml', '-f', 'json', '-o', './a.yaml', '--force'], '-o ./a.yaml is also an input (a.yaml); choose another name'],
    ['score without --force: the input is named first', ['score', '--bank', 'bank.yaml', 'a.yaml', '-o', 'a.yaml'], '-o a.yaml is also an input; choose another name'],
    ['score onto its bank', ['score', '--bank', 'bank.yaml', 'a.yaml', '-o', 'bank.yaml', '--force'], '-o bank.yaml is also an input; choose another name'],
    ['score, --gate-report onto an input', ['score', '--bank', 'bank.yaml', 'a.yaml', '--gate-report', 'a.yaml', '--force'], '--gate-report a.yaml is also an input; choose another name'],
    ['score onto its baseline', ['score', '--bank', 'bank.yaml', 'a.yaml', '--baseline', 'r.json', '-o', 'r.json', '--force'], '-o r.json is also an input; choose another name'],
    ['report onto itself', ['report', 'r.json', '-o', 'r.json', '--force'], '-o r.json is also an input; choose another name'],
    ['report onto a hard link of itself', ['report', 'r.json', '-o', 'hard.json', '--force'], '-o hard.json is also an input (r.json); choose another name'],
    ['report onto a symbolic link to itself', ['report', 'r.json', '-o', 'sym.json', '--force'], '-o sym.json is also an input (r.json); choose another name'],
    ['report onto the norms file of its bank', ['report', '--bank', 'normed.yaml', 'r.json', '-o', 'own-norms.json', '--force'], '-o own-norms.json is also an input (/OWN); choose another name'],
    ['report, one of two -o', ['report', 'r.json', '-o', 'out.md', '-o', 'r.json', '--force'], '-o r.json is also an input; choose another name'],
    ['aggregate onto a file of its folder', ['aggregate', '--bank', 'bank.yaml', 'answers', '-o', 'answers/one.yaml', '--force'], '-o answers/one.yaml is also an input (read from answers); choose another name'],
    ['aggregate onto a file its folder reads through a link', ['aggregate', '--bank', 'bank.yaml', 'answers', '-o', 'outside.yaml', '--force'], '-o outside.yaml is also an input (read from answers); choose another name'],
    ['score onto a file its folder holds under another name (hard link)', ['score', '--bank', 'bank.yaml', 'answers', '-f', 'json', '-o', 'a.yaml', '--force'], '-o a.yaml is also an input (read from answers); choose another name'],
    ['aggregate, a new file its folder would read next time', ['aggregate', '--bank', 'bank.yaml', 'answers', '-o', 'answers/group.json'], '-o answers/group.json is also an input (read from answers); choose another name'],
    ['aggregate, a new file its folder would read, in capitals', ['aggregate', '--bank', 'bank.yaml', 'answers/', '-o', 'answers/GROUP.JSON'], '-o answers/GROUP.JSON is also an input (read from answers/); choose another name'],
    ['aggregate, --norms-out onto an input', ['aggregate', '--bank', 'bank.yaml', 'a.yaml', '--norms-out', 'a.yaml', '--force'], '--norms-out a.yaml is also an input; choose another name'],
    ['rescore onto a report', ['rescore', '--bank', 'bank.yaml', 'r.json', '-f', 'json', '-o', 'r.json', '--force'], '-o r.json is also an input; choose another name'],
    ['compare onto the new report', ['compare', 'r.json', 'later.json', '-o', 'later.json', '--force'], '-o later.json is also an input; choose another name'],
    ['explain onto its answers', ['explain', '--bank', 'bank.yaml', 'a.yaml', '-f', 'json', '-o', 'a.yaml', '--force'], '-o a.yaml is also an input; choose another name'],
    ['lint onto its bank', ['lint', 'bank.yaml', '-f', 'json', '-o', 'bank.yaml', '--force'], '-o bank.yaml is also an input; choose another name'],
    ['template onto its bank', ['template', '--bank', 'bank.yaml', '-o', 'bank.yaml', '--force'], '-o bank.yaml is also an input; choose another name'],
  ])('refuses %s: exit 2, one line, the input untouched', (_name, args, line) => refused(args, line.replace('/OWN', join(here, 'own-norms.json'))));

  it('refuses an output that is the file given on standard input, and writes one when standard input is a pipe', () => {
    const before = readFileSync(join(here, 'r.json'), 'utf8');
    const r = spawnSync('sh', ['-c', `exec node ${JSON.stringify(BIN)} report - -o r.json --force < r.json`], { cwd: here, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: 'C', LC_ALL: '' } });
    expect({ code: r.status, stderr: r.stderr, stdout: r.stdout }).toEqual({ code: 2, stderr: 'diag: -o r.json is also an input (standard input); choose another name\n', stdout: '' });
    expect(readFileSync(join(here, 'r.json'), 'utf8')).toBe(before);
    const piped = spawnSync('sh', ['-c', `cat r.json | node ${JSON.stringify(BIN)} report - -o piped.json`], { cwd: here, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: 'C', LC_ALL: '' } });
    expect(piped.status).toBe(0);
    expect(JSON.parse(readFileSync(join(here, 'piped.json'), 'utf8')).scores).toEqual(JSON.parse(before).scores);
    rmSync(join(here, 'piped.json'));
  });

  it('says it in French', () => {
    refused(['report', 'r.json', '-o', 'hard.json', '--force'], '-o hard.json est aussi une entrée (r.json) ; choisissez un autre nom', { LANG: 'fr_FR.UTF-8' });
  });

  it('still writes an output beside the inputs, and into an input folder under a name it does not read', () => {
    expect(run(['report', 'r.json', '-o', 'copy.json']).code).toBe(0);
    expect(JSON.parse(readFileSync(join(here, 'copy.json'), 'utf8')).scores).toEqual(JSON.parse(readFileSync(join(here, 'r.json'), 'utf8')).scores);
    expect(run(['aggregate', '--bank', 'bank.yaml', 'answers', '-o', 'answers/group.md']).code).toBe(0);
    expect(run(['aggregate', '--bank', 'bank.yaml', 'answers', '-o', 'answers/group.md', '--force']).code).toBe(0);
    rmSync(join(here, 'copy.json'));
    rmSync(join(here, 'answers', 'group.md'));
  });
});

describe('a real full disk and a read-only file system (a 64 KiB tmpfs; skipped where none can be mounted)', () => {
  it('exit 2 with one line naming the file asked for (not its temporary name), nothing left on the disk', () => {
    const disk = mkdtempSync(join(tmpdir(), 'diag-disk-'));
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', disk]).status !== 0) {
      rmSync(disk, { recursive: true, force: true });
      return void console.warn('mount -t tmpfs not available: skipped');
    }
    try {
      writeFileSync(join(disk, 'filler'), Buffer.alloc(50_000));
      const full = diag(['score', 'questions/examples/camille.yaml', 'questions/examples/karim-vendeur.yaml', '--format', 'json', '-o', join(disk, 'all.json')]);
      expect(full.code).toBe(2);
      expect(full.stdout).toBe('');
      expect(full.stderr).toBe(`diag: cannot write ${join(disk, 'all.json')}: no space left on device (ENOSPC)\n`);
      expect(readdirSync(disk)).toEqual(['filler']);
      const french = diag(['score', 'questions/examples/camille.yaml', '-o', join(disk, 'r.md'), '-o', join(disk, 'r.json')], { env: { LANG: 'fr_FR.UTF-8' } });
      expect(french.code).toBe(2);
      expect(french.stderr).toMatch(/^diag: impossible d’écrire .*r\.(md|json) : plus de place sur le disque \(ENOSPC\)\n$/);
      expect(readdirSync(disk)).toEqual(['filler']);
      rmSync(join(disk, 'filler'));
      spawnSync('mount', ['-o', 'remount,ro', disk]);
      const readOnly = diag(['template', '-o', join(disk, 't.yaml')]);
      expect(readOnly.code).toBe(2);
      expect(readOnly.stderr).toBe(`diag: cannot write ${join(disk, 't.yaml')}: read-only file system (EROFS)\n`);
      expect(hasStackTrace(readOnly.stderr)).toBe(false);
    } finally {
      spawnSync('umount', [disk]);
      rmSync(disk, { recursive: true, force: true });
    }
  });
});
