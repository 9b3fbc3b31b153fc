import type { Command } from 'commander';
import type { Define } from './commands-table.js';

/**
 * A command line read without commander, when it is plain enough to be sure of what commander
 * would make of it: the command's own arguments and options, each option in its plain form
 * (`--format json`, `--format=json`, `-f json`, `--force`, `--no-color`), with a value that is
 * not empty and does not start with `-`, a choice among the option's choices. Anything else
 * (help, a short option with its value glued on, `--`, `-` for standard input, an option of
 * diag itself such as `--max-file-size`, an unknown option, a missing or extra argument…)
 * returns undefined and goes to commander, which also words every usage error.
 *
 * Setting up commander for a command costs a short run about a sixth of its time (its module,
 * the program, two dozen options, the parse: 10 M instructions of `diag score one.yaml`'s 123 M).
 * What commander would give is read off the command's own definition (commands-table.ts), run on
 * a recorder instead of a commander Command, so there is one definition of every command;
 * tests/cli/quick-args.test.ts checks, on generated command lines of every command, that a line
 * read here gives the very arguments and options commander gives, and that a line commander
 * refuses is never read here.
 */
export interface QuickLine {
  /** The command's action, as its definition gave it to commander. */
  action: (...args: unknown[]) => unknown;
  /** The arguments the action takes before the options, as commander passes them. */
  args: unknown[];
  options: Record<string, unknown>;
}

interface OptionSpec {
  short: string | undefined;
  long: string;
  attribute: string;
  /** `<value>` after the flags; an optional `[value]` is left to commander. */
  takesValue: boolean;
  optionalValue: boolean;
  negate: boolean;
  choices: readonly string[] | undefined;
  parseArg: ((value: string, previous: unknown) => unknown) | undefined;
  defaultValue: unknown;
}

interface ArgumentSpec {
  required: boolean;
  variadic: boolean;
}

interface Spec {
  options: OptionSpec[];
  args: ArgumentSpec[];
  action: ((...args: unknown[]) => unknown) | undefined;
}

/** commander's attribute name of a long flag: `--csv-delimiter` → csvDelimiter, `--no-color` → color. */
function attributeOf(long: string): string {
  const name = long.startsWith('--no-') ? long.slice('--no-'.length) : long.slice('--'.length);
  // indexOf and slices, not a replace with a regular expression and a callback: two dozen options
  // are read at every start of a short command.
  let dash = name.indexOf('-');
  if (dash < 0) return name;
  let out = name.slice(0, dash);
  while (dash >= 0) {
    const next = name.indexOf('-', dash + 1);
    const part = name.slice(dash + 1, next < 0 ? name.length : next);
    // `a--b` keeps a dash, as commander's /-([^-])/ does.
    out += part === '' ? '-' : part.charAt(0).toUpperCase() + part.slice(1);
    dash = next;
  }
  return out;
}

/** Whether a flag string's character at i separates words (a space, a comma or a bar). */
function separates(flags: string, i: number): boolean {
  const c = flags.charCodeAt(i);
  return c === 32 || c === 44 || c === 124;
}

/** An option's flags as commander reads them: `-f, --format <format>`, `--no-color`, `--min <dim=n>`. */
function optionSpec(flags: string, third?: unknown, fourth?: unknown): OptionSpec {
  let short: string | undefined;
  let long: string | undefined;
  let value = '';
  let names = 0;
  // Words separated by spaces, commas or bars; the names first, then the value's placeholder.
  // Found by hand: a split on a regular expression allocated ~10 KB at every start.
  for (let i = 0; i < flags.length; ) {
    if (separates(flags, i)) {
      i++;
      continue;
    }
    const from = i;
    while (i < flags.length && !separates(flags, i)) i++;
    const word = flags.slice(from, i);
    if (value === '' && word.startsWith('-')) {
      names++;
      if (word.startsWith('--')) long ??= word;
      else if (word.length === 2) short ??= word;
    } else value = value === '' ? word : `${value} ${word}`;
  }
  if (long === undefined || names !== (short === undefined ? 1 : 2)) throw new Error(`flags not understood: ${flags}`);
  const parseArg = typeof third === 'function' ? (third as OptionSpec['parseArg']) : undefined;
  return {
    short,
    long,
    attribute: attributeOf(long),
    takesValue: value.startsWith('<'),
    optionalValue: value.startsWith('['),
    negate: long.startsWith('--no-'),
    choices: undefined,
    parseArg,
    defaultValue: parseArg === undefined ? third : fourth,
  };
}

/** The few commander calls a definition makes, recorded; any other call throws, and the line goes to commander. */
class Recorder {
  readonly spec: Spec = { options: [], args: [], action: undefined };
  command(): this {
    return this;
  }
  description(): this {
    return this;
  }
  addHelpText(): this {
    return this;
  }
  argument(name: string): this {
    this.spec.args.push({ required: name.startsWith('<'), variadic: /\.\.\.[>\]]$/.test(name) });
    return this;
  }
  option(flags: string, _description?: string, third?: unknown, fourth?: unknown): this {
    this.spec.options.push(optionSpec(flags, third, fourth));
    return this;
  }
  addOption(option: RecordedOption): this {
    this.spec.options.push({ ...optionSpec(option.flags), choices: option.argChoices });
    return this;
  }
  action(fn: (...args: unknown[]) => unknown): this {
    this.spec.action = fn;
    return this;
  }
}

class RecordedOption {
  argChoices: readonly string[] | undefined;
  constructor(readonly flags: string) {}
  choices(values: readonly string[]): this {
    this.argChoices = [...values];
    return this;
  }
}

/** The options' values before the line is read, as commander sets them when it registers each option. */
function defaults(options: readonly OptionSpec[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  options.forEach((option, i) => {
    if (option.negate) {
      // commander: `--no-x` makes x default to true unless a `--x` option came before it.
      const positive = `--${option.long.slice('--no-'.length)}`;
      if (!options.slice(0, i).some((o) => o.long === positive)) values[option.attribute] = option.defaultValue === undefined ? true : option.defaultValue;
    } else if (option.defaultValue !== undefined) values[option.attribute] = option.defaultValue;
  });
  return values;
}

/** Any help text a definition asks for: read here, it never shows one (nor builds the catalogue). */
const NO_HELP: Parameters<Define>[2] = new Proxy(() => NO_HELP, { get: () => NO_HELP }) as unknown as Parameters<Define>[2];

/** The spec of the command named first on the line, if its definition is one this reader knows. */
function specOf(define: Define): (Spec & { action: NonNullable<Spec['action']> }) | undefined {
  const recorder = new Recorder();
  try {
    define(recorder as unknown as Command, RecordedOption as unknown as typeof import('commander').Option, NO_HELP);
  } catch {
    return undefined;
  }
  const { action } = recorder.spec;
  return action === undefined ? undefined : { ...recorder.spec, action };
}

/**
 * The options a line may use here: not two options of one attribute (`--norms <file>` and
 * `--no-norms`, whose interplay is commander's), not a flag given to two options.
 */
function readable(options: readonly OptionSpec[]): Map<string, OptionSpec> {
  // Counted once each (a definition has two dozen options; filtering them per flag made
  // thousands of arrays at every start).
  const attributes = new Map<string, number>();
  const flags = new Map<string, number>();
  const add = (counts: Map<string, number>, key: string | undefined) => {
    if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  for (const option of options) {
    add(attributes, option.attribute);
    add(flags, option.long);
    add(flags, option.short);
  }
  const byFlag = new Map<string, OptionSpec>();
  for (const option of options) {
    if ((attributes.get(option.attribute) ?? 0) > 1) continue;
    if (flags.get(option.long) === 1) byFlag.set(option.long, option);
    if (option.short !== undefined && flags.get(option.short) === 1) byFlag.set(option.short, option);
  }
  return byFlag;
}

const PLAIN_VALUE = /^[^-]/;

/** The line `argv` (process.argv) read for the command `define`, or undefined when commander must read it. */
export function quickLine(argv: readonly string[], define: Define): QuickLine | undefined {
  const spec = specOf(define);
  if (spec === undefined) return undefined;
  const byFlag = readable(spec.options);
  const options = defaults(spec.options);
  const positionals: string[] = [];
  for (let i = 3; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('-')) {
      if (arg === '') return undefined;
      positionals.push(arg);
      continue;
    }
    const equals = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = equals < 0 ? arg : arg.slice(0, equals);
    const option = byFlag.get(flag);
    if (option === undefined || option.optionalValue) return undefined;
    if (!option.takesValue) {
      if (equals >= 0) return undefined;
      options[option.attribute] = !option.negate;
      continue;
    }
    if (option.negate) return undefined;
    const value = equals >= 0 ? arg.slice(equals + 1) : argv[++i];
    if (value === undefined || !PLAIN_VALUE.test(value)) return undefined;
    if (option.choices !== undefined && !option.choices.includes(value)) return undefined;
    options[option.attribute] = option.parseArg === undefined ? value : option.parseArg(value, options[option.attribute]);
  }
  const args: unknown[] = [];
  let next = 0;
  for (const [index, argument] of spec.args.entries()) {
    if (argument.variadic) {
      if (index !== spec.args.length - 1 || (argument.required && next >= positionals.length)) return undefined;
      args.push(positionals.slice(next));
      next = positionals.length;
    } else {
      if (argument.required && next >= positionals.length) return undefined;
      args.push(positionals[next++]);
    }
  }
  if (next < positionals.length) return undefined;
  return { action: spec.action, args, options };
}
