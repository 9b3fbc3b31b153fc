import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
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
    const timer = setTimeout(() => reject(new Error(`the workshop server printed no URLs in 15 s\nstdout: ${out}\nstderr: ${err}`)), 15000);
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
