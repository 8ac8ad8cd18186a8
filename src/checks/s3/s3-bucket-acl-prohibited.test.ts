import { describe, expect, it } from 'vitest';
import { aBucket, s3Snapshot } from '../../../test/helpers/storage-fixtures.js';
import { denied, observed } from '../../../test/helpers/snapshot-builder.js';
import type { Observed } from '../../core/observed.js';
import { s3BucketAclProhibited } from './s3-bucket-acl-prohibited.js';

describe('s3_bucket_acl_prohibited', () => {
  it.each<[string, Observed<string | null>, string]>([
    ['BucketOwnerEnforced', observed('BucketOwnerEnforced'), 'PASS'],
    ['BucketOwnerPreferred', observed('BucketOwnerPreferred'), 'FAIL'],
    ['ObjectWriter', observed('ObjectWriter'), 'FAIL'],
    ['no ownership controls', observed(null), 'FAIL'],
    ['denied', denied('s3', 'GetBucketOwnershipControls'), 'UNKNOWN'],
  ])('%s => %s', (_name, objectOwnership, status) => {
    expect(s3BucketAclProhibited.evaluate(s3Snapshot([aBucket('b', { objectOwnership })]))).toEqual([expect.objectContaining({ status, resourceId: 'b' })]);
  });

  it('is NOT_APPLICABLE for an account without buckets', () => {
    expect(s3BucketAclProhibited.evaluate(s3Snapshot([]))).toEqual([expect.objectContaining({ status: 'NOT_APPLICABLE' })]);
  });
});
