import { fstatSync, readdirSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { STDIN } from './bounded-read.js';
import type { OutputOptions } from './deliver.js';
import { errorText, InputError } from './errors.js';
import { resolveBankPath } from './load-bank.js';
import { readInFolder } from './read-inputs.js';

/** A file a command writes, with the option that names it (`-o`, `--gate-report`, `--norms-out`). */
export interface NamedOutput {
  option: string;
  file: string;
}

/** The files of `-o` (standard output `-` aside) and the other outputs given, in that order. */
export function outputFiles(options: Pick<OutputOptions, 'output'>, extra: ReadonlyArray<NamedOutput | undefined> = []): NamedOutput[] {
  const outputs = options.output === undefined ? [] : Array.isArray(options.output) ? options.output : [options.output];
  return [...outputs.filter((o) => o !== '-').map((file) => ({ option: '-o', file })), ...extra.filter((o): o is NamedOutput => o !== undefined)];
}

/** The file a `--bank` names (a path, or a bundled bank's file); undefined when there is none (loading it will say so). */
export function bankInput(spec: string | undefined): string | undefined {
  if (spec === undefined) return undefined;
  try {
    return resolveBankPath(spec);
  } catch {
    return undefined;
  }
}

function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

const same = (a: Stats, b: Stats) => a.dev === b.dev && a.ino === b.ino;

/** Whether two names are one file (device and inode: a link, `./a.json`); false when either cannot be read. */
export function sameFile(a: string, b: string): boolean {
  if (a === b) return true;
  const [x, y] = [statOf(a), statOf(b)];
  return x !== undefined && y !== undefined && same(x, y);
}

/** Standard input when it is a file (`diag report - -o r.json < r.json`): a pipe or a terminal is no file to replace. */
function stdinFile(): Stats | undefined {
  try {
    const stat = fstatSync(0);
    return stat.isFile() ? stat : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether a folder given as input reads the output: a file of that folder under a name it reads,
 * whether it exists yet or not (written now, it would be read as an input by the next run), or a
 * file the folder reaches through a link of its own or another hard link to it.
 */
function readByFolder(file: string, out: Stats | undefined, folder: string, stat: Stats): boolean {
  if (out !== undefined && !out.isFile()) return false;
  const parent = statOf(dirname(file));
  if (parent !== undefined && same(parent, stat)) return readInFolder(basename(file));
  if (out === undefined) return false;
  let entries: Array<{ name: string; isFile(): boolean; isSymbolicLink(): boolean }>;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return false;
  }
  // Only links, and files when the output has other names: no stat for every file of a big folder.
  for (const entry of entries) {
    if (!readInFolder(entry.name) || !(entry.isSymbolicLink() || (out.nlink > 1 && entry.isFile()))) continue;
    const read = statOf(join(folder, entry.name));
    if (read !== undefined && same(read, out)) return true;
  }
  return false;
}

/**
 * Refuses an output that is one of the inputs before anything is read: with --force it would
 * replace the answers, report or bank it was made from (`diag score a.json -o a.json --force`).
 * An existing output is compared by device and inode, which also catches `./a.json`, a hard link
 * and a symbolic link; a file in a folder given as input counts when the folder would read it
 * (see readByFolder). Another output that does not exist yet is compared by its resolved path.
 */
export function refuseOutputsOverInputs(outputs: readonly NamedOutput[], inputs: ReadonlyArray<string | undefined>): void {
  const given = inputs.filter((i): i is string => i !== undefined);
  if (outputs.length === 0 || given.length === 0) return;
  const inputStats = given.map((input) => ({ input, stat: input === STDIN ? stdinFile() : statOf(input) }));
  for (const { option, file } of outputs) {
    const out = statOf(file);
    // The null device discards, a device or a FIFO is refused when written: none replaces an input.
    if (out !== undefined && !out.isFile() && !out.isDirectory()) continue;
    for (const { input, stat } of inputStats) {
      if (input === STDIN && (stat === undefined || out === undefined)) continue;
      const folder = stat?.isDirectory() === true;
      let clash: boolean;
      if (folder) clash = readByFolder(file, out, input, stat);
      else if (out === undefined || stat === undefined) clash = out === undefined && stat === undefined && resolve(file) === resolve(input);
      else clash = same(out, stat);
      if (clash) throw new InputError(errorText('outputIsInput', { option, file, ...(input === file ? {} : { input }), folder }));
    }
  }
}
