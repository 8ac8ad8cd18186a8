/**
 * The bookkeeping of a scan spread over parts (worker threads, queue workers), kept free of threads and
 * databases so it can be tested alone: the shared account queue, the progress each part reports (turned
 * into differences for the coordinator), and the sum of the parts' trailers.
 */
import type { CollectionError } from '../../core/observed.js';
import type { OperationOutcome, SnapshotTrailer } from '../../core/snapshot.js';
import type { DistributedResult, ProgressDelta, ScanTarget } from '../run-collection.js';
import type { ScanProgress } from '../scan-progress.js';

/**
 * Accounts not yet handed to a part. Parts take one account at a time when they have room, so a slow
 * account keeps only its own part busy. The queue remembers who holds what until its shard arrives
 * (`settled`), so the accounts of a part that dies can be handed to the others (`reclaim`), once each.
 */
export class AccountQueue {
  private readonly pending: ScanTarget[];
  /** Accounts handed out whose shard has not arrived yet, and the part holding each. */
  private readonly held = new Map<string, { target: ScanTarget; part: number }>();
  /** Accounts already handed out again after their part died: a second death fails them. */
  private readonly retried = new Set<string>();
  private closed = false;

  constructor(targets: readonly ScanTarget[]) {
    this.pending = [...targets];
  }

  /**
   * The next account for `part`; null when none is left or the queue was closed (the scan stopped);
   * 'wait' when none is left but other parts still hold accounts that could come back (a part dying).
   */
  take(part: number): ScanTarget | null | 'wait' {
    if (this.closed) return null;
    const next = this.pending.shift();
    if (next) {
      this.held.set(next.id, { target: next, part });
      return next;
    }
    return this.held.size > 0 ? 'wait' : null;
  }

  /** The shard of this account arrived: it is done, whatever happens to its part now. */
  settled(accountId: string): void {
    this.held.delete(accountId);
  }

  /**
   * `part` died: the accounts it held go back to the front of the queue, except those that already came
   * back once (returned as `failed`: an account that kills a thread twice is not tried a third time).
   * Nothing comes back once the queue is closed (the scan is stopping: they become incomplete shards).
   */
  reclaim(part: number): { requeued: ScanTarget[]; failed: ScanTarget[] } {
    const requeued: ScanTarget[] = [];
    const failed: ScanTarget[] = [];
    for (const [id, held] of this.held) {
      if (held.part !== part) continue;
      this.held.delete(id);
      if (this.closed) continue;
      if (this.retried.has(id)) failed.push(held.target);
      else {
        this.retried.add(id);
        requeued.push(held.target);
      }
    }
    this.pending.unshift(...requeued);
    return { requeued, failed };
  }

  /** Every account not handed out (no part is left to take them); the queue is empty afterwards. */
  drain(): ScanTarget[] {
    return this.pending.splice(0);
  }

  /** No account is handed out any more (Ctrl-C, dead endpoint): the rest become incomplete shards. */
  close(): void {
    this.closed = true;
  }

  get remaining(): number {
    return this.closed ? 0 : this.pending.length;
  }

  /** Accounts `part` holds (handed out, shard not arrived). */
  heldBy(part: number): string[] {
    return [...this.held].filter(([, h]) => h.part === part).map(([id]) => id);
  }
}

type Cumulative = Pick<ScanProgress, 'accountsReady' | 'accountsDone' | 'tasksTotal' | 'tasksDone' | 'apiCalls' | 'retries' | 'throttles' | 'errors' | 'requestsInFlight'>;

const COUNTERS = ['accountsReady', 'accountsDone', 'tasksTotal', 'tasksDone', 'apiCalls', 'retries', 'throttles', 'errors'] as const;

/**
 * Each part reports its own running totals; the coordinator wants what changed since the last report
 * (added to its counters) and the requests in flight across all parts now.
 */
export class PartProgress {
  private readonly last = new Map<number, Cumulative>();

  report(part: number, now: Cumulative): { delta: ProgressDelta; requestsInFlight: number } {
    const before = this.last.get(part);
    const delta = Object.fromEntries(COUNTERS.map((k) => [k, now[k] - (before?.[k] ?? 0)])) as unknown as ProgressDelta;
    this.last.set(part, { ...now });
    return { delta, requestsInFlight: this.requestsInFlight() };
  }

  /** A part that ended has nothing in flight any more. */
  ended(part: number): number {
    const before = this.last.get(part);
    if (before) this.last.set(part, { ...before, requestsInFlight: 0 });
    return this.requestsInFlight();
  }

  private requestsInFlight(): number {
    let sum = 0;
    for (const p of this.last.values()) sum += p.requestsInFlight;
    return sum;
  }
}

/** The sum of the parts' trailers: their reads outside any account, and their counters. */
export function mergePartTrailers(parts: number, trailers: readonly SnapshotTrailer[]): DistributedResult {
  const errors: CollectionError[] = [];
  const operations: OperationOutcome[] = [];
  const stats = { requests: 0, attempts: 0, retries: 0, throttles: 0, retriesRefusedByBudget: 0, maxRequestsInFlight: 0 };
  for (const t of trailers) {
    errors.push(...t.errors);
    operations.push(...t.operations);
    if (!t.stats) continue;
    stats.requests += t.stats.requests;
    stats.attempts += t.stats.attempts;
    stats.retries += t.stats.retries;
    stats.throttles += t.stats.throttles;
    stats.retriesRefusedByBudget += t.stats.retriesRefusedByBudget;
    // The highest peak of one part. Parts run at the same time, so the scan's peak may be higher: the
    // thread pool replaces it with the true peak (shared-in-flight.ts); queue workers on other machines
    // cannot be counted together (docs/decisions/0011).
    stats.maxRequestsInFlight = Math.max(stats.maxRequestsInFlight, t.stats.maxRequestsInFlight);
  }
  return { parts, errors, operations, stats };
}

/** Splits the scan's request caps over `parts`: each part gets its share of --concurrency, at least 1. */
export function shareOfLimits(parts: number, concurrency: number, perAccountConcurrency: number): { concurrency: number; perAccountConcurrency: number } {
  const share = Math.max(1, Math.ceil(concurrency / Math.max(1, parts)));
  return { concurrency: share, perAccountConcurrency: Math.max(1, Math.min(perAccountConcurrency, share)) };
}
