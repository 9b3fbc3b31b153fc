import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../src/cli/errors.js';
import { fileNamePart } from '../../src/cli/paths.js';
import { lockProgress } from '../../src/cli/progress-lock.js';
import { readProgress, reconcileProgress, savedAt, setAsideProgress, type Progress } from '../../src/cli/progress.js';
import { WARNINGS_EN, WARNINGS_FR } from '../../src/cli/i18n-errors.js';
import { validateBank, wordProblem, type Bank } from '../../src/core/index.js';
import { FRENCH_PROBLEMS } from '../../src/cli/i18n-problems.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'diag-progress-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const describeOwner = (o: { pid: number; since: string }) => `held by ${o.pid} since ${o.since}`;

describe('lockProgress', () => {
  it('refuses a second lock at once, naming the process and since when, and changes nothing', () => {
    const file = join(dir, 'a.progress.json');
    writeFileSync(file, '{"saved": true}\n');
    const first = lockProgress(file, describeOwner, new Date('2026-12-01T08:00:00Z'));
    // Another live process holds it: this one, seen from a second lock call.
    expect(() => lockProgress(file, describeOwner)).toThrow(new InputError(`held by ${process.pid} since 2026-12-01T08:00:00.000Z`));
    expect(readFileSync(file, 'utf8')).toBe('{"saved": true}\n');
    first.release();
    expect(existsSync(`${file}.lock`)).toBe(false);
    lockProgress(file, describeOwner).release();
  });
  it('refuses a lock held by another running process', async () => {
    const file = join(dir, 'b.progress.json');
    const child = spawn('sleep', ['30']);
    try {
      writeFileSync(`${file}.lock`, JSON.stringify({ pid: child.pid, host: hostname(), since: '2026-12-01T07:00:00.000Z' }));
      expect(() => lockProgress(file, describeOwner)).toThrow(`held by ${child.pid} since 2026-12-01T07:00:00.000Z`);
    } finally {
      child.kill();
    }
  });
  it('takes over a stale lock of a process that is no longer running, or an unreadable lock', () => {
    const file = join(dir, 'c.progress.json');
    const dead = spawnSync('true').pid;
    writeFileSync(`${file}.lock`, JSON.stringify({ pid: dead, host: hostname(), since: '2026-12-01T07:00:00.000Z' }));
    const lock = lockProgress(file, describeOwner);
    expect(JSON.parse(readFileSync(`${file}.lock`, 'utf8')).pid).toBe(process.pid);
    lock.release();
    writeFileSync(`${file}.lock`, 'garbage');
    lockProgress(file, describeOwner).release();
  });
  it('never releases a lock that another run took over', () => {
    const file = join(dir, 'd.progress.json');
    const lock = lockProgress(file, describeOwner);
    writeFileSync(`${file}.lock`, JSON.stringify({ pid: 1, host: hostname(), since: '' }));
    lock.release();
    expect(existsSync(`${file}.lock`)).toBe(true);
  });
});

function bank(ageOptions: string[], version: string): Bank {
  const result = validateBank({
    id: 'b',
    version,
    languages: ['en'],
    title: 'B',
    dimensions: [{ id: 'd', title: 'D' }],
    levels: [{ id: 'l', min: 0, label: 'L' }],
    profile: [{ id: 'age', type: 'single', text: 'Age?', options: ageOptions.map((value) => ({ value, label: value })) }],
    questions: [
      { id: 'q1', type: 'boolean', dimension: 'd', text: 'Q1?' },
      { id: 'q2', type: 'number', dimension: 'd', min: 0, max: 10, text: 'Q2?' },
    ],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

describe('reconcileProgress', () => {
  const saved: Progress = { bank: 'b', bankVersion: '1.0.0', lang: 'en', startedAt: '', updatedAt: '', answers: { age: '45+', q1: true, gone: 3 } };
  it('keeps what the changed bank accepts, drops the rest with its reason', () => {
    const { progress, dropped, bankChanged } = reconcileProgress(bank(['18-44', '45-64'], '1.1.0'), saved);
    expect(bankChanged).toBe(true);
    expect(progress.answers).toEqual({ q1: true });
    expect(progress.bankVersion).toBe('1.1.0');
    expect(dropped.map((d) => d.id).sort()).toEqual(['age', 'gone']);
    expect(dropped.find((d) => d.id === 'age')?.reason).toContain('"45+" is not an option');
    // The reason as data, for a French survey to word it in French (it was shown in English).
    const text = dropped.find((d) => d.id === 'age')?.text;
    expect(text === undefined ? '' : wordProblem(text, FRENCH_PROBLEMS())).toContain('"45+" n’est pas une option');
  });
  it('changes nothing when the bank still accepts every answer (missing ones are asked later)', () => {
    const { progress, dropped, bankChanged } = reconcileProgress(bank(['45+'], '1.0.0'), { ...saved, answers: { age: '45+' } });
    expect({ dropped, bankChanged, answers: progress.answers }).toEqual({ dropped: [], bankChanged: false, answers: { age: '45+' } });
  });
});

describe('fileNamePart', () => {
  it('keeps letters and digits of any script, without accents, in lower case', () => {
    expect(fileNamePart('Élodie Müller')).toBe('elodie-muller');
    expect(fileNamePart('  李 小龍 ')).toBe('李-小龍');
    expect(fileNamePart('a/../b\u202e')).toBe('a-b');
  });
  it('cuts a long pseudonym to the byte limit, at a character boundary, with a hash that keeps two apart', () => {
    const long = 'x'.repeat(300);
    expect(Buffer.byteLength(fileNamePart(long))).toBeLessThanOrEqual(60);
    expect(fileNamePart(long)).not.toBe(fileNamePart(`${long}y`));
    const wide = '龍'.repeat(100); // 3 bytes each
    const cut = fileNamePart(wide);
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(60);
    expect(cut).toMatch(/^龍+-[0-9a-z]{7}$/);
  });
});

describe('savedAt: when a paused survey was last saved, for the resume question', () => {
  const base: Progress = { bank: 'b', bankVersion: '1', lang: 'en', startedAt: '2026-01-02T03:04:05.000Z', updatedAt: '2026-01-03T03:04:05.000Z', answers: {} };
  it('is updatedAt, else startedAt, else the time of the file: never an Invalid Date', () => {
    const dir = mkdtempSync(join(tmpdir(), 'diag-saved-at-'));
    try {
      const file = join(dir, 'b.progress.json');
      writeFileSync(file, '{}');
      expect(savedAt(base, file).toISOString()).toBe('2026-01-03T03:04:05.000Z');
      expect(savedAt({ ...base, updatedAt: 'y' }, file).toISOString()).toBe('2026-01-02T03:04:05.000Z');
      const fallback = savedAt({ ...base, startedAt: 'x', updatedAt: '' }, file);
      expect(Number.isNaN(fallback.getTime())).toBe(false);
      expect(Math.abs(fallback.getTime() - Date.now())).toBeLessThan(60_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('readProgress and setAsideProgress: a progress file that cannot be used is said and kept', () => {
  const good = { bank: 'b', bankVersion: '1', lang: 'en', startedAt: '', updatedAt: '', answers: { q1: true } };
  it.each<[string, string, unknown]>([
    ['not JSON', '{bad json', { kind: 'json' }],
    ['empty', '', { kind: 'json' }],
    ['a list', '[]', { kind: 'shape' }],
    ['no answers', '{"bank": "b"}', { kind: 'shape' }],
    ['answers not a mapping', '{"bank": "b", "answers": [1]}', { kind: 'shape' }],
    ['no bank', '{"answers": {}}', { kind: 'shape' }],
    ['of another bank', '{"bank": "other", "answers": {"q1": true}}', { kind: 'bank', bank: 'other' }],
  ])('%s', (_name, text, problem) => {
    const file = join(dir, 'corrupt.progress.json');
    writeFileSync(file, text);
    expect(readProgress(file, 'b')).toEqual({ corrupt: problem });
    rmSync(file);
  });
  it('reads a good file, and says when there is none', () => {
    const file = join(dir, 'good.progress.json');
    expect(readProgress(file, 'b')).toEqual({ none: true });
    writeFileSync(file, JSON.stringify(good));
    expect(readProgress(file, 'b')).toEqual({ progress: good });
    rmSync(file);
  });
  it('says a folder in its place cannot be read', () => {
    const file = join(dir, 'folder.progress.json');
    mkdirSync(file);
    expect(readProgress(file, 'b')).toEqual({ corrupt: { kind: 'unreadable', reason: { code: 'EISDIR', message: 'is a folder, not a file' } } });
    // Set aside, a folder keeps its mode: 0600 would close it to its owner too.
    const mode = statSync(file).mode & 0o777;
    const aside = setAsideProgress(file);
    expect('kept' in aside && statSync(aside.kept).isDirectory() && (statSync(aside.kept).mode & 0o777) === mode).toBe(true);
    if ('kept' in aside) rmSync(aside.kept, { recursive: true });
  });
  it('renames the file NAME.corrupt-TIMESTAMP, for its owner only, never over an earlier one', () => {
    const aside = mkdtempSync(join(dir, 'aside-'));
    const file = join(aside, 'b.progress.json');
    const when = new Date('2026-12-01T15:30:00.123Z');
    writeFileSync(file, '{"answers": {"q1": tru', { mode: 0o644 });
    expect(setAsideProgress(file, when)).toEqual({ kept: `${file}.corrupt-20261201T153000Z` });
    writeFileSync(file, 'second');
    expect(setAsideProgress(file, when)).toEqual({ kept: `${file}.corrupt-20261201T153000Z-2` });
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(aside).sort()).toEqual(['b.progress.json.corrupt-20261201T153000Z', 'b.progress.json.corrupt-20261201T153000Z-2']);
    expect(readFileSync(`${file}.corrupt-20261201T153000Z`, 'utf8')).toBe('{"answers": {"q1": tru');
    expect(statSync(`${file}.corrupt-20261201T153000Z`).mode & 0o777).toBe(0o600);
  });
  it('sets a link aside as a link: what it points to keeps its mode, and a dangling link is never renamed over', () => {
    const aside = mkdtempSync(join(dir, 'link-'));
    const elsewhere = join(aside, 'bashrc');
    writeFileSync(elsewhere, 'export PATH=/bin', { mode: 0o644 });
    chmodSync(elsewhere, 0o644);
    const file = join(aside, 'b.progress.json');
    symlinkSync(elsewhere, file);
    expect(readProgress(file, 'b')).toEqual({ corrupt: { kind: 'json' } });
    const when = new Date('2026-12-01T15:30:00Z');
    // A link to nothing already bears the first name: it is a name taken, not one to replace.
    symlinkSync(join(aside, 'nothing'), `${file}.corrupt-20261201T153000Z`);
    expect(setAsideProgress(file, when)).toEqual({ kept: `${file}.corrupt-20261201T153000Z-2` });
    expect(lstatSync(`${file}.corrupt-20261201T153000Z-2`).isSymbolicLink()).toBe(true);
    expect(lstatSync(`${file}.corrupt-20261201T153000Z`).isSymbolicLink()).toBe(true);
    // It became 0600 when chmod followed the link.
    expect(statSync(elsewhere).mode & 0o777).toBe(0o644);
    expect(readFileSync(elsewhere, 'utf8')).toBe('export PATH=/bin');
  });
  it('reads a FIFO in its place as a file that cannot be used, without waiting for a writer', () => {
    const aside = mkdtempSync(join(dir, 'fifo-'));
    const file = join(aside, 'b.progress.json');
    execFileSync('mkfifo', [file]);
    // Should the read wait for a writer, this one comes in 2 s with a good progress: the test
    // then fails on what is read instead of hanging the whole run.
    const writer = spawn('sh', ['-c', `sleep 2; printf '{"bank":"b","answers":{}}' > ${JSON.stringify(file)}`], { stdio: 'ignore' });
    try {
      expect(readProgress(file, 'b')).toEqual({ corrupt: { kind: 'json' } });
    } finally {
      writer.kill('SIGKILL');
    }
    const kept = setAsideProgress(file);
    expect('kept' in kept && lstatSync(kept.kept).isFIFO()).toBe(true);
    expect(existsSync(file)).toBe(false);
  });
  it('says why when the file cannot be set aside', () => {
    const file = join(dir, 'missing', 'b.progress.json');
    expect(setAsideProgress(file)).toEqual({ failed: { code: 'ENOENT', message: 'no such file' } });
  });
  it('words the warning in English and French, naming the file, what is wrong and where it is kept', () => {
    const kept = '/s/b.progress.json.corrupt-20261201T153000Z';
    expect(WARNINGS_EN().corruptProgress({ file: '/s/b.progress.json', problem: { kind: 'json' }, kept })).toBe(
      `/s/b.progress.json: the saved progress cannot be used (not valid JSON); kept as ${kept}; starting afresh`,
    );
    expect(WARNINGS_FR().corruptProgress({ file: '/s/b.progress.json', problem: { kind: 'bank', bank: 'other' }, kept })).toBe(
      `/s/b.progress.json : la progression enregistrée est inutilisable (progression du questionnaire other) ; gardée sous ${kept} ; on recommence`,
    );
    expect(WARNINGS_EN().corruptProgress({ file: 'f', problem: { kind: 'shape' }, failed: { code: 'EACCES', message: 'permission denied' } })).toBe(
      'f: the saved progress cannot be used (not a progress file of diag run); it could not be set aside (permission denied) and will be replaced; starting afresh',
    );
  });
});
