import { Chalk, type ChalkInstance } from 'chalk';
import { usedPath } from '../code-paths.js';

/**
 * The text styles of a terminal output: chalk's when colour is on; when it is off, a stand-in
 * that returns the text as chalk at level 0 does (any style, chained or not, is the identity), so
 * that an output to a file or a pipe never sets chalk up.
 */
const PLAIN: ChalkInstance = new Proxy((...text: unknown[]) => text.join(' '), { get: (_target, key) => (key === 'level' ? 0 : PLAIN) }) as unknown as ChalkInstance;

export function painter(level: 0 | 1 | 2 | 3): ChalkInstance {
  if (level === 0) return PLAIN;
  usedPath('colour');
  return new Chalk({ level });
}
