/**
 * Scans: the snapshot as one gzip blob addressed by the sha256 of its JSON, plus the envelope facts
 * (who, when, complete?) the lists show. The same snapshot recorded twice is one scan.
 *
 * Issue 10 seam: a distributed scan is a `storage: 'shards'` scan whose content is per-unit shards
 * (scan_shards), each its own blob, written by workers with putShard (idempotent per unit).
 */
import type { Snapshot } from '../../core/snapshot.js';
import { parseSnapshot } from '../../io/snapshot-file.js';
import { encodeJson, sha256Hex } from '../content.js';
import { NotFoundError } from '../errors.js';
import type { ScanRow } from '../schema.js';
import { BlobRepository } from './blobs.js';
import { appendAudit, inTransaction, type Actor, type RepositoryContext } from './context.js';

export const SNAPSHOT_MEDIA_TYPE = 'application/vnd.ftr-ready.snapshot+json';
export const SHARD_MEDIA_TYPE = 'application/vnd.ftr-ready.snapshot-shard+json';

export interface StoredScan {
  readonly id: number;
  readonly snapshotSha256: string | null;
  readonly storage: 'snapshot' | 'shards';
  readonly schemaVersion: string;
  readonly toolVersion: string;
  readonly mode: string;
  readonly principalArn: string;
  readonly principalAccount: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly complete: boolean;
  readonly interruption: string | null;
  readonly accountCount: number;
  readonly regionCount: number;
  readonly apiCalls: number;
  readonly failedReads: number;
  readonly source: string;
  readonly recordedAt: string;
  readonly recordedBy: string;
}

export interface RecordOptions {
  /** 'scan', 'evaluate', 'import'. */
  readonly source: string;
  readonly actor: Actor;
}

/** The envelope of a sharded scan (its accounts arrive later as shards). */
export interface ShardedScanMeta {
  readonly schemaVersion: string;
  readonly toolVersion: string;
  readonly mode: string;
  readonly principalArn: string;
  readonly principalAccount: string;
  readonly startedAt: string;
}

/** What a sharded scan's row learns when the scan ends. */
export type ShardedScanEnd = Pick<StoredScan, 'finishedAt' | 'complete' | 'interruption' | 'accountCount' | 'regionCount' | 'apiCalls' | 'failedReads'>;

export function toStoredScan(row: ScanRow): StoredScan {
  return {
    id: row.id,
    snapshotSha256: row.snapshot_sha256,
    storage: row.storage,
    schemaVersion: row.schema_version,
    toolVersion: row.tool_version,
    mode: row.mode,
    principalArn: row.principal_arn,
    principalAccount: row.principal_account,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    complete: row.complete === 1,
    interruption: row.interruption,
    accountCount: row.account_count,
    regionCount: row.region_count,
    apiCalls: row.api_calls,
    failedReads: row.failed_reads,
    source: row.source,
    recordedAt: row.recorded_at,
    recordedBy: row.recorded_by,
  };
}

export class ScanRepository {
  private readonly blobs: BlobRepository;
  private readonly ctx: RepositoryContext;
  constructor(ctx: RepositoryContext) {
    this.ctx = ctx;
    this.blobs = new BlobRepository(ctx);
  }

  /** Records a snapshot; `created: false` when the identical snapshot was already stored. */
  async record(snapshot: Snapshot, options: RecordOptions): Promise<{ scan: StoredScan; created: boolean }> {
    // The address is the sha256 of the JSON as `ftr scan` writes it (serializeSnapshot), whatever the input's formatting.
    const encoded = await encodeJson(JSON.stringify(snapshot));
    return inTransaction(this.ctx.db, async (db) => {
      const existing = await db.selectFrom('scans').selectAll().where('snapshot_sha256', '=', encoded.sha256).executeTakeFirst();
      if (existing) return { scan: toStoredScan(existing), created: false };
      const repo = new BlobRepository({ ...this.ctx, db });
      await repo.put(encoded, SNAPSHOT_MEDIA_TYPE);
      const regions = new Set(snapshot.accounts.flatMap((a) => a.regional.map((r) => r.region)));
      const now = this.ctx.now();
      const row = await db
        .insertInto('scans')
        .values({
          snapshot_sha256: encoded.sha256,
          storage: 'snapshot',
          schema_version: snapshot.schemaVersion,
          tool_version: snapshot.tool.version,
          mode: snapshot.mode,
          principal_arn: snapshot.principal.arn,
          principal_account: snapshot.principal.accountId,
          started_at: snapshot.startedAt,
          finished_at: snapshot.finishedAt,
          complete: snapshot.complete ? 1 : 0,
          interruption: snapshot.interruption?.reason ?? null,
          account_count: snapshot.accounts.length,
          region_count: regions.size,
          api_calls: snapshot.operations.reduce((n, o) => n + (typeof o.calls === 'number' ? o.calls : 0), 0),
          failed_reads: snapshot.errors.length,
          source: options.source,
          recorded_at: now,
          recorded_by: options.actor.label,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await appendAudit(db, now, options.actor, {
        action: 'scan.record',
        targetType: 'scan',
        targetId: row.id,
        detail: { source: options.source, sha256: encoded.sha256, accounts: row.account_count, complete: snapshot.complete },
      });
      return { scan: toStoredScan(row), created: true };
    });
  }

  async get(id: number): Promise<StoredScan | null> {
    const row = await this.ctx.db.selectFrom('scans').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toStoredScan(row) : null;
  }

  async require(id: number): Promise<StoredScan> {
    const scan = await this.get(id);
    if (!scan) throw new NotFoundError(`No scan ${id} in the store; \`ftr history --scans\` lists them.`);
    return scan;
  }

  /** Newest first. */
  async list(options: { limit?: number } = {}): Promise<StoredScan[]> {
    const rows = await this.ctx.db
      .selectFrom('scans')
      .selectAll()
      .orderBy('finished_at', 'desc')
      .orderBy('id', 'desc')
      .limit(options.limit ?? 1_000)
      .execute();
    return rows.map(toStoredScan);
  }

  /** The scan an assessment was made from, matched by who scanned and when (assessments do not carry the hash). */
  async findByWindow(principalArn: string, startedAt: string, finishedAt: string): Promise<StoredScan | null> {
    const rows = await this.ctx.db
      .selectFrom('scans')
      .selectAll()
      .where('principal_arn', '=', principalArn)
      .where('started_at', '=', startedAt)
      .where('finished_at', '=', finishedAt)
      .limit(2)
      .execute();
    const [only] = rows;
    return rows.length === 1 && only ? toStoredScan(only) : null;
  }

  /** The snapshot of a single-blob scan, validated like a snapshot file. */
  async loadSnapshot(id: number): Promise<Snapshot> {
    const scan = await this.require(id);
    if (scan.snapshotSha256 === null) throw new NotFoundError(`Scan ${id} is stored as shards; it has no single snapshot.`);
    const blob = await this.blobs.get(scan.snapshotSha256);
    if (!blob) throw new NotFoundError(`The snapshot of scan ${id} (${scan.snapshotSha256}) is missing from the store.`);
    return parseSnapshot(blob.bytes, `scan ${id}`);
  }

  /** Issue 10 seam: the row a distributed scan's shards attach to. */
  async createSharded(meta: ShardedScanMeta, options: RecordOptions): Promise<StoredScan> {
    return inTransaction(this.ctx.db, async (db) => {
      const now = this.ctx.now();
      const row = await db
        .insertInto('scans')
        .values({
          snapshot_sha256: null,
          storage: 'shards',
          schema_version: meta.schemaVersion,
          tool_version: meta.toolVersion,
          mode: meta.mode,
          principal_arn: meta.principalArn,
          principal_account: meta.principalAccount,
          started_at: meta.startedAt,
          finished_at: meta.startedAt,
          complete: 0,
          interruption: null,
          account_count: 0,
          region_count: 0,
          api_calls: 0,
          failed_reads: 0,
          source: options.source,
          recorded_at: now,
          recorded_by: options.actor.label,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await appendAudit(db, now, options.actor, { action: 'scan.create-sharded', targetType: 'scan', targetId: row.id, detail: { source: options.source } });
      return toStoredScan(row);
    });
  }

  /**
   * A sharded scan's end: the facts its row was created without (when it finished, whether it is complete,
   * the counts the lists show). Called by the coordinator of a queued scan once its snapshot is written.
   */
  async finishSharded(scanId: number, facts: ShardedScanEnd, actor: Actor): Promise<StoredScan> {
    return inTransaction(this.ctx.db, async (db) => {
      const row = await db
        .updateTable('scans')
        .set({
          finished_at: facts.finishedAt,
          complete: facts.complete ? 1 : 0,
          interruption: facts.interruption,
          account_count: facts.accountCount,
          region_count: facts.regionCount,
          api_calls: facts.apiCalls,
          failed_reads: facts.failedReads,
        })
        .where('id', '=', scanId)
        .where('storage', '=', 'shards')
        .returningAll()
        .executeTakeFirst();
      if (!row) throw new NotFoundError(`No sharded scan ${scanId} in the store.`);
      await appendAudit(db, this.ctx.now(), actor, {
        action: 'scan.finish-sharded',
        targetType: 'scan',
        targetId: scanId,
        detail: { complete: facts.complete, accounts: facts.accountCount },
      });
      return toStoredScan(row);
    });
  }

  /**
   * Issue 10 seam: one unit's shard. Idempotent: a retried unit whose shard is already stored changes
   * nothing and returns `written: false` (a shard is never written twice).
   */
  async putShard(scanId: number, shard: { unitKey: string; accountId: string; json: string; worker?: string }): Promise<{ written: boolean; sha256: string }> {
    const encoded = await encodeJson(shard.json);
    return inTransaction(this.ctx.db, async (db) => {
      await new BlobRepository({ ...this.ctx, db }).put(encoded, SHARD_MEDIA_TYPE);
      const inserted = await db
        .insertInto('scan_shards')
        .values({ scan_id: scanId, unit_key: shard.unitKey, account_id: shard.accountId, blob_sha256: encoded.sha256, created_at: this.ctx.now(), worker: shard.worker ?? null })
        .onConflict((oc) => oc.columns(['scan_id', 'unit_key']).doNothing())
        .returning('unit_key')
        .executeTakeFirst();
      return { written: inserted !== undefined, sha256: encoded.sha256 };
    });
  }

  async hasShard(scanId: number, unitKey: string): Promise<boolean> {
    const row = await this.ctx.db.selectFrom('scan_shards').select('unit_key').where('scan_id', '=', scanId).where('unit_key', '=', unitKey).executeTakeFirst();
    return row !== undefined;
  }

  async listShards(scanId: number): Promise<{ unitKey: string; accountId: string; sha256: string; createdAt: string }[]> {
    const rows = await this.ctx.db.selectFrom('scan_shards').selectAll().where('scan_id', '=', scanId).orderBy('unit_key').execute();
    return rows.map((r) => ({ unitKey: r.unit_key, accountId: r.account_id, sha256: r.blob_sha256, createdAt: r.created_at }));
  }
}

/** For tests and callers that hash a snapshot without storing it. */
export function snapshotAddress(snapshot: Snapshot): string {
  return sha256Hex(JSON.stringify(snapshot));
}
