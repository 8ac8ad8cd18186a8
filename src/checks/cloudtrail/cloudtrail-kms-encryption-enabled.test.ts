import { describe, expect, it } from 'vitest';
import { aTrail, trailSnapshot } from '../../../test/helpers/storage-fixtures.js';
import { denied } from '../../../test/helpers/snapshot-builder.js';
import { cloudtrailKmsEncryptionEnabled } from './cloudtrail-kms-encryption-enabled.js';

describe('cloudtrail_kms_encryption_enabled', () => {
  it.each([
    ['KMS key set', 'arn:aws:kms:us-east-1:111111111111:key/k', 'PASS'],
    ['no KMS key', null, 'FAIL'],
  ])('%s => %s', (_name, kmsKeyId, status) => {
    expect(cloudtrailKmsEncryptionEnabled.evaluate(trailSnapshot({ 'us-east-1': [aTrail('main', { kmsKeyId })] }))).toEqual([
      expect.objectContaining({ status }),
    ]);
  });

  it('is UNKNOWN when the cloudtrail slice failed', () => {
    expect(cloudtrailKmsEncryptionEnabled.evaluate(trailSnapshot({ 'us-east-1': denied('cloudtrail', 'DescribeTrails') }))).toEqual([
      expect.objectContaining({ status: 'UNKNOWN' }),
    ]);
  });
});
