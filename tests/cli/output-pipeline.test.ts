import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planTargets } from '../../src/cli/deliver.js';
import { InputError } from '../../src/cli/errors.js';
import { commitAll, StagedFile, writeFileAtomic, type FileSystem } from '../../src/cli/output.js';
import { levelTone, TONES } from '../../src/cli/render/colours.js';
import { docToMarkdown, mdLink } from '../../src/cli/render/doc-markdown.js';
import { mdCodeCell } from '../../src/cli/render/markdown.js';
import { summaryRow } from '../../src/cli/render/summary.js';
import { docToHtml } from '../../src/cli/render/doc-html.js';
import { docToText } from '../../src/cli/render/doc-text.js';
import type { Doc } from '../../src/cli/render/doc.js';
import { formatOfFile, GROUP_FORMATS, REPORT_FORMATS } from '../../src/cli/render/formats.js';
import { junitStream, xmlEscape } from '../../src/cli/render/gates.js';
import { renderTable } from '../../src/cli/render/text-table.js';
import { terminalWidth, visibleWidth } from '../../src/cli/render/terminal.js';
import { checkScores, gateExitCode, parseThresholds } from '../../src/cli/thresholds.js';
import { bankFrom, miniBank, reportFrom } from '../helpers.js';
import { parseXml } from '../xml.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'diag-pipeline-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A file system whose writes fail with ENOSPC after `room` bytes: a full disk, without a disk. */
function fullDisk(room: number): FileSystem {
  let used = 0;
  return {
    ...fs,
    writeSync: ((fd: number, buffer: Uint8Array, offset?: number, length?: number) => {
      const size = length ?? buffer.length;
      if (used + size > room) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      used += size;
      return fs.writeSync(fd, buffer, offset, size);
    }) as FileSystem['writeSync'],
  };
}

describe('files written all or nothing', () => {
  it('a full disk leaves neither the target nor a hidden temporary file', () => {
    const target = join(dir, 'r.json');
    expect(() => writeFileAtomic(target, 'x'.repeat(200_000), { system: fullDisk(1000) })).toThrow(/ENOSPC/);
    expect(readdirSync(dir)).toEqual([]);
  });
  it('a failure on the second of several targets writes none of them', () => {
    const disk = fullDisk(70_000);
    const first = new StagedFile(join(dir, 'a.md'), false, disk);
    const second = new StagedFile(join(dir, 'b.html'), false, disk);
    first.write('a'.repeat(60_000));
    expect(() => {
      second.write('b'.repeat(60_000));
      second.write('b'.repeat(60_000));
      commitAll([first, second]);
    }).toThrow(/ENOSPC/);
    first.abort();
    second.abort();
    expect(readdirSync(dir)).toEqual([]);
  });
  it('a name taken at the last moment undoes the renames already done', () => {
    const first = new StagedFile(join(dir, 'a.md'), false);
    const second = new StagedFile(join(dir, 'b.md'), false);
    first.write('a');
    second.write('b');
    writeFileSync(join(dir, 'b.md'), 'taken');
    expect(() => commitAll([first, second])).toThrow(/already exists/);
    expect(readdirSync(dir)).toEqual(['b.md']);
  });
  it('with --force, a rename that fails puts back the files replaced before it, and leaves no second name', () => {
    writeFileSync(join(dir, 'a.md'), 'old a');
    fs.mkdirSync(join(dir, 'c.md'));
    fs.writeFileSync(join(dir, 'c.md', 'inside'), 'x');
    const first = new StagedFile(join(dir, 'a.md'), true);
    const second = new StagedFile(join(dir, 'b.md'), true);
    const third = new StagedFile(join(dir, 'c.md'), true);
    for (const [file, text] of [[first, 'new a'], [second, 'new b'], [third, 'new c']] as const) file.write(text);
    expect(() => commitAll([first, second, third])).toThrow(/c\.md/);
    expect(readdirSync(dir).sort()).toEqual(['a.md', 'c.md']);
    expect(fs.readFileSync(join(dir, 'a.md'), 'utf8')).toBe('old a');
  });
  it('with --force, an undo puts back the old file even when two targets name the same file (a linked folder)', () => {
    writeFileSync(join(dir, 'a.md'), 'old a');
    fs.symlinkSync('.', join(dir, 'same'));
    fs.mkdirSync(join(dir, 'c.md'));
    fs.writeFileSync(join(dir, 'c.md', 'inside'), 'x');
    const first = new StagedFile(join(dir, 'a.md'), true);
    const again = new StagedFile(join(dir, 'same', 'a.md'), true);
    const third = new StagedFile(join(dir, 'c.md'), true);
    for (const [file, text] of [[first, 'new a'], [again, 'new a again'], [third, 'new c']] as const) file.write(text);
    expect(() => commitAll([first, again, third])).toThrow(/c\.md/);
    expect(readdirSync(dir).sort()).toEqual(['a.md', 'c.md', 'same']);
    expect(fs.readFileSync(join(dir, 'a.md'), 'utf8')).toBe('old a');
  });
  it('with --force, an old file that cannot be put back keeps its second name, which the error names and exit does not remove', () => {
    writeFileSync(join(dir, 'a.md'), 'old a');
    fs.mkdirSync(join(dir, 'c.md'));
    fs.writeFileSync(join(dir, 'c.md', 'inside'), 'x');
    // In a process of its own, so that its exit (which removes the temporary names) is real. The
    // first rename of a.md gives it its new content; the second, putting the old one back after
    // c.md failed (a folder in the way), fails as a disk gone read-only would.
    const script = `
      import * as fs from 'node:fs';
      import { commitAll, StagedFile } from ${JSON.stringify(join(process.cwd(), 'dist/cli/output.js'))};
      const dir = process.argv[1];
      let renames = 0;
      const failing = { ...fs, renameSync: (from, to) => { if (++renames === 2) throw Object.assign(new Error('EROFS: read-only file system, rename'), { code: 'EROFS' }); fs.renameSync(from, to); } };
      const first = new StagedFile(dir + '/a.md', true, failing);
      const third = new StagedFile(dir + '/c.md', true);
      first.write('new a');
      third.write('new c');
      try { commitAll([first, third]); } catch (error) { console.log(JSON.stringify({ message: error.message, details: error.details })); }
    `;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script, dir], { encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: 'C' } });
    const { message, details } = JSON.parse(out) as { message: string; details: string[] };
    expect(message).toMatch(/c\.md/);
    const kept = readdirSync(dir).filter((name) => name.startsWith('.a.md.'));
    expect(kept).toHaveLength(1);
    expect(fs.readFileSync(join(dir, kept[0] ?? ''), 'utf8')).toBe('old a');
    expect(details.join('\n')).toMatch(/previous version of .*a\.md.* could not be put back: it is kept as .*\.a\.md\./);
    expect(details.join('\n')).toContain(kept[0] ?? 'none');
  });
  it('with --force, every file replaced when all renames succeed, and no second name left', () => {
    writeFileSync(join(dir, 'a.md'), 'old a');
    const first = new StagedFile(join(dir, 'a.md'), true);
    const second = new StagedFile(join(dir, 'b.md'), true);
    first.write('new a');
    second.write('new b');
    commitAll([first, second]);
    expect(readdirSync(dir).sort()).toEqual(['a.md', 'b.md']);
    expect(fs.readFileSync(join(dir, 'a.md'), 'utf8')).toBe('new a');
    writeFileAtomic(join(dir, 'a.md'), 'newer a', { force: true });
    expect(readdirSync(dir).sort()).toEqual(['a.md', 'b.md']);
  });
  it('with --force where hard links are refused, files are still replaced (without an undo)', () => {
    const noLinks: FileSystem = { ...fs, linkSync: (() => { throw Object.assign(new Error('EPERM: operation not permitted, link'), { code: 'EPERM' }); }) as FileSystem['linkSync'] };
    writeFileSync(join(dir, 'a.md'), 'old a');
    const first = new StagedFile(join(dir, 'a.md'), true, noLinks);
    first.write('new a');
    commitAll([first]);
    expect(readdirSync(dir)).toEqual(['a.md']);
    expect(fs.readFileSync(join(dir, 'a.md'), 'utf8')).toBe('new a');
  });
  it('with --force, a second name that cannot be made for another reason (no inode left) stops before that file, and undoes the ones before', () => {
    let links = 0;
    const noInodes: FileSystem = {
      ...fs,
      linkSync: ((from: string, to: string) => {
        if (++links > 1) throw Object.assign(new Error('ENOSPC: no space left on device, link'), { code: 'ENOSPC' });
        fs.linkSync(from, to);
      }) as FileSystem['linkSync'],
    };
    writeFileSync(join(dir, 'a.md'), 'old a');
    writeFileSync(join(dir, 'b.md'), 'old b');
    const first = new StagedFile(join(dir, 'a.md'), true, noInodes);
    const second = new StagedFile(join(dir, 'b.md'), true, noInodes);
    first.write('new a');
    second.write('new b');
    expect(() => commitAll([first, second])).toThrow(/b\.md: no space left on device \(ENOSPC\)/);
    expect(readdirSync(dir).sort()).toEqual(['a.md', 'b.md']);
    expect(fs.readFileSync(join(dir, 'a.md'), 'utf8')).toBe('old a');
    expect(fs.readFileSync(join(dir, 'b.md'), 'utf8')).toBe('old b');
  });
});

describe('planTargets', () => {
  const plan = (options: Parameters<typeof planTargets>[1]) => planTargets('score', options, REPORT_FORMATS, 'text');
  it('takes each file format from its extension and stdout from --format', () => {
    expect(plan({ format: 'json', output: ['-', join(dir, 'r.md'), join(dir, 'r.junit.xml')] })).toEqual([
      { file: undefined, format: 'json' },
      { file: join(dir, 'r.md'), format: 'markdown' },
      { file: join(dir, 'r.junit.xml'), format: 'junit' },
    ]);
    expect(plan({ format: 'json', output: [join(dir, 'r')] })).toEqual([{ file: join(dir, 'r'), format: 'json' }]);
  });
  it('refuses a contradiction, an unknown extension, a format the document lacks, a twin, an existing file', () => {
    expect(() => plan({ format: 'markdown', output: [join(dir, 'r.html')] })).toThrow(/disagree/);
    expect(() => plan({ output: [join(dir, 'r.pdf')] })).toThrow(/cannot tell the format/);
    expect(() => planTargets('aggregate', { output: [join(dir, 'g.xml')] }, GROUP_FORMATS, 'text')).toThrow(/cannot write junit/);
    expect(() => plan({ output: [join(dir, 'r.json'), join(dir, 'x', '..', 'r.json')] })).toThrow(/more than once/);
    // The same file through a link to its folder.
    symlinkSync('.', join(dir, 'here'));
    expect(() => plan({ output: [join(dir, 'r.json'), join(dir, 'here', 'r.json')], force: true })).toThrow(/more than once/);
    writeFileSync(join(dir, 'taken.json'), '{}');
    expect(() => plan({ output: [join(dir, 'taken.json')] })).toThrow(InputError);
    expect(plan({ output: [join(dir, 'taken.json')], force: true })).toHaveLength(1);
    expect(() => plan({ output: [join(dir, 'no', 'such', 'r.json')] })).toThrow(/does not exist/);
    // A device would be replaced by a file: the null device alone discards (below).
    execFileSync('mkfifo', [join(dir, 'fifo')]);
    expect(() => plan({ output: [join(dir, 'fifo')], force: true })).toThrow(/not a regular file/);
  });
  it('takes -o /dev/null as a way to discard an output, with or without --force', () => {
    expect(plan({ output: ['/dev/null'] })).toEqual([{ file: '/dev/null', format: 'text' }]);
    expect(plan({ output: ['/dev/null', join(dir, 'r.json')], force: true })).toHaveLength(2);
  });
  it('never renames a file onto /dev/stdout or a link to a descriptor (it would replace the link itself)', () => {
    // /dev/stdout is a link to /proc/self/fd/1: with --force, a rename replaced it by a regular file.
    const link = join(dir, 'stdout');
    symlinkSync('/proc/self/fd/1', link);
    const chain = join(dir, 'chain');
    symlinkSync(link, chain);
    for (const file of [link, chain, '/dev/stdout', '/dev/fd/1', '/proc/self/fd/1']) expect(() => plan({ output: [file], force: true })).toThrow(/not a regular file/);
    // Only links of our own are given to a writer: should the guard fail, /dev/stdout stays safe.
    for (const file of [link, chain]) expect(() => writeFileAtomic(file, 'x', { force: true })).toThrow(/not a regular file/);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(lstatSync(chain).isSymbolicLink()).toBe(true);
  });
  it('writes a file whose name is as long as a name may be (its temporary name is cut, not refused)', () => {
    for (const name of [`${'x'.repeat(250)}.json`, `${'é'.repeat(125)}.json`, `${'🌞'.repeat(62)}.json`]) {
      const file = join(dir, name);
      writeFileAtomic(file, 'long\n');
      writeFileAtomic(file, 'again\n', { force: true });
      expect(fs.readFileSync(file, 'utf8')).toBe('again\n');
      expect(readdirSync(dir)).toEqual([name]);
      rmSync(file);
    }
  });
  it('writes no file in place of a FIFO or the null device, even with force', () => {
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    expect(() => writeFileAtomic(fifo, 'x', { force: true })).toThrow(/not a regular file/);
    expect(() => new StagedFile(fifo, true)).toThrow(/not a regular file/);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    writeFileAtomic('/dev/null', 'discarded', { force: true });
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['fifo']);
  });
  it('knows the extensions', () => {
    expect(['a.JSON', 'a.jsonl', 'a.junit.xml', 'a.xml', 'a.htm', 'a.markdown', 'a.yml', 'a'].map(formatOfFile)).toEqual(['json', 'ndjson', 'junit', 'junit', 'html', 'markdown', 'yaml', undefined]);
  });
});

const doc: Doc = {
  lang: 'en',
  title: 'T',
  blocks: [
    { kind: 'heading', level: 1, text: 'Title | with pipe' },
    {
      kind: 'table',
      caption: 'Scores',
      columns: [{ head: 'Dimension' }, { head: 'Mean', align: 'right' }, { head: '0–100', bar: true }],
      rows: [
        ['A very long dimension title that must wrap inside its column at narrow widths', '57.5', { bar: 57.5 }],
        ['x|y\nz', '5', { bar: null }],
      ],
    },
    { kind: 'list', items: [[{ text: 'link', href: 'javascript:alert(1)' }], [{ text: 'ok', href: 'https://example.org/a?b=1' }]] },
  ],
};

describe('blocks formatted per target', () => {
  it('text tables fit the width, with or without box drawing', () => {
    for (const width of [40, 60, 80, 120]) {
      const text = docToText(doc, { color: false, width });
      expect(Math.max(...text.split('\n').map(visibleWidth))).toBeLessThanOrEqual(width);
    }
    const ascii = docToText(doc, { color: false, width: 60, ascii: true });
    expect(ascii).not.toMatch(/[─│┌┐└┘├┤┬┴┼█░·▮]/);
    expect(ascii).toMatch(/^\+-+\+/m);
  });
  it('Markdown escapes | and line breaks and keeps only http(s) links', () => {
    const md = docToMarkdown(doc);
    expect(md).toContain('x\\|y z');
    expect(md).not.toContain('javascript:');
    expect(md).toContain('ok [↗](<https://example.org/a?b=1>)');
    expect(mdLink('x', 'data:text/html,<script>')).toBe('');
  });
  it('Markdown emphasis keeps the outer spaces of a span outside its delimiters (`_  (x)_` is no emphasis in CommonMark)', () => {
    const spaced: Doc = { lang: 'en', title: 't', blocks: [{ kind: 'paragraph', content: ['Mean: ', { text: '52 / 100', strong: true }, { text: '  (median 50)', emphasis: 'dim' }, { text: ' bold ', strong: true }] }] };
    expect(docToMarkdown(spaced)).toContain('Mean: **52 / 100**  _(median 50)_ **bold** ');
  });
  it('HTML has a caption on every table, no empty header, and no javascript: link', () => {
    const html = docToHtml(doc);
    expect(html).toContain('<caption>Scores</caption>');
    expect(html).not.toMatch(/<th[^>]*><\/th>/);
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<div class="table-wrap" tabindex="0" role="region" aria-label="Scores">');
  });
  it('a table narrower than its content wraps cells instead of overflowing', () => {
    const table = renderTable([{ head: 'Name' }, { head: 'n', align: 'right', fixed: true }], [['one two three four five six seven', '12345']], { width: 24 });
    expect(Math.max(...table.split('\n').map(visibleWidth))).toBeLessThanOrEqual(24);
    expect(table).toContain('12345');
  });
});

describe('one colour map', () => {
  it('gives every level the same hue in the terminal and in HTML, with AA contrast', () => {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
      return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
    };
    for (const tone of Object.values(TONES)) {
      const [a, b] = [luminance(tone.background), luminance(tone.text)].sort((x, y) => y - x);
      expect(((a ?? 0) + 0.05) / ((b ?? 0) + 0.05)).toBeGreaterThanOrEqual(4.5);
    }
    expect([0, 1, 2, 3].map((r) => levelTone(r, 4))).toEqual(['low', 'mid', 'good', 'high']);
    expect([0, 1, 2].map((r) => TONES[levelTone(r, 3)].ansi)).toEqual(['red', 'yellow', 'green']);
  });
});

describe('terminal width', () => {
  it('uses the terminal, else COLUMNS, else 80, never below 40', () => {
    expect(terminalWidth({ isTTY: true, columns: 132 }, {})).toBe(132);
    expect(terminalWidth({ isTTY: true, columns: 0 }, {})).toBe(80);
    expect(terminalWidth({ isTTY: true, columns: 0 }, { COLUMNS: '100' })).toBe(100);
    expect(terminalWidth({ isTTY: true, columns: 16 }, {})).toBe(40);
    expect(terminalWidth(undefined, { COLUMNS: 'x' })).toBe(80);
    // A renderer given the raw `columns` of a terminal under `script` (0) lays out at 80, not ~16.
    const text = docToText({ lang: 'en', title: '', blocks: [{ kind: 'paragraph', content: ['word '.repeat(40)] }] }, { color: false, width: 0 });
    expect(Math.max(...text.split('\n').map(visibleWidth))).toBeGreaterThan(60);
  });
});

describe('gates', () => {
  const thresholds = parseThresholds({ minScore: '50', min: ['a=60'], maxDrop: ['*=5'] }, ['a', 'b']);
  it('checks every threshold with its figures; a missing score fails a minimum', () => {
    const checks = checkScores({ overall: 55, dimensions: { a: null, b: 40 } }, thresholds, { overall: 60, dimensions: { a: 70, b: 41 } });
    expect(checks.map((c) => [c.option, c.value, c.pass])).toEqual([
      ['--min-score 50', 55, true],
      ['--min a=60', null, false],
      ['--max-drop *=5', null, false],
      ['--max-drop *=5', 40, true],
    ]);
    expect(gateExitCode({ failed: checks.filter((c) => !c.pass).length })).toBe(1);
    expect(gateExitCode({ failed: 0 })).toBe(0);
  });
  it('JUnit is well-formed whatever the names hold, with the right counts', () => {
    const stream = junitStream();
    const gate = (path: string, respondent: string, pass: boolean) => ({
      source: { path },
      respondent,
      checks: [{ kind: 'min-score' as const, target: 'overall', option: '--min-score 50', threshold: 50, value: pass ? 60 : 40, pass }],
    });
    const xml = stream.item(gate('a&b<c>.yaml', '"Zoé" \u0001 ]]>', true)) + stream.item(gate('a&b<c>.yaml', 'x', false)) + stream.item(gate('two.yaml', 'y', false)) + stream.end();
    const root = parseXml(xml);
    expect(root.children.map((s) => [s.attributes.name, s.attributes.tests, s.attributes.failures])).toEqual([
      ['a&b<c>.yaml', '2', '1'],
      ['two.yaml', '1', '1'],
    ]);
    expect(root.children[0]?.children[0]?.attributes.name).toBe('"Zoé"  ]]>: --min-score 50');
    expect(xmlEscape('\uFFFE\u0000ok')).toBe('ok');
    // A line feed or a tab in a file name stays one in the attribute (a parser turns a raw one into a space).
    const one = junitStream();
    const named = one.item(gate('a\nb\tc\r.yaml', 'z', true)) + one.end();
    expect(named).toContain('name="a&#10;b&#9;c&#13;.yaml"');
    expect(parseXml(named).children[0]?.attributes.name).toBe('a\nb\tc\r.yaml');
    expect(parseXml(junitStream().end()).children).toEqual([]);
  });
  it('Markdown shows a file name in a table cell as code: exact, on one line, without breaking the row', () => {
    expect(mdCodeCell('my_bank.yaml:3:1')).toBe('`my_bank.yaml:3:1`');
    expect(mdCodeCell('a|b`c.yaml')).toBe("`a\\|b'c.yaml`");
    expect(mdCodeCell('n\nl|x\u001b[2J.yaml')).toBe('`"n\\nl\\|x\\u001b[2J.yaml"`');
    const row = summaryRow(reportFrom(bankFrom(miniBank({})), { q1: 3 }), 1, { path: 'cc/n\nl|<b>\u001b[31m.yaml' }, []);
    expect(row.split('\n')).toEqual([expect.any(String), '']);
    expect(row).not.toContain('\u001b');
    // `|` only as the row's own separators, and the escaped one in the name.
    expect(row.replace(/\\\|/g, '').match(/\|/g)).toHaveLength(6);
  });
  it('JUnit holds at most maxCases test cases: a big file goes on in further suites of the same name, every case kept once', () => {
    const stream = junitStream(3);
    const check = (pass: boolean) => ({ kind: 'min-score' as const, target: 'overall', option: '--min-score 50', threshold: 50, value: pass ? 60 : 40, pass });
    const gate = (path: string, respondent: string, checks: ReturnType<typeof check>[]) => ({ source: { path }, respondent, checks });
    let xml = '';
    for (let i = 0; i < 4; i++) xml += stream.item(gate('big.ndjson', `r${i}`, [check(i % 2 === 0), check(true)]));
    xml += stream.item(gate('small.yaml', 's', [])) + stream.end();
    const root = parseXml(xml);
    expect(root.children.map((s) => [s.attributes.name, s.attributes.tests, s.attributes.failures])).toEqual([
      ['big.ndjson', '3', '1'],
      ['big.ndjson', '3', '0'],
      ['big.ndjson', '2', '1'],
      ['small.yaml', '1', '0'],
    ]);
    expect(root.children.flatMap((s) => s.children.map((c) => c.attributes.name))).toEqual([
      ...['r0', 'r1', 'r2', 'r3'].flatMap((r) => [`${r}: --min-score 50`, `${r}: --min-score 50`]),
      's: scored',
    ]);
  });
});
