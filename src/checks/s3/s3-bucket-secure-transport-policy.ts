import { defineCheck, fail, pass, unknown } from '../../core/check.js';
import { parsePolicy, secureTransportStatement } from './bucket-policy.js';
import { classificationClause, dataClassification, forEachBucket } from './s3-helpers.js';

/**
 * SDAT-003: the bucket policy denies requests that do not use TLS: Deny statements for Principal "*" on
 * the bucket's objects (covering s3:GetObject and s3:PutObject) whose only condition is
 * `Bool: { aws:SecureTransport: false }` (any other condition narrows the Deny). Runs on every bucket; a
 * data-classification tag, when the account uses one, is surfaced so the partner can scope sensitive data.
 */
export const s3BucketSecureTransportPolicy = defineCheck({
  id: 's3_bucket_secure_transport_policy',
  title: 'S3 bucket policies deny requests without TLS (aws:SecureTransport)',
  service: 's3',
  resourceType: 'AWS::S3::Bucket',
  severity: 'medium',
  reads: ['s3:ListAllMyBuckets', 's3:GetBucketPolicy', 's3:GetBucketTagging'],
  remediation: {
    summary: 'Add a bucket policy statement that denies every s3 action when aws:SecureTransport is false.',
    console: 'S3 console > bucket > Permissions > Bucket policy > Edit > add the Deny statement below > Save.',
    cli: 'aws s3api put-bucket-policy --bucket <bucket> --policy file://policy.json   # merge the statement below into the existing policy',
    docs: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html#transit',
  },
  evaluate: (snapshot) =>
    forEachBucket(snapshot, (bucket, ref) => {
      const classification = dataClassification(bucket);
      const tagged = classificationClause(classification);
      const base = { dataClassification: classification };
      if (!bucket.policy.ok) return unknown(ref, bucket.policy.error, base);
      if (bucket.policy.value === null) {
        return fail(ref, `Bucket ${bucket.name}${tagged} has no bucket policy, so plain-HTTP requests are not denied.`, { ...base, policy: null });
      }
      const parsed = parsePolicy(bucket.policy.value);
      if (!parsed.ok) return unknown(ref, `Could not evaluate the policy of bucket ${bucket.name}: ${parsed.reason}.`, base);
      const statement = secureTransportStatement(parsed.statements, bucket.arn);
      return statement
        ? pass(ref, `Bucket ${bucket.name}${tagged} denies requests without TLS (statement ${statement}).`, { ...base, statement })
        : fail(ref, `Bucket ${bucket.name}${tagged}'s policy has no statement denying every request with aws:SecureTransport=false.`, { ...base, statement: null });
    }),
});
