import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diag, hasStackTrace } from './run-cli.js';

const SUS = ['--bank', 'tests/fixtures/banks/sus.yaml'];
const ANSWERS = 'tests/fixtures/answers/sus-85.yaml';
let dir: string;
let reportLine: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'diag-inputs-'));
  const r = diag(['score', ...SUS, '-f', 'json', ANSWERS]);
  reportLine = JSON.stringify(JSON.parse(r.stdout));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('- reads standard input (SPEC section 11)', () => {
  it('score: a YAML answer file on stdin gives the same report as the file', () => {
    const fromFile = diag(['score', ...SUS, '-f', 'json', ANSWERS]);
    const fromStdin = diag(['score', ...SUS, '-f', 'json', '-'], { input: readFileSync(ANSWERS, 'utf8') });
    expect(fromStdin.code).toBe(0);
    // The same report, but for where it came from.
    const { source: fromStdinSource, ...stdinReport } = JSON.parse(fromStdin.stdout);
    const { source: _fileSource, ...fileReport } = JSON.parse(fromFile.stdout);
    expect(stdinReport).toEqual(fileReport);
    expect(fromStdinSource).toEqual({ path: '(stdin)' });
  });
  it('score: NDJSON on stdin (detected by content) gives an array, one report per line', () => {
    const r = diag(['score', ...SUS, '-f', 'json', '-'], { input: `${reportLine}\n${reportLine}\n` });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(2);
  });
  it('aggregate: NDJSON reports on stdin, with a file beside them', () => {
    const lines = Array.from({ length: 5 }, () => reportLine).join('\n');
    const r = diag(['aggregate', ...SUS, '-f', 'json', '-', ANSWERS], { input: lines });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).count).toBe(6);
  });
  it('report and explain: one report on stdin', () => {
    const report = diag(['report', ...SUS, '-f', 'json', '-'], { input: reportLine });
    expect(report.code).toBe(0);
    expect(JSON.parse(report.stdout).scores.overall.score).toBe(85);
    const explain = diag(['explain', ...SUS, '-f', 'json', '-'], { input: readFileSync(ANSWERS, 'utf8') });
    expect(explain.code).toBe(0);
    expect(hasStackTrace(explain.stderr)).toBe(false);
  });
  it('a problem on stdin is located as (stdin):LINE', () => {
    const r = diag(['score', ...SUS, '-'], { input: `${reportLine}\n{"answers": {"sus.q1": 9}}\n` });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('(stdin):2');
  });
});

describe('size limits on bytes, for every kind of input, while reading', () => {
  it('NDJSON with a UTF-8 BOM is read, as YAML and JSON are', () => {
    const file = join(dir, 'bom.ndjson');
    writeFileSync(file, `\ufeff${reportLine}\n${reportLine}\n`);
    const r = diag(['score', ...SUS, '-f', 'csv', file]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(3);
  });
  it('/dev/zero is refused at the limit (exit 2), not read until memory runs out', () => {
    const r = diag(['--max-file-size', '1', 'score', ...SUS, '/dev/zero']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('/dev/zero is more than the 1.0 MB');
    expect(hasStackTrace(r.stderr)).toBe(false);
  });
  it('standard input over the limit is refused', () => {
    const r = diag(['--max-file-size', '1', 'score', ...SUS, '-'], { input: `answers: {}\n# ${'x'.repeat(2 * 1024 * 1024)}\n` });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('(stdin) is more than the 1.0 MB');
  });
  it('counts bytes, not characters: 600k "é" are 1.2 MB', () => {
    const file = join(dir, 'accents.yaml');
    writeFileSync(file, `answers: {}\n# ${'é'.repeat(600_000)}\n`);
    const r = diag(['--max-file-size', '1', 'score', ...SUS, file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is 1.1 MB, more than the 1.0 MB');
    const line = join(dir, 'accents.ndjson');
    writeFileSync(line, `{"answers": {}, "x": "${'é'.repeat(600_000)}"}\n`);
    const n = diag(['--max-file-size', '1', 'score', ...SUS, line]);
    expect(n.code).toBe(2);
    expect(n.stderr).toContain('line 1 of');
  });
  it('a 120 MB NDJSON line is refused without holding it (peak memory under its size)', () => {
    const file = join(dir, 'long.ndjson');
    const fd = openSync(file, 'w');
    writeSync(fd, `${reportLine}\n{"x": "`);
    const block = Buffer.alloc(1 << 20, 0x78);
    for (let i = 0; i < 120; i++) writeSync(fd, block);
    writeSync(fd, `"}\n${reportLine}\n`);
    closeSync(fd);
    const r = diag(['score', ...SUS, file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('line 2 of');
    expect(r.stderr).toContain('is 120.0 MB');
    if (existsSync('/usr/bin/time')) {
      const timed = spawnSync('/usr/bin/time', ['-f', 'peak-kb=%M', process.execPath, 'bin/diag.js', 'score', ...SUS, file], { encoding: 'utf8' });
      const kb = Number(/peak-kb=(\d+)/.exec(timed.stderr)?.[1]);
      // readline held the whole line as a string, then the chunks: well over 120 MB.
      expect(kb).toBeLessThan(110 * 1024);
    }
    rmSync(file);
  });
  it('a FIFO named on the command line is read, within the limit', () => {
    const fifo = join(dir, 'answers.fifo.yaml');
    execFileSync('mkfifo', [fifo]);
    // The writer runs in the background; diag opens the read end. timeout: a bug must not hang the suite.
    const out = execFileSync('sh', ['-c', `cat "$1" > "$2" & timeout 20 "$3" bin/diag.js score --bank tests/fixtures/banks/sus.yaml -f json "$2"; echo "exit=$?"`, 'sh', ANSWERS, fifo, process.execPath], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(out).toContain('exit=0');
    expect(out).toContain('"score": 85');
  });
});

describe('odd folder entries are problems or warnings, never traces', () => {
  it('skips a dangling editor lock, a link loop, a FIFO, a socket and a folder, with a warning each', async () => {
    const folder = join(dir, 'odd');
    mkdirSync(folder);
    copyFileSync(ANSWERS, join(folder, 'a-real.yaml'));
    symlinkSync('nowhere.yaml', join(folder, '.#x.yaml'));
    symlinkSync('loop.yaml', join(folder, 'loop.yaml'));
    execFileSync('mkfifo', [join(folder, 'a.yaml')]);
    mkdirSync(join(folder, 'b.json'));
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(join(folder, 's.yaml'), resolve));
    try {
      const r = diag(['score', ...SUS, '-f', 'csv', folder]);
      expect(r.code).toBe(0);
      expect(hasStackTrace(r.stderr)).toBe(false);
      expect(r.stdout.trim().split('\n')).toHaveLength(2);
      expect(r.stderr).toContain('.#x.yaml: skipped, a symbolic link to nothing');
      expect(r.stderr).toContain('loop.yaml: skipped, a loop of symbolic links');
      expect(r.stderr).toContain('a.yaml: skipped, a FIFO');
      expect(r.stderr).toContain('b.json: skipped, a folder');
      expect(r.stderr).toContain('s.yaml: skipped, a socket');
      const a = diag(['aggregate', ...SUS, '-f', 'json', folder]);
      expect(a.code).toBe(0);
      expect(JSON.parse(a.stdout).count).toBe(1);
    } finally {
      server.close();
    }
  });
  it('a symlink loop or a dangling link named on the command line is refused (exit 2)', () => {
    const r = diag(['score', ...SUS, join(dir, 'odd', 'loop.yaml'), join(dir, 'odd', '.#x.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('a loop of symbolic links');
    expect(r.stderr).toContain('no such file or folder');
    expect(hasStackTrace(r.stderr)).toBe(false);
  });
});

describe('one sanitising step for every text that reaches a terminal', () => {
  const hostile = '\u001b]52;c;aGVsbG8=\u0007\u001b[2J\u202eevil';
  it('escape sequences in an answer file reach stderr neither in errors nor in warnings', () => {
    const file = join(dir, `x\u001b[2J.yaml`);
    writeFileSync(file, `answers:\n  "${hostile}": 1\n`);
    const r = diag(['score', ...SUS, file]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/[\u001b\u0007\u202e]/);
    expect(r.stderr).toContain('evil');
    const warned = join(dir, 'warned.yaml');
    writeFileSync(warned, `${readFileSync(ANSWERS, 'utf8')}\n"${hostile}": 1\n`);
    const w = diag(['score', ...SUS, warned]);
    expect(w.code).toBe(0);
    expect(w.stderr).toContain('unknown key');
    expect(w.stderr).not.toMatch(/[\u001b\u0007\u202e]/);
  });
  it('bidi overrides reach no format, JSON included', () => {
    const file = join(dir, 'bidi.yaml');
    writeFileSync(file, `respondent: "Ann\u202eeve\u2066x"\n${readFileSync(ANSWERS, 'utf8')}`);
    for (const format of ['json', 'csv', 'markdown', 'html', 'text']) {
      const r = diag(['score', ...SUS, '-f', format, file]);
      expect(r.code).toBe(0);
      expect(r.stdout).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
      expect(r.stdout).toContain('Annevex');
    }
  });
});

describe('a file name with a line feed stays on one line in every message', () => {
  const forged = 'diag: 0 inputs refused; all is well.yaml';
  const ok = /^(diag: |  |warning: |avertissement : )/;
  let folder: string;
  beforeAll(() => {
    folder = join(dir, 'hostile-names');
    mkdirSync(folder);
    writeFileSync(join(folder, `bad\nname.yaml`), 'answers:\n  q1: 9\n');
    writeFileSync(join(folder, `x\n${forged}`), 'answers: [\n');
    writeFileSync(join(folder, 'ok.yaml'), readFileSync(ANSWERS, 'utf8'));
    symlinkSync('nowhere', join(folder, `dang\nling.yaml`));
    mkdirSync(join(folder, `sub\nfolder.yaml`));
  });
  /** Every line of stderr begins as diag's own lines do: no line of a file name's making. */
  const lines = (stderr: string) => stderr.split('\n').filter((l) => l !== '');

  it('diag score names the file quoted, with its line and column', () => {
    const r = diag(['score', ...SUS, join(folder, `bad\nname.yaml`)]);
    expect(r.code).toBe(2);
    for (const line of lines(r.stderr)) expect(line).toMatch(ok);
    expect(r.stderr).toContain(`  ${JSON.stringify(join(folder, 'bad\nname.yaml'))}:2:3: `);
  });

  it('diag aggregate of a folder holding such files: errors and warnings one line each, in English and French', () => {
    for (const env of [{}, { LANG: 'fr_FR.UTF-8' }] as Array<Record<string, string>>) {
      const r = diag(['aggregate', ...SUS, folder], { env });
      expect(r.code).toBe(2);
      for (const line of lines(r.stderr)) expect(line).toMatch(ok);
      expect(r.stderr).not.toMatch(new RegExp(`^${forged}`, 'm'));
      expect(r.stderr).toContain(JSON.stringify(join(folder, `x\n${forged}`)));
      expect(r.stderr).toContain(JSON.stringify(join(folder, 'dang\nling.yaml')));
      expect(r.stderr).toContain(JSON.stringify(join(folder, 'sub\nfolder.yaml')));
    }
  });

  it('ordinary names are shown as they are, and a -o or a threshold line names the file on one line too', () => {
    const r = diag(['aggregate', ...SUS, join(folder, 'ok.yaml'), '-o', join(folder, 'ok.yaml')]);
    expect(r.stderr).toBe(`diag: -o ${join(folder, 'ok.yaml')} is also an input; choose another name\n`);
    const named = join(folder, `85\npoints.yaml`);
    writeFileSync(named, readFileSync(ANSWERS, 'utf8'));
    const t = diag(['score', ...SUS, named, '--min-score', '90']);
    expect(t.code).toBe(1);
    expect(t.stderr).toContain(`  ${JSON.stringify(named)}: overall score 85 is below --min-score 90`);
    rmSync(named);
  });

  it('a line or paragraph separator in a value quoted from a file is shown escaped, not as a line break', () => {
    const file = join(dir, 'separators.yaml');
    writeFileSync(file, 'answers:\n  sus.q1: "3\u20284"\n  q\u20292: 1\n');
    const r = diag(['score', ...SUS, file]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/[\u2028\u2029]/);
    expect(r.stderr).toContain('3\\u20284');
    expect(r.stderr).toContain('q\\u20292');
    rmSync(file);
  });

  it('a name that looks quoted is quoted again: it cannot pass for a name with a line feed', () => {
    // In a folder of its own, named relatively: the whole name begins with the quote.
    const here = join(dir, 'looks-quoted');
    mkdirSync(here);
    writeFileSync(join(here, '"bad\\nname.yaml"'), 'answers:\n  q1: 9\n');
    writeFileSync(join(here, 'bad\nname.yaml'), 'answers:\n  q1: 9\n');
    const bank = ['--bank', join(process.cwd(), SUS[1] ?? '')];
    const literal = diag(['score', ...bank, '"bad\\nname.yaml"'], { cwd: here });
    const real = diag(['score', ...bank, 'bad\nname.yaml'], { cwd: here });
    expect(literal.stderr).toContain(`  ${JSON.stringify('"bad\\nname.yaml"')}:2:3: `);
    expect(real.stderr).toContain('  "bad\\nname.yaml":2:3: ');
    expect(literal.stderr.split('\n')[1]).not.toBe(real.stderr.split('\n')[1]);
  });
});
