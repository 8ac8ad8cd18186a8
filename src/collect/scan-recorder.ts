/**
 * Book-keeping shared by every collector of one scan: the outcome of each API call family, the errors,
 * the API call count, and the circuit breaker that stops the scan when the endpoint stops answering.
 */
import type { CollectionError } from '../core/observed.js';
import type { OperationOutcome, OperationOutcomeKind } from '../core/snapshot.js';

/** After this many network failures in a row (no success between), the endpoint is considered gone. */
const CONSECUTIVE_NETWORK_FAILURES_TO_ABORT = 12;

interface Site {
  readonly accountId: string;
  readonly region: string;
  readonly service: string;
  readonly operation: string;
}

type MutableOutcome = { -readonly [K in keyof OperationOutcome]: OperationOutcome[K] };

const key = (accountId: string, region: string, operation: string) => `${accountId}|${region}|${operation}`;

export class ScanRecorder {
  /** Failed reads not yet handed over with an account shard (takeAccount). */
  readonly errors: CollectionError[] = [];
  /** Every failed read of the scan, including those already handed over. */
  errorCount = 0;
  /** Requests (one per page of a pagination), counted before retries. */
  apiCalls = 0;
  /** HTTP attempts: requests plus their retries. */
  attempts = 0;
  /** Failed attempts that were retried. */
  retries = 0;
  /** Failed attempts that AWS throttled (retried or not). */
  throttles = 0;
  /** Retries refused because the scan's retry budget was empty. */
  retriesRefusedByBudget = 0;
  private readonly outcomes = new Map<string, MutableOutcome>();
  private readonly callCounts = new Map<string, number>();
  private consecutiveNetworkFailures = 0;

  private readonly onEndpointGone: (reason: string) => void;

  constructor(onEndpointGone: (reason: string) => void = () => undefined) {
    this.onEndpointGone = onEndpointGone;
  }

  /** Called by the SDK middleware for every request (every page of a pagination). */
  countRequest(accountId: string, region: string, operation: string): void {
    this.apiCalls += 1;
    const k = key(accountId, region, operation);
    this.callCounts.set(k, (this.callCounts.get(k) ?? 0) + 1);
  }

  /** Called by the SDK middleware for every attempt (retries included). */
  countAttempt(): void {
    this.attempts += 1;
  }

  /** Called by the retry strategy for every failed attempt it was asked to retry. */
  countRetryDecision(decision: { readonly throttled: boolean; readonly retried: boolean; readonly reason: string }): void {
    if (decision.throttled) this.throttles += 1;
    if (decision.retried) this.retries += 1;
    if (decision.reason === 'budget') this.retriesRefusedByBudget += 1;
  }

  recordSuccess(site: Site, notFound: boolean): void {
    this.consecutiveNetworkFailures = 0;
    this.merge(site, notFound ? 'not_found' : 'ok', null);
  }

  recordError(error: CollectionError): void {
    this.errors.push(error);
    this.errorCount += 1;
    this.merge(error, error.kind, error.code);
    if (error.kind === 'network') {
      this.consecutiveNetworkFailures += 1;
      if (this.consecutiveNetworkFailures === CONSECUTIVE_NETWORK_FAILURES_TO_ABORT) {
        this.onEndpointGone(`the AWS endpoint stopped answering (${error.code}: ${error.message})`);
      }
    }
  }

  operations(): OperationOutcome[] {
    return [...this.outcomes.values()].map((o) => ({
      ...o,
      calls: Math.max(o.calls, this.callCounts.get(key(o.accountId, o.region, o.operation)) ?? 0),
    }));
  }

  /**
   * Removes and returns the failed reads and operation outcomes of one account, once it is finished and
   * written as a shard of the snapshot: the recorder then holds only the accounts in progress, so its
   * memory does not grow with the number of accounts.
   */
  takeAccount(accountId: string): { errors: CollectionError[]; operations: OperationOutcome[] } {
    const errors: CollectionError[] = [];
    const kept: CollectionError[] = [];
    for (const e of this.errors) (e.accountId === accountId ? errors : kept).push(e);
    this.errors.splice(0, this.errors.length, ...kept);
    const operations: OperationOutcome[] = [];
    for (const [k, o] of this.outcomes) {
      if (o.accountId !== accountId) continue;
      const countKey = key(o.accountId, o.region, o.operation);
      operations.push({ ...o, calls: Math.max(o.calls, this.callCounts.get(countKey) ?? 0) });
      this.outcomes.delete(k);
    }
    for (const k of this.callCounts.keys()) if (k.startsWith(`${accountId}|`)) this.callCounts.delete(k);
    return { errors, operations };
  }

  private merge(site: Site, outcome: OperationOutcomeKind, code: string | null): void {
    const k = `${key(site.accountId, site.region, site.operation)}|${site.service}`;
    const existing = this.outcomes.get(k);
    if (!existing) {
      this.outcomes.set(k, { accountId: site.accountId, region: site.region, service: site.service, operation: site.operation, outcome, code, calls: 1 });
      return;
    }
    existing.calls += 1;
    // A failure outranks success: the report must show that some of these reads failed.
    if (outcome !== 'ok' && outcome !== 'not_found') {
      existing.outcome = outcome;
      existing.code = code;
    } else if (existing.outcome === 'not_found' && outcome === 'ok') {
      existing.outcome = 'ok';
    }
  }
}
