import { describe, expect, it } from 'vitest';
import { ALL_ON, aLogBucket, aTrail, publicReadPolicy, trailDetails, trailSnapshot } from '../../../test/helpers/storage-fixtures.js';
import { denied, observed } from '../../../test/helpers/snapshot-builder.js';
import type { Observed } from '../../core/observed.js';
import type { TrailLogBucket } from '../../core/slices/cloudtrail.js';
import type { S3Slice } from '../../core/slices/s3.js';
import { cloudtrailLogsBucketNotPublic } from './cloudtrail-logs-bucket-not-public.js';

const open = { publicAccessBlock: observed(null), policyIsPublic: observed(null) };
const publicPolicy = observed(publicReadPolicy('logs'));
const s3Slice = (accountPab: S3Slice['accountPublicAccessBlock']): Observed<S3Slice> =>
  observed({ accountPublicAccessBlock: accountPab, buckets: observed([]) });

describe('cloudtrail_logs_bucket_not_public', () => {
  it.each<[string, Partial<TrailLogBucket>, Observed<S3Slice> | undefined, string]>([
    ['private bucket in another account', {}, undefined, 'PASS'],
    ['public policy, own bucket, account PAB off', { ...open, owner: observed('this-account'), policy: publicPolicy }, s3Slice(observed(null)), 'FAIL'],
    ['public policy, own bucket, account RestrictPublicBuckets on', { ...open, owner: observed('this-account'), policy: publicPolicy }, s3Slice(observed(ALL_ON)), 'PASS'],
    ['own bucket, no public grant, ACLs enabled, nothing ignores public ACLs', { ...open, owner: observed('this-account'), objectOwnership: observed(null) }, s3Slice(observed(null)), 'MANUAL'],
    ['own bucket, no public grant, ACLs disabled, no PAB', { ...open, owner: observed('this-account'), objectOwnership: observed('BucketOwnerEnforced') }, s3Slice(observed(null)), 'PASS'],
    ['public policy, bucket in another account (owner PAB unreadable)', { ...open, policy: publicPolicy }, undefined, 'UNKNOWN'],
    ['AWS says public, bucket in another account', { ...open, policyIsPublic: observed(true) }, undefined, 'UNKNOWN'],
    ['policy denied, bucket PAB denied (other account)', { publicAccessBlock: denied('s3', 'GetPublicAccessBlock'), policy: denied('s3', 'GetBucketPolicy'), policyIsPublic: denied('s3', 'GetBucketPolicyStatus') }, undefined, 'UNKNOWN'],
    ['policy denied but bucket PAB blocks everything', { policy: denied('s3', 'GetBucketPolicy'), policyIsPublic: denied('s3', 'GetBucketPolicyStatus'), acl: denied('s3', 'GetBucketAcl') }, undefined, 'PASS'],
    ['bucket does not exist', { owner: observed('not-found') }, undefined, 'FAIL'],
  ])('%s => %s', (_name, overrides, s3, status) => {
    const trail = aTrail('main', { details: trailDetails({ logBucket: aLogBucket('logs', overrides) }) });
    expect(cloudtrailLogsBucketNotPublic.evaluate(trailSnapshot({ 'us-east-1': [trail] }, s3))).toEqual([
      expect.objectContaining({ status, resourceId: 'main' }),
    ]);
  });

  it('says why the verdict is unknown', () => {
    const trail = aTrail('main', { details: trailDetails({ logBucket: aLogBucket('logs', { ...open, policy: publicPolicy }) }) });
    const [outcome] = cloudtrailLogsBucketNotPublic.evaluate(trailSnapshot({ 'us-east-1': [trail] }));
    expect(outcome?.message).toContain('cannot be read');
  });
});
