import { describe, expect, it } from '@jest/globals';
import { LineSplitter, type Line } from '../../src/cli/bounded-read.js';
import { InputError } from '../../src/cli/errors.js';
import { expandInputs, readRecords, type FolderReader, type RecordResult } from '../../src/cli/read-inputs.js';

function split(chunks: string[] | Buffer[], limit = 100): Array<{ number: number; text: string } | { number: number; tooLong: number }> {
  const splitter = new LineSplitter(limit);
  const lines: Line[] = [];
  for (const chunk of chunks) for (const line of splitter.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk)) lines.push(line);
  for (const line of splitter.end()) lines.push(line);
  return lines.map((line) => ('bytes' in line ? { number: line.number, text: line.bytes.toString('utf8') } : line));
}

describe('LineSplitter', () => {
  it('splits LF and CRLF lines across chunk boundaries, numbering every line', () => {
    expect(split(['a\r\nb', 'c\n', '\nd'])).toEqual([
      { number: 1, text: 'a' },
      { number: 2, text: 'bc' },
      { number: 3, text: '' },
      { number: 4, text: 'd' },
    ]);
  });
  it('drops a UTF-8 BOM at the start only, and decodes a character cut between chunks', () => {
    const euro = Buffer.from('€'); // 3 bytes
    expect(split([Buffer.from([0xef, 0xbb]), Buffer.concat([Buffer.from([0xbf]), Buffer.from('x\n\ufeffy'), euro.subarray(0, 1)]), euro.subarray(1)])).toEqual([
      { number: 1, text: 'x' },
      { number: 2, text: '\ufeffy€' },
    ]);
  });
  it('counts bytes, not characters', () => {
    expect(split(['éééé\n'], 8)).toEqual([{ number: 1, text: 'éééé' }]);
    expect(split(['ééééé\n'], 8)).toEqual([{ number: 1, tooLong: 10 }]);
  });
  it('reports a line over the limit with its size, keeps nothing of it, and goes on', () => {
    const chunks = ['ok\n', ...Array.from({ length: 50 }, () => 'x'.repeat(1000)), '\nnext'];
    const splitter = new LineSplitter(100);
    const lines: Line[] = [];
    for (const chunk of chunks) {
      for (const line of splitter.push(Buffer.from(chunk))) lines.push(line);
      // Never more than the limit (and one chunk) held while skipping.
      expect((splitter as unknown as { pending: Buffer[] }).pending.length).toBeLessThanOrEqual(1);
    }
    for (const line of splitter.end()) lines.push(line);
    expect(lines.map((line) => ('bytes' in line ? { number: line.number, text: line.bytes.toString() } : line))).toEqual([
      { number: 1, text: 'ok' },
      { number: 2, tooLong: 50_000 },
      { number: 3, text: 'next' },
    ]);
  });
  it('reports an over-long last line without a line break', () => {
    expect(split(['x'.repeat(300)])).toEqual([{ number: 1, tooLong: 300 }]);
  });
});

/** A folder reader whose entries fail as a real disk can. */
function fakeFs(entries: Record<string, 'file' | 'dir' | 'fifo' | string>): FolderReader {
  const fail = (code: string) => Object.assign(new Error(`${code}: failed`), { code });
  const stats = (kind: string) => ({ isFile: () => kind === 'file', isDirectory: () => kind === 'dir', isFIFO: () => kind === 'fifo', isSocket: () => false });
  return {
    readdir: (path) => {
      if (entries[path] === 'EACCES-dir') throw fail('EACCES');
      if (entries[path] !== 'dir') throw fail(entries[path] ?? 'ENOENT');
      return Object.keys(entries)
        .filter((p) => p.startsWith(`${path}/`))
        .map((p) => p.slice(path.length + 1));
    },
    stat: (path) => {
      const kind = entries[path];
      if (kind === undefined) throw fail('ENOENT');
      if (/^E[A-Z]+$/.test(kind)) throw fail(kind);
      return stats(kind === 'EACCES-dir' ? 'dir' : kind);
    },
  };
}

describe('expandInputs and odd folder entries', () => {
  it('skips, with a warning each, a dangling link (editor lock), a hidden file, a link loop, a folder and a FIFO', () => {
    const warnings: string[] = [];
    const fs = fakeFs({ d: 'dir', 'd/a.yaml': 'file', 'd/.#x.yaml': 'ENOENT', 'd/._a.yaml': 'file', 'd/loop.yaml': 'ELOOP', 'd/b.json': 'dir', 'd/f.yaml': 'fifo', 'd/notes.txt': 'file' });
    expect(expandInputs(['d'], { fs, warn: (line) => warnings.push(line) })).toEqual({ files: ['d/a.yaml'], many: true });
    // Named on the command line, a hidden file is read like any other.
    expect(expandInputs(['d/._a.yaml'], { fs, warn: (line) => warnings.push(line) })).toEqual({ files: ['d/._a.yaml'], many: false });
    expect(warnings).toEqual([
      'warning: d/.#x.yaml: skipped, a symbolic link to nothing (an editor lock file?), not an answer file',
      'warning: d/._a.yaml: skipped, a hidden file (name it on the command line to read it)',
      'warning: d/b.json: skipped, a folder (diag reads the files of a folder, not its sub-folders), not an answer file',
      'warning: d/f.yaml: skipped, a FIFO, not an answer file',
      'warning: d/loop.yaml: skipped, a loop of symbolic links, not an answer file',
    ]);
  });
  it('refuses an answer file or a folder that cannot be read (EACCES, EIO), all of them listed', () => {
    const fs = fakeFs({ d: 'dir', 'd/a.yaml': 'EACCES', 'd/b.yaml': 'EIO', e: 'EACCES-dir' });
    const attempt = () => expandInputs(['d', 'e'], { fs, warn: () => undefined });
    expect(attempt).toThrow(InputError);
    try {
      attempt();
    } catch (error) {
      expect(error instanceof InputError && error.details).toEqual(['cannot read d/a.yaml: permission denied', 'cannot read d/b.yaml: input/output error', 'cannot read the folder e: permission denied']);
    }
  });
  it('takes - once, as standard input', () => {
    expect(expandInputs(['-'])).toEqual({ files: ['-'], many: false });
    expect(() => expandInputs(['-', '-'])).toThrow(/more than once/);
  });
});

async function records(input: string[], limit?: string): Promise<{ kinds: string[]; results: RecordResult[] }> {
  const { setMaxFileSize } = await import('../../src/cli/file-limits.js');
  setMaxFileSize(limit ?? '10', 'test');
  const kinds: string[] = [];
  const results: RecordResult[] = [];
  async function* stdin() {
    for (const chunk of input) yield Buffer.from(chunk);
  }
  for await (const r of readRecords(['-'], { stdin: stdin(), onStdinKind: (k) => kinds.push(k) })) results.push(r);
  setMaxFileSize('10', 'test');
  return { kinds, results };
}

const dataOf = (r: RecordResult) => ('source' in r ? r.source.data : r.error.message);

describe('standard input', () => {
  it('NDJSON (a JSON object on the first line and more after it) streams record by record', async () => {
    const { kinds, results } = await records(['\ufeff{"answers":{"a":1}}\n', '\n{"answers"', ':{"a":2}}\n']);
    expect(kinds).toEqual(['ndjson']);
    expect(results.map(dataOf)).toEqual([{ answers: { a: 1 } }, { answers: { a: 2 } }]);
    expect(results.map((r) => ('source' in r ? r.source.name : ''))).toEqual(['(stdin):1', '(stdin):3']);
  });
  it('a YAML or pretty JSON document, or a single JSON line, is one record', async () => {
    expect((await records(['answers:\n', '  a: 1\n'])).results.map(dataOf)).toEqual([{ answers: { a: 1 } }]);
    expect((await records(['{\n  "answers": {"a": 1}\n}\n'])).results.map(dataOf)).toEqual([{ answers: { a: 1 } }]);
    const single = await records(['{"answers": {"a": 1}}\n']);
    expect(single.kinds).toEqual(['document']);
    expect(single.results.map(dataOf)).toEqual([{ answers: { a: 1 } }]);
  });
  it('stops reading at the size limit and says so', async () => {
    const big = Array.from({ length: 40 }, () => 'x'.repeat(64 * 1024));
    const { results } = await records(big, '1');
    expect(results.map(dataOf)).toEqual(['(stdin) is more than the 1.0 MB diag reads by default (reading stopped there); raise the limit with --max-file-size MB (or DIAG_MAX_FILE_SIZE)']);
  });
});
