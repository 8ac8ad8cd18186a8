/**
 * `ftr worker --db postgres://...`: takes account units from the pg-boss queue (queue-unit.ts) and collects
 * each with this machine's own credentials, then stores the account's shard (insert-if-absent). A unit
 * interrupted here (Ctrl-C, SIGTERM) is thrown back to the queue, which retries it; a worker killed
 * outright leaves its unit active until it expires, then it is retried. A retried unit whose shard is
 * already stored is done at once: every account gets exactly one shard (docs/decisions/0011).
 */
import { hostname } from 'node:os';
import type PgBoss from 'pg-boss';
import { redact } from '../../core/redact.js';
import { runScanToSink } from '../run-collection.js';
import type { AccountShard } from '../../core/snapshot.js';
import { scanUnitSchema, UNIT_QUEUE, type ScanUnit, type UnitResult, type UnitShardStore } from './queue-unit.js';

export interface QueueWorkerOptions {
  readonly boss: PgBoss;
  readonly store: UnitShardStore;
  /** Units collected at once by this process (each with the unit's own request caps). */
  readonly units: number;
  readonly profile: string | undefined;
  /** This worker's external id for roles that need one (`--external-id` / FTR_EXTERNAL_ID). */
  readonly externalId: string | undefined;
  readonly signal: AbortSignal;
  readonly log: (line: string) => void;
  /** Names this worker in the shards it writes (default host:pid). */
  readonly name?: string;
}

/** Works units until `signal` aborts; resolves once the units in progress were handed back or stored. */
export async function runQueueWorker(options: QueueWorkerOptions): Promise<{ stored: number; skipped: number; failed: number }> {
  const { boss, store, signal, log } = options;
  const name = options.name ?? `${hostname()}:${process.pid}`;
  const counts = { stored: 0, skipped: 0, failed: 0 };
  await boss.createQueue(UNIT_QUEUE);

  const handle = async (jobs: PgBoss.Job<unknown>[]) => {
    for (const job of jobs) {
      const parsed = scanUnitSchema.safeParse(job.data);
      if (!parsed.success) {
        counts.failed += 1;
        throw new Error(`unit ${job.id} is not a unit this ftr-ready understands: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      }
      const unit = parsed.data;
      const label = `scan ${unit.scanId} account ${unit.account.id}`;
      if (await store.has(unit.scanId, unit.account.id)) {
        counts.skipped += 1;
        log(`${label}: already stored (a retried unit), nothing to do`);
        continue;
      }
      if (unit.externalIdRequired && !options.externalId) {
        counts.failed += 1;
        throw new Error(`${label}: the role needs an external id and this worker has none (--external-id or FTR_EXTERNAL_ID)`);
      }
      log(`${label}: collecting`);
      const result = await collectUnit(unit, options, name);
      if (!result.shard.complete) {
        counts.failed += 1;
        // Thrown back to the queue: another attempt (here or on another worker) collects it again.
        throw new Error(`${label}: interrupted (${result.trailer.interruption?.reason ?? 'unknown reason'}); the unit is retried`);
      }
      const written = await store.put(unit.scanId, unit.account.id, JSON.stringify(result), name);
      if (written) counts.stored += 1;
      else counts.skipped += 1;
      log(`${label}: ${written ? 'stored' : 'already stored by another attempt'} (${result.trailer.stats?.requests ?? 0} calls, ${result.shard.errors.length} failed reads)`);
    }
  };

  const safe = async (jobs: PgBoss.Job<unknown>[]) => {
    try {
      await handle(jobs);
    } catch (err) {
      const message = redact(err instanceof Error ? err.message : String(err));
      log(message);
      // No `cause`: pg-boss stores the thrown error in the job row, and only the redacted message may go there.
      // eslint-disable-next-line preserve-caught-error
      throw new Error(message);
    }
  };
  for (let i = 0; i < Math.max(1, options.units); i += 1) await boss.work(UNIT_QUEUE, { batchSize: 1, pollingIntervalSeconds: 1 }, safe);
  await new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
  await boss.offWork(UNIT_QUEUE);
  return counts;
}

/** One account, collected as a part of the scan with this worker's credentials. */
async function collectUnit(unit: ScanUnit, options: QueueWorkerOptions, worker: string): Promise<UnitResult> {
  let shard: AccountShard | null = null;
  let handedOut = false;
  const trailer = await runScanToSink(
    {
      org: true,
      roleName: unit.roleName,
      externalId: unit.externalIdRequired ? options.externalId : undefined,
      profile: options.profile,
      regions: unit.regions ?? undefined,
      services: unit.services ?? undefined,
      deepRegions: unit.deepRegions,
      concurrency: unit.limits.concurrency,
      perAccountConcurrency: unit.limits.perAccountConcurrency,
      maxAttempts: unit.limits.maxAttempts,
      signal: options.signal,
      part: {
        organization: unit.organization,
        next: () => {
          if (handedOut) return Promise.resolve(null);
          handedOut = true;
          return Promise.resolve(unit.posture ? { ...unit.account, posture: unit.posture } : unit.account);
        },
      },
    },
    {
      start: () => Promise.resolve(),
      account: (s) => {
        shard = s;
        return Promise.resolve();
      },
    },
  );
  const collected = shard as AccountShard | null;
  if (!collected) throw new Error(`scan ${unit.scanId} account ${unit.account.id}: the collection returned no shard`);
  return { worker, shard: collected, trailer };
}
