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

/** Tag keys a data-classification convention commonly uses (DataClassification, data-classification, Sensitivity, ...). */
const CLASSIFICATION_KEY = /^(data[-_ ]?)?(classification|sensitivity|confidentiality)$/i;

/**
 * The bucket's data-classification tag, when its tags follow such a convention; null when there is none,
 * 'unreadable' when the tags could not be read. Surfaced as evidence: which buckets hold sensitive data is
 * the partner's scoping (SDAT-000/003), not something the scan decides.
 */
export function dataClassification(bucket: S3Bucket): { readonly key: string; readonly value: string } | null | 'unreadable' {
  if (!bucket.tags.ok) return 'unreadable';
  const entry = Object.entries(bucket.tags.value ?? {}).find(([key]) => CLASSIFICATION_KEY.test(key.trim()));
  return entry ? { key: entry[0], value: entry[1] } : null;
}

/** " (tagged DataClassification=confidential)" for messages, or ''. */
export function classificationClause(classification: ReturnType<typeof dataClassification>): string {
  return classification && classification !== 'unreadable' ? ` (tagged ${classification.key}=${classification.value})` : '';
}

/** Buckets AWS tools create for deployment artifacts the pipeline re-creates (CDK, CodePipeline, CloudFormation, SAM). */
const DEPLOYMENT_ARTIFACT_BUCKETS = [
  /^cdk-[a-z0-9]+-assets-\d{12}-[a-z0-9-]+$/,
  /^codepipeline-[a-z]{2}(-[a-z]+)+-\d+-?\d*$/,
  /^cf-templates-[a-z0-9]+-[a-z0-9-]+$/,
  /^aws-sam-cli-managed-default-samclisourcebucket-[a-z0-9]+$/,
];

export type BucketRole = 'cloudtrail-logs' | 'config-logs' | 'deployment-artifacts' | 'data';

/**
 * What a bucket is for, as far as the snapshot shows it: the destination of a CloudTrail trail or of an
 * AWS Config delivery channel of the same account, a bucket of regenerable deployment artifacts (by the
 * names AWS tools give them), or data (everything else, including what cannot be told apart).
 */
export function bucketRole(bucket: S3Bucket, account: AccountSnapshot): BucketRole {
  for (const regional of account.regional) {
    const trails = regional.cloudtrail?.ok && regional.cloudtrail.value.trails.ok ? regional.cloudtrail.value.trails.value : [];
    if (trails.some((t) => t.s3BucketName === bucket.name)) return 'cloudtrail-logs';
    const channels = regional.config?.ok && regional.config.value.deliveryChannels.ok ? regional.config.value.deliveryChannels.value : [];
    if (channels.some((c) => c.s3BucketName === bucket.name)) return 'config-logs';
  }
  if (DEPLOYMENT_ARTIFACT_BUCKETS.some((pattern) => pattern.test(bucket.name))) return 'deployment-artifacts';
  return 'data';
}
