/**
 * Fixtures for the S3 and CloudTrail check tests. Defaults describe a compliant set-up; tests override
 * one field at a time: aBucket('b', { versioning: denied('s3', 'GetBucketVersioning') }).
 */
import type { Observed } from '../../src/core/observed.js';
import type { Trail, TrailDetails, TrailLogBucket } from '../../src/core/slices/cloudtrail.js';
import type { PublicAccessBlock, S3Bucket, S3Slice } from '../../src/core/slices/s3.js';
import type { Snapshot } from '../../src/core/snapshot.js';
import { ACCOUNT_A, aRegion, aSnapshot, anAccount, observed } from './snapshot-builder.js';

export const ALL_ON: PublicAccessBlock = { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true };
export const ALL_OFF: PublicAccessBlock = { blockPublicAcls: false, ignorePublicAcls: false, blockPublicPolicy: false, restrictPublicBuckets: false };
export const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';

export function tlsPolicy(bucket: string): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'DenyInsecureTransport',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
    ],
  });
}

export function publicReadPolicy(bucket: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/*`, ...extra }],
  });
}

export function aBucket(name: string, overrides: Partial<S3Bucket> = {}): S3Bucket {
  return {
    name,
    arn: `arn:aws:s3:::${name}`,
    createdAt: '2024-01-01T00:00:00.000Z',
    region: observed('us-east-1'),
    inScannedRegion: true,
    publicAccessBlock: observed(ALL_ON),
    policy: observed(tlsPolicy(name)),
    policyIsPublic: observed(false),
    acl: observed({ ownerCanonicalId: 'owner', grants: [{ granteeType: 'CanonicalUser', groupUri: null, canonicalId: 'owner', permission: 'FULL_CONTROL' }] }),
    versioning: observed({ status: 'Enabled', mfaDelete: null }),
    objectOwnership: observed('BucketOwnerEnforced'),
    encryption: observed({ sseAlgorithm: 'AES256', kmsMasterKeyId: null, bucketKeyEnabled: null }),
    tags: observed(null),
    ...overrides,
  };
}

export function s3Snapshot(
  buckets: Observed<readonly S3Bucket[]> | readonly S3Bucket[],
  accountPublicAccessBlock: Observed<PublicAccessBlock | null> = observed(ALL_ON),
): Snapshot {
  const slice: S3Slice = { accountPublicAccessBlock, buckets: 'ok' in buckets ? buckets : observed(buckets) };
  return aSnapshot({ accounts: [anAccount({ global: { s3: observed(slice) } })] });
}

export function aLogBucket(name: string, overrides: Partial<TrailLogBucket> = {}): TrailLogBucket {
  const { publicAccessBlock, policy, policyIsPublic, acl, versioning } = aBucket(name);
  return { name, owner: observed('other-account'), publicAccessBlock, policy, policyIsPublic, acl, versioning, ...overrides };
}

export function trailDetails(overrides: Partial<TrailDetails> = {}): TrailDetails {
  return {
    readInRegion: 'us-east-1',
    status: observed({ isLogging: true, latestDeliveryTime: '2026-10-31T00:00:00.000Z', latestDeliveryError: null }),
    eventSelectors: observed({ managementEvents: 'All', advanced: false, excludedManagementSources: [] }),
    logBucket: aLogBucket('org-trail-logs'),
    ...overrides,
  };
}

export function aTrail(name: string, overrides: Partial<Trail> = {}): Trail {
  const homeRegion = overrides.homeRegion ?? 'us-east-1';
  return {
    name,
    arn: `arn:aws:cloudtrail:${homeRegion}:${ACCOUNT_A}:trail/${name}`,
    homeRegion,
    isMultiRegion: true,
    isOrganizationTrail: false,
    ownerAccountId: ACCOUNT_A,
    s3BucketName: 'org-trail-logs',
    logFileValidationEnabled: true,
    kmsKeyId: 'arn:aws:kms:us-east-1:111111111111:key/trail',
    details: trailDetails({ readInRegion: homeRegion }),
    ...overrides,
  };
}

/** The same trail as seen from another region (a shadow copy, no details). */
export function shadowOf(trail: Trail): Trail {
  return { ...trail, details: null };
}

/** One account; `regions` maps a region to its trail list (or a failed DescribeTrails). */
export function trailSnapshot(
  regions: Readonly<Record<string, Observed<readonly Trail[]> | readonly Trail[]>>,
  s3?: Observed<S3Slice>,
): Snapshot {
  const regional = Object.entries(regions).map(([region, trails]) =>
    aRegion(region, { cloudtrail: observed({ trails: 'ok' in trails ? trails : observed(trails) }) }),
  );
  return aSnapshot({ accounts: [anAccount({ regional, global: s3 ? { s3 } : {} })] });
}
