import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bank } from '../../src/core/index.js';
import { BIN, ROOT, diag, hasStackTrace } from './run-cli.js';
import { alwaysAskedLikert, answersFor, getJson, postJson, startWorkshop, storedFiles, type RunningWorkshop } from './workshop-api-server.js';

const temp = mkdtempSync(join(tmpdir(), 'diag-workshop-api-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Sends raw bytes and resolves with whatever the server answered before closing. */
function rawRequest(port: number, bytes: string | Buffer): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('error', () => resolve(answer));
    socket.on('close', () => resolve(answer));
    socket.write(bytes);
    setTimeout(() => socket.destroy(), 1500);
  });
}

describe('diag workshop: the HTTP API', () => {
  const dir = join(temp, 'session');
  let ws: RunningWorkshop;
  let bank: Bank;
  /** The participant whose submission the test of storage made. */
  let submitted = '';
  const api = (path: string, params: Record<string, string> = {}) => {
    const url = new URL(path, ws.base);
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
    return url.toString();
  };
  const withCode = (path: string, params: Record<string, string> = {}) => api(path, { code: ws.code, ...params });
  const withToken = (path: string) => api(path, { token: ws.token });

  beforeAll(async () => {
    ws = await startWorkshop(dir, ['--min-group', '3']);
    const response = await getJson(withCode('/api/bank'));
    expect(response.status).toBe(200);
    bank = response.body as Bank;
  }, 30_000);
  afterAll(async () => {
    if (ws.child.exitCode === null) await ws.stop();
  }, 30_000);

  it('prints the join and present lines, a QR code and how to stop', () => {
    expect(ws.code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/);
    expect(ws.token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(ws.stdout()).toMatch(/▀|█/);
    expect(ws.stdout()).toContain('Ctrl-C');
    expect(ws.stdout().match(/^join: /gm)).toHaveLength(1);
    expect(ws.stdout().match(/^present: /gm)).toHaveLength(1);
  }, 30_000);

  it('sends the security headers on every response, errors included', async () => {
    for (const url of [withCode('/api/bank'), api('/api/bank', { code: 'WRONG1' }), api('/nothing-here'), api('/')]) {
      const response = await fetch(url);
      await response.arrayBuffer();
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
  }, 30_000);

  it('gives the validated bank and the session for the right code only (any case)', async () => {
    expect(bank.id).toBe('transformation');
    expect((await getJson(api('/api/bank', { code: ws.code.toLowerCase() }))).status).toBe(200);
    const wrong = await getJson(api('/api/bank', { code: 'AAAAAA' }));
    expect(wrong.status).toBe(403);
    expect(wrong.body).toMatchObject({ error: 'wrong-code' });
    expect((await getJson(api('/api/bank'))).status).toBe(403);
    const session = await getJson(withCode('/api/session'));
    expect(session.body).toMatchObject({ languages: bank.languages, accepting: true, minGroup: 3 });
  }, 30_000);

  it('joins, saves and gives back progress; refuses unknown ids and values off the scale', async () => {
    const joined = await postJson(withCode('/api/join'), {});
    expect(joined.status).toBe(201);
    const participant = isObject(joined.body) ? String(joined.body.participant) : '';
    expect(participant).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect((await getJson(withCode('/api/progress', { participant }))).status).toBe(404);
    const likert = alwaysAskedLikert(bank);
    if (likert === undefined) throw new Error('the bank has no likert question');
    const partial = { answers: { [likert.id]: answersFor(bank)[likert.id] }, respondent: 'Ana', lang: 'fr', position: likert.id };
    expect((await postJson(withCode('/api/progress', { participant }), partial, 'PUT')).status).toBe(204);
    const saved = await getJson(withCode('/api/progress', { participant }));
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject(partial);
    const offScale = await postJson(withCode('/api/progress', { participant }), { answers: { [likert.id]: 99 } }, 'PUT');
    expect(offScale.status).toBe(400);
    expect(JSON.stringify(offScale.body)).toContain('bad-value');
    const unknownId = await postJson(withCode('/api/progress', { participant }), { answers: { 'no.such.question': 1 } }, 'PUT');
    expect(unknownId.status).toBe(400);
    expect((await postJson(withCode('/api/progress', { participant }), '{"answers": {', 'PUT')).status).toBe(400);
    expect((await postJson(withCode('/api/progress', { participant }), { answers: { x: 'y'.repeat(70_000) } }, 'PUT')).status).toBe(413);
    expect((await getJson(withCode('/api/progress', { participant: 'A'.repeat(22) }))).status).toBe(404);
    expect((await getJson(withCode('/api/progress', { participant: '../../etc/passwd' }))).status).toBe(404);
    expect((await getJson(withCode('/api/progress', { participant }))).body).toMatchObject(partial);
  }, 30_000);

  it('refuses bad answers with the problems, storing nothing, and keeps running', async () => {
    const likert = alwaysAskedLikert(bank);
    if (likert === undefined) throw new Error('the bank has no likert question');
    const before = storedFiles(dir);
    const offScale = await postJson(withCode('/api/answers'), { bank: bank.id, answers: { ...answersFor(bank), [likert.id]: 42 } });
    expect(offScale.status).toBe(400);
    expect(isObject(offScale.body) && Array.isArray(offScale.body.problems) && offScale.body.problems.length).toBeGreaterThan(0);
    const cases = [
      await postJson(withCode('/api/answers'), '{"bank": "transformation", "answers": '),
      await postJson(withCode('/api/answers'), ''),
      await postJson(withCode('/api/answers'), '[1, 2, 3]'),
      await postJson(withCode('/api/answers'), { bank: 'another-bank', answers: answersFor(bank) }),
      await postJson(withCode('/api/answers'), { bank: bank.id, answers: { 'no.such.question': 1 } }),
      await postJson(withCode('/api/answers'), '['.repeat(100_000)),
    ];
    expect(cases.map((c) => c.status)).toEqual([400, 400, 400, 400, 400, 400]);
    const wrongCode = await postJson(api('/api/answers', { code: 'ZZZZZZ' }), { bank: bank.id, answers: answersFor(bank) });
    expect(wrongCode.status).toBe(403);
    const unknownParticipant = await postJson(withCode('/api/answers', { participant: 'B'.repeat(22) }), { bank: bank.id, answers: answersFor(bank) });
    expect(unknownParticipant.status).toBe(404);
    const huge = await postJson(withCode('/api/answers'), { bank: bank.id, respondent: 'x'.repeat(2 * 1024 * 1024), answers: answersFor(bank) });
    expect(huge.status).toBe(413);
    // The client, still sending, reads the 413: the server drains the body before it answers (the
    // connection cut under it was a "fetch failed", EPIPE, on a busy machine).
    for (let i = 0; i < 4; i++) expect((await postJson(withCode('/api/answers'), { bank: bank.id, respondent: 'y'.repeat(3 * 1024 * 1024), answers: answersFor(bank) })).status).toBe(413);
    for (const response of [offScale, ...cases, wrongCode, unknownParticipant, huge]) {
      expect(hasStackTrace(response.text)).toBe(false);
      expect(response.headers.get('content-type')).toContain('application/json');
    }
    expect(storedFiles(dir)).toEqual(before);
    expect((await getJson(withCode('/api/session'))).status).toBe(200);
  }, 30_000);

  it('stores a submission as run --out-dir does, escapes the pseudonym in HTML, and is idempotent per participant', async () => {
    const joined = await postJson(withCode('/api/join'), {});
    const participant = isObject(joined.body) ? String(joined.body.participant) : '';
    submitted = participant;
    const before = storedFiles(dir).reports.length;
    const answers = { bank: bank.id, respondent: '<script>alert(1)</script>', lang: 'en', answers: answersFor(bank, 1) };
    const first = await postJson(withCode('/api/answers', { participant }), answers);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ respondent: '<script>alert(1)</script>', bank: { id: bank.id }, lang: 'en' });
    const again = await postJson(withCode('/api/answers', { participant }), answers);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const files = storedFiles(dir);
    expect(files.reports).toHaveLength(before + 1);
    expect(files.answers).toHaveLength(before + 1);
    const newest = files.reports.find((f) => f.includes('script'));
    expect(newest).toBeDefined();
    expect(JSON.parse(readFileSync(join(dir, newest ?? ''), 'utf8'))).toEqual(first.body);
    // Stored exactly as `diag run --out-dir` does: `diag score` reads the answers back to the same scores.
    const answerFile = files.answers.find((f) => f.includes('script')) ?? '';
    const rescored = diag(['score', join(dir, 'answers', answerFile), '--format', 'json']);
    expect(rescored.code).toBe(0);
    expect(JSON.parse(rescored.stdout).scores).toEqual(isObject(first.body) ? first.body.scores : undefined);
    const html = await fetch(withCode('/api/report', { participant, format: 'html' }));
    const page = await html.text();
    expect(html.status).toBe(200);
    expect(html.headers.get('content-disposition')).toBe(`attachment; filename="diag-${bank.id}-report.html"`);
    expect(page).not.toContain('<script>alert(1)</script>');
    expect(page).toContain('&#60;script&#62;');
    const json = await getJson(withCode('/api/report', { participant, format: 'json' }));
    expect(json.body).toEqual(first.body);
    expect((await getJson(withCode('/api/report', { participant, format: 'pdf' }))).status).toBe(400);
    expect((await getJson(withCode('/api/progress', { participant }))).status).toBe(404);
    expect((await postJson(withCode('/api/progress', { participant }), { answers: {} }, 'PUT')).status).toBe(409);
  }, 30_000);

  it('keeps its state files private', () => {
    const state = join(dir, '.diag-workshop');
    expect(statSync(state).mode & 0o777).toBe(0o700);
    expect(statSync(join(state, 'session.json')).mode & 0o777).toBe(0o600);
    for (const name of readdirSync(join(state, 'participants'))) expect(statSync(join(state, 'participants', name)).mode & 0o777).toBe(0o600);
    // Only hashes of participant tokens reach the disk.
    expect(readdirSync(join(state, 'participants')).every((name) => /^[0-9a-f]{64}\.json$/.test(name))).toBe(true);
  }, 30_000);

  it('answers the trainer with the token only', async () => {
    const status = await getJson(withToken('/api/status'));
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ joined: 2, finished: 1, accepting: true, shown: 0, nextAt: 3, minGroup: 3, code: ws.code, join: ws.join });
    const qr = await fetch(withToken('/qr.svg'));
    expect(qr.headers.get('content-type')).toBe('image/svg+xml');
    expect(await qr.text()).toContain('<svg');
    const group = await fetch(withToken('/api/group.html'));
    expect(group.headers.get('content-disposition')).toContain('attachment');
    expect(await group.text()).not.toContain('<script>alert(1)</script>');
    expect((await fetch(api('/present', { token: ws.token }))).status).not.toBe(403);
  }, 30_000);

  it('stops taking answers after finish, and again after reopen', async () => {
    const finished = await postJson(withToken('/api/finish'), {});
    expect(finished.body).toMatchObject({ accepting: false });
    const closed = await postJson(withCode('/api/answers'), { bank: bank.id, answers: answersFor(bank) });
    expect(closed.status).toBe(409);
    expect(closed.body).toMatchObject({ error: 'closed' });
    // A participant whose answers were taken before Finish still gets them back when sending again.
    const stored = storedFiles(dir).reports.map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')));
    const earlier = stored.find((report) => report.respondent === '<script>alert(1)</script>');
    expect(earlier).toBeDefined();
    expect((await postJson(withCode('/api/answers', { participant: submitted }), { bank: bank.id, answers: answersFor(bank, 1) })).body).toEqual(earlier);
    expect((await postJson(withCode('/api/join'), {})).status).toBe(409);
    expect((await getJson(withCode('/api/session'))).body).toMatchObject({ accepting: false });
    expect((await postJson(withToken('/api/reopen'), {})).body).toMatchObject({ accepting: true });
  }, 30_000);

  it('serves the built pages and assets from memory, or says they are not built', async () => {
    const web = join(ROOT, 'dist', 'web');
    const pages = [api('/'), api(`/j/${ws.code}`), api('/present', { token: ws.token })];
    if (existsSync(join(web, 'participant.html'))) {
      const shells = await Promise.all(pages.map(async (url) => (await fetch(url)).text()));
      expect(shells).toEqual(['index.html', 'participant.html', 'present.html'].map((name) => readFileSync(join(web, name), 'utf8')));
      for (const name of readdirSync(join(web, 'assets'))) {
        const asset = await fetch(api(`/assets/${name}`));
        expect(asset.status).toBe(200);
        expect(asset.headers.get('content-type')).toMatch(name.endsWith('.js') ? /^text\/javascript/ : name.endsWith('.css') ? /^text\/css/ : /./);
        expect(Buffer.from(await asset.arrayBuffer()).equals(readFileSync(join(web, 'assets', name)))).toBe(true);
      }
    } else {
      for (const url of pages) {
        const response = await fetch(url);
        expect(response.status).toBe(503);
        expect(await response.text()).toMatch(/npm run build/);
      }
    }
    const head = await fetch(withCode('/api/session'), { method: 'HEAD' });
    expect([head.status, await head.text()]).toEqual([200, '']);
  }, 30_000);

  it('never lets a path reach the file system, and says 404, 405 as it should', async () => {
    for (const path of ['/../../etc/passwd', '/assets/../package.json', '/assets/%2e%2e/package.json', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2fpackage.json', '/assets/%2e%2e%2f%2e%2e%2fetc%2fpasswd', '/j/../../etc/passwd', '/api/../../etc/passwd', '/assets/', '/favicon.ico', '/api/nope']) {
      const response = await getJson(api('/') + path.slice(1));
      expect([path, response.status]).toEqual([path, 404]);
      expect(response.text).not.toMatch(/root:|"name": "diag"/);
    }
    // fetch tidies paths itself; the raw bytes reach the server as a hostile client sends them.
    for (const path of ['/../../etc/passwd', '/assets/../../package.json', '/assets/%2e%2e/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json', '/assets/%2E%2E%5C%2E%2E%5Cpackage.json', '/j/../../etc/passwd']) {
      const raw = await rawRequest(Number(new URL(ws.base).port), `GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      expect([path, raw.slice(0, 12)]).toEqual([path, 'HTTP/1.1 404']);
      expect(raw).not.toMatch(/root:|"name": "diag"/);
    }
    const deleted = await getJson(withCode('/api/bank'), { method: 'DELETE' });
    expect(deleted.status).toBe(405);
    expect(deleted.headers.get('allow')).toBe('GET, HEAD');
    expect((await getJson(withCode('/api/answers'))).status).toBe(405);
    expect((await getJson(api('/j/' + ws.code))).status).not.toBe(404);
  }, 30_000);

  it('answers a body over the limit with a 413 that a client still sending can read (the connection is not cut under it)', async () => {
    const port = Number(new URL(ws.base).port);
    const size = 3 * 1024 * 1024;
    const result = await new Promise<{ answer: string; failure: string; whole: boolean }>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      let answer = '';
      let failure = '';
      socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
      socket.on('error', (error: NodeJS.ErrnoException) => (failure ||= error.code ?? error.message));
      let sent = 0;
      socket.on('close', () => resolve({ answer, failure, whole: sent >= size }));
      socket.write(`POST /api/answers?code=${ws.code} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${size}\r\n\r\n`);
      // Slowly, so that the answer comes while the body is still on its way.
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const next = (): void => {
        if (sent >= size || socket.destroyed) {
          setTimeout(() => socket.end(), 200);
          return;
        }
        sent += chunk.length;
        socket.write(chunk, () => setTimeout(next, 2));
      };
      next();
    });
    expect(result).toMatchObject({ failure: '', whole: true });
    expect(result.answer.slice(0, 12)).toBe('HTTP/1.1 413');
  }, 30_000);

  it('survives garbage, half requests and lies about the length', async () => {
    const port = Number(new URL(ws.base).port);
    const answers = await Promise.all([
      rawRequest(port, Buffer.from([0, 1, 2, 255, 254, 13, 10, 13, 10])),
      rawRequest(port, 'GARBAGE / HTTP/9.9\r\n\r\n'),
      rawRequest(port, `POST /api/answers?code=${ws.code} HTTP/1.1\r\nHost: x\r\nContent-Length: 5000000\r\n\r\n{}`),
      rawRequest(port, `POST /api/answers?code=${ws.code} HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n{`),
      rawRequest(port, `GET /api/session?code=${ws.code} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n${'X-Many: y\r\n'.repeat(2000)}\r\n`),
      rawRequest(port, `GET /api/session?code=${ws.code} HTTP/1.1\r\nHost: x\r\nX-Long: ${'y'.repeat(40_000)}\r\n\r\n`),
    ]);
    expect(answers.map((a) => a.slice(0, 12))).toEqual(['HTTP/1.1 400', 'HTTP/1.1 400', 'HTTP/1.1 413', '', 'HTTP/1.1 200', 'HTTP/1.1 431']);
    for (const answer of answers) expect(hasStackTrace(answer)).toBe(false);
    expect((await getJson(withCode('/api/session'))).status).toBe(200);
    expect(hasStackTrace(ws.stderr())).toBe(false);
  }, 30_000);
});

describe('diag workshop: rate limits', () => {
  it('refuses every trainer request without the token, then the address after 10 wrong secrets, even with the right one', async () => {
    const ws = await startWorkshop(join(temp, 'limits'));
    try {
      // Ten wrong secrets, on every kind of endpoint that takes one.
      for (const path of ['/api/status', '/api/group', '/api/group.html', '/qr.svg', '/api/finish', '/api/reopen']) {
        const post = path === '/api/finish' || path === '/api/reopen';
        const response = await getJson(`${ws.base}${path}?token=${'x'.repeat(22)}`, post ? { method: 'POST' } : {});
        expect([path, response.status]).toEqual([path, 403]);
        expect(response.body).toMatchObject({ error: 'wrong-token' });
      }
      const page = await fetch(`${ws.base}/present?token=nope`);
      expect(page.status).toBe(403);
      expect(await page.text()).toMatch(/Accès refusé[\s\S]*Access denied/);
      const unknown = await fetch(`${ws.base}/j/AAAAAA`);
      expect(unknown.status).toBe(404);
      expect(await unknown.text()).toMatch(/Code inconnu[\s\S]*Unknown code/);
      expect((await getJson(`${ws.base}/api/bank?code=WRONG1`)).status).toBe(403);
      expect((await getJson(`${ws.base}/api/answers?code=WRONG2`, { method: 'POST', body: '{}' })).status).toBe(403);
      // The eleventh, right or wrong, is refused.
      const refused = await getJson(`${ws.base}/api/bank?code=${ws.code}`);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await getJson(`${ws.base}/api/status?token=${ws.token}`)).status).toBe(429);
      expect((await fetch(`${ws.base}/j/${ws.code}`)).status).toBe(429);
    } finally {
      await ws.stop();
    }
  }, 30_000);
});

describe('diag workshop: the command line', () => {
  it('refuses --min-group below 3, a bad --by and a bad --port, with exit 2', () => {
    for (const args of [['--min-group', '2'], ['--min-group', 'x'], ['--by', 'nope'], ['--port', '70000']]) {
      const result = diag(['workshop', join(temp, 'refused'), '--host', '127.0.0.1', '--port', '0', ...args]);
      expect([args, result.code]).toEqual([args, 2]);
      expect(hasStackTrace(result.stderr)).toBe(false);
    }
  }, 30_000);

  it('keeps serving when its output is a pipe closed early (diag workshop DIR | head -1)', async () => {
    // Its own process group, so that the test can stop the server it started behind the pipe.
    const shell = spawn('sh', ['-c', '"$0" "$1" workshop "$2" --host 127.0.0.1 --port 0 | head -1', process.execPath, BIN, join(temp, 'piped')], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    shell.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    shell.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    try {
      for (let i = 0; i < 100 && !/\/j\/\w+\n/.test(out); i++) await new Promise((done) => setTimeout(done, 100));
      const join = /^join: (http:\/\/[^/]+)\/j\/(\w+)$/m.exec(out);
      expect(join).not.toBeNull();
      // The rest of the banner went to a closed pipe by now; the server must still answer.
      await new Promise((done) => setTimeout(done, 500));
      const session = await getJson(`${join?.[1] ?? ''}/api/session?code=${join?.[2] ?? ''}`);
      expect(session.status).toBe(200);
      expect(err).not.toMatch(/EPIPE|Unhandled/);
    } finally {
      if (shell.pid !== undefined) process.kill(-shell.pid, 'SIGINT');
    }
  }, 30_000);

  it('refuses to start on a report in DIR it cannot count, as diag aggregate DIR refuses it: the same figures or none (EN, FR)', async () => {
    const dir = join(temp, 'unreadable');
    const first = await startWorkshop(dir);
    const bank = (await getJson(`${first.base}/api/bank?code=${first.code}`)).body as Bank;
    expect((await postJson(`${first.base}/api/answers?code=${first.code}`, { bank: bank.id, respondent: 'Ann', answers: answersFor(bank) })).status).toBe(201);
    expect(await first.stop()).toBe(130);
    writeFileSync(join(dir, 'diag-transformation-cut.json'), '{"bank": {"id": "transf');
    // Skipped by both, with a warning: a Mac's AppleDouble file, a folder, a FIFO (read, it would wait forever).
    writeFileSync(join(dir, '._diag-transformation-ann.json'), Buffer.from([0, 5, 22, 7, 0, 2]));
    mkdirSync(join(dir, 'old.json'));
    execFileSync('mkfifo', [join(dir, 'pipe.json')]);
    writeFileSync(join(dir, 'diag-transformation-other.json'), JSON.stringify({ bank: 'sus', answers: {} }));
    writeFileSync(join(dir, 'zoe.yaml'), `bank: transformation\nanswers: {}\n`);
    const start = (env: Record<string, string>) =>
      spawnSync(process.execPath, [BIN, 'workshop', dir, '--host', '127.0.0.1', '--port', '0'], { cwd: ROOT, encoding: 'utf8', timeout: 15_000, env: { ...process.env, NO_COLOR: '1', LANG: 'C', LC_ALL: '', ...env } });
    const en = start({});
    expect({ code: en.status, stdout: en.stdout }).toEqual({ code: 2, stdout: '' });
    expect(en.stderr.split('\n')).toEqual([
      `diag: ${dir}: 3 files cannot be counted; fix or move them out of the folder: the group screen counts what diag aggregate ${dir} counts, and it refuses them too`,
      `  zoe.yaml: not a report (.json); diag aggregate ${dir} would read it, the group screen cannot`,
      '  diag-transformation-cut.json: not valid JSON',
      '  diag-transformation-other.json: not a valid report of bank transformation',
      '',
    ]);
    const fr = start({ LANG: 'fr_FR.UTF-8' });
    expect(fr.status).toBe(2);
    expect(fr.stderr).toContain(`diag: ${dir} : 3 fichiers ne peuvent pas être comptés ; corrigez-les ou sortez-les du dossier`);
    expect(fr.stderr).toContain('  diag-transformation-cut.json : ce n’est pas du JSON valide\n');
    // diag aggregate DIR refuses the same folder.
    expect(diag(['aggregate', dir]).code).toBe(2);
    // Moved away, both count the one participant.
    rmSync(join(dir, 'diag-transformation-cut.json'));
    rmSync(join(dir, 'diag-transformation-other.json'));
    rmSync(join(dir, 'zoe.yaml'));
    const again = await startWorkshop(dir);
    try {
      expect((await getJson(`${again.base}/api/status?token=${again.token}`)).body).toMatchObject({ finished: 1 });
      expect(again.stderr()).toContain(`warning: ${join(dir, 'pipe.json')}: skipped, a FIFO`);
    } finally {
      await again.stop();
    }
    expect(JSON.parse(diag(['aggregate', dir, '--min-group', '3', '-f', 'json']).stdout).count).toBe(1);
  }, 40_000);

  it('gives a participant killed in the middle of the submission the report written for them, when their page sends it again', async () => {
    const dir = join(temp, 'pending');
    const first = await startWorkshop(dir);
    const joined = await postJson(`${first.base}/api/join?code=${first.code}`, {});
    const participant = isObject(joined.body) ? String(joined.body.participant) : '';
    const bank = (await getJson(`${first.base}/api/bank?code=${first.code}`)).body as Bank;
    expect(await first.stop()).toBe(130);
    // What a kill -9 between the report and the participant's file leaves: the report, and the
    // participant marked as being written, with no 201 sent.
    const answers = join(temp, 'pending-answers.json');
    writeFileSync(answers, JSON.stringify({ bank: bank.id, respondent: 'Zed', answers: answersFor(bank, 2) }));
    const report = join(dir, 'diag-transformation-zed-2026-12-01-0900.json');
    expect(diag(['score', answers, '--format', 'json', '-o', report]).code).toBe(0);
    const written = JSON.parse(readFileSync(report, 'utf8'));
    const record = join(dir, '.diag-workshop', 'participants', `${createHash('sha256').update(participant).digest('hex')}.json`);
    writeFileSync(record, JSON.stringify({ joinedAt: JSON.parse(readFileSync(record, 'utf8')).joinedAt, pending: { createdAt: written.createdAt, respondent: 'Zed' } }));
    const second = await startWorkshop(dir);
    try {
      const resent = await postJson(`${second.base}/api/answers?code=${second.code}&participant=${participant}`, { bank: bank.id, respondent: 'Zed', answers: answersFor(bank, 2) });
      expect(resent.status).toBe(200);
      expect(resent.body).toEqual(written);
      expect(storedFiles(dir).reports).toEqual(['diag-transformation-zed-2026-12-01-0900.json']);
      expect((await getJson(`${second.base}/api/status?token=${second.token}`)).body).toMatchObject({ joined: 1, finished: 1 });
      expect(second.stderr()).not.toMatch(/not made by this session/);
    } finally {
      await second.stop();
    }
  }, 30_000);

  // A disk full between the report and its answers (here: a file where the answers/ folder goes)
  // left the report in DIR with a 500: `diag aggregate DIR` counted it, the group screen did not,
  // and each retry of the page left one more copy of the same person.
  it('leaves no report in DIR when its answers cannot be written; the page can send again', async () => {
    const dir = join(temp, 'half-written');
    const ws = await startWorkshop(dir);
    try {
      writeFileSync(join(dir, 'answers'), 'in the way\n');
      const bank = (await getJson(`${ws.base}/api/bank?code=${ws.code}`)).body as Bank;
      const joined = await postJson(`${ws.base}/api/join?code=${ws.code}`, {});
      const participant = isObject(joined.body) ? String(joined.body.participant) : '';
      const send = () => postJson(`${ws.base}/api/answers?code=${ws.code}&participant=${participant}`, { bank: bank.id, answers: answersFor(bank, 1) });
      for (let i = 0; i < 2; i++) expect((await send()).status).toBe(500);
      expect(readdirSync(dir).filter((f) => f.endsWith('.json'))).toEqual([]);
      rmSync(join(dir, 'answers'));
      expect((await send()).status).toBe(201);
      expect(storedFiles(dir).reports).toHaveLength(1);
      expect((await getJson(`${ws.base}/api/status?token=${ws.token}`)).body).toMatchObject({ finished: 1 });
    } finally {
      await ws.stop();
    }
  }, 30_000);

  it('stops on Ctrl-C (130) and SIGTERM (143); a restart keeps the code, the token, the participants and their progress', async () => {
    const dir = join(temp, 'restart');
    const first = await startWorkshop(dir);
    const joined = await postJson(`${first.base}/api/join?code=${first.code}`, {});
    const participant = isObject(joined.body) ? String(joined.body.participant) : '';
    expect((await postJson(`${first.base}/api/progress?code=${first.code}&participant=${participant}`, { answers: {}, respondent: 'Bo' }, 'PUT')).status).toBe(204);
    const bank = (await getJson(`${first.base}/api/bank?code=${first.code}`)).body as Bank;
    expect((await postJson(`${first.base}/api/answers?code=${first.code}`, { bank: bank.id, answers: answersFor(bank) })).status).toBe(201);
    expect(await first.stop('SIGINT')).toBe(130);
    const second = await startWorkshop(dir);
    expect([second.code, second.token]).toEqual([first.code, first.token]);
    expect((await getJson(`${second.base}/api/status?token=${second.token}`)).body).toMatchObject({ joined: 2, finished: 1 });
    expect((await getJson(`${second.base}/api/progress?code=${second.code}&participant=${participant}`)).body).toMatchObject({ respondent: 'Bo' });
    // A second server on the same folder is refused while the first runs.
    const twin = diag(['workshop', dir, '--host', '127.0.0.1', '--port', '0']);
    expect(twin.code).toBe(2);
    expect(twin.stderr).toMatch(/already running/);
    // A port given and taken is an error (only the default port falls back to a free one).
    const busy = diag(['workshop', join(temp, 'busy'), '--host', '127.0.0.1', '--port', new URL(second.base).port]);
    expect(busy.code).toBe(2);
    expect(busy.stderr).toMatch(/in use/);
    expect(hasStackTrace(busy.stderr)).toBe(false);
    expect(await second.stop('SIGTERM')).toBe(143);
    // A folder of another bank is refused.
    const other = diag(['workshop', dir, '--bank', 'tests/fixtures/banks/sample.yaml', '--host', '127.0.0.1', '--port', '0']);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/holds a workshop of bank "transformation"/);
    expect(hasStackTrace(other.stderr)).toBe(false);
  }, 30_000);
});
