/**
 * The PostgreSQL side of queued scans (`ftr scan --org --queue`, `ftr worker`): the workspace store holds
 * the shards (scan_shards: one per scan and account, insert-if-absent), pg-boss holds the units in its own
 * schema of the same database. pg-boss is imported only here, when a queue is used.
 */
import { UserError } from '../core/errors.js';
import { redactDbUrl } from '../store/location.js';
import { openStore, type Store } from '../store/db.js';
import { QUEUE_SCHEMA, type UnitShardStore } from '../collect/workers/queue-unit.js';
import type PgBoss from 'pg-boss';

export function requirePostgresUrl(flag: string, url: string | undefined): string {
  if (!url || !/^postgres(ql)?:\/\//.test(url)) {
    throw new UserError(`${flag} needs a PostgreSQL URL (postgres://user@host:5432/db); queued scans keep their units and shards in PostgreSQL.`);
  }
  return url;
}

export function unitShardStore(store: Store): UnitShardStore {
  return {
    has: (scanId, accountId) => store.scans.hasShard(scanId, accountId),
    put: async (scanId, accountId, json, worker) => (await store.scans.putShard(scanId, { unitKey: accountId, accountId, json, worker })).written,
    list: (scanId) => store.scans.listShards(scanId),
    read: async (sha256) => {
      const blob = await store.blobs.get(sha256);
      return blob ? blob.bytes.toString('utf8') : null;
    },
  };
}

/** Opens the store and starts pg-boss on the same database; `close` stops both. */
export async function openQueue(url: string, options: { maintenanceIntervalSeconds?: number } = {}): Promise<{ store: Store; boss: PgBoss; close(): Promise<void> }> {
  const store = await openStore({ engine: 'postgres', url });
  const { default: PgBossClass } = await import('pg-boss');
  const boss = new PgBossClass({
    connectionString: url,
    schema: QUEUE_SCHEMA,
    max: 4,
    ...(options.maintenanceIntervalSeconds ? { maintenanceIntervalSeconds: options.maintenanceIntervalSeconds } : {}),
  });
  // Connection hiccups are retried by pg-boss; they must not crash the process.
  boss.on('error', (err) => process.stderr.write(`queue: ${redactDbUrl(err.message)}\n`));
  try {
    await boss.start();
  } catch (err) {
    await store.close();
    throw new UserError(`Cannot start the queue on ${store.description}: ${redactDbUrl(err instanceof Error ? err.message : String(err))}`);
  }
  return {
    store,
    boss,
    close: async () => {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 }).catch(() => undefined);
      await store.close();
    },
  };
}
