import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { InputError } from '../errors.js';
import { codeMatches, tokenMatches, type Exchange, type WorkshopContext } from './context.js';
import { HttpError, send, sendError } from './http.js';
import { notBuiltPage, notFoundPage, unknownCodePage, wrongTokenPage } from './pages.js';
import { getBank, getProgress, getReport, getSession, postAnswers, postJoin, putProgress } from './participant-routes.js';
import { getGroup, getGroupHtml, getQr, getStatus, GroupView, postAccepting } from './trainer-routes.js';
import type { WebFile } from './web-files.js';

type Handler = (ex: Exchange) => void | Promise<void>;
type Methods = Partial<Record<'GET' | 'POST' | 'PUT', Handler>>;

const HTML = 'text/html; charset=utf-8';
/**
 * Connections one address may hold at once. A room of 40 phones behind one NAT address opens
 * fewer (a browser keeps at most 6 per server); without it one client opening 2000 sockets took
 * all of maxConnections and nobody else could reach the server.
 */
export const CONNECTIONS_PER_ADDRESS = 256;
/**
 * A connection that has not sent a whole request head by then is closed: node:http's
 * headersTimeout starts at the first byte, so a socket that never sends one stayed open for ever.
 */
export const FIRST_REQUEST_MS = 10_000;

/**
 * The workshop's HTTP server on node:http: a fixed table of exact paths (no pattern can reach
 * the file system), every request answered inside one try/catch, errors as JSON without stack.
 */
export function createWorkshopServer(ctx: WorkshopContext): Server {
  const group = new GroupView(ctx);
  const cache: { bank?: Buffer; qr?: string } = {};
  const page = (ex: Exchange, file: WebFile | undefined, status = 200) => {
    if (file === undefined) send(ex.res, 503, notBuiltPage(), HTML);
    else send(ex.res, status, file.body, file.type);
  };
  const routes: Readonly<Record<string, Methods>> = {
    '/': { GET: (ex) => page(ex, ctx.web.pages.index) },
    '/present': {
      GET: (ex) => {
        if (tokenMatches(ctx, ex, ex.url.searchParams.get('token') ?? '')) page(ex, ctx.web.pages.present);
        else send(ex.res, 403, wrongTokenPage(), HTML);
      },
    },
    '/qr.svg': { GET: (ex) => getQr(ctx, ex, cache) },
    '/api/bank': { GET: (ex) => getBank(ctx, ex, cache) },
    '/api/session': { GET: (ex) => getSession(ctx, ex) },
    '/api/join': { POST: (ex) => postJoin(ctx, ex) },
    '/api/progress': { GET: (ex) => getProgress(ctx, ex), PUT: (ex) => putProgress(ctx, ex) },
    '/api/answers': { POST: (ex) => postAnswers(ctx, ex) },
    '/api/report': { GET: (ex) => getReport(ctx, ex) },
    '/api/status': { GET: (ex) => getStatus(ctx, ex) },
    '/api/group': { GET: (ex) => getGroup(ctx, ex, group) },
    '/api/group.html': { GET: (ex) => getGroupHtml(ctx, ex, group) },
    '/api/finish': { POST: (ex) => postAccepting(ctx, ex, false) },
    '/api/reopen': { POST: (ex) => postAccepting(ctx, ex, true) },
  };

  /** `/j/CODE` and `/assets/NAME`: the two paths with a part that varies, matched by exact lookups. */
  const dynamic = (path: string): Methods | undefined => {
    if (path.startsWith('/j/')) {
      const code = path.slice(3);
      return {
        GET: (ex) => {
          if (/^[A-Za-z0-9]{1,16}$/.test(code) && codeMatches(ctx, ex, code)) page(ex, ctx.web.pages.participant);
          else send(ex.res, 404, unknownCodePage(), HTML);
        },
      };
    }
    if (path.startsWith('/assets/')) {
      const asset = ctx.web.assets.get(path.slice('/assets/'.length));
      return asset === undefined ? undefined : { GET: (ex) => send(ex.res, 200, asset.body, asset.type) };
    }
    return undefined;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const address = req.socket.remoteAddress ?? 'unknown';
    const wait = ctx.limiter.request(address);
    if (wait !== undefined) throw new HttpError(429, 'rate-limited', 'too many requests from this address; try again later', {}, { 'Retry-After': String(wait) });
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://workshop.invalid');
    } catch {
      throw new HttpError(400, 'bad-request', 'the request target is not a valid path');
    }
    const methods = Object.hasOwn(routes, url.pathname) ? routes[url.pathname] : dynamic(url.pathname);
    if (methods === undefined) {
      // A person who typed a wrong address gets a page; scripts and the API get JSON.
      if (!url.pathname.startsWith('/api/') && (req.headers.accept ?? '').includes('text/html')) return send(res, 404, notFoundPage(), HTML);
      throw new HttpError(404, 'not-found', 'no such path');
    }
    const method = req.method === 'HEAD' ? 'GET' : (req.method ?? '');
    const handler = method === 'GET' || method === 'POST' || method === 'PUT' ? methods[method] : undefined;
    if (handler === undefined) {
      const allowed = Object.keys(methods);
      throw new HttpError(405, 'method-not-allowed', `use ${allowed.join(' or ')}`, {}, { Allow: [...allowed, ...(allowed.includes('GET') ? ['HEAD'] : [])].join(', ') });
    }
    await handler({ req, res, url, method, address });
  };

  const silent = new WeakMap<Socket, NodeJS.Timeout>();
  const server = createServer((req, res) => {
    clearTimeout(silent.get(req.socket));
    req.on('error', () => undefined);
    res.on('error', () => undefined);
    handle(req, res).catch((error: unknown) => {
      if (error instanceof HttpError) return sendError(res, error);
      // Unexpected: the trainer sees one line, the client a bare 500; nothing of the internals leaks.
      const storage = error instanceof InputError;
      ctx.log(`diag workshop: ${req.method ?? ''} ${(req.url ?? '').split('?')[0] ?? ''}: ${error instanceof Error ? error.message : String(error)}`);
      if (res.headersSent) res.destroy();
      else sendError(res, new HttpError(500, storage ? 'storage' : 'internal', storage ? 'the answers could not be saved; try again' : 'internal error'));
    });
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  // Phones keep their connection between a saved answer and the next; a long idle time avoids a
  // client reusing a socket the server is just closing. maxConnections bounds what idle sockets cost.
  server.keepAliveTimeout = 30_000;
  server.maxConnections = 2000;
  server.maxHeadersCount = 100;
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? 'unknown';
    const count = (open.get(address) ?? 0) + 1;
    if (count > CONNECTIONS_PER_ADDRESS) {
      socket.destroy();
      return;
    }
    open.set(address, count);
    const timer = setTimeout(() => socket.destroy(), FIRST_REQUEST_MS);
    timer.unref();
    silent.set(socket, timer);
    socket.once('close', () => {
      clearTimeout(timer);
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
  // Requests node:http refuses before any handler runs: say why in the status, nothing more.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
    if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    else socket.destroy();
  });
  return server;
}
