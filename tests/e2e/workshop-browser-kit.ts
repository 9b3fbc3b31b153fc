import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { applyConditions, type AnswerValue, type Bank, type Question } from '../../src/core/index.js';
import { BIN, ROOT } from './run-cli.js';

/** Shared by the browser tests of `diag workshop`: the real server, a real Chromium, axe-core. */

export const CHROMIUM = '/usr/bin/chromium';
export const canRunBrowser = existsSync(CHROMIUM) && existsSync(join(ROOT, 'dist/web/participant.html'));

export interface Workshop {
  server: ChildProcess;
  join: string;
  present: string;
  origin: string;
  code: string;
  token: string;
  stdout: () => string;
  stderr: () => string;
  stop: () => Promise<void>;
}

/** Starts `diag workshop DIR` on 127.0.0.1 with a free port and reads the two URLs it prints. */
export function startWorkshop(dir: string, extra: string[] = [], port = 0): Promise<Workshop> {
  const server = spawn(process.execPath, [BIN, 'workshop', dir, '--host', '127.0.0.1', '--port', String(port), ...extra], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', LANG: 'C', LC_ALL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  server.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (server.exitCode !== null || server.signalCode !== null) return resolve();
      server.once('exit', () => resolve());
      server.kill('SIGINT');
      setTimeout(() => server.kill('SIGKILL'), 3000).unref();
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the workshop server printed no URLs in 30 s\nstdout: ${out}\nstderr: ${err}`)), 30000);
    server.on('exit', (code) => reject(new Error(`the workshop server exited (${code})\nstdout: ${out}\nstderr: ${err}`)));
    server.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const join = /^join: (http:\/\/\S+)$/m.exec(out)?.[1];
      const present = /^present: (http:\/\/\S+)$/m.exec(out)?.[1];
      if (join === undefined || present === undefined) return;
      clearTimeout(timer);
      const url = new URL(present);
      resolve({
        server,
        join,
        present,
        origin: url.origin,
        code: join.split('/j/')[1] ?? '',
        token: url.searchParams.get('token') ?? '',
        stdout: () => out,
        stderr: () => err,
        stop,
      });
    });
  });
}

export async function launchBrowser(): Promise<Browser> {
  const { default: puppeteer } = await import('puppeteer-core');
  return puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    userDataDir: mkdtempSync(join(tmpdir(), 'diag-chromium-')),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** The browser's language (navigator.languages and Accept-Language), as a phone set to it would send. */
export async function setBrowserLanguage(page: Page, languages: string): Promise<void> {
  const cdp = await page.createCDPSession();
  await cdp.send('Network.setUserAgentOverride', { userAgent: await page.browser().userAgent(), acceptLanguage: languages });
}

/** Every console error and CSP refusal of a page, so a test can assert there was none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error instanceof Error ? error.message : String(error)}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/favicon|status of 4\d\d/.test(message.text())) errors.push(`console: ${message.text()}`);
  });
  return errors;
}

const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core on the page as it is and returns the serious and critical violations. The script
 * is evaluated through the DevTools protocol, which the page's CSP does not govern, so the page
 * is checked under its real CSP (no bypass).
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => JSON.stringify(n.target)).slice(0, 3) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id}: ${v.targets.join(' ')}`);
}

/** An answer for each question a respondent would be asked, chosen by `pick` (default: the first option). */
export function answersFor(bank: Bank, pick: (question: Question) => AnswerValue | undefined = () => undefined): Record<string, AnswerValue> {
  const answers: Record<string, AnswerValue> = {};
  for (;;) {
    const next = applyConditions(bank, answers).visible.find((q) => !Object.hasOwn(answers, q.id));
    if (next === undefined) return answers;
    answers[next.id] = pick(next) ?? defaultAnswer(next);
  }
}

function defaultAnswer(question: Question): AnswerValue {
  switch (question.type) {
    case 'likert':
    case 'single':
      return question.options[0]?.value ?? null;
    case 'multiple':
      return question.options.slice(0, 1).map((o) => o.value);
    case 'boolean':
      return true;
    case 'number':
      return question.min ?? 1;
    case 'text':
      return question.required ? 'ok' : null;
  }
}

export async function request(url: string, init: RequestInit = {}): Promise<{ status: number; type: string; disposition: string; text: string; json: () => unknown }> {
  const response = await fetch(url, init);
  const text = await response.text();
  return { status: response.status, type: response.headers.get('content-type') ?? '', disposition: response.headers.get('content-disposition') ?? '', text, json: () => JSON.parse(text) };
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * Rewrites a screenshot as a 256-colour PNG, so the README's images stay small: a page's
 * screenshot has a few hundred colours (text smoothing), and the 256 most frequent cover ~99% of
 * its pixels; every other pixel takes the nearest of them.
 */
export function shrinkPng(file: string): void {
  const { PNG } = createRequire(import.meta.url)('pngjs') as { PNG: { sync: { read: (data: Buffer) => { width: number; height: number; data: Buffer } } } };
  const image = PNG.sync.read(readFileSync(file));
  const { width, height, data } = image;
  const counts = new Map<number, number>();
  for (let i = 0; i < data.length; i += 4) {
    const key = ((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const palette = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 256).map(([key]) => key);
  const index = new Map<number, number>(palette.map((key, i) => [key, i]));
  const nearest = (key: number): number => {
    let best = 0;
    let distance = Infinity;
    palette.forEach((p, i) => {
      const d = ((p >> 16) - (key >> 16)) ** 2 + (((p >> 8) & 255) - ((key >> 8) & 255)) ** 2 + ((p & 255) - (key & 255)) ** 2;
      if (d < distance) [best, distance] = [i, d];
    });
    index.set(key, best);
    return best;
  };
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = 0;
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const key = ((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0);
      raw[y * (width + 1) + 1 + x] = index.get(key) ?? nearest(key);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 3, 0, 0, 0], 8);
  const plte = Buffer.from(palette.flatMap((p) => [p >> 16, (p >> 8) & 255, p & 255]));
  writeFileSync(file, Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('PLTE', plte), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]));
}
