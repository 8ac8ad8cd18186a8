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
 * account keeps only its own part busy; `handedOut` remembers who took what (for a part that dies).
 */
export class AccountQueue {
  private readonly pending: ScanTarget[];
  private readonly owners = new Map<string, number>();
  private closed = false;

  constructor(targets: readonly ScanTarget[]) {
    this.pending = [...targets];
  }

  /** The next account for `part`, or null when none is left or the queue was closed (the scan stopped). */
  take(part: number): ScanTarget | null {
    if (this.closed) return null;
    const next = this.pending.shift() ?? null;
    if (next) this.owners.set(next.id, part);
    return next;
  }

  /** No account is handed out any more (Ctrl-C, dead endpoint): the rest become incomplete shards. */
  close(): void {
    this.closed = true;
  }

  get remaining(): number {
    return this.closed ? 0 : this.pending.length;
  }

  /** Accounts `part` took. */
  takenBy(part: number): string[] {
    return [...this.owners].filter(([, owner]) => owner === part).map(([id]) => id);
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
    // Parts peak at different moments: the sum of their peaks is an upper bound of the scan's.
    stats.maxRequestsInFlight += t.stats.maxRequestsInFlight;
  }
  return { parts, errors, operations, stats };
}

/** Splits the scan's request caps over `parts`: each part gets its share of --concurrency, at least 1. */
export function shareOfLimits(parts: number, concurrency: number, perAccountConcurrency: number): { concurrency: number; perAccountConcurrency: number } {
  const share = Math.max(1, Math.ceil(concurrency / Math.max(1, parts)));
  return { concurrency: share, perAccountConcurrency: Math.max(1, Math.min(perAccountConcurrency, share)) };
}
