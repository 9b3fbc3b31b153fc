import type { Command, Option } from 'commander';
import { errorText, InputError } from '../errors.js';
import { bundledIds } from '../load-bank.js';
import { writeStdout } from '../output.js';

/** The shells `diag completion` writes a script for. */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;
type Shell = (typeof SHELLS)[number];

interface Flag {
  names: string[];
  description: string;
  /** Values offered after the flag: its choices, bank ids, languages, or files. */
  values: string[] | 'files' | 'none' | 'any';
}
interface Verb {
  name: string;
  description: string;
  flags: Flag[];
}

const LANGUAGES = ['fr', 'en'];

function flag(option: Option, banks: readonly string[]): Flag {
  const names = [option.short, option.long].filter((n): n is string => n !== undefined);
  const takesValue = option.required || option.optional;
  const choices = option.argChoices;
  let values: Flag['values'] = 'any';
  if (!takesValue) values = 'none';
  else if (choices !== undefined) values = [...choices];
  else if (option.long === '--bank') values = [...banks, 'files'];
  else if (option.long === '--lang') values = LANGUAGES;
  else if (/file|dir|report|baseline/i.test(option.flags)) values = 'files';
  return { names, description: option.description, values };
}

/** The commands and options of the program itself, so the script can never fall behind it. */
function verbs(program: Command, banks: readonly string[]): Verb[] {
  const help = { names: ['-h', '--help'], description: 'help', values: 'none' as const };
  return program.commands.map((command) => ({
    name: command.name(),
    description: command.description(),
    flags: [...command.options.map((o) => flag(o, banks)), help],
  }));
}

const words = (list: readonly string[]) => list.join(' ');

function bash(program: Command, all: Verb[]): string {
  const valueCases = all.flatMap((verb) =>
    verb.flags.flatMap((f) => {
        if (f.values === 'none' || f.values === 'any') return [];
        const list = f.values === 'files' ? [] : f.values.filter((v) => v !== 'files');
        const files = f.values === 'files' || f.values.includes('files');
        const reply = [list.length > 0 ? `$(compgen -W "${words(list)}" -- "$cur")` : '', files ? '$(compgen -f -- "$cur")' : ''].filter(Boolean).join(' ');
        return [`    ${verb.name}:${f.names.join(`|${verb.name}:`)}) COMPREPLY=(${reply}); return ;;`];
      }),
  );
  const optionCases = all.map((verb) => `    ${verb.name}) options="${words(verb.flags.flatMap((f) => f.names))}" ;;`);
  return `# bash completion for diag. Load it with: source <(diag completion bash)
# or save it as ~/.local/share/bash-completion/completions/diag
_diag() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" command="\${COMP_WORDS[1]}" options=""
  if [[ $COMP_CWORD -eq 1 ]]; then
    COMPREPLY=($(compgen -W "${words([...all.map((v) => v.name), ...program.options.flatMap((o) => [o.short, o.long].filter((n): n is string => n !== undefined)), '--help'])}" -- "$cur"))
    return
  fi
  case "$command:$prev" in
${valueCases.join('\n')}
  esac
  case "$command" in
${optionCases.join('\n')}
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$options" -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}
complete -o filenames -F _diag diag
`;
}

/** zsh `_arguments` specs: `[`, `]`, `:` and quotes in descriptions must be escaped. */
const zshText = (text: string) => text.replace(/\\/g, '\\\\').replace(/'/g, "'\\''").replace(/([[\]:])/g, '\\$1');

function zsh(all: Verb[]): string {
  const commands = all.map((v) => `    '${zshText(v.name)}:${zshText(v.description)}'`);
  const cases = all.map((verb) => {
    const specs = verb.flags.map((f) => {
      const names = f.names.length > 1 ? `'(${f.names.join(' ')})'{${f.names.join(',')}}` : f.names[0];
      let action = '';
      if (f.values === 'files') action = ':file:_files';
      else if (f.values === 'any') action = ':value: ';
      else if (f.values !== 'none') {
        const list = `(${words(f.values.filter((v) => v !== 'files'))})`;
        action = f.values.includes('files') ? `:value:_alternative "ids\\:bundled\\:${list}" "files\\:file\\:_files"` : `:value:${list}`;
      }
      return `        ${names}'[${zshText(f.description)}]${action}'`;
    });
    return `    (${verb.name})\n      _arguments -s \\\n${specs.join(' \\\n')} \\\n        '*:file:_files' ;;`;
  });
  return `#compdef diag
# zsh completion for diag. Load it with: source <(diag completion zsh)
# or save it as _diag in a folder of your $fpath.
_diag() {
  local -a commands
  commands=(
${commands.join('\n')}
  )
  if (( CURRENT == 2 )); then
    _describe -t commands 'diag command' commands
    return
  fi
  local command=$words[2]
  shift words
  (( CURRENT-- ))
  case $command in
${cases.join('\n')}
  esac
}
if [[ $zsh_eval_context[-1] == loadautofunc ]]; then _diag "$@"; else compdef _diag diag; fi
`;
}

const fishText = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function fish(all: Verb[]): string {
  const lines = ['# fish completion for diag. Load it with: diag completion fish | source', '# or save it as ~/.config/fish/completions/diag.fish', 'complete -c diag -f'];
  const names = words(all.map((v) => v.name));
  for (const verb of all) lines.push(`complete -c diag -n 'not __fish_seen_subcommand_from ${names}' -a ${verb.name} -d ${fishText(verb.description)}`);
  for (const verb of all) {
    const when = `-n '__fish_seen_subcommand_from ${verb.name}'`;
    for (const f of verb.flags) {
      const short = f.names.find((n) => /^-[^-]$/.test(n));
      const long = f.names.find((n) => n.startsWith('--'));
      const parts = ['complete -c diag', when, short === undefined ? '' : `-s ${short.slice(1)}`, long === undefined ? '' : `-l ${long.slice(2)}`];
      if (f.values === 'files') parts.push('-r -F');
      else if (f.values === 'any') parts.push('-x');
      else if (f.values !== 'none') parts.push(f.values.includes('files') ? '-r -F' : '-x', `-a ${fishText(words(f.values.filter((v) => v !== 'files')))}`);
      parts.push(`-d ${fishText(f.description)}`);
      lines.push(parts.filter(Boolean).join(' '));
    }
    lines.push(`complete -c diag ${when} -F`);
  }
  return `${lines.join('\n')}\n`;
}

const isShell = (name: string): name is Shell => (SHELLS as readonly string[]).includes(name);

/** `diag completion bash|zsh|fish`: a completion script of every command, option, format and bundled bank. */
export async function completion(shell: string, program: Command): Promise<void> {
  if (!isShell(shell)) throw new InputError(errorText('unknownShell', { shell, shells: SHELLS }));
  const all = verbs(program, bundledIds());
  const scripts: Record<Shell, () => string> = { bash: () => bash(program, all), zsh: () => zsh(all), fish: () => fish(all) };
  await writeStdout(scripts[shell]());
}
