import { describe, expect, it } from 'vitest';
import { aBucket, s3Snapshot } from '../../../test/helpers/storage-fixtures.js';
import { denied, observed } from '../../../test/helpers/snapshot-builder.js';
import type { Observed } from '../../core/observed.js';
import type { BucketEncryption } from '../../core/slices/s3.js';
import { s3BucketDefaultEncryption } from './s3-bucket-default-encryption.js';

describe('s3_bucket_default_encryption', () => {
  it.each<[string, Observed<BucketEncryption | null>, string]>([
    ['SSE-S3', observed({ sseAlgorithm: 'AES256', kmsMasterKeyId: null, bucketKeyEnabled: null }), 'PASS'],
    ['SSE-KMS', observed({ sseAlgorithm: 'aws:kms', kmsMasterKeyId: 'arn:aws:kms:us-east-1:111111111111:key/k', bucketKeyEnabled: true }), 'PASS'],
    ['not configured', observed(null), 'FAIL'],
    ['denied', denied('s3', 'GetBucketEncryption'), 'UNKNOWN'],
    ['unsupported', denied('s3', 'GetBucketEncryption', 'unsupported'), 'UNKNOWN'],
  ])('%s => %s', (_name, encryption, status) => {
    expect(s3BucketDefaultEncryption.evaluate(s3Snapshot([aBucket('b', { encryption })]))).toEqual([expect.objectContaining({ status })]);
  });
});
