import { ProblemList, type Path } from '../problems.js';
import { suggestion } from '../suggest.js';

export type Obj = Record<string, unknown>;

export function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `${typeof value} ${String(value)}`;
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

  fail(key: string, code: string, message: string): undefined {
    this.errors.add(this.at(key), code, message);
    return undefined;
  }

  missing(key: string): undefined {
    return this.fail(key, 'required', `"${key}" is required`);
  }

  string(key: string, options: { required?: boolean; pattern?: RegExp; hint?: string } = {}): string | undefined {
    if (!this.has(key)) return options.required ? this.missing(key) : undefined;
    const value = this.raw(key);
    if (typeof value !== 'string') return this.fail(key, 'type', `must be a string, not ${describe(value)}`);
    if (options.pattern && !options.pattern.test(value)) {
      return this.fail(key, 'pattern', `${JSON.stringify(value)} ${options.hint ?? `does not match ${String(options.pattern)}`}`);
    }
    return value;
  }

  number(key: string, options: { required?: boolean; min?: number; max?: number; integer?: boolean; exclusiveMin?: number } = {}): number | undefined {
    if (!this.has(key)) return options.required ? this.missing(key) : undefined;
    const value = this.raw(key);
    if (typeof value !== 'number' || !Number.isFinite(value)) return this.fail(key, 'type', `must be a number, not ${describe(value)}`);
    if (options.integer && !Number.isInteger(value)) return this.fail(key, 'range', `must be a whole number, not ${value}`);
    if (options.exclusiveMin !== undefined && !(value > options.exclusiveMin)) {
      return this.fail(key, 'range', `must be greater than ${options.exclusiveMin}, not ${value}`);
    }
    if ((options.min !== undefined && value < options.min) || (options.max !== undefined && value > options.max)) {
      const range = options.max === undefined ? `at least ${options.min}` : `from ${options.min ?? '-∞'} to ${options.max}`;
      return this.fail(key, 'range', `must be ${range}, not ${value}`);
    }
    return value;
  }

  boolean(key: string): boolean | undefined {
    if (!this.has(key)) return undefined;
    const value = this.raw(key);
    if (typeof value !== 'boolean') return this.fail(key, 'type', `must be true or false, not ${describe(value)}`);
    return value;
  }

  list(key: string, options: { required?: boolean; nonEmpty?: boolean } = {}): unknown[] | undefined {
    if (!this.has(key)) return options.required ? this.missing(key) : undefined;
    const value = this.raw(key);
    if (!Array.isArray(value)) return this.fail(key, 'type', `must be a list, not ${describe(value)}`);
    if (options.nonEmpty && value.length === 0) return this.fail(key, 'empty', 'must not be empty');
    return value;
  }

  /** Unknown keys are warnings, with a "did you mean" for likely typos. */
  unknownKeys(allowed: readonly string[], warnings: ProblemList): void {
    for (const key of Object.keys(this.obj)) {
      if (!allowed.includes(key)) {
        warnings.add(this.at(key), 'unknown-key', `unknown key "${key}" is ignored${suggestion(key, allowed)}`);
      }
    }
  }
}
