/**
 * The scan's retry policy: a shared budget (retries draw, successes refill), standard-mode rules, and the
 * backoff happening outside the request slot, checked with a real SDK client against a loopback server
 * that throttles its first answer. Sleeps are fake: nothing waits on the wall clock.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { RetryErrorInfo } from '@smithy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClientFactory } from './clients.js';
import { FairLimiter } from './fair-limiter.js';
import { RetryBudget, type RetryDecision } from './retry-budget.js';
import { ScanRecorder } from './scan-recorder.js';

const throttling: RetryErrorInfo = { errorType: 'THROTTLING' };
const transient: RetryErrorInfo = { errorType: 'TRANSIENT' };

describe('RetryBudget', () => {
  it('retries draw from one shared budget; an empty budget refuses; successes refill it', async () => {
    const decisions: RetryDecision[] = [];
    const budget = new RetryBudget({ maxAttempts: 10, capacity: 10, sleep: () => Promise.resolve(), onRetryDecision: (d) => decisions.push(d) });
    // Two different requests (two tokens), as two clients of the scan would make.
    const first = await budget.acquireInitialRetryToken();
    const second = await budget.acquireInitialRetryToken();
    const retried = await budget.refreshRetryTokenForRetry(first, throttling);
    await budget.refreshRetryTokenForRetry(second, throttling);
    expect(budget.available).toBe(0);
    await expect(budget.refreshRetryTokenForRetry(retried, throttling)).rejects.toThrow(/budget/);
    expect(decisions.map((d) => d.reason)).toEqual(['retried', 'retried', 'budget']);
    expect(decisions.every((d) => d.throttled)).toBe(true);

    // A success after a retry gives that retry's cost back; a first-try success gives 1.
    budget.recordSuccess(retried);
    expect(budget.available).toBe(5);
    budget.recordSuccess(await budget.acquireInitialRetryToken());
    expect(budget.available).toBe(6);
  });

  it('follows standard mode: only throttling and transient errors, at most maxAttempts attempts', async () => {
    const decisions: RetryDecision[] = [];
    const budget = new RetryBudget({ maxAttempts: 3, sleep: () => Promise.resolve(), onRetryDecision: (d) => decisions.push(d) });
    await expect(budget.refreshRetryTokenForRetry(await budget.acquireInitialRetryToken(), { errorType: 'CLIENT_ERROR' })).rejects.toThrow();
    let token = await budget.acquireInitialRetryToken();
    token = await budget.refreshRetryTokenForRetry(token, transient);
    token = await budget.refreshRetryTokenForRetry(token, transient);
    await expect(budget.refreshRetryTokenForRetry(token, transient)).rejects.toThrow(/attempts/);
    expect(decisions.map((d) => d.reason)).toEqual(['not-retryable', 'retried', 'retried', 'attempts']);
  });

  it('waits an exponential backoff with full jitter, longer after throttling', async () => {
    const waits: number[] = [];
    const budget = new RetryBudget({ maxAttempts: 5, sleep: (ms) => (waits.push(ms), Promise.resolve()), random: () => 0.5 });
    let token = await budget.acquireInitialRetryToken();
    token = await budget.refreshRetryTokenForRetry(token, transient);
    token = await budget.refreshRetryTokenForRetry(token, transient);
    await budget.refreshRetryTokenForRetry(token, throttling);
    expect(waits).toEqual([50, 100, 1000]);
  });
});

describe('request slots and backoff (real SDK client, loopback server)', () => {
  let server: Server;
  let endpoint = '';
  let requests = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        requests += 1;
        // The first answer is AWS's query-protocol throttling error, then GetCallerIdentity succeeds.
        if (requests === 1) {
          res.writeHead(400, { 'content-type': 'text/xml' });
          res.end('<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>r1</RequestId></ErrorResponse>');
          return;
        }
        res.writeHead(200, { 'content-type': 'text/xml' });
        res.end(
          '<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/u</Arn><UserId>U</UserId><Account>123456789012</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>r2</RequestId></ResponseMetadata></GetCallerIdentityResponse>',
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('holds a request slot per attempt and none during the backoff; counts attempts, retries and throttles', async () => {
    const limiter = new FairLimiter({ total: 1, perAccount: 1 });
    const recorder = new ScanRecorder();
    const inFlightDuringBackoff: number[] = [];
    const budget = new RetryBudget({
      maxAttempts: 3,
      sleep: () => {
        inFlightDuringBackoff.push(limiter.inFlight);
        return Promise.resolve();
      },
      onRetryDecision: (d) => recorder.countRetryDecision(d),
    });
    const clients = createClientFactory({
      accountId: '123456789012',
      defaultRegion: 'us-east-1',
      credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
      settings: { endpoint, maxAttempts: 3, requestTimeoutMs: 5_000 },
      recorder,
      signal: new AbortController().signal,
      requests: limiter,
      retryStrategy: budget,
    });
    const out = await clients(STSClient).send(new GetCallerIdentityCommand({}));
    clients.release();
    expect(out.Account).toBe('123456789012');
    expect(out.$metadata.attempts).toBe(2);
    expect(inFlightDuringBackoff).toEqual([0]);
    expect(limiter.maxInFlight).toBe(1);
    expect(limiter.inFlight).toBe(0);
    expect({ requests: recorder.apiCalls, attempts: recorder.attempts, retries: recorder.retries, throttles: recorder.throttles }).toEqual({
      requests: 1,
      attempts: 2,
      retries: 1,
      throttles: 1,
    });
  });
});
