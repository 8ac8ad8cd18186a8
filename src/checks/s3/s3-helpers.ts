/**
 * Shared plumbing of the S3 checks. Per-bucket checks return one outcome per bucket; an account whose
 * bucket list could not be read gets one UNKNOWN, and an account without buckets gets one NOT_APPLICABLE
 * (so the report shows the check ran there).
 */
import { accountRef, forEachAccount, notApplicable, unknown } from '../../core/check.js';
import type { CheckOutcome, ResourceRef } from '../../core/finding.js';
import { describeCollectionError, type CollectionError } from '../../core/observed.js';
import type { S3Bucket, S3Slice } from '../../core/slices/s3.js';
import type { AccountSnapshot, Snapshot } from '../../core/snapshot.js';

export function bucketRef(account: AccountSnapshot | string, bucket: Pick<S3Bucket, 'name' | 'arn' | 'region'>): ResourceRef {
  return {
    accountId: typeof account === 'string' ? account : account.accountId,
    region: bucket.region.ok ? bucket.region.value : null,
    resourceType: 'AWS::S3::Bucket',
    resourceId: bucket.name,
    resourceArn: bucket.arn,
  };
}

export function forEachBucket(
  snapshot: Snapshot,
  rule: (bucket: S3Bucket, ref: ResourceRef, slice: S3Slice, account: AccountSnapshot) => CheckOutcome,
): CheckOutcome[] {
  return forEachAccount(snapshot, 's3', (slice, account) => {
    if (!slice.buckets.ok) return [unknown(accountRef(account), slice.buckets.error)];
    if (slice.buckets.value.length === 0) {
      return [notApplicable(accountRef(account), `Account ${account.accountId} has no S3 buckets.`)];
    }
    return slice.buckets.value.map((bucket) => rule(bucket, bucketRef(account, bucket), slice, account));
  });
}

/** UNKNOWN with a lead sentence and every reason (errors described), keeping the errors as evidence. */
export function unknownBecause(
  ref: ResourceRef,
  lead: string,
  reasons: readonly (CollectionError | string)[],
  evidence: Readonly<Record<string, unknown>> = {},
): CheckOutcome {
  const text = reasons.map((r) => (typeof r === 'string' ? r : describeCollectionError(r)));
  const errors = reasons.filter((r): r is CollectionError => typeof r !== 'string');
  return unknown(ref, `${lead} ${text.join(' ')}`.trim(), {
    ...evidence,
    ...(errors.length > 0
      ? { collectionErrors: errors.map((e) => ({ kind: e.kind, code: e.code, service: e.service, operation: e.operation })) }
      : {}),
  });
}

const PAB_NAMES = {
  blockPublicAcls: 'BlockPublicAcls',
  ignorePublicAcls: 'IgnorePublicAcls',
  blockPublicPolicy: 'BlockPublicPolicy',
  restrictPublicBuckets: 'RestrictPublicBuckets',
} as const;

export const PAB_KEYS = Object.keys(PAB_NAMES) as (keyof typeof PAB_NAMES)[];

/** AWS names of the switches that are off. */
export function pabSwitchesOff(pab: Readonly<Record<keyof typeof PAB_NAMES, boolean>> | null): string[] {
  return PAB_KEYS.filter((k) => !pab?.[k]).map((k) => PAB_NAMES[k]);
}

export function pabName(key: keyof typeof PAB_NAMES): string {
  return PAB_NAMES[key];
}
