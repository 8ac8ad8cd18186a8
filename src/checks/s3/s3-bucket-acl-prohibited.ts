import { defineCheck, fail, pass, unknown } from '../../core/check.js';
import { forEachBucket } from './s3-helpers.js';

/**
 * S3-001: ACLs are disabled (Object Ownership = BucketOwnerEnforced), so access is governed by policies
 * alone. Buckets without ownership controls, or with ObjectWriter / BucketOwnerPreferred, still honour ACLs.
 */
export const s3BucketAclProhibited = defineCheck({
  id: 's3_bucket_acl_prohibited',
  title: 'S3 buckets have ACLs disabled (Object Ownership: bucket owner enforced)',
  service: 's3',
  resourceType: 'AWS::S3::Bucket',
  severity: 'medium',
  reads: ['s3:ListAllMyBuckets', 's3:GetBucketOwnershipControls'],
  remediation: {
    summary:
      'Set Object Ownership to "Bucket owner enforced" to disable ACLs; grant access with bucket and IAM policies instead. Migrate any ACL-based grants first.',
    console: 'S3 console > bucket > Permissions > Object Ownership > Edit > "ACLs disabled (recommended)" > Save.',
    cli: 'aws s3api put-bucket-ownership-controls --bucket <bucket> --ownership-controls "Rules=[{ObjectOwnership=BucketOwnerEnforced}]"',
    docs: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html',
  },
  evaluate: (snapshot) =>
    forEachBucket(snapshot, (bucket, ref) => {
      if (!bucket.objectOwnership.ok) return unknown(ref, bucket.objectOwnership.error);
      const ownership = bucket.objectOwnership.value;
      const evidence = { objectOwnership: ownership };
      if (ownership === 'BucketOwnerEnforced') return pass(ref, `Bucket ${bucket.name} has ACLs disabled (BucketOwnerEnforced).`, evidence);
      return fail(
        ref,
        ownership === null
          ? `Bucket ${bucket.name} has no Object Ownership setting, so ACLs are enabled.`
          : `Bucket ${bucket.name} has ACLs enabled (Object Ownership ${ownership}).`,
        evidence,
      );
    }),
});
