import type { Command } from 'commander';

/** Options every command that reads a bank understands. */
export interface CommonOptions {
  bank?: string;
  lang?: string;
  color?: boolean;
}

export function withBankOptions(command: Command): Command {
  return command
    .option('-b, --bank <file-or-id>', 'question bank: a YAML/JSON file, or the id of a bundled bank (default: transformation)')
    .option('-l, --lang <lang>', 'language of the output (a language of the bank)')
    .option('--no-color', 'no colours (also when NO_COLOR is set)');
}

/** Colour only for a terminal, never under NO_COLOR or --no-color; FORCE_COLOR wins over the TTY test. */
export function useColor(options: { color?: boolean }, stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv): boolean {
  if (options.color === false || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return stream.isTTY === true;
}

/** Collects a repeatable option into a list. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
