/**
 * `ftr serve` holds the store's serve lease while it runs (store/repositories/serve-lease.ts): a second
 * server on the same store would mark the first one's live scan jobs interrupted. The lease is renewed every
 * RENEW_EVERY_MS and counts as gone after STALE_AFTER_MS without renewal (a killed server on another
 * machine); on this machine a holder whose process is gone is replaced at once.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { UserError } from '../core/errors.js';
import type { Store } from '../store/db.js';

export const RENEW_EVERY_MS = 15_000;
export const STALE_AFTER_MS = 60_000;

export interface HeldLease {
  /** Stops renewing and gives the lease back. */
  release(): Promise<void>;
}

/** Whether a process of this machine is alive (signal 0 tests without signalling; EPERM: alive, not ours). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function holdServeLease(store: Store, options: { readonly warn?: (line: string) => void } = {}): Promise<HeldLease> {
  const holder = randomUUID();
  const outcome = await store.serveLease.acquire({ holder, host: hostname(), pid: process.pid, staleAfterMs: STALE_AFTER_MS, isAlive: processAlive });
  if (!outcome.acquired) {
    const other = outcome.heldBy;
    throw new UserError(
      `Another ftr serve is using the store ${store.description} (process ${other.pid} on ${other.host}, since ${other.startedAt}). ` +
        `Stop it first: two servers on one store would take over each other's scan jobs. ` +
        `If that server was killed on another machine, its hold expires ${STALE_AFTER_MS / 1000} s after ${other.renewedAt}.`,
    );
  }
  const warn = options.warn ?? ((line: string) => process.stderr.write(`${line}\n`));
  if (outcome.tookOverFrom) {
    warn(`The store's previous server (process ${outcome.tookOverFrom.pid} on ${outcome.tookOverFrom.host}) is gone; this server takes over its scan jobs.`);
  }
  let lost = false;
  const timer = setInterval(() => {
    store.serveLease.renew(holder).then(
      (held) => {
        if (!held && !lost) {
          lost = true;
          warn('Warning: another ftr serve took over this store (this server had not renewed its hold in time); stop one of them.');
        }
      },
      () => undefined, // a store hiccup: the next renewal tries again, well within STALE_AFTER_MS
    );
  }, RENEW_EVERY_MS);
  timer.unref();
  return {
    release: async () => {
      clearInterval(timer);
      await store.serveLease.release(holder).catch(() => undefined);
    },
  };
}
