import { defineCheck, fail, pass, unknown } from '../../core/check.js';
import { forEachBucket } from './s3-helpers.js';

/**
 * BAR-001: versioning keeps prior object versions, so overwritten or deleted data can be restored.
 * Suspended or never-enabled versioning FAILs. Which buckets hold critical data is for a person to scope.
 */
export const s3BucketVersioningEnabled = defineCheck({
  id: 's3_bucket_versioning_enabled',
  title: 'S3 buckets have versioning enabled',
  service: 's3',
  resourceType: 'AWS::S3::Bucket',
  severity: 'medium',
  reads: ['s3:ListAllMyBuckets', 's3:GetBucketVersioning'],
  remediation: {
    summary: 'Enable versioning on buckets that hold production or audit data, with a lifecycle rule that expires old versions.',
    console: 'S3 console > bucket > Properties > Bucket Versioning > Edit > Enable > Save.',
    cli: 'aws s3api put-bucket-versioning --bucket <bucket> --versioning-configuration Status=Enabled',
    iac: [
      '# CloudFormation (AWS::S3::Bucket)',
      'VersioningConfiguration:',
      '  Status: Enabled',
      '# Terraform',
      'resource "aws_s3_bucket_versioning" "this" {',
      '  bucket = aws_s3_bucket.this.id',
      '  versioning_configuration { status = "Enabled" }',
      '}',
    ].join('\n'),
    docs: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/manage-versioning-examples.html',
  },
  evaluate: (snapshot) =>
    forEachBucket(snapshot, (bucket, ref) => {
      if (!bucket.versioning.ok) return unknown(ref, bucket.versioning.error);
      const { status } = bucket.versioning.value;
      const evidence = { versioning: bucket.versioning.value };
      return status === 'Enabled'
        ? pass(ref, `Bucket ${bucket.name} has versioning enabled.`, evidence)
        : fail(ref, `Bucket ${bucket.name} versioning is ${status === 'Suspended' ? 'suspended' : 'not enabled'}.`, evidence);
    }),
});
