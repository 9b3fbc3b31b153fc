import type { IncomingMessage, ServerResponse } from 'node:http';

/** Headers on every response (docs/workshop-api.md, "Pages and assets"). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export const MAX_BODY = 1024 * 1024;
/** After a body over the limit, this much more is read and thrown away (so that the client sees the 413), then the connection is cut. */
const DISCARD_LIMIT = 8 * 1024 * 1024;

/** An answer that ends a request early: status, error code, message, and extra fields. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Readonly<Record<string, unknown>> = {},
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

export function send(res: ServerResponse, status: number, body: string | Buffer, contentType: string, headers: Readonly<Record<string, string>> = {}): void {
  if (res.headersSent) return;
  const payload = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': contentType, 'Content-Length': String(payload.length), ...headers });
  res.end(payload);
}

export function sendJson(res: ServerResponse, status: number, data: unknown, headers: Readonly<Record<string, string>> = {}): void {
  send(res, status, `${JSON.stringify(data)}\n`, 'application/json; charset=utf-8', headers);
}

export function sendEmpty(res: ServerResponse, status: number): void {
  if (res.headersSent) return;
  res.writeHead(status, SECURITY_HEADERS);
  res.end();
}

export function sendError(res: ServerResponse, error: HttpError): void {
  sendJson(res, error.status, { error: error.code, message: error.message, ...error.extra }, error.headers);
}

/**
 * The request body, at most `limit` bytes. Past the limit nothing more is kept: a 413 is raised
 * at once (the caller answers it) and the rest of the body is read and dropped, up to a bound,
 * on a connection kept open: closed with the answer (`Connection: close`), it was cut under a
 * client still sending (EPIPE, "fetch failed" instead of the 413). A body declared beyond the
 * bound gets the 413 and its connection closed.
 */
export function readBody(req: IncomingMessage, res: ServerResponse, limit = MAX_BODY): Promise<Buffer> {
  const tooLarge = (close: boolean) => new HttpError(413, 'too-large', `the body is over ${limit} bytes`, {}, close ? { Connection: 'close' } : {});
  const declared = Number(req.headers['content-length']);
  return new Promise((resolve, reject) => {
    const cut = () => {
      res.on('finish', () => req.destroy());
      reject(tooLarge(true));
    };
    const drain = () => {
      let dropped = 0;
      req.removeAllListeners('data');
      req.on('data', (chunk: Buffer) => {
        dropped += chunk.length;
        if (dropped > DISCARD_LIMIT) req.destroy();
      });
      req.resume();
      reject(tooLarge(false));
    };
    if (Number.isFinite(declared) && declared > limit) {
      if (declared > limit + DISCARD_LIMIT) cut();
      else drain();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        drain();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!over) resolve(Buffer.concat(chunks));
    });
    req.on('error', (error) => reject(new HttpError(400, 'bad-request', `the body could not be read: ${error.message}`)));
    req.on('aborted', () => reject(new HttpError(400, 'bad-request', 'the request was aborted')));
  });
}

/** The body as JSON: 400 for anything else. */
export async function readJsonBody(req: IncomingMessage, res: ServerResponse, limit = MAX_BODY): Promise<unknown> {
  const body = await readBody(req, res, limit);
  const text = body.toString('utf8');
  if (text.trim() === '') throw new HttpError(400, 'bad-json', 'the body is empty; expected JSON');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HttpError(400, 'bad-json', `the body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}
