/**
 * A unit of a queued scan (`ftr scan --org --queue`, `ftr worker`): one account, as a pg-boss job. It
 * carries what a worker needs to collect the account and nothing secret: the worker uses its own
 * credentials (its default chain or --profile) and, when the unit says the role needs one, its own
 * --external-id / FTR_EXTERNAL_ID. The result of a unit is a shard in the PostgreSQL store
 * (scan_shards, one per scan and account: insert-if-absent), with the unit's own counters.
 */
import { z } from 'zod';
import { accountShardRecordSchema, snapshotTrailerRecordSchema } from '../../core/schemas/snapshot.js';
import { inspector2SliceSchema } from '../../core/schemas/slices/inspector2.js';
import type { AccountShard, SnapshotTrailer } from '../../core/snapshot.js';

/** The pg-boss queue every coordinator sends units to and every worker takes them from. */
export const UNIT_QUEUE = 'ftr-scan-units';
/** pg-boss's own tables live in this schema of the database (not the store's). */
export const QUEUE_SCHEMA = 'ftr_queue';
/** Failed units of one scan (every attempt failed) go to a queue of that scan, which its coordinator reads. */
export const failedUnitQueue = (scanId: number) => `ftr-scan-failed-${scanId}`;

/**
 * Retries of a unit (docs/decisions/0011): a unit whose worker dies is "active" until it expires
 * (`--unit-timeout`, default 15 minutes: a long account of 17 regions at 60 ms takes a few minutes), then
 * pg-boss's maintenance makes it a retry; a failed unit (thrown) is retried after RETRY_DELAY_SECONDS.
 */
export const DEFAULT_UNIT_TIMEOUT_SECONDS = 15 * 60;
export const UNIT_RETRY_LIMIT = 3;
export const UNIT_RETRY_DELAY_SECONDS = 5;

const accountId = z.string().regex(/^\d{12}$/);

/** What delegated administrators answered for the unit's account (collect/member-posture.ts). */
const memberPostureSchema = z.object({
  regional: z.record(z.string(), z.object({ inspector2: inspector2SliceSchema.optional() })),
});

export const scanUnitSchema = z.object({
  scanId: z.number().int().positive(),
  account: z.object({ id: accountId, name: z.string().nullable() }),
  /** The organization posture step's answers for this account (absent: it reads everything itself). */
  posture: memberPostureSchema.optional(),
  roleName: z.string().min(1).max(64),
  /** The role needs an external id: the worker supplies its own (never put in the queue). */
  externalIdRequired: z.boolean(),
  regions: z.array(z.string()).nullable(),
  services: z.array(z.string()).nullable(),
  /** --deep-regions: every region's resources are read (docs/decisions/0012-region-signal.md). */
  deepRegions: z.boolean().default(false),
  organization: z.object({ managementAccountId: accountId.nullable(), scannedAccountIds: z.array(accountId) }),
  limits: z.object({ concurrency: z.number().int().positive(), perAccountConcurrency: z.number().int().positive(), maxAttempts: z.number().int().positive() }),
});
export type ScanUnit = z.infer<typeof scanUnitSchema>;

/** What a worker stores for a finished unit: the account's shard and the unit's own trailer (reads outside the account, counters). */
const unitResultSchema = z.object({
  worker: z.string(),
  shard: accountShardRecordSchema.omit({ record: true }),
  trailer: snapshotTrailerRecordSchema.omit({ record: true, accounts: true }),
});
export interface UnitResult {
  readonly worker: string;
  readonly shard: AccountShard;
  readonly trailer: SnapshotTrailer;
}

export function parseUnitResult(json: string): UnitResult {
  return unitResultSchema.parse(JSON.parse(json));
}

/** Where the shards of queued scans are kept (the PostgreSQL store; cli/queue-store.ts adapts it). */
export interface UnitShardStore {
  has(scanId: number, accountId: string): Promise<boolean>;
  /** Insert-if-absent: false when this account of this scan already has its shard. */
  put(scanId: number, accountId: string, json: string, worker: string): Promise<boolean>;
  list(scanId: number): Promise<readonly { accountId: string; sha256: string }[]>;
  read(sha256: string): Promise<string | null>;
}
