import { say, show, shownEnglish, suggest, type Entity, type PatternRule, type ProblemText } from '../problem-text.js';
import { ProblemList, type Path } from '../problems.js';

export type Obj = Record<string, unknown>;

export function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value in English, as problems word it: `the text "yes"`, `a list`. */
export function describe(value: unknown): string {
  return shownEnglish(show(value));
}

/**
 * Typed access to the fields of one mapping, recording a problem for each field that is missing or
 * of the wrong type, so that a validator can keep going and report everything at once.
 */
export class Fields {
  constructor(
    readonly obj: Obj,
    readonly path: Path,
    readonly errors: ProblemList,
  ) {}

  has(key: string): boolean {
    return Object.hasOwn(this.obj, key) && this.obj[key] !== undefined;
  }

  raw(key: string): unknown {
    return Object.hasOwn(this.obj, key) ? this.obj[key] : undefined;
  }

  at(key: string | number): Path {
    return [...this.path, key];
  }

  fail(key: string, code: string, message: ProblemText): undefined {
    this.errors.add(this.at(key), code, message);
    return undefined;
  }

  missing(key: string): undefined {
    return this.fail(key, 'required', say('required', { key }));
  }

  string(key: string, options: { required?: boolean; pattern?: RegExp; rule?: PatternRule; entity?: Entity } = {}): string | undefined {
    if (!this.has(key)) return options.required ? this.missing(key) : undefined;
    const value = this.raw(key);
    if (typeof value !== 'string') return this.fail(key, 'type', say('mustBe', { expected: 'string', actual: show(value) }));
    if (options.pattern && !options.pattern.test(value)) {
      return this.fail(key, 'pattern', say('pattern', { value: JSON.stringify(value), rule: options.rule ?? 'entityId', ...(options.entity === undefined ? {} : { entity: options.entity }), pattern: String(options.pattern) }));
    }
    return value;
  }

  number(key: string, options: { required?: boolean; min?: number; max?: number; integer?: boolean; exclusiveMin?: number } = {}): number | undefined {
    if (!this.has(key)) return options.required ? this.missing(key) : undefined;
    const value = this.raw(key);
    if (typeof value !== 'number' || !Number.isFinite(value)) return this.fail(key, 'type', say('mustBe', { expected: 'number', actual: show(value) }));
    if (options.integer && !Number.isInteger(value)) return this.fail(key, 'range', say('wholeNumber', { value }));
    if (options.exclusiveMin !== undefined && !(value > options.exclusiveMin)) {
      return this.fail(key, 'range', say('greaterThan', { min: options.exclusiveMin, value }));
    }
    if ((options.min !== undefined && value < options.min) || (options.max !== undefined && value > options.max)) {
      return this.fail(key, 'range', say('range', { ...(options.min === undefined ? {} : { min: options.min }), ...(options.max === undefined ? {} : { max: options.max }), value }));
    }
    return value;
  }

  boolean(key: string): boolean | undefined {
    if (!this.has(key)) return undefined;
    const value = this.raw(key);
    if (typeof value !== 'boolean') return this.fail(key, 'type', say('mustBe', { expected: 'boolean', actual: show(value) }));
    return value;
  }

  list(key: string, options: { required?: boolean; nonEmpty?: boolean } = {}): unknown[] | undefined {
    if (!this.has(key)) return options.required ? this.missing(key) : undefined;
    const value = this.raw(key);
    if (!Array.isArray(value)) return this.fail(key, 'type', say('mustBe', { expected: 'list', actual: show(value) }));
    if (options.nonEmpty && value.length === 0) return this.fail(key, 'empty', say('empty', {}));
    return value;
  }

  /** Unknown keys are warnings, with a "did you mean" for likely typos. */
  unknownKeys(allowed: readonly string[], warnings: ProblemList): void {
    for (const key of Object.keys(this.obj)) {
      if (!allowed.includes(key)) {
        warnings.add(this.at(key), 'unknown-key', say('unknownKey', { key, ...suggest(key, allowed) }));
      }
    }
  }
}
