import { defineCheck, fail, notApplicable, pass, unknown } from '../../core/check.js';
import { bucketRole, classificationClause, dataClassification, forEachBucket } from './s3-helpers.js';

/**
 * BAR-001 (one accepted way): versioning keeps prior object versions, so overwritten or deleted data can be
 * restored. Suspended or never-enabled versioning FAILs on data buckets; a bucket the snapshot shows to be
 * a CloudTrail/Config log destination or a store of regenerable deployment artifacts is NOT_APPLICABLE with
 * that reason. Which data buckets are critical is for a person to scope; a data-classification tag is
 * surfaced as evidence.
 */
export const s3BucketVersioningEnabled = defineCheck({
  id: 's3_bucket_versioning_enabled',
  title: 'S3 buckets have versioning enabled',
  service: 's3',
  resourceType: 'AWS::S3::Bucket',
  severity: 'medium',
  reads: ['s3:ListAllMyBuckets', 's3:GetBucketVersioning', 's3:GetBucketTagging', 'cloudtrail:DescribeTrails', 'config:DescribeDeliveryChannels'],
  remediation: {
    summary: 'Enable versioning on buckets that hold production or audit data, with a lifecycle rule that expires old versions.',
    console: 'S3 console > bucket > Properties > Bucket Versioning > Edit > Enable > Save.',
    cli: 'aws s3api put-bucket-versioning --bucket <bucket> --versioning-configuration Status=Enabled',
    docs: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/manage-versioning-examples.html',
  },
  evaluate: (snapshot) =>
    forEachBucket(snapshot, (bucket, ref, _slice, account) => {
      if (!bucket.versioning.ok) return unknown(ref, bucket.versioning.error);
      const { status } = bucket.versioning.value;
      const role = bucketRole(bucket, account);
      const classification = dataClassification(bucket);
      const evidence = { versioning: bucket.versioning.value, bucketRole: role, dataClassification: classification };
      if (status === 'Enabled') return pass(ref, `Bucket ${bucket.name} has versioning enabled.`, evidence);
      const state = status === 'Suspended' ? 'suspended' : 'not enabled';
      switch (role) {
        case 'deployment-artifacts':
          return notApplicable(ref, `Bucket ${bucket.name} has versioning ${state}, but it holds deployment artifacts that the pipeline re-creates, not data to restore.`, evidence);
        case 'cloudtrail-logs':
        case 'config-logs':
          return notApplicable(
            ref,
            `Bucket ${bucket.name} has versioning ${state}; it receives ${role === 'cloudtrail-logs' ? 'CloudTrail' : 'AWS Config'} logs, whose protection is judged by cloudtrail_logs_bucket_versioning_or_mfa_delete, not as backed-up data.`,
            evidence,
          );
        case 'data':
          return fail(
            ref,
            `Bucket ${bucket.name}${classificationClause(classification)} has versioning ${state}: overwritten or deleted objects cannot be restored. If it holds critical data, enable versioning (or back it up another way).`,
            evidence,
          );
      }
    }),
});
