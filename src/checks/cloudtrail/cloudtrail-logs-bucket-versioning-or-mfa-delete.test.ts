import { describe, expect, it } from 'vitest';
import { aLogBucket, aTrail, trailDetails, trailSnapshot } from '../../../test/helpers/storage-fixtures.js';
import { denied, observed } from '../../../test/helpers/snapshot-builder.js';
import type { Observed } from '../../core/observed.js';
import type { BucketVersioning } from '../../core/slices/s3.js';
import { cloudtrailLogsBucketVersioningOrMfaDelete } from './cloudtrail-logs-bucket-versioning-or-mfa-delete.js';

describe('cloudtrail_logs_bucket_versioning_or_mfa_delete', () => {
  it.each<[string, Observed<BucketVersioning>, string]>([
    ['versioning enabled', observed({ status: 'Enabled', mfaDelete: null }), 'PASS'],
    ['MFA delete enabled', observed({ status: 'Suspended', mfaDelete: 'Enabled' }), 'PASS'],
    ['suspended', observed({ status: 'Suspended', mfaDelete: 'Disabled' }), 'FAIL'],
    ['never enabled', observed({ status: null, mfaDelete: null }), 'FAIL'],
    ['bucket in another account, denied', denied('s3', 'GetBucketVersioning'), 'UNKNOWN'],
  ])('%s => %s', (_name, versioning, status) => {
    const trail = aTrail('main', { details: trailDetails({ logBucket: aLogBucket('logs', { versioning }) }) });
    expect(cloudtrailLogsBucketVersioningOrMfaDelete.evaluate(trailSnapshot({ 'us-east-1': [trail] }))).toEqual([
      expect.objectContaining({ status, resourceId: 'main' }),
    ]);
  });

  it('fails a trail whose bucket does not exist', () => {
    const trail = aTrail('main', { details: trailDetails({ logBucket: aLogBucket('gone', { owner: observed('not-found'), versioning: denied('s3', 'GetBucketVersioning', 'other') }) }) });
    expect(cloudtrailLogsBucketVersioningOrMfaDelete.evaluate(trailSnapshot({ 'us-east-1': [trail] }))).toEqual([expect.objectContaining({ status: 'FAIL' })]);
  });
});
