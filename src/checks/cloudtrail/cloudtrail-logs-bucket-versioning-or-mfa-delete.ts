import { defineCheck, fail, pass } from '../../core/check.js';
import { unknownBecause } from '../s3/s3-helpers.js';
import { isOutcome, logBucketOf } from './log-bucket.js';
import { forEachTrail, trailLabel } from './trails.js';

/**
 * Legacy CTL-003 (competency 1.15): the CloudTrail log bucket keeps old versions (versioning) or requires
 * MFA to delete them. A bucket in another account is often unreadable: UNKNOWN, to be evidenced there.
 */
export const cloudtrailLogsBucketVersioningOrMfaDelete = defineCheck({
  id: 'cloudtrail_logs_bucket_versioning_or_mfa_delete',
  title: 'CloudTrail log buckets have versioning or MFA Delete enabled',
  service: 'cloudtrail',
  resourceType: 'AWS::CloudTrail::Trail',
  severity: 'medium',
  reads: ['cloudtrail:DescribeTrails', 's3:GetBucketVersioning'],
  remediation: {
    summary: 'Enable versioning on the CloudTrail log bucket (and MFA Delete or S3 Object Lock for stronger protection).',
    console: 'S3 console > log bucket > Properties > Bucket Versioning > Edit > Enable > Save.',
    cli: [
      'aws s3api put-bucket-versioning --bucket <log-bucket> --versioning-configuration Status=Enabled',
      '# MFA Delete (root credentials of the bucket owner):',
      'aws s3api put-bucket-versioning --bucket <log-bucket> --versioning-configuration Status=Enabled,MFADelete=Enabled --mfa "<mfa-serial> <code>"',
    ].join('\n'),
    docs: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/MultiFactorAuthenticationDelete.html',
  },
  evaluate: (snapshot) =>
    forEachTrail(snapshot, (trail, ref, account) => {
      const bucket = logBucketOf(trail, ref, account);
      if (isOutcome(bucket)) return bucket;
      const label = trailLabel(trail, account);
      if (!bucket.versioning.ok) {
        const where = bucket.owner.ok && bucket.owner.value === 'other-account' ? ' (it belongs to another account; confirm there)' : '';
        return unknownBecause(ref, `Could not read the versioning of log bucket ${bucket.name} of ${label}${where}.`, [bucket.versioning.error], {
          s3BucketName: bucket.name,
        });
      }
      const { status, mfaDelete } = bucket.versioning.value;
      const evidence = { s3BucketName: bucket.name, versioning: status, mfaDelete };
      if (status === 'Enabled' || mfaDelete === 'Enabled') {
        const what = [status === 'Enabled' ? 'versioning' : null, mfaDelete === 'Enabled' ? 'MFA Delete' : null].filter(Boolean).join(' and ');
        return pass(ref, `Log bucket ${bucket.name} of ${label} has ${what} enabled.`, evidence);
      }
      return fail(ref, `Log bucket ${bucket.name} of ${label} has neither versioning nor MFA Delete enabled.`, evidence);
    }),
});
