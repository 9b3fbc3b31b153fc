/// <reference lib="dom" />
/** Calls to the workshop server (docs/workshop-api.md). Same origin only: the CSP allows nothing else. */

/** status 0: the server could not be reached at all (network down, server stopped). */
export interface ApiResult {
  ok: boolean;
  status: number;
  body: unknown;
}

export async function api(method: string, path: string, params: Record<string, string>, body?: unknown, keepalive = false): Promise<ApiResult> {
  const query = new URLSearchParams(params).toString();
  let response: Response;
  try {
    response = await fetch(`${path}?${query}`, {
      method,
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
      credentials: 'omit',
      keepalive,
    });
  } catch {
    return { ok: false, status: 0, body: undefined };
  }
  let parsed: unknown = undefined;
  if (response.status !== 204) {
    try {
      parsed = await response.json();
    } catch {
      parsed = undefined;
    }
  }
  return { ok: response.ok, status: response.status, body: parsed };
}

/** The `problems` of a 400 answer, as lines to show. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function numberField(value: unknown, key: string, fallback = 0): number {
  const field = isRecord(value) ? value[key] : undefined;
  return typeof field === 'number' && Number.isFinite(field) ? field : fallback;
}

export function stringField(value: unknown, key: string): string | undefined {
  const field = isRecord(value) ? value[key] : undefined;
  return typeof field === 'string' ? field : undefined;
}

export function problemLines(body: unknown): string[] {
  if (typeof body !== 'object' || body === null || !('problems' in body) || !Array.isArray(body.problems)) return [];
  return body.problems.map((p: unknown) => (typeof p === 'object' && p !== null && 'message' in p && typeof p.message === 'string' ? p.message : String(p)));
}
