/**
 * Per-bucket S3 reads shared by the S3 collector and the CloudTrail collector (log buckets). Every read goes
 * through `ctx.call` and yields an Observed value; not-found codes become `null`.
 */
import {
  GetBucketAclCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetBucketPolicyStatusCommand,
  GetBucketVersioningCommand,
  GetPublicAccessBlockCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { Observed } from '../../../core/observed.js';
import type { AclGrant, BucketAcl, BucketExposureReads, BucketVersioning, PublicAccessBlock } from '../../../core/slices/s3.js';
import type { CollectorContext, OperationSpec } from '../../collector.js';

export const NOT_FOUND = {
  publicAccessBlock: ['NoSuchPublicAccessBlockConfiguration'],
  policy: ['NoSuchBucketPolicy'],
  ownership: ['OwnershipControlsNotFoundError'],
  encryption: ['ServerSideEncryptionConfigurationNotFoundError'],
  tagging: ['NoSuchTagSet'],
} as const;

/** The operations `readBucketExposure` uses, for the collectors' `operations` lists. */
export const BUCKET_EXPOSURE_OPERATIONS: readonly OperationSpec[] = [
  { operation: 'GetPublicAccessBlock', iamAction: 's3:GetBucketPublicAccessBlock', notFoundCodes: NOT_FOUND.publicAccessBlock },
  { operation: 'GetBucketPolicy', iamAction: 's3:GetBucketPolicy', notFoundCodes: NOT_FOUND.policy },
  { operation: 'GetBucketPolicyStatus', iamAction: 's3:GetBucketPolicyStatus', notFoundCodes: NOT_FOUND.policy },
  { operation: 'GetBucketAcl', iamAction: 's3:GetBucketAcl' },
  { operation: 'GetBucketVersioning', iamAction: 's3:GetBucketVersioning' },
  { operation: 'GetBucketOwnershipControls', iamAction: 's3:GetBucketOwnershipControls', notFoundCodes: NOT_FOUND.ownership },
];

interface PabLike {
  BlockPublicAcls?: boolean | undefined;
  IgnorePublicAcls?: boolean | undefined;
  BlockPublicPolicy?: boolean | undefined;
  RestrictPublicBuckets?: boolean | undefined;
}

/** A PAB configuration from either the S3 or the S3 Control API; omitted switches are off. */
export function toPublicAccessBlock(config: PabLike | undefined): PublicAccessBlock | null {
  if (!config) return null;
  return {
    blockPublicAcls: config.BlockPublicAcls === true,
    ignorePublicAcls: config.IgnorePublicAcls === true,
    blockPublicPolicy: config.BlockPublicPolicy === true,
    restrictPublicBuckets: config.RestrictPublicBuckets === true,
  };
}

export function mapObserved<T, U>(value: Observed<T>, fn: (v: T) => U): Observed<U> {
  return value.ok ? { ok: true, value: fn(value.value) } : value;
}

/** Observed values from `ctx.call` without notFoundCodes cannot be null; this narrows the type. */
function nonNull<T>(value: Observed<T | null>, fallback: T): Observed<T> {
  return mapObserved(value, (v) => v ?? fallback);
}

const VERSIONING_STATUS = new Set(['Enabled', 'Suspended']);
const MFA_DELETE = new Set(['Enabled', 'Disabled']);

/**
 * Block Public Access, policy, policy status, ACL, versioning and Object Ownership of one bucket, read concurrently.
 * `region` is the bucket's region when known; S3 clients follow region redirects otherwise.
 */
export async function readBucketExposure(
  ctx: CollectorContext,
  bucket: string,
  region: string,
): Promise<BucketExposureReads & { objectOwnership: Observed<string | null> }> {
  const s3 = ctx.client(S3Client, region);
  const opts = { region };
  const [publicAccessBlock, policy, policyIsPublic, acl, versioning, ownership] = await Promise.all([
    ctx.call('s3', 'GetPublicAccessBlock', () => s3.send(new GetPublicAccessBlockCommand({ Bucket: bucket })), {
      ...opts,
      notFoundCodes: NOT_FOUND.publicAccessBlock,
    }),
    ctx.call('s3', 'GetBucketPolicy', () => s3.send(new GetBucketPolicyCommand({ Bucket: bucket })), {
      ...opts,
      notFoundCodes: NOT_FOUND.policy,
    }),
    ctx.call('s3', 'GetBucketPolicyStatus', () => s3.send(new GetBucketPolicyStatusCommand({ Bucket: bucket })), {
      ...opts,
      notFoundCodes: NOT_FOUND.policy,
    }),
    ctx.call('s3', 'GetBucketAcl', () => s3.send(new GetBucketAclCommand({ Bucket: bucket })), opts),
    ctx.call('s3', 'GetBucketVersioning', () => s3.send(new GetBucketVersioningCommand({ Bucket: bucket })), opts),
    ctx.call('s3', 'GetBucketOwnershipControls', () => s3.send(new GetBucketOwnershipControlsCommand({ Bucket: bucket })), {
      ...opts,
      notFoundCodes: NOT_FOUND.ownership,
    }),
  ]);
  return {
    publicAccessBlock: mapObserved(publicAccessBlock, (out) => toPublicAccessBlock(out?.PublicAccessBlockConfiguration)),
    policy: mapObserved(policy, (out) => out?.Policy ?? null),
    policyIsPublic: mapObserved(policyIsPublic, (out) => {
      const isPublic = out?.PolicyStatus?.IsPublic;
      return typeof isPublic === 'boolean' ? isPublic : null;
    }),
    acl: nonNull(
      mapObserved(acl, (out): BucketAcl | null =>
        out
          ? {
              ownerCanonicalId: out.Owner?.ID ?? null,
              grants: (out.Grants ?? []).map(
                (g): AclGrant => ({
                  granteeType: g.Grantee?.Type ?? 'Unknown',
                  groupUri: g.Grantee?.URI ?? null,
                  canonicalId: g.Grantee?.ID ?? null,
                  permission: g.Permission ?? 'Unknown',
                }),
              ),
            }
          : null,
      ),
      { ownerCanonicalId: null, grants: [] },
    ),
    versioning: nonNull(
      mapObserved(versioning, (out): BucketVersioning | null => {
        if (!out) return null;
        const status = out.Status && VERSIONING_STATUS.has(out.Status) ? (out.Status as BucketVersioning['status']) : null;
        const mfaDelete = out.MFADelete && MFA_DELETE.has(out.MFADelete) ? (out.MFADelete as BucketVersioning['mfaDelete']) : null;
        return { status, mfaDelete };
      }),
      { status: null, mfaDelete: null },
    ),
    objectOwnership: mapObserved(ownership, (out) => out?.OwnershipControls?.Rules?.[0]?.ObjectOwnership ?? null),
  };
}

/** GetBucketLocation's LocationConstraint as a region name. */
export function normalizeBucketRegion(constraint: string | null | undefined): string {
  if (!constraint) return 'us-east-1';
  if (constraint === 'EU') return 'eu-west-1';
  return constraint;
}
