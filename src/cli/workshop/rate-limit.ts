/** Limits per client address; see docs/workshop-api.md ("Limits"). */
export interface RateLimits {
  /** Wrong codes or tokens in one window before the address is refused. */
  wrongSecrets: number;
  /** Requests in one window. */
  requests: number;
  /** The window, and how long a refused address waits, in ms. */
  windowMs: number;
}

/**
 * Generous for requests that carry a right secret (a room of 40 phones behind one NAT address,
 * each polling, stays far below), strict for wrong ones: 10 wrong guesses of a 30-bit code per
 * minute make finding it take millennia.
 */
export const DEFAULT_LIMITS: RateLimits = { wrongSecrets: 10, requests: 6000, windowMs: 60_000 };

interface Counter {
  start: number;
  requests: number;
  wrong: number;
  blockedUntil: number;
}

/** Fixed-window counters per address; memory is bounded by sweeping idle addresses. */
export class RateLimiter {
  private readonly counters = new Map<string, Counter>();
  private lastSweep: number;

  constructor(
    private readonly limits: RateLimits = DEFAULT_LIMITS,
    private readonly now: () => number = Date.now,
  ) {
    this.lastSweep = now();
  }

  private counter(address: string): Counter {
    const now = this.now();
    if (now - this.lastSweep > this.limits.windowMs) this.sweep(now);
    let counter = this.counters.get(address);
    if (counter === undefined) {
      counter = { start: now, requests: 0, wrong: 0, blockedUntil: 0 };
      this.counters.set(address, counter);
    } else if (now - counter.start >= this.limits.windowMs) {
      counter.start = now;
      counter.requests = 0;
      counter.wrong = 0;
    }
    return counter;
  }

  private sweep(now: number): void {
    this.lastSweep = now;
    for (const [address, counter] of this.counters) {
      if (now - counter.start >= this.limits.windowMs && counter.blockedUntil <= now) this.counters.delete(address);
    }
  }

  /** Counts one request; the seconds to wait when the address is over its limit or blocked. */
  request(address: string): number | undefined {
    const counter = this.counter(address);
    counter.requests++;
    return this.wait(counter) ?? (counter.requests > this.limits.requests ? this.secondsLeft(counter.start + this.limits.windowMs) : undefined);
  }

  /** Seconds to wait if the address is blocked for wrong secrets. */
  blocked(address: string): number | undefined {
    return this.wait(this.counter(address));
  }

  /** Counts a wrong code or token; past the limit the address is blocked for a whole window. */
  wrongSecret(address: string): void {
    const counter = this.counter(address);
    counter.wrong++;
    if (counter.wrong >= this.limits.wrongSecrets) counter.blockedUntil = this.now() + this.limits.windowMs;
  }

  private wait(counter: Counter): number | undefined {
    return counter.blockedUntil > this.now() ? this.secondsLeft(counter.blockedUntil) : undefined;
  }

  private secondsLeft(until: number): number {
    return Math.max(1, Math.ceil((until - this.now()) / 1000));
  }
}
