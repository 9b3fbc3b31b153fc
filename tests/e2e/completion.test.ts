import { describe, expect, it } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, diag } from './run-cli.js';

const has = (shell: string) => spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'diag-completion-'));

function script(shell: string): string {
  const r = diag(['completion', shell]);
  expect(r.code).toBe(0);
  expect(r.stderr).toBe('');
  const file = join(dir, `diag.${shell}`);
  writeFileSync(file, r.stdout);
  return file;
}

/** What bash offers for the words typed so far (the last one is being completed). */
function bashComplete(file: string, words: string[]): string[] {
  const quoted = words.map((w) => `'${w}'`).join(' ');
  const r = spawnSync('bash', ['-c', `source '${file}'; COMP_WORDS=(${quoted}); COMP_CWORD=${words.length - 1}; _diag; printf '%s\\n' "\${COMPREPLY[@]}"`], { encoding: 'utf8', cwd: dir });
  expect(r.stderr).toBe('');
  return r.stdout.split('\n').filter(Boolean);
}

describe('diag completion', () => {
  it('bash: the script parses and completes commands, options, formats and bank ids', () => {
    const file = script('bash');
    expect(spawnSync('bash', ['-n', file]).status).toBe(0);
    expect(bashComplete(file, ['diag', 'sc'])).toEqual(['score']);
    expect(bashComplete(file, ['diag', ''])).toEqual(expect.arrayContaining(['run', 'score', 'aggregate', 'completion', '--version']));
    expect(bashComplete(file, ['diag', 'score', '-f', ''])).toEqual(['text', 'json', 'ndjson', 'markdown', 'csv', 'html', 'junit']);
    expect(bashComplete(file, ['diag', 'aggregate', '--format', ''])).toContain('csv');
    expect(bashComplete(file, ['diag', 'score', '--min'])).toEqual(['--min-score', '--min']);
    expect(bashComplete(file, ['diag', 'run', '--bank', 'tr'])).toContain('transformation');
    expect(bashComplete(file, ['diag', 'template', '--lang', ''])).toEqual(['fr', 'en']);
  });

  it.each(['zsh', 'fish'])('%s: the script parses (skipped when the shell is absent)', (shell) => {
    const file = script(shell);
    if (!has(shell)) return void console.warn(`${shell} not installed: only generated, not parsed`);
    const r = spawnSync(shell, ['-n', file], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('fish: offers the formats of a command', () => {
    if (!has('fish')) return void console.warn('fish not installed');
    const r = spawnSync('fish', ['-c', `source '${script('fish')}'; complete -C 'diag score --format '`], { encoding: 'utf8' });
    expect(r.stdout.split('\n').map((l) => l.split('\t')[0])).toEqual(expect.arrayContaining(['text', 'json', 'html']));
  });

  it('refuses an unknown shell with exit 2', () => {
    const r = diag(['completion', 'tcsh']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('tcsh');
  });

  it('a full disk on stdout is exit 2 with one line; a closed pipe is exit 0 and silent', async () => {
    for (const shell of ['bash', 'zsh', 'fish']) {
      if (existsSync('/dev/full')) {
        const full = openSync('/dev/full', 'w');
        const r = spawnSync(process.execPath, [BIN, 'completion', shell], { env: { ...process.env, LANG: 'C', LC_ALL: '' }, stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
        closeSync(full);
        expect(r.stderr).toMatch(/^diag: cannot write to standard output: ENOSPC[^\n]*\n$/);
        expect(r.status).toBe(2);
      }
      const closed = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [BIN, 'completion', shell], { stdio: ['ignore', 'pipe', 'pipe'] });
        child.stdout.destroy();
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('close', (code) => resolve({ code, stderr }));
      });
      expect(closed).toEqual({ code: 0, stderr: '' });
    }
  });
});
