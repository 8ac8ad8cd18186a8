import { defineCheck, fail, pass, unknown } from '../../core/check.js';
import { forEachBucket } from './s3-helpers.js';

/**
 * SDAT-002: every bucket has default server-side encryption. Since January 2023 AWS applies SSE-S3 to
 * every bucket, so a FAIL here means an old API answer or an emulator; the evidence names the algorithm
 * (AES256 = S3-managed keys, aws:kms / aws:kms:dsse = KMS) so a reviewer can ask for KMS where needed.
 */
export const s3BucketDefaultEncryption = defineCheck({
  id: 's3_bucket_default_encryption',
  title: 'S3 buckets have default server-side encryption',
  service: 's3',
  resourceType: 'AWS::S3::Bucket',
  severity: 'medium',
  reads: ['s3:ListAllMyBuckets', 's3:GetEncryptionConfiguration'],
  remediation: {
    summary: 'Configure default encryption on the bucket: SSE-S3 at least, SSE-KMS with a customer managed key for sensitive data.',
    console: 'S3 console > bucket > Properties > Default encryption > Edit > choose SSE-S3 or SSE-KMS > Save.',
    cli: 'aws s3api put-bucket-encryption --bucket <bucket> --server-side-encryption-configuration \'{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms","KMSMasterKeyID":"<kms-key-arn>"},"BucketKeyEnabled":true}]}\'',
    docs: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-bucket-encryption.html',
  },
  evaluate: (snapshot) =>
    forEachBucket(snapshot, (bucket, ref) => {
      if (!bucket.encryption.ok) return unknown(ref, bucket.encryption.error);
      const encryption = bucket.encryption.value;
      if (encryption === null) return fail(ref, `Bucket ${bucket.name} has no default encryption configured.`, { encryption: null });
      const kind = encryption.sseAlgorithm === 'AES256' ? 'S3-managed keys (SSE-S3)' : `KMS (${encryption.sseAlgorithm})`;
      return pass(ref, `Bucket ${bucket.name} encrypts new objects by default with ${kind}.`, { encryption });
    }),
});
