import type { Aggregate, Bank } from '../core/index.js';
import { isRecord } from './api.js';

const isList = (value: unknown): value is unknown[] => Array.isArray(value);

/**
 * The bank as the server's `validateBank` returned it. The page trusts its own server for the
 * content, but checks the shape it walks, so a wrong answer (a proxy's error page, an older
 * server) shows a clear message instead of a blank screen.
 */
export function isBank(value: unknown): value is Bank {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.version === 'string' &&
    isList(value.languages) &&
    value.languages.every((l) => typeof l === 'string') &&
    isList(value.dimensions) &&
    isList(value.levels) &&
    isList(value.recommendations) &&
    isList(value.questions) &&
    value.questions.every((q) => isRecord(q) && typeof q.id === 'string' && typeof q.type === 'string' && typeof q.required === 'boolean')
  );
}

/** The aggregate of SPEC section 8, as `/api/group` sends it. */
export function isAggregate(value: unknown): value is Aggregate {
  return isRecord(value) && typeof value.count === 'number' && isList(value.dimensions) && isList(value.questions) && isList(value.segments) && isList(value.suppressed) && isRecord(value.overall);
}
