import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { usedPath } from './code-paths.js';
import { useColor } from './common.js';
import { errorText, InputError } from './errors.js';
import { commitAll, OutputClosedError, specialTarget, Spool, StagedFile, stdoutInfo, writeStdout } from './output.js';
import { extensionsOf, formatOfFile, type Format } from './render/formats.js';
import { asciiOutput, DEFAULT_WIDTH, terminalWidth } from './render/terminal.js';
import type { ItemStream, Lazy, Renderer, RenderOptions, StreamRenderer } from './render/types.js';

/** The output options every command takes. */
export interface OutputOptions {
  /** The format of standard output (and of an -o file whose name has no known extension). */
  format?: string;
  /** `-o FILE` (repeatable; `-` is standard output). */
  output?: string[] | string;
  force?: boolean;
  color?: boolean;
  ascii?: boolean;
  csvDelimiter?: string;
}

/** Where one rendering goes: a file, or standard output (`file` undefined). */
export interface Target<F extends Format = Format> {
  file: string | undefined;
  format: F;
}

/** `--csv-delimiter`: one character, or tab / semicolon / comma by name. */
export function parseDelimiter(value: string | undefined): string {
  if (value === undefined) return ',';
  const named: Record<string, string> = { tab: '\t', '\\t': '\t', semicolon: ';', comma: ',' };
  const delimiter = named[value] ?? value;
  if (delimiter.length !== 1 || /["\r\n]/.test(delimiter)) throw new InputError(errorText('csvDelimiter', { value: JSON.stringify(value) }));
  return delimiter;
}

const list = (formats: readonly string[]) => formats.join(', ');

/**
 * Which format goes where: each -o file by its extension, standard output by --format. A --format
 * that contradicts the only files asked for (`-f markdown -o r.html`) is an error, as is a format
 * the document does not have. Nothing is read or written yet.
 */
export function planTargets<F extends Format>(command: string, options: OutputOptions, supported: readonly F[], fallback: F, extra: readonly string[] = []): Array<Target<F>> {
  const outputs = options.output === undefined ? [] : Array.isArray(options.output) ? options.output : [options.output];
  const files = outputs.filter((o) => o !== '-');
  const toStdout = outputs.length === 0 || outputs.includes('-');
  const isSupported = (f: Format | string | undefined): f is F => supported.some((s) => s === f);
  const asked = options.format;
  if (asked !== undefined && !isSupported(asked)) throw new InputError(errorText('notAFormat', { command, format: asked, formats: list(supported) }));
  const targets: Array<Target<F>> = [];
  if (toStdout) targets.push({ file: undefined, format: asked ?? fallback });
  for (const file of files) {
    // A folder is said to be one, even when its name looks like a file's (`-o out.d`, `-o ~/v1.2`).
    if (isFolder(file)) throw new InputError(errorText('outputIsFolder', { file }));
    const named = formatOfFile(file);
    const format: Format = named ?? asked ?? fallback;
    // A name without extension takes --format (or the default); an extension diag does not know is a mistake.
    if (named === undefined && asked === undefined && /\.[^./\\]+$/.test(basename(file))) {
      throw new InputError(errorText('unknownExtension', { file, extensions: supported.flatMap(extensionsOf).join(' '), formats: list(supported) }));
    }
    if (named !== undefined && asked !== undefined && !toStdout && named !== asked) {
      throw new InputError(errorText('formatDisagrees', { format: asked, file, named, suggested: `${file.replace(/(\.junit)?\.[^./\\]+$/i, '')}${extensionsOf(asked)[0] ?? ''}` }));
    }
    if (!isSupported(format)) throw new InputError(errorText('cannotWriteFormat', { file, command, format, formats: list(supported), extensions: supported.flatMap(extensionsOf).join(' ') }));
    targets.push({ file, format });
  }
  checkFiles([...files, ...extra], options.force === true, outputs.filter((o) => o === '-').length > 1);
  return targets;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * One name for a target, whatever way it is written: its folder's real path and its own name
 * (`r.json` and `link/r.json`, link to `.`, are one file; written twice, the second would replace
 * the first, and an undo could not tell them apart).
 */
function sameFolderKey(file: string): string {
  const path = resolve(file);
  try {
    return join(realpathSync(dirname(path)), basename(path));
  } catch {
    return path;
  }
}

/** Every file target checked before anything is read or written: no twin, no existing file without --force, a folder that exists. */
function checkFiles(files: readonly string[], force: boolean, stdoutTwice: boolean): void {
  const seen = new Map<string, string>();
  const twins: string[] = stdoutTwice ? ['-'] : [];
  for (const file of files) {
    const key = sameFolderKey(file);
    if (seen.has(key)) twins.push(file);
    else seen.set(key, file);
  }
  if (twins.length > 0) throw new InputError(errorText('outputTwice', { files: twins.join(', ') }));
  const taken: string[] = [];
  for (const file of files) {
    let stat: ReturnType<typeof statSync> | undefined;
    try {
      stat = statSync(dirname(file));
    } catch {
      stat = undefined;
    }
    if (stat === undefined || !stat.isDirectory()) throw new InputError(errorText('noFolder', { file, folder: dirname(file) }));
    // `-o /dev/null` discards; a device, a pipe or /dev/stdout would be replaced by a file, not
    // written to (`-` is standard output).
    const special = specialTarget(file);
    if (special === 'null') continue;
    if (special === 'other') throw new InputError(errorText('notRegularFile', { file }));
    try {
      const target = statSync(file);
      if (target.isDirectory()) throw new InputError(errorText('outputIsFolder', { file }));
      if (!force) taken.push(file);
    } catch (error) {
      if (error instanceof InputError) throw error;
    }
  }
  if (taken.length > 0) throw new InputError(errorText('outputsExist', { files: taken }));
}

/** The rendering options of one target: colour and the terminal's width only on standard output. */
export function optionsFor(target: Target, options: OutputOptions, base: Partial<RenderOptions>): RenderOptions {
  const toStdout = target.file === undefined;
  return {
    ...base,
    color: toStdout && target.format === 'text' && useColor(options, stdoutInfo(), process.env),
    width: toStdout ? terminalWidth(stdoutInfo(), process.env) : DEFAULT_WIDTH,
    ascii: asciiOutput(options.ascii, process.env),
    csvDelimiter: parseDelimiter(options.csvDelimiter),
  };
}

/** Spreadsheets (Excel above all) read UTF-8 CSV files correctly only with a byte order mark. */
const prefixOf = (target: Target) => (target.format === 'csv' && target.file !== undefined ? '\uFEFF' : '');

/** Standard output that stops quietly when its reader has gone (`| head`): the rest still runs. */
async function toStdout(spool: Spool): Promise<void> {
  try {
    await spool.drain((text) => writeStdout(text));
  } catch (error) {
    if (!(error instanceof OutputClosedError)) throw error;
  }
}

/** One output being written: its renderer's stream and where the text goes (`file` undefined: stdout). */
export interface Output<Item> {
  file: string | undefined;
  stream: ItemStream<Item>;
  /** Written first (the CSV byte order mark of files). */
  prefix?: string;
}

/** The outputs of streamed targets, each with its renderer loaded and its own rendering options. */
export async function streamsFor<Item, F extends Format>(targets: ReadonlyArray<Target<F>>, renderers: Record<F, Lazy<StreamRenderer<Item>>>, options: OutputOptions, base: Partial<RenderOptions>): Promise<Array<Output<Item>>> {
  const outputs: Array<Output<Item>> = [];
  for (const target of targets) {
    usedPath(target.format);
    const stream = (await renderers[target.format]())(optionsFor(target, options, base));
    outputs.push({ file: target.file, stream, prefix: prefixOf(target) });
  }
  return outputs;
}

/** Where `-o /dev/null` goes: nothing is written, nothing is renamed onto the device. */
const DISCARD = { write: (_chunk: string) => undefined, close: () => undefined };

/**
 * Outputs written as items arrive (`score`, `report`): each file under a temporary name beside
 * it, standard output held in a spool; `finish` gives every file its name (all or none) and then
 * prints; `abort` removes everything. Memory does not grow with the number of items.
 */
export class Delivery<Item> {
  private readonly sinks: Array<{ stream: ItemStream<Item>; out: StagedFile | Spool | typeof DISCARD }> = [];

  constructor(outputs: ReadonlyArray<Output<Item>>, force: boolean) {
    try {
      for (const { file, stream, prefix } of outputs) {
        const out = file === undefined ? new Spool() : specialTarget(file) === 'null' ? DISCARD : new StagedFile(file, force);
        this.sinks.push({ stream, out });
        out.write(prefix ?? '');
      }
    } catch (error) {
      this.abort();
      throw error;
    }
  }

  write(item: Item): void {
    try {
      for (const { stream, out } of this.sinks) out.write(stream.item(item));
    } catch (error) {
      this.abort();
      throw error;
    }
  }

  async finish(): Promise<void> {
    try {
      for (const { stream, out } of this.sinks) out.write(stream.end());
      commitAll(this.sinks.flatMap((s) => (s.out instanceof StagedFile ? [s.out] : [])));
    } catch (error) {
      this.abort();
      throw error;
    }
    for (const { out } of this.sinks) if (out instanceof Spool) await toStdout(out);
  }

  abort(): void {
    for (const { out } of this.sinks) {
      if (out instanceof StagedFile) out.abort();
      else out.close();
    }
  }
}

/**
 * A whole document to every target: rendered in every format first, then every file written
 * under a temporary name and renamed (all or none), then standard output.
 */
export async function deliver<Doc, F extends Format>(doc: Doc, targets: ReadonlyArray<Target<F>>, renderers: Record<F, Lazy<Renderer<Doc>>>, options: OutputOptions, base: Partial<RenderOptions> = {}): Promise<void> {
  const outputs: Array<Output<never>> = [];
  for (const target of targets) {
    usedPath(target.format);
    const text = (await renderers[target.format]())(doc, optionsFor(target, options, base));
    const whole = `${text}${text.endsWith('\n') || text === '' ? '' : '\n'}`;
    outputs.push({ file: target.file, prefix: prefixOf(target), stream: { item: () => '', end: () => whole } });
  }
  await new Delivery(outputs, options.force === true).finish();
}
