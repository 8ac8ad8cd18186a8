/** The scan's limiter: caps, round-robin over accounts, per-key caps, resumes first. Counts grants; no clock. */
import { describe, expect, it } from 'vitest';
import { FairLimiter, type Release } from './fair-limiter.js';

/** Lets every settled promise's callbacks run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

function recorder(limiter: FairLimiter) {
  const order: string[] = [];
  const held: Release[] = [];
  const want = (account: string, key?: string, label = account, resume = false) =>
    void limiter.acquire(account, key, { resume }).then((release) => {
      order.push(label);
      held.push(release);
    });
  return { order, held, want };
}

describe('FairLimiter', () => {
  it('serves waiting accounts round-robin, not account by account', async () => {
    const limiter = new FairLimiter({ total: 1, perAccount: 1 });
    const { order, held, want } = recorder(limiter);
    // Account a queues all its work first, then b and c: the order still alternates.
    for (let i = 0; i < 3; i++) want('a', undefined, `a${i}`);
    for (let i = 0; i < 3; i++) want('b', undefined, `b${i}`);
    for (let i = 0; i < 3; i++) want('c', undefined, `c${i}`);
    await settle();
    while (held.length > 0) {
      held.shift()?.();
      await settle();
    }
    expect(order).toEqual(['a0', 'b0', 'c0', 'a1', 'b1', 'c1', 'a2', 'b2', 'c2']);
  });

  it('never exceeds the global, per-account and per-key caps', async () => {
    const limiter = new FairLimiter({ total: 5, perAccount: 3, perKey: (key) => (key.endsWith('slow') ? 1 : 10) });
    let active = 0;
    let peak = 0;
    const perAccount = new Map<string, number>();
    const perKey = new Map<string, number>();
    let peakAccount = 0;
    let peakSlowKey = 0;
    const jobs: Promise<void>[] = [];
    for (let i = 0; i < 60; i++) {
      const account = `acct${i % 4}`;
      const key = `${account}|${i % 3 === 0 ? 'slow' : 'fast'}`;
      jobs.push(
        limiter.run(account, key, async () => {
          active += 1;
          perAccount.set(account, (perAccount.get(account) ?? 0) + 1);
          perKey.set(key, (perKey.get(key) ?? 0) + 1);
          peak = Math.max(peak, active);
          peakAccount = Math.max(peakAccount, perAccount.get(account) ?? 0);
          if (key.endsWith('slow')) peakSlowKey = Math.max(peakSlowKey, perKey.get(key) ?? 0);
          await settle();
          active -= 1;
          perAccount.set(account, (perAccount.get(account) ?? 0) - 1);
          perKey.set(key, (perKey.get(key) ?? 0) - 1);
        }),
      );
    }
    await Promise.all(jobs);
    expect(peak).toBe(5);
    expect(peakAccount).toBeLessThanOrEqual(3);
    expect(peakSlowKey).toBe(1);
    expect(limiter.maxInFlight).toBe(5);
    expect(limiter.inFlight).toBe(0);
    expect(limiter.queued).toBe(0);
  });

  it('lets a waiter of a free key pass one whose key is full (no head-of-line blocking)', async () => {
    const limiter = new FairLimiter({ total: 10, perAccount: 10, perKey: () => 1 });
    const { order, want } = recorder(limiter);
    want('a', 'a|ec2', 'ec2-1');
    want('a', 'a|ec2', 'ec2-2');
    want('a', 'a|s3', 's3-1');
    await settle();
    expect(order).toEqual(['ec2-1', 's3-1']);
  });

  it('serves a resumed holder before new ones', async () => {
    const limiter = new FairLimiter({ total: 1, perAccount: 1 });
    const { order, held, want } = recorder(limiter);
    want('a', undefined, 'first');
    await settle();
    want('b', undefined, 'new');
    want('a', undefined, 'resumed', true);
    held.shift()?.();
    await settle();
    expect(order).toEqual(['first', 'resumed']);
  });

  it('a release called twice frees one slot only', async () => {
    const limiter = new FairLimiter({ total: 1, perAccount: 1 });
    const release = await limiter.acquire('a');
    release();
    release();
    expect(limiter.inFlight).toBe(0);
    await limiter.acquire('a');
    expect(limiter.inFlight).toBe(1);
  });
});
