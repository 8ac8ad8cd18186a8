import { describe, expect, it } from 'vitest';
import { ALL_OFF, ALL_ON, aBucket, s3Snapshot } from '../../../test/helpers/storage-fixtures.js';
import { denied, observed } from '../../../test/helpers/snapshot-builder.js';
import type { Observed } from '../../core/observed.js';
import type { PublicAccessBlock } from '../../core/slices/s3.js';
import { s3BucketLevelPublicAccessBlock } from './s3-bucket-level-public-access-block.js';

type Pab = Observed<PublicAccessBlock | null>;

describe('s3_bucket_level_public_access_block', () => {
  it.each<[string, Pab, Pab, string]>([
    ['bucket all on', observed(ALL_ON), observed(null), 'PASS'],
    ['account all on, bucket none', observed(null), observed(ALL_ON), 'PASS'],
    ['switches split between bucket and account', observed({ ...ALL_OFF, blockPublicAcls: true, ignorePublicAcls: true }), observed({ ...ALL_OFF, blockPublicPolicy: true, restrictPublicBuckets: true }), 'PASS'],
    ['neither level', observed(null), observed(null), 'FAIL'],
    ['one switch off at both levels', observed({ ...ALL_ON, ignorePublicAcls: false }), observed(ALL_OFF), 'FAIL'],
    ['bucket all on, account denied', observed(ALL_ON), denied('s3control', 'GetPublicAccessBlock'), 'PASS'],
    ['bucket denied, account all on', denied('s3', 'GetPublicAccessBlock'), observed(ALL_ON), 'PASS'],
    ['bucket denied, account off', denied('s3', 'GetPublicAccessBlock'), observed(null), 'UNKNOWN'],
    ['bucket partial, account denied', observed({ ...ALL_ON, restrictPublicBuckets: false }), denied('s3control', 'GetPublicAccessBlock'), 'UNKNOWN'],
  ])('%s => %s', (_name, bucketPab, accountPab, status) => {
    const outcomes = s3BucketLevelPublicAccessBlock.evaluate(s3Snapshot([aBucket('data', { publicAccessBlock: bucketPab })], accountPab));
    expect(outcomes).toEqual([
      expect.objectContaining({ status, resourceType: 'AWS::S3::Bucket', resourceId: 'data', resourceArn: 'arn:aws:s3:::data', region: 'us-east-1' }),
    ]);
  });

  it('gives one NOT_APPLICABLE for an account without buckets and UNKNOWN when ListBuckets failed', () => {
    expect(s3BucketLevelPublicAccessBlock.evaluate(s3Snapshot([]))).toEqual([expect.objectContaining({ status: 'NOT_APPLICABLE', resourceType: 'AWS::::Account' })]);
    expect(s3BucketLevelPublicAccessBlock.evaluate(s3Snapshot(denied('s3', 'ListBuckets')))).toEqual([
      expect.objectContaining({ status: 'UNKNOWN', resourceType: 'AWS::::Account' }),
    ]);
  });
});
