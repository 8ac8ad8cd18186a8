import { defineCheck, fail, manual, pass } from '../../core/check.js';
import { evaluateExposure } from './public-exposure.js';
import { forEachBucket, unknownBecause } from './s3-helpers.js';

/**
 * S3-001: no bucket is public. Public means the ACL grants AllUsers/AuthenticatedUsers or the policy allows
 * a wildcard principal without restricting conditions, and Block Public Access (bucket or account) does
 * not neutralize it (see public-exposure.ts). A bucket with ACLs enabled and IgnorePublicAcls off is MANUAL,
 * not private: its objects can carry public ACLs of their own, which are not read. An intentionally public bucket FAILs here: justify it (S3-001
 * asks for a review of buckets that need public access) and suppress the finding with that justification.
 */
export const s3BucketPublicAccess = defineCheck({
  id: 's3_bucket_public_access',
  title: 'S3 buckets are not publicly accessible',
  service: 's3',
  resourceType: 'AWS::S3::Bucket',
  severity: 'critical',
  reads: [
    's3:ListAllMyBuckets',
    's3:GetAccountPublicAccessBlock',
    's3:GetBucketPublicAccessBlock',
    's3:GetBucketPolicy',
    's3:GetBucketPolicyStatus',
    's3:GetBucketAcl',
    's3:GetBucketOwnershipControls',
  ],
  remediation: {
    summary:
      'Remove public ACL grants and wildcard-principal policy statements, or enable Block Public Access. If the bucket must be public (static website, public datasets), serve it through CloudFront with origin access control or document and review the justification.',
    console: 'S3 console > bucket > Permissions: turn on Block public access, edit the Bucket policy, and set Object Ownership to "Bucket owner enforced" (disables ACLs).',
    cli: [
      'aws s3api put-public-access-block --bucket <bucket> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
      'aws s3api put-bucket-ownership-controls --bucket <bucket> --ownership-controls "Rules=[{ObjectOwnership=BucketOwnerEnforced}]"',
    ].join('\n'),
    docs: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status',
  },
  evaluate: (snapshot) =>
    forEachBucket(snapshot, (bucket, ref, s3) => {
      const verdict = evaluateExposure(bucket, s3.accountPublicAccessBlock);
      const evidence = verdict.evidence;
      switch (verdict.status) {
        case 'public':
          return fail(ref, `Bucket ${bucket.name} is public: ${verdict.reasons.join('; ')}.`, evidence);
        case 'not-public':
          return pass(
            ref,
            verdict.reasons.length > 0
              ? `Bucket ${bucket.name} is not public: ${verdict.reasons.join('; ')}.`
              : `Bucket ${bucket.name} grants no public access by ACL or bucket policy.`,
            evidence,
          );
        case 'objects-unverified':
          return manual(
            ref,
            `Bucket ${bucket.name} grants no public access by bucket ACL or policy, but ${verdict.reasons.join('; ')}. Set Object Ownership to BucketOwnerEnforced (disables ACLs) or turn on IgnorePublicAcls, or confirm that no object ACL grants AllUsers/AuthenticatedUsers.`,
            evidence,
          );
        case 'unknown':
          return unknownBecause(
            ref,
            `Could not tell whether bucket ${bucket.name} is public${verdict.reasons.length > 0 ? ` (${verdict.reasons.join('; ')})` : ''}.`,
            verdict.unknownReasons,
            evidence,
          );
      }
    }),
});
