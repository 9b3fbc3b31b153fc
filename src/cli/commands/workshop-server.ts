import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { checkBy, sanitizeText, translator, wordProblem } from '../../core/index.js';
import { useColor, type CommonOptions } from '../common.js';
import { errorText, InputError, InterruptedError, TerminatedError } from '../errors.js';
import { chooseLanguage, environmentLanguage, messages, workshopUi } from '../i18n.js';
import { systemReason } from '../i18n-errors.js';
import { loadBank } from '../load-bank.js';
import { safeText } from '../render/terminal.js';
import { checkLanguage, reportDate } from '../score-inputs.js';
import type { WorkshopContext } from '../workshop/context.js';
import { lockSession } from '../workshop/lock.js';
import { isWildcard, lanAddresses, publicHost } from '../workshop/network.js';
import { terminalQr } from '../workshop/qr.js';
import { RateLimiter } from '../workshop/rate-limit.js';
import { createWorkshopServer } from '../workshop/server.js';
import { WorkshopStore } from '../workshop/store.js';
import { loadWebFiles } from '../workshop/web-files.js';
import { warningLine } from '../warn.js';
import type { Server } from 'node:http';

export interface WorkshopServerOptions extends CommonOptions {
  host?: string;
  port?: string;
  minGroup: string;
  by?: string[];
}

export const DEFAULT_PORT = 8080;

function parsePort(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new InputError(errorText('port', { value }));
  return port;
}

function listen(server: Server, port: number, host: string | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    const failed = (error: Error) => reject(error);
    server.once('error', failed);
    server.listen({ port, ...(isWildcard(host) ? {} : { host }) }, () => {
      server.off('error', failed);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Resolves with the signal that stopped the server. */
function untilSignal(): Promise<'SIGINT' | 'SIGTERM'> {
  return new Promise((resolve) => {
    const stop = (signal: 'SIGINT' | 'SIGTERM') => () => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolve(signal);
    };
    const onInt = stop('SIGINT');
    const onTerm = stop('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
  });
}

/** Stops taking connections, lets the requests under way finish (a second at most), then closes. */
function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => server.closeAllConnections(), 1000);
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}

/**
 * `diag workshop DIR`: participants answer in their browsers, on the room's network; the
 * trainer's screen shows the group. Not to be confused with `diag run --workshop DIR`, where
 * participants take turns at this one terminal.
 */
export async function workshopServer(dir: string, options: WorkshopServerOptions): Promise<void> {
  const { bank } = loadBank(options.bank);
  checkLanguage(bank, options.lang);
  const lang = chooseLanguage(bank.languages, options.lang, environmentLanguage(process.env));
  const w = workshopUi(lang);
  const minGroup = Number(options.minGroup);
  if (!/^\d+$/.test(options.minGroup) || minGroup < 3) throw new InputError(errorText('minGroup', { option: '--min-group', value: options.minGroup, floor: 3 }));
  const by = options.by ?? [];
  const problems = checkBy(bank, by);
  if (problems.length > 0) throw new InputError(errorText('byRefused', {}), problems.map((p) => `--by ${by[Number(p.path[1])] ?? ''}${messages().colon}${p.text === undefined ? p.message : wordProblem(p.text, messages().problem)}`));
  const wantedPort = parsePort(options.port);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    const reason = systemReason(error);
    throw new InputError(reason.code === 'EEXIST' ? errorText('notAFolder', { dir }) : errorText('cannotCreate', { dir, reason }));
  }
  // The trainer's terminal is only told things: a closed pipe (`diag workshop DIR | head -2`)
  // must not stop a server that participants are using.
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
  const unlock = lockSession(dir);
  try {
    const store = WorkshopStore.open(dir, bank, minGroup, () => new Date().toISOString(), by);
    for (const warning of store.warnings) process.stderr.write(`${sanitizeText(warningLine(warning))}\n`);
    const lan = lanAddresses();
    const host = publicHost(options.host, lan);
    let port = wantedPort ?? DEFAULT_PORT;
    const ctx: WorkshopContext = {
      store,
      bank,
      lang,
      minGroup,
      by,
      web: loadWebFiles(),
      limiter: new RateLimiter(),
      reportDate: reportDate(process.env),
      joinUrl: () => `http://${host}:${port}/j/${store.session.code}`,
      log: (line) => void process.stderr.write(`${line}\n`),
    };
    const server = createWorkshopServer(ctx);
    try {
      port = await listen(server, port, options.host);
    } catch (error) {
      const code = error instanceof Error && 'code' in error ? error.code : '';
      if (code === 'EADDRINUSE' && wantedPort === undefined) {
        port = await listen(server, 0, options.host);
        process.stderr.write(`${w.portBusy(DEFAULT_PORT, port)}\n`);
      } else if (code === 'EADDRINUSE') {
        throw new InputError(errorText('portInUse', { port }));
      } else {
        throw new InputError(errorText('cannotListen', { host: options.host ?? '*', port, reason: systemReason(error) }));
      }
    }
    const signal = untilSignal();
    const joinUrl = ctx.joinUrl();
    const color = useColor(options, process.stdout, process.env);
    const out = (text: string) => void process.stdout.write(text);
    out(`join: ${joinUrl}\npresent: http://${host}:${port}/present?token=${store.session.token}\n`);
    out(`\n${await terminalQr(joinUrl, color)}\n`);
    out(`${w.title(safeText(translator(lang, bank.languages[0] ?? lang)(bank.title)))} · ${bank.id} ${bank.version} · ${dir}\n`);
    if (store.joined > 0) out(`${w.resumed(store.joined, store.finished)}\n`);
    if (!store.session.accepting) out(`${w.closedNote}\n`);
    out(`${w.joinHint}\n${w.presentHint}\n`);
    const listening = isWildcard(options.host) ? `${w.everyInterface} (${[...lan, '127.0.0.1'].join(', ')}), port ${port}` : `${options.host ?? ''}, port ${port}`;
    out(`${w.listening(listening)}\n`);
    if (isWildcard(options.host) && lan.length === 0) out(`${w.noNetwork}\n`);
    if (options.host === '127.0.0.1' || options.host === 'localhost' || options.host === '::1') out(`${w.localOnly}\n`);
    if (!ctx.web.built) process.stderr.write(`${warningLine(w.notBuilt)}\n`);
    out(`${w.stopHint(dir)}\n`);
    const stoppedBy = await signal;
    await close(server);
    process.stderr.write(`\n${w.stopped(store.finished, dir)}\n`);
    if (stoppedBy === 'SIGTERM') throw new TerminatedError('');
    throw new InterruptedError('');
  } finally {
    unlock();
  }
}
