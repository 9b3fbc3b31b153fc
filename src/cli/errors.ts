/** Bad input or usage: exit 2, nothing half-written. `details` are printed one per line. */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    message: string,
    readonly details: readonly string[] = [],
  ) {
    super(message);
  }
}

/** A threshold given on the command line was not met: exit 1 (the output was still written). */
export class ThresholdError extends Error {
  override readonly name = 'ThresholdError';
  constructor(readonly failures: readonly string[]) {
    super(`threshold not met:\n${failures.map((f) => `  ${f}`).join('\n')}`);
  }
}

/** The user pressed Ctrl-C: exit 130. `message` says where the progress is. */
export class InterruptedError extends Error {
  override readonly name = 'InterruptedError';
}

/** Stopped by SIGTERM (a service manager, `kill PID`): exit 143, as a shell reports it. */
export class TerminatedError extends Error {
  override readonly name = 'TerminatedError';
}

export const EXIT = { ok: 0, threshold: 1, input: 2, interrupted: 130, terminated: 143 } as const;
