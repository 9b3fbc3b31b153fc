import type { Command } from 'commander';
import { messages, type Messages } from './i18n.js';
import { writeStdoutNow } from './output.js';

/**
 * commander's own words in the language of diag's messages: titles, help option and command, the
 * "(default: …)" notes, and its usage errors. Applied to every command (subcommands copy it).
 */
export function localizeCommander(program: Command, Help: typeof import('commander').Help): void {
  const m = messages();
  const titles: Record<string, string> = { 'Usage:': m.help.usage, 'Options:': m.help.options, 'Commands:': m.help.commands, 'Arguments:': m.help.arguments };
  const notes = (text: string) => text.replace(/\((choices|default): /g, (_all, word: string) => `(${word === 'choices' ? m.help.choices : m.help.default}${m.colon}`);
  program
    .helpOption('-h, --help', m.help.help)
    .helpCommand('help [command]', m.help.helpCommand)
    .configureHelp({
      styleTitle: (title) => titles[title] ?? title,
      optionDescription(option) {
        return notes(Help.prototype.optionDescription.call(this, option));
      },
      argumentDescription(argument) {
        return notes(Help.prototype.argumentDescription.call(this, argument));
      },
    })
    .exitOverride()
    .showHelpAfterError(m.usage.seeHelp)
    .configureOutput({ writeOut: (text) => writeStdoutNow(text), writeErr: (text) => process.stderr.write(text), outputError: (text, write) => write(usageError(text, m)) });
}

/** One of commander's error lines, in the language of `m` (commander words them in English only). */
export function usageError(text: string, m: Messages): string {
  const line = text.replace(/^error: /, '').trimEnd();
  const [first = '', hint] = line.split('\n');
  const suggestion = /^\(Did you mean (?:one of )?(.+)\?\)$/.exec(hint ?? '')?.[1];
  const maybe = suggestion === undefined ? {} : { suggestion };
  const u = m.usage;
  let match: RegExpExecArray | null;
  let out: string | undefined;
  if ((match = /^unknown option '(.+)'$/.exec(first))) out = u.unknownOption({ option: match[1] ?? '', ...maybe });
  else if ((match = /^unknown command '(.+)'$/.exec(first))) out = u.unknownCommand({ command: match[1] ?? '', ...maybe });
  else if ((match = /^missing required argument '(.+)'$/.exec(first))) out = u.missingArgument({ name: match[1] ?? '' });
  else if ((match = /^option '(.+)' argument missing$/.exec(first))) out = u.optionMissingArgument({ option: match[1] ?? '' });
  else if ((match = /^option '(.+)' argument '(.*)' is invalid\. Allowed choices are (.+)\.$/.exec(first))) {
    out = u.invalidChoice({ option: match[1] ?? '', value: match[2] ?? '', choices: (match[3] ?? '').split(', ') });
  } else if ((match = /^too many arguments(?: for '.+')?\. Expected (\d+) arguments? but got (\d+)\.$/.exec(first))) {
    out = u.excessArguments({ expected: Number(match[1]), got: Number(match[2]) });
  }
  return `diag: ${out ?? line}\n`;
}
