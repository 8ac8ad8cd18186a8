/**
 * The scan's retry policy: the SDK's `standard` mode (exponential backoff with full jitter, only throttling
 * and transient errors retried, at most `maxAttempts` attempts) with ONE retry budget shared by every client
 * of the scan, instead of one adaptive rate limiter per client. A retry draws tokens from the budget, a
 * success puts some back; when the budget is empty a failing call fails at once (its read becomes a recorded
 * `throttled`/`network` error, UNKNOWN in the checks) instead of piling more retries onto a struggling
 * endpoint. Adaptive mode slowed every later call of a client after one throttle; this does not.
 *
 * The backoff wait happens here, between two attempts, so it holds no request slot: the request limiter is
 * acquired per attempt by a middleware after the SDK's retry middleware (clients.ts).
 */
import type { RetryErrorInfo, RetryStrategyV2, RetryToken, StandardRetryToken } from '@smithy/types';

export interface RetryBudgetOptions {
  /** Attempts per request, the first included (`--max-attempts`). */
  readonly maxAttempts: number;
  /** Tokens in the bucket when full (the SDK's standard mode uses 500 per client). */
  readonly capacity?: number;
  /** Sleeps between attempts; replaceable so tests need no wall clock. Rejects when the scan is aborted. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Random number in [0, 1) for the jitter; replaceable in tests. */
  readonly random?: () => number;
  /** Told about every failed attempt the SDK asks to retry, and whether it was retried. */
  readonly onRetryDecision?: (event: RetryDecision) => void;
}

export interface RetryDecision {
  readonly throttled: boolean;
  /** false: not retryable, out of attempts, or the budget is empty. */
  readonly retried: boolean;
  readonly reason: 'retried' | 'not-retryable' | 'attempts' | 'budget';
}

/** Cost of a retry after a throttling error / after any other retryable error (standard mode's values). */
export const THROTTLING_RETRY_COST = 5;
export const TRANSIENT_RETRY_COST = 10;
/** What a success without a retry puts back. */
export const SUCCESS_REFILL = 1;
export const DEFAULT_RETRY_BUDGET = 500;
/** Backoff bases (ms): standard mode's 100 ms, and a longer base after throttling; the cap is 20 s. */
const TRANSIENT_BASE_MS = 100;
const THROTTLING_BASE_MS = 500;
const MAX_BACKOFF_MS = 20_000;

/**
 * Thrown to the SDK's retry middleware to refuse a retry; it then rethrows the request's own error, so this
 * one is never seen. Built once per reason: about one answer in five of a scan is an error that is not
 * retried, and a new Error per refusal captured a stack trace each time.
 */
const NO_RETRY: Readonly<Record<Exclude<RetryDecision['reason'], 'retried'>, Error>> = {
  'not-retryable': new Error('No retry: not-retryable'),
  attempts: new Error('No retry: attempts'),
  budget: new Error('No retry: budget'),
};

class BudgetToken implements StandardRetryToken {
  private readonly retryCount: number;
  private readonly cost: number | undefined;
  constructor(retryCount: number, cost: number | undefined) {
    this.retryCount = retryCount;
    this.cost = cost;
  }
  getRetryCount(): number {
    return this.retryCount;
  }
  /** 0: the wait already happened inside refreshRetryTokenForRetry. */
  getRetryDelay(): number {
    return 0;
  }
  getRetryCost(): number | undefined {
    return this.cost;
  }
}

export class RetryBudget implements RetryStrategyV2 {
  readonly mode = 'standard';
  private readonly maxAttempts: number;
  private readonly capacity: number;
  private tokens: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly onRetryDecision: ((event: RetryDecision) => void) | undefined;

  constructor(options: RetryBudgetOptions) {
    this.maxAttempts = Math.max(1, options.maxAttempts);
    this.capacity = options.capacity ?? DEFAULT_RETRY_BUDGET;
    this.tokens = this.capacity;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
    this.onRetryDecision = options.onRetryDecision;
  }

  /** Tokens left. */
  get available(): number {
    return this.tokens;
  }

  acquireInitialRetryToken(): Promise<RetryToken> {
    return Promise.resolve(new BudgetToken(0, undefined));
  }

  async refreshRetryTokenForRetry(token: RetryToken, errorInfo: RetryErrorInfo): Promise<RetryToken> {
    const throttled = errorInfo.errorType === 'THROTTLING';
    const retryable = throttled || errorInfo.errorType === 'TRANSIENT';
    const cost = throttled ? THROTTLING_RETRY_COST : TRANSIENT_RETRY_COST;
    const attempts = token.getRetryCount() + 1;
    const reason = !retryable ? 'not-retryable' : attempts >= this.maxAttempts ? 'attempts' : this.tokens < cost ? 'budget' : 'retried';
    this.onRetryDecision?.({ throttled, retried: reason === 'retried', reason });
    // The SDK's retry middleware rethrows the request's own error when this throws.
    if (reason !== 'retried') throw NO_RETRY[reason];
    this.tokens -= cost;
    const base = throttled ? THROTTLING_BASE_MS : TRANSIENT_BASE_MS;
    let delay = Math.floor(this.random() * Math.min(MAX_BACKOFF_MS, base * 2 ** token.getRetryCount()));
    const hint = errorInfo.retryAfterHint;
    if (hint instanceof Date) delay = Math.max(delay, Math.min(hint.getTime() - Date.now(), MAX_BACKOFF_MS));
    await this.sleep(delay);
    return new BudgetToken(token.getRetryCount() + 1, cost);
  }

  recordSuccess(token: RetryToken): void {
    const cost = (token as StandardRetryToken).getRetryCost?.();
    this.tokens = Math.min(this.capacity, this.tokens + (cost ?? SUCCESS_REFILL));
  }
}
