import { defineCheck, fail, manual, pass } from '../../core/check.js';
import type { TrailLogBucket } from '../../core/slices/cloudtrail.js';
import type { AccountSnapshot } from '../../core/snapshot.js';
import { evaluateExposure, type AccountPab } from '../s3/public-exposure.js';
import { unknownBecause } from '../s3/s3-helpers.js';
import { isOutcome, logBucketOf } from './log-bucket.js';
import { forEachTrail, trailLabel } from './trails.js';

/** The account-level Block Public Access that applies to the bucket: this account's (S3 slice), or unreadable. */
function accountPabFor(bucket: TrailLogBucket, account: AccountSnapshot): AccountPab {
  if (!bucket.owner.ok || bucket.owner.value !== 'this-account') {
    return { ok: 'unreadable', reason: `The account-level Block Public Access of the account that owns bucket ${bucket.name} cannot be read from ${account.accountId}.` };
  }
  const s3 = account.global.s3;
  if (!s3) return { ok: 'unreadable', reason: `The s3 collector did not run for account ${account.accountId}.` };
  if (!s3.ok) return s3;
  return s3.value.accountPublicAccessBlock;
}

/**
 * Legacy CTL-003: the CloudTrail log bucket is not public (same model as s3_bucket_public_access: ACL,
 * policy and Block Public Access). For a bucket in another account the owner's account-level Block Public
 * Access cannot be read: the verdict is UNKNOWN only when it would change the answer.
 */
export const cloudtrailLogsBucketNotPublic = defineCheck({
  id: 'cloudtrail_logs_bucket_not_public',
  title: 'CloudTrail log buckets are not publicly accessible',
  service: 'cloudtrail',
  resourceType: 'AWS::CloudTrail::Trail',
  severity: 'high',
  reads: [
    'cloudtrail:DescribeTrails',
    's3:ListAllMyBuckets',
    's3:GetBucketPublicAccessBlock',
    's3:GetAccountPublicAccessBlock',
    's3:GetBucketPolicy',
    's3:GetBucketPolicyStatus',
    's3:GetBucketAcl',
    's3:GetBucketOwnershipControls',
  ],
  remediation: {
    summary: 'Remove public ACL grants and wildcard-principal statements from the log bucket and turn on all four Block Public Access settings.',
    console: 'S3 console > log bucket > Permissions > Block public access > Edit > Block all public access; review the Bucket policy and ACL.',
    cli: 'aws s3api put-public-access-block --bucket <log-bucket> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
    docs: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html',
  },
  evaluate: (snapshot) =>
    forEachTrail(snapshot, (trail, ref, account) => {
      const bucket = logBucketOf(trail, ref, account);
      if (isOutcome(bucket)) return bucket;
      const label = trailLabel(trail, account);
      const verdict = evaluateExposure(bucket, accountPabFor(bucket, account));
      const evidence = { s3BucketName: bucket.name, owner: bucket.owner.ok ? bucket.owner.value : 'not observed', ...verdict.evidence };
      switch (verdict.status) {
        case 'public':
          return fail(ref, `Log bucket ${bucket.name} of ${label} is public: ${verdict.reasons.join('; ')}.`, evidence);
        case 'not-public':
          return pass(ref, `Log bucket ${bucket.name} of ${label} is not public.`, evidence);
        case 'objects-unverified':
          return manual(
            ref,
            `Log bucket ${bucket.name} of ${label} grants no public access by bucket ACL or policy, but ${verdict.reasons.join('; ')}. Set Object Ownership to BucketOwnerEnforced or turn on IgnorePublicAcls.`,
            evidence,
          );
        case 'unknown':
          return unknownBecause(
            ref,
            `Could not tell whether log bucket ${bucket.name} of ${label} is public${verdict.reasons.length > 0 ? ` (${verdict.reasons.join('; ')})` : ''}.`,
            verdict.unknownReasons,
            evidence,
          );
      }
    }),
});
