/**
 * The zod schema of a snapshot file (src/core/snapshot.ts), slices included: what `ftr evaluate` accepts.
 * Unknown fields are dropped (a newer minor version may add some); anything malformed is refused with its
 * path, so no check and no renderer ever sees it.
 */
import { z } from 'zod';
import { accountId, collectionErrorSchema, COLLECTION_ERROR_KINDS, count, isoTime, observed, stringList } from './primitives.js';
import { globalSlicesShape, regionalSlicesShape } from './slices/index.js';

export const organizationAccountSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  status: z.string(),
  joinedMethod: z.string().nullable(),
});

export const organizationInfoSchema = z.object({
  id: z.string(),
  arn: z.string(),
  managementAccountId: z.string(),
  featureSet: z.string(),
  accounts: observed(z.array(organizationAccountSchema)),
  centralizedRootCredentials: observed(z.boolean()),
});

export const regionInfoSchema = z.object({
  region: z.string(),
  optInStatus: z.string(),
  enabled: z.boolean(),
  scanned: z.boolean(),
});

export const regionSignalEvidenceSchema = z.object({
  source: z.literal('aws-config-inventory'),
  recorder: z.string(),
  resourceTypes: stringList,
  discovered: count,
  tagged: count.nullable(),
});

export const regionReadSchema = z.object({
  mode: z.enum(['full', 'posture-only']),
  reason: z.string(),
  signal: regionSignalEvidenceSchema.optional(),
  skipped: stringList,
});

export const regionalSnapshotSchema = z.object({ region: z.string(), read: regionReadSchema.optional(), ...regionalSlicesShape });

export const accountSnapshotSchema = z.object({
  accountId,
  name: z.string().nullable(),
  access: observed(z.object({ via: z.enum(['caller', 'assumed-role']), roleArn: z.string().nullable() })),
  regions: observed(z.array(regionInfoSchema)),
  homeRegion: z.string(),
  global: z.object(globalSlicesShape),
  regional: z.array(regionalSnapshotSchema),
});

export const operationOutcomeSchema = z.object({
  accountId: z.string(),
  region: z.string(),
  service: z.string(),
  operation: z.string(),
  outcome: z.enum(['ok', 'not_found', ...COLLECTION_ERROR_KINDS]),
  code: z.string().nullable(),
  calls: count,
});

export const collectionStatsSchema = z.object({
  requests: count,
  attempts: count,
  retries: count,
  throttles: count,
  retriesRefusedByBudget: count,
  maxRequestsInFlight: count,
  concurrency: count,
  perAccountConcurrency: count,
  maxAttempts: count,
  workers: count.optional(),
  organizationReads: z
    .array(z.object({ service: z.string(), administrator: z.string().nullable(), accountRegions: count, fallbacks: stringList }))
    .optional(),
});

export const snapshotSchema = z.object({
  schemaVersion: z.string(),
  tool: z.object({ name: z.literal('ftr-ready'), version: z.string() }),
  startedAt: isoTime,
  finishedAt: isoTime,
  complete: z.boolean(),
  interruption: z.object({ reason: z.string() }).nullable(),
  principal: z.object({ arn: z.string(), accountId: z.string() }),
  partition: z.string(),
  mode: z.enum(['account', 'organization']),
  requestedRegions: stringList.nullable(),
  organization: observed(organizationInfoSchema.nullable()),
  accounts: z.array(accountSnapshotSchema),
  errors: z.array(collectionErrorSchema),
  operations: z.array(operationOutcomeSchema),
  // Optional: snapshots written before it have none.
  stats: collectionStatsSchema.optional(),
});

/** Records of the sharded snapshot file (src/core/snapshot.ts, docs/snapshot-schema.md): validated one at a time. */
export const snapshotHeaderRecordSchema = z.object({
  record: z.literal('header'),
  format: z.literal('ftr-ready/snapshot-shards'),
  formatVersion: z.literal(2),
  schemaVersion: z.string(),
  tool: z.object({ name: z.literal('ftr-ready'), version: z.string() }),
  startedAt: isoTime,
  principal: z.object({ arn: z.string(), accountId: z.string() }),
  partition: z.string(),
  mode: z.enum(['account', 'organization']),
  requestedRegions: stringList.nullable(),
  organization: observed(organizationInfoSchema.nullable()),
});

export const accountShardRecordSchema = z.object({
  record: z.literal('account'),
  complete: z.boolean(),
  account: accountSnapshotSchema,
  errors: z.array(collectionErrorSchema),
  operations: z.array(operationOutcomeSchema),
});

export const snapshotTrailerRecordSchema = z.object({
  record: z.literal('trailer'),
  finishedAt: isoTime,
  complete: z.boolean(),
  interruption: z.object({ reason: z.string() }).nullable(),
  accounts: count,
  errors: z.array(collectionErrorSchema),
  operations: z.array(operationOutcomeSchema),
  stats: collectionStatsSchema.optional(),
});
