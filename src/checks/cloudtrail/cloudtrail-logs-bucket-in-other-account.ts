import { defineCheck, fail, pass } from '../../core/check.js';
import { unknownBecause } from '../s3/s3-helpers.js';
import { isOutcome, logBucketOf } from './log-bucket.js';
import { capitalize, forEachTrail, trailLabel } from './trails.js';

/**
 * Legacy CTL-002 (competency 1.14): CloudTrail logs go to a bucket owned by another account (a dedicated
 * log-archive account), so a compromise of the workload account cannot erase them. PASS when the bucket
 * is not among this account's buckets (s3:ListBuckets) but exists; FAIL when this account owns it; UNKNOWN
 * when ownership cannot be told. One outcome per trail seen by the account.
 */
export const cloudtrailLogsBucketInOtherAccount = defineCheck({
  id: 'cloudtrail_logs_bucket_in_other_account',
  title: 'CloudTrail logs are delivered to a bucket in another (log-archive) account',
  service: 'cloudtrail',
  resourceType: 'AWS::CloudTrail::Trail',
  severity: 'medium',
  reads: ['cloudtrail:DescribeTrails', 's3:ListAllMyBuckets', 's3:GetBucketVersioning', 's3:GetBucketAcl'],
  remediation: {
    summary:
      'Deliver CloudTrail logs to a bucket in a dedicated log-archive account with tightly limited access, e.g. an organization trail (AWS Control Tower sets this up).',
    console: 'CloudTrail console > Trails > trail > General details > Edit > Storage location: use an existing bucket in the log-archive account.',
    cli: 'aws cloudtrail update-trail --name <trail> --s3-bucket-name <log-archive-bucket>   # the bucket policy must allow cloudtrail.amazonaws.com to PutObject',
    iac: [
      '# CloudFormation (in the workload or management account)',
      'Trail:',
      '  Type: AWS::CloudTrail::Trail',
      '  Properties:',
      '    S3BucketName: <bucket-in-log-archive-account>',
      '    IsMultiRegionTrail: true',
      '    IsLogging: true',
    ].join('\n'),
    docs: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-receive-logs-from-multiple-accounts.html',
  },
  evaluate: (snapshot) =>
    forEachTrail(snapshot, (trail, ref, account) => {
      const bucket = logBucketOf(trail, ref, account);
      if (isOutcome(bucket)) return bucket;
      const label = trailLabel(trail, account);
      const evidence = { s3BucketName: bucket.name, owner: bucket.owner.ok ? bucket.owner.value : 'not observed' };
      if (!bucket.owner.ok) {
        return unknownBecause(ref, `Could not tell which account owns the log bucket ${bucket.name} of ${label}.`, [bucket.owner.error], evidence);
      }
      return bucket.owner.value === 'this-account'
        ? fail(ref, `${capitalize(label)} delivers logs to bucket ${bucket.name} in the same account ${account.accountId}.`, evidence)
        : pass(ref, `${capitalize(label)} delivers logs to bucket ${bucket.name}, owned by another account.`, evidence);
    }),
});
