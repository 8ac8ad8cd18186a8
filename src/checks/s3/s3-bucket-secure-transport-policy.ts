import { defineCheck, fail, pass, unknown } from '../../core/check.js';
import { parsePolicy, secureTransportStatement } from './bucket-policy.js';
import { forEachBucket } from './s3-helpers.js';

/**
 * SDAT-003: the bucket policy denies requests that do not use TLS: a Deny statement for Principal "*" on
 * the bucket's objects (covering s3:GetObject and s3:PutObject) with `Bool: { aws:SecureTransport: false }`.
 */
export const s3BucketSecureTransportPolicy = defineCheck({
  id: 's3_bucket_secure_transport_policy',
  title: 'S3 bucket policies deny requests without TLS (aws:SecureTransport)',
  service: 's3',
  resourceType: 'AWS::S3::Bucket',
  severity: 'medium',
  reads: ['s3:ListAllMyBuckets', 's3:GetBucketPolicy'],
  remediation: {
    summary: 'Add a bucket policy statement that denies every s3 action when aws:SecureTransport is false.',
    console: 'S3 console > bucket > Permissions > Bucket policy > Edit > add the Deny statement below > Save.',
    cli: 'aws s3api put-bucket-policy --bucket <bucket> --policy file://policy.json   # merge the statement below into the existing policy',
    iac: JSON.stringify(
      {
        Sid: 'DenyInsecureTransport',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: ['arn:aws:s3:::<bucket>', 'arn:aws:s3:::<bucket>/*'],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
      null,
      2,
    ),
    docs: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html#transit',
  },
  evaluate: (snapshot) =>
    forEachBucket(snapshot, (bucket, ref) => {
      if (!bucket.policy.ok) return unknown(ref, bucket.policy.error);
      if (bucket.policy.value === null) {
        return fail(ref, `Bucket ${bucket.name} has no bucket policy, so plain-HTTP requests are not denied.`, { policy: null });
      }
      const parsed = parsePolicy(bucket.policy.value);
      if (!parsed.ok) return unknown(ref, `Could not evaluate the policy of bucket ${bucket.name}: ${parsed.reason}.`);
      const statement = secureTransportStatement(parsed.statements, bucket.arn);
      return statement
        ? pass(ref, `Bucket ${bucket.name} denies requests without TLS (statement ${statement}).`, { statement })
        : fail(ref, `Bucket ${bucket.name}'s policy has no statement denying aws:SecureTransport=false.`, { statement: null });
    }),
});
