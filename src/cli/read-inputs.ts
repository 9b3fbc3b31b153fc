import { createReadStream, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { errorText, InputError } from './errors.js';
import { checkSize } from './file-limits.js';
import { readTextFile } from './load-bank.js';
import { checkDepth, parseSource, type Source } from './source.js';

const DOCUMENT = /\.(ya?ml|json)$/i;
const LINES = /\.(ndjson|jsonl)$/i;

export interface ExpandedInputs {
  files: string[];
  /** True when the inputs can hold several records (a folder, NDJSON, several files): JSON output is then an array. */
  many: boolean;
}

/** Files and folders -> the files to read, in a stable order (folders sorted by name). */
export function expandInputs(paths: readonly string[]): ExpandedInputs {
  if (paths.length === 0) throw new InputError(errorText('noInput', {}));
  const files: string[] = [];
  let many = paths.length > 1;
  for (const path of paths) {
    let isFolder: boolean;
    try {
      isFolder = statSync(path).isDirectory();
    } catch {
      throw new InputError(errorText('noSuchInput', { path }));
    }
    if (!isFolder) {
      files.push(path);
      if (LINES.test(path)) many = true;
      continue;
    }
    many = true;
    const entries = readdirSync(path)
      .filter((name) => DOCUMENT.test(name) || LINES.test(name))
      .sort()
      .map((name) => join(path, name))
      .filter((file) => statSync(file).isFile());
    for (const entry of entries) files.push(entry); // not push(...entries): a huge folder would overflow the stack
  }
  return { files, many };
}

/** One NDJSON record: parsed fast with JSON.parse, re-read as YAML only if a location is needed. */
function lineSource(file: string, lineNumber: number, line: string): Source {
  const name = `${file}:${lineNumber}`;
  checkSize(`line ${lineNumber} of ${file}`, line.length);
  let data: unknown;
  try {
    data = JSON.parse(line);
  } catch (error) {
    throw new InputError(`${name}: not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  // JSON.parse takes any depth; a YAML file is bounded by its parser (and checked the same way).
  checkDepth(name, data);
  let located: Source | undefined;
  return {
    name,
    file,
    data,
    locate(path) {
      located ??= parseSource(name, line, lineNumber - 1, file);
      return located.locate(path);
    },
  };
}

export type RecordResult = { source: Source } | { error: InputError };

/**
 * Streams the records of the inputs one at a time: one per YAML/JSON file, one per NDJSON line.
 * A broken record is yielded as an error so that the caller can report every one of them.
 */
export async function* readRecords(files: readonly string[]): AsyncGenerator<RecordResult> {
  for (const file of files) {
    if (!LINES.test(file)) {
      try {
        yield { source: parseSource(file, readTextFile(file, 'answer file')) };
      } catch (error) {
        if (error instanceof InputError) yield { error };
        else throw error;
      }
      continue;
    }
    const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
    let lineNumber = 0;
    try {
      for await (const line of lines) {
        lineNumber++;
        if (line.trim() === '') continue;
        try {
          yield { source: lineSource(file, lineNumber, line) };
        } catch (error) {
          if (error instanceof InputError) yield { error };
          else throw error;
        }
      }
    } catch (error) {
      if (error instanceof InputError) throw error;
      throw new InputError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
