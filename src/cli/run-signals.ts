import { isatty } from 'node:tty';

/** The signals that end a survey besides Ctrl-C: SIGTERM (kill, a shutdown) and SIGHUP (the terminal window closed). */
const SIGNALS = { SIGTERM: 15, SIGHUP: 1 } as const;
export type StopSignal = keyof typeof SIGNALS;
const NAMES: StopSignal[] = ['SIGTERM', 'SIGHUP'];

/** The exit code of a process ended by that signal, as shells report it: 128 + its number. */
export function signalExitCode(signal: StopSignal): number {
  return 128 + SIGNALS[signal];
}

/** Shows the cursor again: inquirer hides it while a prompt is open. */
export function showCursor(): void {
  try {
    if (process.stdout.isTTY) process.stdout.write('\u001b[?25h');
  } catch {
    // the terminal is gone (SIGHUP)
  }
}

export interface SignalWatch {
  /** Aborts the open prompt when a signal arrives. */
  signal: AbortSignal;
  received(): StopSignal | undefined;
  dispose(): void;
}

/**
 * Turns SIGTERM and SIGHUP into an aborted prompt, so that the run ends the way Ctrl-C ends it
 * (progress is saved after every answer; the lock is released) and main.ts exits 143 or 129.
 * After a hang-up the terminal may be gone: write errors on stdout and stderr are then ignored.
 * If nothing is waiting on a prompt to abort, `lastResort` ends the process after `graceMs`.
 */
export function watchSignals(lastResort: (signal: StopSignal) => void, graceMs = 3000): SignalWatch {
  const controller = new AbortController();
  let received: StopSignal | undefined;
  let lastResortTimer: NodeJS.Timeout | undefined;
  const ignore = () => undefined;
  const handlers = NAMES.map((name) => {
    const handler = () => {
      if (received !== undefined) return;
      received = name;
      process.stdout.on('error', ignore);
      process.stderr.on('error', ignore);
      showCursor();
      controller.abort(new Error(name));
      lastResortTimer = setTimeout(() => lastResort(name), graceMs).unref();
    };
    process.on(name, handler);
    return { name, handler };
  });
  return {
    signal: controller.signal,
    received: () => received,
    dispose: () => {
      // The run ended by itself (the abort worked): no last resort after that.
      if (lastResortTimer !== undefined) clearTimeout(lastResortTimer);
      for (const { name, handler } of handlers) process.removeListener(name, handler);
    },
  };
}

/** A failure of the terminal itself, which is gone: EIO (or ENXIO) once its window has closed. */
function isLostTerminal(error: unknown): boolean {
  return error instanceof Error && 'code' in error && (error.code === 'EIO' || error.code === 'ENXIO');
}

let guardedInput: NodeJS.ReadStream | undefined;

/**
 * When the terminal window closes, leaving raw mode (or reading) fails with EIO. Node emits that as
 * an 'error' on standard input, which readline passes on to an interface that inquirer does not
 * listen to: the process crashed with a stack trace, without the exit code of a hang-up and
 * sometimes before the SIGHUP arrived. Such an error is a hang-up: it is dropped and SIGHUP's own
 * handlers (`watchSignals`) run. Installed once, for the life of the process, because readline
 * may leave raw mode again after the run has ended.
 */
export function hangUpOnLostTerminal(stdin: NodeJS.ReadStream = process.stdin): void {
  if (guardedInput === stdin) return;
  guardedInput = stdin;
  endByHangUpWhenTerminalGone();
  const emit = stdin.emit;
  Object.defineProperty(stdin, 'emit', {
    configurable: true,
    writable: true,
    value: function (this: NodeJS.ReadStream, event: string | symbol, ...args: unknown[]): boolean {
      if (event === 'error' && isLostTerminal(args[0])) {
        process.emit('SIGHUP', 'SIGHUP');
        return true;
      }
      return Reflect.apply(emit, this, [event, ...args]);
    },
  });
}

/**
 * On its way out, Node 20 gives the terminal back its first settings and aborts (exit 134, a
 * native stack trace) when it cannot because the terminal is gone (nodejs/node#51519, fixed by
 * #58200 in later versions). When the terminal has gone since the start, the process ends by the
 * hang-up itself instead, after every other exit handler: 129 for the shell, as a hang-up should.
 */
function endByHangUpWhenTerminalGone(): void {
  const terminals = [0, 1, 2].filter((fd) => isatty(fd));
  process.once('exit', () => {
    if (!terminals.some((fd) => !isatty(fd))) return;
    process.removeAllListeners('SIGHUP');
    process.kill(process.pid, 'SIGHUP');
  });
}
