import { createAggregator, type Aggregate } from '../../core/index.js';
import { requireToken, type Exchange, type WorkshopContext } from './context.js';
import { send, sendJson } from './http.js';
import { groupBankFileName } from './names.js';
import { svgQr } from './qr.js';
import { groupHtml } from './render.js';

/** Counts only: nothing here tells anything about anyone's answers. */
export function status(ctx: WorkshopContext): Record<string, unknown> {
  const { store } = ctx;
  return {
    joined: store.joined,
    finished: store.finished,
    accepting: store.session.accepting,
    shown: store.shown,
    // The soonest the view can move: k newcomers (see nextView), and at least one more. Never
    // from the groups of newcomers alike: that told the room who was like whom (newcomerCount).
    nextAt: store.finished + Math.max(1, ctx.minGroup - store.newcomers),
    minGroup: ctx.minGroup,
    join: ctx.joinUrl(),
    code: store.session.code,
  };
}

/**
 * The aggregate of the shown snapshot, computed again only when the snapshot changes. Before the
 * first snapshot it is the aggregate of nobody, with the number who finished as its count: the
 * count and nothing else (SPEC section 10).
 */
export class GroupView {
  private cached?: { snapshot: number; aggregate: Aggregate; html?: string };

  constructor(private readonly ctx: WorkshopContext) {}

  aggregate(): Aggregate {
    const { store, bank, by, minGroup } = this.ctx;
    if (this.cached?.snapshot !== store.snapshot || store.shown === 0) {
      const aggregator = createAggregator(bank, { by, minGroup });
      for (const report of store.shownReports()) aggregator.add(report);
      const result = aggregator.result();
      this.cached = { snapshot: store.snapshot, aggregate: store.shown === 0 ? { ...result, count: store.distinct } : result };
    }
    return this.cached.aggregate;
  }

  /** The same object as `diag aggregate DIR --format json`. */
  json(): Record<string, unknown> {
    const { bank, by } = this.ctx;
    return { bank: { id: bank.id, version: bank.version }, by, ...this.aggregate() };
  }

  async html(): Promise<string> {
    const aggregate = this.aggregate();
    const cached = this.cached;
    if (cached?.html !== undefined) return cached.html;
    const html = await groupHtml(aggregate, this.ctx.bank, this.ctx.lang, this.ctx.by);
    if (cached !== undefined && cached.aggregate === aggregate) cached.html = html;
    return html;
  }
}

export function getStatus(ctx: WorkshopContext, ex: Exchange): void {
  requireToken(ctx, ex);
  sendJson(ex.res, 200, status(ctx));
}

export function getGroup(ctx: WorkshopContext, ex: Exchange, group: GroupView): void {
  requireToken(ctx, ex);
  sendJson(ex.res, 200, group.json());
}

export async function getGroupHtml(ctx: WorkshopContext, ex: Exchange, group: GroupView): Promise<void> {
  requireToken(ctx, ex);
  send(ex.res, 200, await group.html(), 'text/html; charset=utf-8', { 'Content-Disposition': `attachment; filename="${groupBankFileName(ctx.bank.id, 'group')}.html"` });
}

export function postAccepting(ctx: WorkshopContext, ex: Exchange, accepting: boolean): void {
  requireToken(ctx, ex);
  ex.req.resume();
  ctx.store.setAccepting(accepting);
  sendJson(ex.res, 200, status(ctx));
}

export async function getQr(ctx: WorkshopContext, ex: Exchange, cache: { qr?: string }): Promise<void> {
  requireToken(ctx, ex);
  cache.qr ??= await svgQr(ctx.joinUrl());
  send(ex.res, 200, cache.qr, 'image/svg+xml');
}
