import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { validateBank, type Bank, type Problem } from '../core/index.js';
import { errorText, InputError } from './errors.js';
import { messages, type Readable } from './i18n.js';
import { readBoundedSync } from './bounded-read.js';
import { compiledBank } from './compiled-banks.js';
import { BUNDLED_BANKS } from './paths.js';
import { formatProblem, parseSource, type Source } from './source.js';

export const DEFAULT_BANK_ID = 'transformation';
const BANK_EXTENSIONS = ['.yaml', '.yml', '.json'];

export interface LoadedBank {
  bank: Bank;
  file: string;
  source: Source;
  warnings: string[];
}

export function readTextFile(file: string, what: Readable): string {
  return readBoundedSync(file, what);
}

/** The ids of the banks bundled in questions/. */
export function bundledIds(): string[] {
  try {
    return readdirSync(BUNDLED_BANKS)
      .filter((f) => BANK_EXTENSIONS.some((e) => f.endsWith(e)))
      .map((f) => f.replace(/\.(ya?ml|json)$/, ''));
  } catch {
    return [];
  }
}

/** The file of the bank bundled in questions/ under this id, if there is one. */
export function bundledBankPath(id: string): string | undefined {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) return undefined;
  return BANK_EXTENSIONS.map((extension) => join(BUNDLED_BANKS, `${id}${extension}`)).find((file) => existsSync(file));
}

/** `--bank FILE_OR_ID`: an existing path first, else a bank bundled in questions/ by id. */
export function resolveBankPath(spec: string | undefined): string {
  const wanted = spec ?? DEFAULT_BANK_ID;
  if (spec !== undefined && existsSync(spec)) return spec;
  const bundled = bundledBankPath(wanted);
  if (bundled !== undefined) return bundled;
  const ids = bundledIds();
  throw new InputError(errorText('noBank', { name: wanted }), [messages().error.bundledBanks({ ids })]);
}

/** Problems as `file:line:col: path: message` lines. */
export function formatProblems(source: Source, problems: readonly Problem[], showPath = true): string[] {
  return problems.map((p) => formatProblem(source, p, { showPath }));
}

/** A bank's source that reads and parses its file only if its data or a position is asked for (to point at a problem). */
function lazySource(file: string): Source {
  let parsed: Source | undefined;
  const source = (): Source => (parsed ??= parseSource(file, readTextFile(file, 'bank')));
  return {
    name: file,
    file,
    get data() {
      return source().data;
    },
    locate: (path) => source().locate(path),
  };
}

/** Reads, parses and validates a bank; any problem is an InputError listing all of them. */
export function loadBank(spec: string | undefined): LoadedBank {
  const file = resolveBankPath(spec);
  const compiled = dirname(resolve(file)) === BUNDLED_BANKS ? compiledBank(file) : undefined;
  if (compiled !== undefined) {
    const source = lazySource(file);
    return { bank: compiled.bank, file, source, warnings: formatProblems(source, compiled.warnings) };
  }
  const source = parseSource(file, readTextFile(file, 'bank'));
  const result = validateBank(source.data);
  const warnings = formatProblems(source, result.warnings);
  if (!result.ok) {
    const count = result.errors.length;
    throw new InputError(errorText('invalidBank', { file, count }), [...formatProblems(source, result.errors), ...warnings.map((w) => `${messages().warning}${messages().colon}${w}`)]);
  }
  return { bank: result.value, file, source, warnings };
}
