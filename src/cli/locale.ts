/**
 * The language the user's environment asks for (LC_ALL, then LC_MESSAGES, then LANG), if any: `C`,
 * `POSIX` and `C.*` ask for none. A module of its own, so that the launcher can ask it without
 * loading the message catalogues.
 */
export function environmentLanguage(env: NodeJS.ProcessEnv): string | undefined {
  const value = env.LC_ALL || env.LC_MESSAGES || env.LANG;
  if (!value || value === 'C' || value === 'POSIX' || value.startsWith('C.')) return undefined;
  return value.split(/[._@]/)[0]?.replace('_', '-').toLowerCase();
}
