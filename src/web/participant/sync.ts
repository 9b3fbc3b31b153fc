/// <reference lib="dom" />
import { decodeReport, type AnswerFile, type Report } from '../../core/index.js';
import { api, problemLines, stringField } from '../api.js';
import { storeSaved, type Saved } from './state.js';

/**
 * The participant's side of the server: the opaque participant token (POST /api/join, once),
 * progress after each change (PUT /api/progress), and the submission, retried while the server
 * cannot be reached. Everything is kept in localStorage first, so nothing waits on the network.
 */
export interface Sync {
  /** `code` and, once joined, `participant`: the query of every participant request. */
  params(): Record<string, string>;
  /** Gets the participant token once; `closed`: the trainer finished before this participant joined. */
  ensureJoined(): Promise<'joined' | 'closed' | 'unreachable'>;
  /** Sends the progress `delay` ms after the last call; `leaving`: at once, outliving the page. */
  push(delay?: number, leaving?: boolean): void;
  /** True while a change waits to be sent. */
  pending(): boolean;
  /** No more progress to send (the answers are in). */
  stop(): void;
}

export function createSync(code: string, saved: Saved): Sync {
  let timer: number | undefined;
  let stopped = false;
  const params = () => ({ code, ...(saved.participant === undefined ? {} : { participant: saved.participant }) });
  const ensureJoined = async (): Promise<'joined' | 'closed' | 'unreachable'> => {
    if (saved.participant !== undefined) return 'joined';
    const joined = await api('POST', '/api/join', { code });
    if (joined.status === 409) return 'closed';
    const token = joined.ok ? stringField(joined.body, 'participant') : undefined;
    if (token === undefined) return 'unreachable';
    saved.participant = token;
    storeSaved(code, saved);
    return 'joined';
  };
  const push = (delay = 400, leaving = false): void => {
    window.clearTimeout(timer);
    timer = undefined;
    const send = async () => {
      timer = undefined;
      if (stopped || saved.progress === undefined) return;
      const joined = await ensureJoined();
      if (joined === 'unreachable') return push(5000);
      if (joined === 'closed') return;
      const result = await api('PUT', '/api/progress', params(), saved.progress, leaving);
      // Busy or unreachable: try again later. A refusal (400, 413) is not retried: the local copy stays.
      if (result.status === 0 || result.status >= 500 || result.status === 429) push(5000);
    };
    if (leaving) void send();
    else timer = window.setTimeout(() => void send(), delay);
  };
  return {
    params,
    ensureJoined,
    push,
    pending: () => timer !== undefined,
    stop: () => {
      stopped = true;
      window.clearTimeout(timer);
    },
  };
}

/** What a submission came to: the report, a refusal to show, or a wait before trying again. */
export type Sent =
  | { kind: 'done'; report: Report; raw: unknown }
  | { kind: 'refused'; problems: string[] }
  | { kind: 'closed' }
  | { kind: 'bad-code' }
  | { kind: 'retry' }
  | { kind: 'unexpected'; status: number };

/**
 * POSTs the answers once. With the participant token the server makes it idempotent: a second
 * POST after a lost answer returns the report already stored, never a second one.
 */
export async function sendAnswers(sync: Sync, file: AnswerFile): Promise<Sent> {
  const joined = await sync.ensureJoined();
  if (joined !== 'joined') return { kind: joined === 'closed' ? 'closed' : 'retry' };
  const result = await api('POST', '/api/answers', sync.params(), file);
  if (result.ok) {
    const decoded = decodeReport(result.body);
    return decoded.ok ? { kind: 'done', report: decoded.value, raw: result.body } : { kind: 'unexpected', status: result.status };
  }
  if (result.status === 400) return { kind: 'refused', problems: problemLines(result.body) };
  if (result.status === 409) return { kind: 'closed' };
  if (result.status === 403) return { kind: 'bad-code' };
  if (result.status === 0 || result.status >= 500 || result.status === 429) return { kind: 'retry' };
  return { kind: 'unexpected', status: result.status };
}

/** Seconds before the next try: 2, 4, 8, 16, then every 30. */
export function retryDelay(attempt: number): number {
  return Math.min(30, 2 ** Math.min(attempt + 1, 5));
}
