// Growing delay after failed logins: a number of free tries, then 2, 4, 8 … seconds (at most 15 minutes) before the
// next try is even checked. One throttle per kind of key (account, address). Kept in memory: one process serves.

const MAX_WAIT_MS = 15 * 60 * 1000;
/** Failures older than this are forgotten. */
const FORGET_MS = 60 * 60 * 1000;

interface Entry {
  failures: number;
  lastAt: number;
}

export class LoginThrottle {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly freeTries: number,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Seconds to wait before another try for any of these keys (0 = go ahead). */
  waitSeconds(keys: string[]): number {
    const now = this.clock();
    let wait = 0;
    for (const key of keys) {
      const entry = this.entries.get(key);
      if (!entry) continue;
      if (now - entry.lastAt > FORGET_MS) {
        this.entries.delete(key);
        continue;
      }
      if (entry.failures < this.freeTries) continue;
      const delay = Math.min(2 ** (entry.failures - this.freeTries + 1) * 1000, MAX_WAIT_MS);
      wait = Math.max(wait, entry.lastAt + delay - now);
    }
    return Math.ceil(wait / 1000);
  }

  failed(keys: string[]): void {
    const now = this.clock();
    for (const key of keys) {
      const entry = this.entries.get(key);
      this.entries.set(key, { failures: (entry?.failures ?? 0) + 1, lastAt: now });
    }
    if (this.entries.size > 50_000) this.entries.delete(this.entries.keys().next().value!);
  }

  succeeded(keys: string[]): void {
    for (const key of keys) this.entries.delete(key);
  }
}

/**
 * An account gets three free tries; an address many more, because a whole municipality may reach us through one
 * address, and one person's typos must not lock out the others.
 */
export class LoginThrottles {
  readonly account: LoginThrottle;
  readonly address: LoginThrottle;
  constructor(clock: () => number = Date.now) {
    this.account = new LoginThrottle(3, clock);
    this.address = new LoginThrottle(20, clock);
  }

  waitSeconds(email: string, address: string): number {
    return Math.max(this.account.waitSeconds([email]), this.address.waitSeconds([address]));
  }

  failed(email: string, address: string): void {
    this.account.failed([email]);
    this.address.failed([address]);
  }

  succeeded(email: string): void {
    this.account.succeeded([email]);
  }
}
