import { messages, ui, type Messages } from './i18n.js';

type ErrorTexts = Messages['error'];
export type ErrorKey = keyof ErrorTexts;
export type ErrorArgs = { [K in ErrorKey]: Parameters<ErrorTexts[K]>[0] };
type ErrorWordings = { [K in ErrorKey]: (args: ErrorArgs[K]) => string };
/** An error's wording as data: a key of the catalogue's `error` section and its arguments. */
export interface ErrorTextOf<K extends ErrorKey> {
  key: K;
  args: ErrorArgs[K];
}
export type ErrorText = { [K in ErrorKey]: ErrorTextOf<K> }[ErrorKey];

/** `new InputError(errorText('noInput', {}))`: an error worded in the language of diag's messages. */
export function errorText<K extends ErrorKey>(key: K, args: ErrorArgs[K]): ErrorTextOf<K> {
  return { key, args };
}

function word<K extends ErrorKey>(texts: ErrorWordings, key: K, args: ErrorArgs[K]): string {
  return texts[key](args);
}

/**
 * Bad input or usage: exit 2, nothing half-written. `details` are printed one per line. Made from
 * an error text it is worded in the language of diag's messages (its `message` stays English);
 * a plain string is printed as it is.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  readonly text?: ErrorText;
  constructor(
    message: string | ErrorText,
    readonly details: readonly string[] = [],
  ) {
    super(typeof message === 'string' ? message : word(ui('en').error, message.key, message.args));
    if (typeof message !== 'string') this.text = message;
  }

  /** The message in the language of diag's messages. */
  get localized(): string {
    return this.text === undefined ? this.message : word(messages().error, this.text.key, this.text.args);
  }
}

/** A threshold given on the command line was not met: exit 1 (the output was still written). */
export class ThresholdError extends Error {
  override readonly name = 'ThresholdError';
  constructor(readonly failures: readonly string[]) {
    super(`threshold not met:\n${failures.map((f) => `  ${f}`).join('\n')}`);
  }

  /** The message in the language of diag's messages (the failures are worded so already). */
  get localized(): string {
    return `${messages().warnings.thresholdNotMet}\n${this.failures.map((f) => `  ${f}`).join('\n')}`;
  }
}

/** The user pressed Ctrl-C (exit 130), or a signal ended the run (SIGTERM 143, SIGHUP 129). `message` says where the progress is. */
export class InterruptedError extends Error {
  override readonly name = 'InterruptedError';
  constructor(
    message?: string,
    readonly exitCode: number = 130,
  ) {
    super(message);
  }
}

/** Stopped by SIGTERM (a service manager, `kill PID`): exit 143, as a shell reports it. */
export class TerminatedError extends Error {
  override readonly name = 'TerminatedError';
}

export const EXIT = { ok: 0, threshold: 1, input: 2, interrupted: 130, terminated: 143 } as const;
