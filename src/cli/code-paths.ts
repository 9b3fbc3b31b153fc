/**
 * The parts of the CLI a run went through that another run of the same command may not: the
 * output formats it rendered, colour, the full YAML parser. The launcher (launch.ts) keeps them
 * in the header of a code cache, which holds the functions compiled by the runs that made it:
 * a run that went through a part the cache does not know writes the cache again, with the
 * functions of both. Without it, a cache made by `--format json` would leave every later text
 * run compiling the text renderer from source. Only a matter of speed; names are [a-z0-9-].
 */
const used = new Set<string>();

export function usedPath(name: string): void {
  used.add(name);
}

export function codePaths(): string[] {
  return [...used];
}
