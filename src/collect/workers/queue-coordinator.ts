/**
 * `ftr scan --org --queue postgres://...`: instead of collecting, this process sends one unit per account
 * to the pg-boss queue and waits for the shards the workers (`ftr worker`) write to the store; it hands
 * each to the snapshot writer as it lands, so snapshot.json.gz and the assessment are the same as a local
 * scan's. Progress counts finished accounts and their calls. Ctrl-C cancels the units not started; a unit
 * that failed on every attempt makes its account an incomplete shard saying so, and the scan incomplete.
 */
import { randomUUID } from 'node:crypto';
import type PgBoss from 'pg-boss';
import type { SnapshotTrailer } from '../../core/snapshot.js';
import type { AccountDistributor, DistributedResult, DistributionPlan } from '../run-collection.js';
import { mergePartTrailers } from './part-merge.js';
import { failedUnitQueue, parseUnitResult, UNIT_QUEUE, UNIT_RETRY_DELAY_SECONDS, UNIT_RETRY_LIMIT, type ScanUnit, type UnitShardStore } from './queue-unit.js';

export interface QueueDistributorOptions {
  readonly boss: PgBoss;
  readonly store: UnitShardStore;
  /**
   * The scan's row in the store (its shards attach to it), once the identity is known: a new one, or with
   * `--resume` the row of the queued scan being resumed (its stored shards are used, not collected again).
   */
  readonly createScan: (plan: DistributionPlan) => Promise<number>;
  readonly roleName: string;
  readonly externalIdRequired: boolean;
  readonly regions: readonly string[] | undefined;
  readonly services: readonly string[] | undefined;
  readonly deepRegions?: boolean | undefined;
  readonly unitTimeoutSeconds: number;
  /** How often the store is asked for new shards (default 1 s). */
  readonly pollMs?: number;
}

export function queueDistributor(options: QueueDistributorOptions): AccountDistributor {
  return { wants: () => true, run: (plan) => runOnQueue(options, plan) };
}

async function runOnQueue(options: QueueDistributorOptions, plan: DistributionPlan): Promise<DistributedResult> {
  const { boss, store } = options;
  const scanId = await options.createScan(plan);
  const failedQueue = failedUnitQueue(scanId);
  await boss.createQueue(UNIT_QUEUE);
  await boss.createQueue(failedQueue);
  const jobIds = new Map<string, string>();
  const payer = plan.organization.managementAccountId;
  // A resumed scan: accounts whose shard a worker already stored need no unit (the loop below reads them).
  const stored = new Set((await store.list(scanId)).map((row) => row.accountId));
  const jobs: PgBoss.JobInsert<ScanUnit>[] = plan.targets.filter((target) => !stored.has(target.id)).map((target) => {
    const id = randomUUID();
    jobIds.set(target.id, id);
    return {
      id,
      name: UNIT_QUEUE,
      data: {
        scanId,
        account: { id: target.id, name: target.name },
        // Reads a delegated administrator answered for it (collect/organization-posture.ts): a few regions' statuses.
        ...(target.posture ? { posture: target.posture } : {}),
        roleName: options.roleName,
        externalIdRequired: options.externalIdRequired,
        regions: options.regions ? [...options.regions] : null,
        services: options.services ? [...options.services] : null,
        deepRegions: options.deepRegions === true,
        // Only whether the payer is scanned matters to a member (Cost Explorer read once from the payer):
        // not the whole list in every unit of a 1,000-account scan.
        organization: { managementAccountId: payer, scannedAccountIds: payer !== null && plan.organization.scannedAccountIds.includes(payer) ? [payer] : [] },
        // Each worker process collects one unit with the scan's caps (many workers multiply them: size --concurrency per worker).
        limits: { concurrency: plan.concurrency, perAccountConcurrency: plan.perAccountConcurrency, maxAttempts: plan.maxAttempts },
      },
      retryLimit: UNIT_RETRY_LIMIT,
      retryDelay: UNIT_RETRY_DELAY_SECONDS,
      expireInSeconds: options.unitTimeoutSeconds,
      deadLetter: failedQueue,
    };
  });
  for (let i = 0; i < jobs.length; i += 500) await boss.insert(jobs.slice(i, i + 500));

  const seen = new Set<string>();
  const failed = new Set<string>();
  const trailers: SnapshotTrailer[] = [];
  const workers = new Set<string>();
  const pollMs = options.pollMs ?? 1_000;
  const wanted = new Set(plan.targets.map((t) => t.id));
  while (!plan.signal.aborted && seen.size + failed.size < wanted.size) {
    for (const row of await store.list(scanId)) {
      if (seen.has(row.accountId) || !wanted.has(row.accountId)) continue;
      const json = await store.read(row.sha256);
      if (json === null) continue;
      const result = parseUnitResult(json);
      seen.add(row.accountId);
      workers.add(result.worker);
      trailers.push(result.trailer);
      await plan.shard(result.shard);
      plan.progress(
        {
          accountsReady: 1,
          accountsDone: 1,
          apiCalls: (result.trailer.stats?.requests ?? 0),
          retries: result.trailer.stats?.retries ?? 0,
          throttles: result.trailer.stats?.throttles ?? 0,
          errors: result.shard.errors.length + result.trailer.errors.length,
        },
        0,
      );
    }
    for (const job of await boss.fetch<ScanUnit>(failedQueue, { batchSize: 100 })) {
      const id = job.data.account.id;
      if (!seen.has(id)) failed.add(id);
      await boss.complete(failedQueue, job.id);
    }
    if (seen.size + failed.size < wanted.size) await sleep(pollMs, plan.signal);
  }
  if (plan.signal.aborted) {
    // Units no worker has started are withdrawn; the ones in progress may still land, unread.
    const pending = [...jobIds].filter(([account]) => !seen.has(account)).map(([, id]) => id);
    for (let i = 0; i < pending.length; i += 500) await boss.cancel(UNIT_QUEUE, pending.slice(i, i + 500)).catch(() => undefined);
  } else {
    // Each gets an incomplete shard saying why; the scan ends incomplete (`--resume` tries them again).
    for (const id of [...failed].sort()) plan.failed(id, `its queue unit failed on every attempt (${UNIT_RETRY_LIMIT + 1}); see the workers' logs`);
  }
  await boss.deleteQueue(failedQueue).catch(() => undefined);
  return mergePartTrailers(workers.size, trailers);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
