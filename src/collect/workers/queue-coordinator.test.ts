/**
 * The queue coordinator with a stand-in pg-boss and store (no PostgreSQL: test/e2e/queue-workers.e2e.test.ts
 * runs the real thing): which units it sends, how stored shards reach the snapshot writer, and what a unit
 * that failed on every attempt becomes.
 */
import type PgBoss from 'pg-boss';
import { describe, expect, it } from 'vitest';
import type { AccountShard } from '../../core/snapshot.js';
import type { DistributionPlan } from '../run-collection.js';
import { queueDistributor } from './queue-coordinator.js';
import { failedUnitQueue, type ScanUnit, type UnitShardStore } from './queue-unit.js';

const SCAN = 7;
const [A, B, C] = ['200000000001', '200000000002', '200000000003'] as const;

const unitResult = (id: string) =>
  JSON.stringify({
    worker: 'w1',
    shard: { complete: true, account: { accountId: id, name: null, access: { ok: true, value: { via: 'assumed-role', roleArn: null } }, regions: { ok: true, value: [] }, homeRegion: 'us-east-1', global: {}, regional: [] }, errors: [], operations: [] },
    trailer: { finishedAt: '2026-01-01T00:00:00.000Z', complete: true, interruption: null, errors: [], operations: [], stats: { requests: 5, attempts: 5, retries: 0, throttles: 0, retriesRefusedByBudget: 0, maxRequestsInFlight: 3, concurrency: 8, perAccountConcurrency: 8, maxAttempts: 3 } },
  });

/** A store holding shards, and a queue whose units "workers" turn into shards (or failures) on insert. */
function fakes(options: { stored: readonly string[]; fail: readonly string[] }) {
  const shards = new Map<string, string>(options.stored.map((id) => [id, unitResult(id)]));
  const inserted: string[] = [];
  const deadLetters: PgBoss.Job<ScanUnit>[] = [];
  const store: UnitShardStore = {
    has: (_scan, id) => Promise.resolve(shards.has(id)),
    put: () => Promise.resolve(true),
    list: () => Promise.resolve([...shards.keys()].map((accountId) => ({ accountId, sha256: accountId }))),
    read: (sha) => Promise.resolve(shards.get(sha) ?? null),
  };
  const boss = {
    createQueue: () => Promise.resolve(),
    deleteQueue: () => Promise.resolve(),
    cancel: () => Promise.resolve(),
    complete: () => Promise.resolve(),
    insert: (jobs: PgBoss.JobInsert<ScanUnit>[]) => {
      for (const job of jobs) {
        const id = job.data?.account.id ?? '';
        inserted.push(id);
        if (options.fail.includes(id)) deadLetters.push({ id: `dead-${id}`, name: failedUnitQueue(SCAN), data: job.data } as PgBoss.Job<ScanUnit>);
        else shards.set(id, unitResult(id));
      }
      return Promise.resolve();
    },
    fetch: (queue: string) => Promise.resolve(queue === failedUnitQueue(SCAN) ? deadLetters.splice(0) : []),
  } as unknown as PgBoss;
  return { store, boss, inserted };
}

function plan(targets: readonly string[]) {
  const written: AccountShard[] = [];
  const failed = new Map<string, string>();
  const p: DistributionPlan = {
    startedAt: '2026-01-01T00:00:00.000Z',
    identity: { arn: 'arn:aws:iam::111111111111:root', accountId: '111111111111', partition: 'aws' },
    organization: { managementAccountId: '111111111111', scannedAccountIds: [...targets] },
    targets: targets.map((id) => ({ id, name: null })),
    concurrency: 8,
    perAccountConcurrency: 8,
    maxAttempts: 3,
    signal: new AbortController().signal,
    stop: (reason) => {
      throw new Error(`unexpected stop: ${reason}`);
    },
    shard: (s) => Promise.resolve(void written.push(s)),
    failed: (id, reason) => void failed.set(id, reason),
    progress: () => undefined,
  };
  return { plan: p, written, failed };
}

const run = (f: ReturnType<typeof fakes>, p: DistributionPlan) =>
  queueDistributor({ boss: f.boss, store: f.store, createScan: () => Promise.resolve(SCAN), roleName: 'r', externalIdRequired: false, regions: undefined, services: undefined, unitTimeoutSeconds: 60, pollMs: 1 }).run(p);

describe('queueDistributor', () => {
  it('sends a unit only for accounts without a stored shard (a resumed scan), and writes every account once', async () => {
    const f = fakes({ stored: [A], fail: [] });
    const t = plan([A, B, C]);
    const result = await run(f, t.plan);
    expect(f.inserted.sort()).toEqual([B, C]);
    expect(t.written.map((s) => s.account.accountId).sort()).toEqual([A, B, C]);
    expect(result.stats).toMatchObject({ requests: 15, maxRequestsInFlight: 3 });
  });

  it('a unit that failed on every attempt: its account is recorded as not collected, the others are written', async () => {
    const f = fakes({ stored: [], fail: [B] });
    const t = plan([A, B]);
    await run(f, t.plan);
    expect(t.written.map((s) => s.account.accountId)).toEqual([A]);
    expect([...t.failed.keys()]).toEqual([B]);
    expect(t.failed.get(B)).toMatch(/its queue unit failed on every attempt/);
  });
});
