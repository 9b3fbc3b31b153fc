import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Alias, type Document, type Node } from 'yaml';
import { formatPath, wordProblem, type Path, type Problem } from '../core/index.js';
import { hasBidiControls, quoteName, stripBidiControls } from '../core/sanitize.js';
import { usedPath } from './code-paths.js';
import { messages } from './i18n.js';
import { isObject } from '../core/validate/fields.js';
import { errorText, InputError } from './errors.js';
import { parseSimpleYaml } from './simple-yaml.js';

/** A parsed input, which can say where a path of its data stands in the text. */
export interface Source {
  /** What to call it in messages: a file name, or `file.ndjson:LINE` for one record. */
  name: string;
  /** The file it came from, which `locate` positions are relative to. */
  file: string;
  data: unknown;
  locate(path: Path): { line: number; col: number } | undefined;
}

/**
 * How diag reads YAML with the library: duplicate keys refused, strict. logLevel error: yaml would
 * otherwise print Node warnings ("Keys with collection values…") on stderr.
 */
export const YAML_OPTIONS = { uniqueKeys: true, prettyErrors: false, strict: true, logLevel: 'error' } as const;

/** YAML features that turn a small file into a huge value (alias bombs) are bounded. */
export const MAX_ALIASES = 1000;
/** Far deeper than any bank or answer file; deeper values would overflow the stack of code that walks them. */
export const MAX_DEPTH = 256;

/** Refuses a value nested more than MAX_DEPTH levels, with an InputError; checked without recursion. */
export function checkDepth(name: string, data: unknown): void {
  const stack: Array<{ value: unknown; depth: number }> = [{ value: data, depth: 0 }];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const { value, depth } = top;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_DEPTH) throw new InputError(errorText('tooDeep', { name, depth: MAX_DEPTH }));
    for (const child of Object.values(value)) stack.push({ value: child, depth: depth + 1 });
  }
}

/**
 * checkDepth for data parsed from JSON text: a text with at most MAX_DEPTH brackets cannot nest
 * deeper, which a native search tells without walking the data (a report has a few dozen).
 */
export function checkJsonDepth(name: string, text: string, data: unknown): void {
  let brackets = 0;
  for (let i = text.indexOf('{'); i !== -1 && brackets <= MAX_DEPTH; i = text.indexOf('{', i + 1)) brackets++;
  for (let i = text.indexOf('['); i !== -1 && brackets <= MAX_DEPTH; i = text.indexOf('[', i + 1)) brackets++;
  if (brackets > MAX_DEPTH) checkDepth(name, data);
}

function nodeAt(document: Document, path: Path): Node | undefined {
  let node: unknown = document.contents;
  let found: Node | undefined = isMap(node) || isSeq(node) || isScalar(node) ? node : undefined;
  for (const part of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(part));
      if (pair === undefined) break;
      const value = pair.value;
      found = isMap(value) || isSeq(value) || isScalar(value) ? value : isScalar(pair.key) ? pair.key : found;
      node = value;
    } else if (isSeq(node) && typeof part === 'number') {
      const item = node.items[part];
      if (!(isMap(item) || isSeq(item) || isScalar(item))) break;
      found = item;
      node = item;
    } else break;
  }
  return found;
}

/** An alias used inside the node it names (`&a [*a]`) makes a cyclic value, which nothing downstream expects. */
function recursiveAlias(document: Document): Alias | undefined {
  let found: Alias | undefined;
  visit(document, {
    Alias(_key, alias, ancestors) {
      const target = alias.resolve(document);
      if (target !== undefined && ancestors.includes(target)) {
        found = alias;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/**
 * Parses YAML (or JSON) text. Syntax errors and duplicate keys are refused, all of them at once.
 * A simple text (the shape of an answer file) takes a fast path with the same result; the yaml
 * library then runs only if a position is asked for, to point at a problem.
 */
export function parseSource(name: string, text: string, lineOffset = 0, file = name): Source {
  const simple = parseSimpleYaml(text);
  if (simple === undefined) return parseYaml(name, text, lineOffset, file);
  let full: Source | undefined;
  return {
    name,
    file,
    // Bidi overrides reach no format (as below).
    data: hasBidiControls(text) ? stripBidiControls(simple) : simple,
    locate: (path) => {
      try {
        return (full ??= parseYaml(name, text, lineOffset, file)).locate(path);
      } catch {
        // The library refuses what the fast path took (never seen: tests/cli/simple-yaml.test.ts): no position, rather than no message.
        return undefined;
      }
    },
  };
}

function parseYaml(name: string, text: string, lineOffset: number, file: string): Source {
  usedPath('yaml');
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, ...YAML_OPTIONS });
  if (document.errors.length > 0) {
    const details = document.errors.map((error) => {
      const pos = lineCounter.linePos(error.pos[0]);
      const where = `${quoteName(file)}:${pos.line + lineOffset}:${pos.col}`;
      return `${where}: ${messages().error.yamlError({ code: error.code, message: error.message.split('\n')[0] ?? '' })}`;
    });
    throw new InputError(errorText('notYaml', { name }), details);
  }
  // Without a `*` there is no alias, and no need to walk the whole document for a cycle.
  const cycle = text.includes('*') ? recursiveAlias(document) : undefined;
  if (cycle !== undefined) {
    const pos = lineCounter.linePos(cycle.range?.[0] ?? 0);
    throw new InputError(errorText('recursiveAlias', { name }), [`${quoteName(file)}:${pos.line + lineOffset}:${pos.col}: ${messages().error.aliasInside({ alias: cycle.source })}`]);
  }
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    throw new InputError(errorText('yamlValue', { name, message: error instanceof Error ? error.message : String(error) }));
  }
  checkDepth(name, data);
  // Bidi overrides reach no format: removed from every string (and key) as the input is read.
  if (hasBidiControls(text)) data = stripBidiControls(data);
  return {
    name,
    file,
    data,
    locate(path) {
      const range = nodeAt(document, path)?.range;
      if (!range) return undefined;
      const pos = lineCounter.linePos(range[0]);
      return { line: pos.line + lineOffset, col: pos.col };
    },
  };
}

const ENTITY_SECTIONS = new Set(['profile', 'questions', 'dimensions', 'levels', 'recommendations']);

/** `questions[3] (async.interruptions).scale`: the path, with the id of the entity it is in. */
export function describePath(data: unknown, path: Path): string {
  const [section, index] = path;
  if (typeof section === 'string' && ENTITY_SECTIONS.has(section) && typeof index === 'number' && isObject(data)) {
    const list = Object.hasOwn(data, section) ? data[section] : undefined;
    const item: unknown = Array.isArray(list) ? list[index] : undefined;
    const id = isObject(item) && typeof item.id === 'string' ? ` (${item.id})` : '';
    const rest = formatPath(path.slice(2));
    return `${section}[${index}]${id}${rest === '' ? '' : rest.startsWith('[') ? rest : `.${rest}`}`;
  }
  return formatPath(path);
}

/** An answer file's fields whose problems do not say which field they are about. */
const NAMED_FIELDS = new Set(['respondent', 'lang', 'createdAt']);

/** `file:line:col: path: message`, the form editors and CI logs link to. */
export function formatProblem(source: Source, problem: Problem, options: { showPath?: boolean } = {}): string {
  const pos = source.locate(problem.path);
  const where = pos ? `${quoteName(source.file)}:${pos.line}:${pos.col}` : quoteName(source.name);
  const message = problem.text === undefined ? problem.message : wordProblem(problem.text, messages().problem);
  // Without paths (answer problems name their question themselves), an answer file's own fields are still named.
  const [key, ...deeper] = problem.path;
  const named = options.showPath !== false || (typeof key === 'string' && deeper.length === 0 && NAMED_FIELDS.has(key));
  const path = named ? describePath(source.data, problem.path) : '';
  return `${where}: ${path === '' ? '' : `${path}${messages().colon}`}${message}`;
}
