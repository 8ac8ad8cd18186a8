/**
 * 0007: which `ftr serve` uses the store. A server marks every job still `running` as interrupted when it
 * starts and assembles their folders (src/serve/jobs.ts): right after a restart, wrong while another server
 * is alive and writing those folders. One row (`name` = 'serve') names the live server; a second server
 * refuses to start while that row is fresh (src/store/repositories/serve-lease.ts).
 * Never edit a released migration: add the next NNNN_*.ts and register it in ./index.ts.
 */
import type { Kysely } from 'kysely';
import type { StoreEngine } from '../location.js';

export async function up(db: Kysely<unknown>, _engine: StoreEngine): Promise<void> {
  await db.schema
    .createTable('serve_leases')
    .addColumn('name', 'text', (c) => c.primaryKey())
    // A random id per server process: only the holder renews or gives the lease back.
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('host', 'text', (c) => c.notNull())
    .addColumn('pid', 'integer', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('renewed_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>, _engine: StoreEngine): Promise<void> {
  await db.schema.dropTable('serve_leases').execute();
}
