import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Bank } from '../../core/index.js';
import { HttpError } from './http.js';
import type { RateLimiter } from './rate-limit.js';
import { normalizeCode, sameSecret } from './secrets.js';
import type { WorkshopStore } from './store.js';
import type { WebFiles } from './web-files.js';

/** What every route handler works with: the session and the server's settings. */
export interface WorkshopContext {
  store: WorkshopStore;
  bank: Bank;
  /** The session's language (--lang, else the environment's, else the bank's first). */
  lang: string;
  minGroup: number;
  by: string[];
  web: WebFiles;
  limiter: RateLimiter;
  /** The date of reports: now, or SOURCE_DATE_EPOCH. */
  reportDate: () => string;
  /** The join URL as printed. */
  joinUrl: () => string;
  /** Unexpected errors go here (the trainer's terminal), never to the client. */
  log: (line: string) => void;
}

/** One request, parsed once. */
export interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  method: string;
  address: string;
}

/** Refuses an address blocked for wrong secrets, even with the right one: guessing then gains nothing. */
function notBlocked(ctx: WorkshopContext, ex: Exchange): void {
  const wait = ctx.limiter.blocked(ex.address);
  if (wait !== undefined) throw new HttpError(429, 'rate-limited', 'too many wrong codes or tokens from this address; try again later', {}, { 'Retry-After': String(wait) });
}

/** Whether a join code is the session's, counting a wrong one against the address. */
export function codeMatches(ctx: WorkshopContext, ex: Exchange, code: string): boolean {
  notBlocked(ctx, ex);
  if (sameSecret(ctx.store.session.code, normalizeCode(code))) return true;
  ctx.limiter.wrongSecret(ex.address);
  return false;
}

export function tokenMatches(ctx: WorkshopContext, ex: Exchange, token: string): boolean {
  notBlocked(ctx, ex);
  if (sameSecret(ctx.store.session.token, token)) return true;
  ctx.limiter.wrongSecret(ex.address);
  return false;
}

/** Participant requests carry `code=CODE`. */
export function requireCode(ctx: WorkshopContext, ex: Exchange): void {
  if (!codeMatches(ctx, ex, ex.url.searchParams.get('code') ?? '')) throw new HttpError(403, 'wrong-code', 'wrong or missing join code');
}

/** Trainer requests carry `token=TOKEN`. */
export function requireToken(ctx: WorkshopContext, ex: Exchange): void {
  if (!tokenMatches(ctx, ex, ex.url.searchParams.get('token') ?? '')) throw new HttpError(403, 'wrong-token', 'wrong or missing trainer token');
}
