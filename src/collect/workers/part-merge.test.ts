import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { SnapshotTrailer } from '../../core/snapshot.js';
import { AccountQueue, mergePartTrailers, PartProgress, shareOfLimits } from './part-merge.js';

const targets = (n: number) => Array.from({ length: n }, (_, i) => ({ id: String(100000000000 + i), name: `a${i}` }));

describe('AccountQueue', () => {
  it('hands every account out exactly once, to whichever part asks first', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 80 }), (n, askers) => {
        const queue = new AccountQueue(targets(n));
        const taken: string[] = [];
        const take = (part: number) => {
          const t = queue.take(part);
          return t === 'wait' ? null : t;
        };
        for (const part of [...askers, 0, 1, 2, 3]) {
          for (let t = take(part); t; t = part === 3 ? take(part) : null) taken.push(t.id);
        }
        for (let t = take(0); t; t = take(0)) taken.push(t.id);
        expect(taken.sort()).toEqual(targets(n).map((t) => t.id).sort());
        const owners = [0, 1, 2, 3].flatMap((p) => queue.heldBy(p));
        expect(owners.sort()).toEqual(taken);
        // Nothing left, but accounts held: a part asking waits until they are settled.
        expect(queue.take(0)).toBe(n === 0 ? null : 'wait');
        for (const id of taken) queue.settled(id);
        expect(queue.take(0)).toBeNull();
      }),
    );
  });

  it('hands nothing out once closed (the scan stopped)', () => {
    const queue = new AccountQueue(targets(3));
    expect(queue.take(0)).toMatchObject({ id: '100000000000' });
    queue.close();
    expect(queue.take(1)).toBeNull();
    expect(queue.remaining).toBe(0);
    expect(queue.heldBy(0)).toEqual(['100000000000']);
    // A part dying now hands nothing back: its accounts become incomplete shards.
    expect(queue.reclaim(0)).toEqual({ requeued: [], failed: [] });
  });

  it('gives the accounts of a dead part to the others once, and fails an account whose second part dies too', () => {
    const queue = new AccountQueue(targets(4));
    const [a, b, c] = [queue.take(0), queue.take(0), queue.take(1)] as { id: string }[];
    queue.settled(b?.id ?? '');
    // Part 0 dies holding a (b was settled: its shard arrived): a goes back to the front of the queue.
    expect(queue.reclaim(0)).toEqual({ requeued: [a], failed: [] });
    expect(queue.take(1)).toEqual(a);
    expect(queue.heldBy(1).sort()).toEqual([a?.id, c?.id].sort());
    // Part 1 dies holding a (second time: failed) and c (first time: back in the queue).
    expect(queue.reclaim(1)).toEqual({ requeued: [c], failed: [a] });
    expect(queue.remaining).toBe(2);
    expect(queue.drain().map((t) => t.id)).toEqual([c?.id, '100000000003']);
    expect(queue.take(2)).toBeNull();
  });
});

describe('PartProgress', () => {
  const zero = { accountsReady: 0, accountsDone: 0, tasksTotal: 0, tasksDone: 0, apiCalls: 0, retries: 0, throttles: 0, errors: 0, requestsInFlight: 0 };

  it('turns running totals into differences whose sum is the sum of the parts, in any order of reports', () => {
    const report = fc.record({ part: fc.integer({ min: 0, max: 2 }), calls: fc.integer({ min: 0, max: 50 }), inFlight: fc.integer({ min: 0, max: 8 }) });
    fc.assert(
      fc.property(fc.array(report, { maxLength: 60 }), (reports) => {
        const merge = new PartProgress();
        const totals = new Map<number, number>();
        let sum = 0;
        let inFlight = 0;
        const current = new Map<number, number>();
        for (const r of reports) {
          const total = (totals.get(r.part) ?? 0) + r.calls; // running totals only grow
          totals.set(r.part, total);
          current.set(r.part, r.inFlight);
          const out = merge.report(r.part, { ...zero, apiCalls: total, tasksDone: total, requestsInFlight: r.inFlight });
          sum += out.delta.apiCalls;
          inFlight = out.requestsInFlight;
          expect(out.delta.tasksDone).toBe(out.delta.apiCalls);
        }
        expect(sum).toBe([...totals.values()].reduce((a, b) => a + b, 0));
        expect(inFlight).toBe([...current.values()].reduce((a, b) => a + b, 0));
      }),
    );
  });

  it('counts nothing in flight for a part that ended', () => {
    const merge = new PartProgress();
    merge.report(0, { ...zero, requestsInFlight: 5 });
    merge.report(1, { ...zero, requestsInFlight: 3 });
    expect(merge.ended(0)).toBe(3);
  });
});

describe('mergePartTrailers', () => {
  const trailer = (requests: number, peak: number, accountId: string): SnapshotTrailer => ({
    finishedAt: '2026-01-01T00:00:00.000Z',
    complete: true,
    interruption: null,
    errors: [{ kind: 'network', accountId, region: 'global', service: 'sts', operation: 'AssumeRole', code: 'ECONNRESET', message: 'reset' }],
    operations: [{ accountId, region: 'global', service: 'sts', operation: 'AssumeRole', outcome: 'network', code: 'ECONNRESET', calls: 1 }],
    stats: { requests, attempts: requests + 1, retries: 1, throttles: 0, retriesRefusedByBudget: 0, maxRequestsInFlight: peak, concurrency: 4, perAccountConcurrency: 4, maxAttempts: 3 },
  });

  it('adds counters, keeps every error and outcome, and the highest peak in flight of one part', () => {
    const merged = mergePartTrailers(2, [trailer(10, 4, 'a'), trailer(5, 3, 'b')]);
    expect(merged.parts).toBe(2);
    expect(merged.stats).toEqual({ requests: 15, attempts: 17, retries: 2, throttles: 0, retriesRefusedByBudget: 0, maxRequestsInFlight: 4 });
    expect(merged.errors.map((e) => e.accountId)).toEqual(['a', 'b']);
    expect(merged.operations).toHaveLength(2);
  });
});

describe('shareOfLimits', () => {
  it('gives every part a share of the caps, never zero, never a per-account cap above its share', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 16 }), fc.integer({ min: 1, max: 512 }), fc.integer({ min: 1, max: 512 }), (parts, total, perAccount) => {
        const share = shareOfLimits(parts, total, perAccount);
        expect(share.concurrency).toBeGreaterThanOrEqual(1);
        expect(share.concurrency * parts).toBeGreaterThanOrEqual(total);
        expect(share.concurrency * parts).toBeLessThan(total + parts);
        expect(share.perAccountConcurrency).toBeLessThanOrEqual(Math.max(1, Math.min(perAccount, share.concurrency)));
      }),
    );
  });
});
