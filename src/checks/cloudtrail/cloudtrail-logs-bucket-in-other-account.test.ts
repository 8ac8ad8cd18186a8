import { describe, expect, it } from 'vitest';
import { aLogBucket, aTrail, shadowOf, trailDetails, trailSnapshot } from '../../../test/helpers/storage-fixtures.js';
import { denied, observed } from '../../../test/helpers/snapshot-builder.js';
import type { Trail } from '../../core/slices/cloudtrail.js';
import { cloudtrailLogsBucketInOtherAccount } from './cloudtrail-logs-bucket-in-other-account.js';

const withBucket = (bucket: ReturnType<typeof aLogBucket>) => aTrail('main', { details: trailDetails({ logBucket: bucket }) });

describe('cloudtrail_logs_bucket_in_other_account', () => {
  it.each<[string, Trail, string]>([
    ['bucket owned by another account', withBucket(aLogBucket('archive', { owner: observed('other-account') })), 'PASS'],
    ['bucket in the same account', withBucket(aLogBucket('local', { owner: observed('this-account') })), 'FAIL'],
    ['bucket does not exist', withBucket(aLogBucket('gone', { owner: observed('not-found') })), 'FAIL'],
    ['ownership unknown (ListBuckets denied)', withBucket(aLogBucket('x', { owner: denied('s3', 'ListBuckets') })), 'UNKNOWN'],
    ['home region not collected', shadowOf(aTrail('main')), 'UNKNOWN'],
    ['trail without a bucket', aTrail('main', { s3BucketName: null }), 'FAIL'],
  ])('%s => %s', (_name, trail, status) => {
    expect(cloudtrailLogsBucketInOtherAccount.evaluate(trailSnapshot({ 'us-east-1': [trail] }))).toEqual([
      expect.objectContaining({ status, resourceType: 'AWS::CloudTrail::Trail', resourceId: 'main', resourceArn: trail.arn, region: 'us-east-1' }),
    ]);
  });

  it('gives one outcome per distinct trail and NOT_APPLICABLE without trails', () => {
    const trail = aTrail('main');
    expect(cloudtrailLogsBucketInOtherAccount.evaluate(trailSnapshot({ 'us-east-1': [trail], 'eu-west-1': [shadowOf(trail)] }))).toEqual([
      expect.objectContaining({ status: 'PASS' }),
    ]);
    expect(cloudtrailLogsBucketInOtherAccount.evaluate(trailSnapshot({ 'us-east-1': [] }))).toEqual([
      expect.objectContaining({ status: 'NOT_APPLICABLE', resourceType: 'AWS::::Account' }),
    ]);
  });

  it('reports a region whose trail list failed as UNKNOWN', () => {
    expect(cloudtrailLogsBucketInOtherAccount.evaluate(trailSnapshot({ 'us-east-1': denied('cloudtrail', 'DescribeTrails') }))).toEqual([
      expect.objectContaining({ status: 'UNKNOWN', resourceType: 'AWS::::Region' }),
    ]);
  });
});
