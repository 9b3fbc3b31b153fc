import type { Command } from 'commander';
import type { Messages } from './i18n.js';

/** Options every command that reads a bank understands. */
export interface CommonOptions {
  bank?: string;
  lang?: string;
  color?: boolean;
}

export function withBankOptions(help: Messages['help'], command: Command): Command {
  const h = help.common;
  return command.option('-b, --bank <file-or-id>', h.bank).option('-l, --lang <lang>', h.lang).option('--no-color', h.noColor);
}

/** Colour only for a terminal, never under NO_COLOR or --no-color; FORCE_COLOR wins over the TTY test. */
export function useColor(options: { color?: boolean }, stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (options.color === false || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return stream.isTTY === true;
}

/** Collects a repeatable option into a list. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
