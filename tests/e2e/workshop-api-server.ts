import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { applyConditions, type AnswerValue, type Bank, type Question } from '../../src/core/index.js';
import { BIN, ROOT } from './run-cli.js';

/** A `diag workshop` child process on 127.0.0.1, with what it printed. */
export interface RunningWorkshop {
  child: ChildProcess;
  join: string;
  present: string;
  base: string;
  code: string;
  token: string;
  stdout: () => string;
  stderr: () => string;
  /** Sends a signal and resolves with the exit code. */
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
  exited: Promise<number | null>;
}

/** Starts the server on a free port of 127.0.0.1 only, and waits for its `join:` and `present:` lines. */
export function startWorkshop(dir: string, args: string[] = [], env: Record<string, string> = {}): Promise<RunningWorkshop> {
  const child = spawn(process.execPath, [BIN, 'workshop', dir, '--host', '127.0.0.1', '--port', '0', ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', LANG: 'C', LC_ALL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.setEncoding('utf8');
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal === null ? null : -1))));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the workshop did not start in time:\n${out}\n${err}`));
    }, 15_000);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the workshop exited with ${code} before starting:\n${out}\n${err}`));
    });
    child.stdout?.on('data', (chunk: string) => {
      out += chunk;
      const join = /^join: (http:\/\/127\.0\.0\.1:\d+\/j\/([A-Z0-9]+))$/m.exec(out);
      const present = /^present: (http:\/\/127\.0\.0\.1:\d+\/present\?token=([A-Za-z0-9_-]+))$/m.exec(out);
      if (join?.[1] === undefined || join[2] === undefined || present?.[1] === undefined || present[2] === undefined) return;
      clearTimeout(timer);
      const joinUrl = join[1];
      resolve({
        child,
        join: joinUrl,
        present: present[1],
        base: new URL(joinUrl).origin,
        code: join[2],
        token: present[2],
        stdout: () => out,
        stderr: () => err,
        exited,
        stop: (signal = 'SIGINT') => {
          child.kill(signal);
          return exited;
        },
      });
    });
  });
}

function valueFor(question: Question, pick: number): AnswerValue {
  switch (question.type) {
    case 'likert':
    case 'single': {
      const option = question.options[pick % question.options.length];
      return option === undefined ? null : option.value;
    }
    case 'multiple': {
      const option = question.options[pick % question.options.length];
      return option === undefined ? [] : [option.value];
    }
    case 'boolean':
      return pick % 2 === 0;
    case 'number':
      return question.min ?? 0;
    case 'text':
      return 'ok';
  }
}

/**
 * Valid answers to every question asked, built from the bank itself (conditions applied as the
 * survey applies them): option number `pick` of each, so that participants differ.
 */
export function answersFor(bank: Bank, pick = 0): Record<string, AnswerValue> {
  const answers: Record<string, AnswerValue> = {};
  for (let round = 0; round < bank.questions.length + 1; round++) {
    const { visible } = applyConditions(bank, answers);
    const missing = visible.filter((q) => !Object.hasOwn(answers, q.id));
    if (missing.length === 0) break;
    for (const question of missing) answers[question.id] = valueFor(question, pick + question.id.length);
  }
  return applyConditions(bank, answers).answers;
}

/** The first likert question that every participant is asked, to put a value off its scale. */
export function alwaysAskedLikert(bank: Bank): Question | undefined {
  return bank.questions.find((q) => q.type === 'likert' && q.when === undefined);
}

/** Report files in DIR (what `diag aggregate DIR` reads) and answer files in DIR/answers. */
export function storedFiles(dir: string): { reports: string[]; answers: string[] } {
  const list = (folder: string, pattern: RegExp) => {
    try {
      return readdirSync(folder).filter((f) => pattern.test(f));
    } catch {
      return [];
    }
  };
  return { reports: list(dir, /\.json$/), answers: list(join(dir, 'answers'), /\.yaml$/) };
}

export async function getJson(url: string, init?: RequestInit): Promise<{ status: number; body: unknown; headers: Headers; text: string }> {
  const response = await fetch(url, init);
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, body, headers: response.headers, text };
}

export function postJson(url: string, data: unknown, method = 'POST'): Promise<{ status: number; body: unknown; headers: Headers; text: string }> {
  return getJson(url, { method, headers: { 'Content-Type': 'application/json' }, body: typeof data === 'string' ? data : JSON.stringify(data) });
}
