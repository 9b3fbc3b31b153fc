import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { Command } from 'commander';
import * as table from '../../src/cli/commands-table.js';
import type { Define } from '../../src/cli/commands-table.js';
import { program } from '../../src/cli/program.js';
import { quickLine } from '../../src/cli/quick-args.js';

/**
 * A command line read without commander (src/cli/quick-args.ts) must give the very arguments and
 * options commander gives, and a line commander refuses must never be read there: checked here
 * on generated lines of every command, against commander itself, run on the same definitions.
 */
const NAMES = ['run', 'workshop', 'score', 'report', 'aggregate', 'compare', 'explain', 'validate', 'rescore', 'lint', 'template'] as const;
const DEFINES = table as unknown as Record<string, Define>;

type Parsed = { ok: true; args: unknown[] } | { ok: false };

/** What commander makes of `argv`: the arguments its action gets (the command object aside), or a refusal. */
async function commander(name: string, argv: string[]): Promise<Parsed> {
  const define = DEFINES[name];
  if (define === undefined) throw new Error(name);
  const diag = await program(argv, { [name]: define });
  let got: unknown[] | undefined;
  const silence = (c: Command) => c.configureOutput({ writeOut: () => undefined, writeErr: () => undefined, outputError: () => undefined });
  silence(diag);
  for (const sub of diag.commands) {
    silence(sub);
    sub.action((...args: unknown[]) => {
      got = args.slice(0, -1);
    });
  }
  // The root's preAction hook reads DIAG_MAX_FILE_SIZE: left as the environment has it.
  try {
    await diag.parseAsync(argv);
  } catch {
    return { ok: false };
  }
  return got === undefined ? { ok: false } : { ok: true, args: got };
}

function quick(name: string, argv: string[]): Parsed {
  const define = DEFINES[name];
  if (define === undefined) throw new Error(name);
  const line = quickLine(argv, define);
  return line === undefined ? { ok: false } : { ok: true, args: [...line.args, line.options] };
}

/** The flags of a command, from commander's own definition of it. */
async function flagsOf(name: string): Promise<string[]> {
  const define = DEFINES[name];
  if (define === undefined) throw new Error(name);
  const diag = await program(['node', 'diag', name], { [name]: define });
  const sub = diag.commands.find((c) => c.name() === name);
  return (sub?.options ?? []).flatMap((o) => [o.long, o.short].filter((f): f is string => f !== undefined));
}

const VALUES = ['json', 'text', 'csv', 'html', 'ndjson', 'markdown', 'junit', 'nope', 'fr', 'en', '5', '0', '1', '2000', 'async=50', '*=40', 'a.yaml', 'b.json', 'r.ndjson', 'out.html', 'dir/', 'role', ',', ';', 'tab', '', '-', '--', '-x', '-5', 'help', '--help', '-h', '--max-file-size', '--version', '-V'];

describe('quick-args: a plain command line read without commander', () => {
  it('reads the lines scripts and CI use most', () => {
    const read = (name: string, line: string) => quick(name, ['node', 'diag', name, ...line.split(' ')]).ok;
    expect(read('score', 'a.yaml')).toBe(true);
    expect(read('score', 'a.yaml --format json')).toBe(true);
    expect(read('score', 'answers/ -f csv -o out.csv --force --min-score 50')).toBe(true);
    expect(read('aggregate', 'answers/ --by role --min-group 7 --format=json')).toBe(true);
    expect(read('report', 'r.json -o r.html -o r.md')).toBe(true);
    expect(read('compare', 'old.json new.json')).toBe(true);
    expect(read('validate', 'bank.yaml -q')).toBe(true);
    // …and leaves the rest to commander.
    expect(read('score', 'a.yaml --help')).toBe(false);
    expect(read('score', 'a.yaml -fjson')).toBe(false);
    expect(read('score', 'a.yaml --format nope')).toBe(false);
    expect(read('score', '-')).toBe(false);
    expect(read('score', '-- a.yaml')).toBe(false);
    expect(read('compare', 'only-one.json')).toBe(false);
    expect(read('compare', 'a b c')).toBe(false);
  });

  it.each(NAMES)('diag %s: every line it reads, commander reads the same; every line commander refuses, it leaves', async (name) => {
    const flags = await flagsOf(name);
    expect(flags.length).toBeGreaterThan(0);
    const token = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...flags) },
      { weight: 2, arbitrary: fc.constantFrom(...flags.filter((f) => f.startsWith('--'))).chain((f) => fc.constantFrom(...VALUES).map((v) => `${f}=${v}`)) },
      { weight: 4, arbitrary: fc.constantFrom(...VALUES) },
      { weight: 1, arbitrary: fc.constantFrom('--unknown', '--no-such', '-z', '--no-color', '--no-norms', '--norms') },
    );
    let read = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(token, { maxLength: 7 }), async (tokens) => {
        const argv = ['node', 'diag', name, ...tokens];
        const fast = quick(name, argv);
        if (!fast.ok) return;
        read++;
        const slow = await commander(name, argv);
        expect(slow).toEqual(fast);
      }),
      { numRuns: Number(process.env.QUICK_ARGS_RUNS ?? 800), seed: 20261201 },
    );
    // The generator does reach lines that are read here, or the property says nothing.
    expect(read).toBeGreaterThan(10);
  });

  it('gives the defaults commander gives when no option is given (negations, default values)', async () => {
    for (const [name, line] of [['score', ['a.yaml']], ['aggregate', ['dir/']], ['lint', []], ['explain', ['r.json']], ['workshop', ['dir']], ['run', []]] as const) {
      const argv = ['node', 'diag', name, ...line];
      expect(quick(name, argv)).toEqual(await commander(name, argv));
    }
  });
});
