import { wordProblem, type ProblemText } from './problem-text.js';

/** A path into a parsed document: keys and indexes, as in `questions[3].scale`. */
export type Path = ReadonlyArray<string | number>;

/**
 * One thing wrong (or worth a warning) in an input. The core says where in the data and what;
 * the shell adds the file, line and column, and decides how to print it.
 */
export interface Problem {
  path: Path;
  /** Stable machine-readable code, e.g. `unknown-scale`. */
  code: string;
  /** In English; `text` holds the same as data, for the CLI to word in the output language. */
  message: string;
  /** Absent only for problems made outside a ProblemList (the workshop's request checks). */
  text?: ProblemText;
}

export type Validated<T> =
  | { ok: true; value: T; warnings: Problem[] }
  | { ok: false; errors: Problem[]; warnings: Problem[] };

/** Renders a path as `questions[3].scale`. */
export function formatPath(path: Path): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}

/** Collects problems while a validator walks its input. */
export class ProblemList {
  readonly items: Problem[] = [];
  /** `message` is a problem text (`say(key, args)`): a plain string would be English only, so it does not compile. */
  add(path: Path, code: string, message: ProblemText): void {
    this.items.push({ path: [...path], code, message: wordProblem(message), text: message });
  }
  get size(): number {
    return this.items.length;
  }
}
