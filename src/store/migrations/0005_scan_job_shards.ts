/**
 * 0005: what a dashboard scan job knows about its accounts, so an interrupted job can say "partial snapshot
 * of N of M accounts kept" and be resumed like `ftr scan --resume` (src/serve/jobs.ts): how many accounts
 * the scan set out to collect, and which accounts have a complete shard in the snapshot it recorded (a
 * stored snapshot is one document; the per-account "complete" flag of its shards is kept here).
 * Never edit a released migration: add the next NNNN_*.ts and register it in ./index.ts.
 */
import type { Kysely } from 'kysely';
import type { StoreEngine } from '../location.js';

export async function up(db: Kysely<unknown>, _engine: StoreEngine): Promise<void> {
  await db.schema.alterTable('scan_jobs').addColumn('accounts_total', 'integer').execute();
  // JSON array of account ids; null until the job's snapshot is recorded.
  await db.schema.alterTable('scan_jobs').addColumn('complete_accounts', 'text').execute();
}

export async function down(db: Kysely<unknown>, _engine: StoreEngine): Promise<void> {
  await db.schema.alterTable('scan_jobs').dropColumn('complete_accounts').execute();
  await db.schema.alterTable('scan_jobs').dropColumn('accounts_total').execute();
}
