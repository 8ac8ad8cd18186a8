/**
 * A fair, bounded limiter: at most `total` holders at once, at most `perAccount` per account and at most
 * `perKey(key)` per key (an account x region x service), and waiting holders are served round-robin over
 * accounts, so one account with many queued tasks never takes every slot (AWS throttles per account).
 *
 * The scan uses two: one for collector tasks (admission) and one for HTTP attempts (requests in flight,
 * acquired by an SDK middleware around each attempt, so a retry's backoff holds no request slot).
 * Resumed holders (a task coming back from a pause) jump the queue: they already did part of their work.
 */

export interface FairLimits {
  readonly total: number;
  readonly perAccount: number;
  /** Cap for one key (e.g. `account|region|service`); default: no cap beyond perAccount. */
  readonly perKey?: (key: string) => number;
  /** Told of every slot granted (+1) and given back (-1), e.g. to count holders across threads. */
  readonly observe?: ((change: 1 | -1) => void) | undefined;
}

export type Release = () => void;

interface Waiter {
  readonly account: string;
  readonly key: string | undefined;
  readonly grant: (release: Release) => void;
}

export class FairLimiter {
  private readonly limits: FairLimits;
  private active = 0;
  private peak = 0;
  private readonly byAccount = new Map<string, number>();
  private readonly byKey = new Map<string, number>();
  /** Waiting holders per account. */
  private readonly waiting = new Map<string, Waiter[]>();
  /** When each account was last served (a grant counter): the least recently served goes first. */
  private readonly servedAt = new Map<string, number>();
  private grants = 0;
  private readonly priority: Waiter[] = [];

  constructor(limits: FairLimits) {
    this.limits = { ...limits, total: Math.max(1, limits.total), perAccount: Math.max(1, limits.perAccount) };
  }

  /** Holders right now. */
  get inFlight(): number {
    return this.active;
  }

  /** The most holders there ever were at once. */
  get maxInFlight(): number {
    return this.peak;
  }

  /** Holders waiting for a slot. */
  get queued(): number {
    let n = this.priority.length;
    for (const q of this.waiting.values()) n += q.length;
    return n;
  }

  /** Waits for a slot; the returned function gives it back (once; later calls do nothing). */
  acquire(account: string, key?: string, options: { readonly resume?: boolean } = {}): Promise<Release> {
    return new Promise<Release>((resolve) => {
      const waiter: Waiter = { account, key, grant: resolve };
      if (options.resume) this.priority.push(waiter);
      else {
        const queue = this.waiting.get(account);
        if (queue) queue.push(waiter);
        else this.waiting.set(account, [waiter]);
      }
      this.dispatch();
    });
  }

  /** Runs `fn` holding a slot. */
  async run<T>(account: string, key: string | undefined, fn: () => Promise<T>): Promise<T> {
    const release = await this.acquire(account, key);
    try {
      return await fn();
    } finally {
      release();
    }
  }

  private fits(w: Waiter): boolean {
    if ((this.byAccount.get(w.account) ?? 0) >= this.limits.perAccount) return false;
    if (w.key !== undefined && this.limits.perKey && (this.byKey.get(w.key) ?? 0) >= Math.max(1, this.limits.perKey(w.key))) return false;
    return true;
  }

  private dispatch(): void {
    while (this.active < this.limits.total) {
      const next = this.takeNext();
      if (!next) return;
      this.grant(next);
    }
  }

  /**
   * Round-robin over accounts: among accounts with a waiter that fits, the one served least recently (never
   * served first, then in the order they started waiting). Accounts waiting are few (the scan's window).
   */
  private takeNext(): Waiter | undefined {
    const p = this.priority.findIndex((w) => this.fits(w));
    if (p >= 0) return this.priority.splice(p, 1)[0];
    let best: { account: string; at: number; queue: Waiter[] } | undefined;
    let bestServed = Infinity;
    for (const [account, queue] of this.waiting) {
      const served = this.servedAt.get(account) ?? -1;
      if (served >= bestServed) continue;
      // The first waiter of this account whose key has room (a busy service does not block the others).
      const at = queue.findIndex((w) => this.fits(w));
      if (at < 0) continue;
      best = { account, at, queue };
      bestServed = served;
    }
    if (!best) return undefined;
    const [w] = best.queue.splice(best.at, 1);
    if (best.queue.length === 0) this.waiting.delete(best.account);
    this.grants += 1;
    this.servedAt.set(best.account, this.grants);
    return w;
  }

  private grant(w: Waiter): void {
    this.active += 1;
    this.peak = Math.max(this.peak, this.active);
    this.limits.observe?.(1);
    this.byAccount.set(w.account, (this.byAccount.get(w.account) ?? 0) + 1);
    if (w.key !== undefined) this.byKey.set(w.key, (this.byKey.get(w.key) ?? 0) + 1);
    let released = false;
    w.grant(() => {
      if (released) return;
      released = true;
      this.active -= 1;
      this.limits.observe?.(-1);
      decrement(this.byAccount, w.account);
      if (w.key !== undefined) decrement(this.byKey, w.key);
      this.dispatch();
    });
  }
}

function decrement(map: Map<string, number>, key: string): void {
  const n = (map.get(key) ?? 0) - 1;
  if (n <= 0) map.delete(key);
  else map.set(key, n);
}
