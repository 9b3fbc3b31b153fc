import * as commands from './commands-table.js';
import { COMMAND_ORDER } from './commands-table.js';
import { mainWith } from './program.js';

export { codePaths } from './code-paths.js';

/**
 * The whole command line, every command in the order of `diag --help`. Each command also has a
 * bundle of its own, made by build.ts, which the launcher runs when that command is named first:
 * it loads no other command's code.
 */
export const main = mainWith(Object.fromEntries(COMMAND_ORDER.map((name) => [name, commands[name]])));
