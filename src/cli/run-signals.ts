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
