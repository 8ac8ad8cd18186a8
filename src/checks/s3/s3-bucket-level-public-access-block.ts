import { defineCheck, fail, pass } from '../../core/check.js';
import type { PublicAccessBlock } from '../../core/slices/s3.js';
import { forEachBucket, PAB_KEYS, pabName, unknownBecause } from './s3-helpers.js';

/**
 * S3-001 / S3-002: every bucket is covered by Block Public Access, bucket or account level. The effective
 * setting of each switch is bucket OR account (S3 applies the most restrictive combination): PASS when all
 * four are effectively on. An unreadable level only matters when the other level does not already block.
 */
export const s3BucketLevelPublicAccessBlock = defineCheck({
  id: 's3_bucket_level_public_access_block',
  title: 'S3 buckets are covered by Block Public Access (bucket or account level)',
  service: 's3',
  resourceType: 'AWS::S3::Bucket',
  severity: 'high',
  reads: ['s3:ListAllMyBuckets', 's3:GetBucketPublicAccessBlock', 's3:GetAccountPublicAccessBlock'],
  remediation: {
    summary:
      'Turn on all four Block Public Access settings on the bucket (or once for the whole account). Keep a bucket public only with a documented justification.',
    console: 'S3 console > bucket > Permissions > Block public access (bucket settings) > Edit > Block all public access > Save.',
    cli: 'aws s3api put-public-access-block --bucket <bucket> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
    docs: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/configuring-block-public-access-bucket.html',
  },
  evaluate: (snapshot) =>
    forEachBucket(snapshot, (bucket, ref, s3) => {
      const bucketPab = bucket.publicAccessBlock;
      const accountPab = s3.accountPublicAccessBlock;
      const on = (pab: PublicAccessBlock | null, key: keyof PublicAccessBlock) => pab?.[key] === true;
      const evidence = {
        bucketPublicAccessBlock: bucketPab.ok ? bucketPab.value : 'not observed',
        accountPublicAccessBlock: accountPab.ok ? accountPab.value : 'not observed',
      };
      const off: string[] = [];
      const undecided: string[] = [];
      for (const key of PAB_KEYS) {
        const b = bucketPab.ok ? on(bucketPab.value, key) : undefined;
        const a = accountPab.ok ? on(accountPab.value, key) : undefined;
        if (b === true || a === true) continue;
        if (b === false && a === false) off.push(pabName(key));
        else undecided.push(pabName(key));
      }
      if (off.length > 0) {
        return fail(ref, `Bucket ${bucket.name} is not covered by Block Public Access: ${off.join(', ')} off at both bucket and account level.`, evidence);
      }
      if (undecided.length > 0) {
        const errors = [bucketPab, accountPab].flatMap((o) => (o.ok ? [] : [o.error]));
        return unknownBecause(ref, `Could not tell whether ${undecided.join(', ')} cover bucket ${bucket.name}.`, errors, evidence);
      }
      const source = bucketPab.ok && PAB_KEYS.every((k) => on(bucketPab.value, k)) ? 'bucket' : 'account and/or bucket';
      return pass(ref, `Bucket ${bucket.name} is covered by all four Block Public Access settings (${source} level).`, evidence);
    }),
});
