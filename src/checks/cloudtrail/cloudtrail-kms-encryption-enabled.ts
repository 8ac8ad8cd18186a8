import { defineCheck, fail, pass } from '../../core/check.js';
import { capitalize, forEachTrail, trailLabel } from './trails.js';

/** Legacy CTL-004 / SDAT-002: trails encrypt their log files with a KMS key (SSE-KMS), not only SSE-S3. */
export const cloudtrailKmsEncryptionEnabled = defineCheck({
  id: 'cloudtrail_kms_encryption_enabled',
  title: 'CloudTrail trails encrypt logs with a KMS key',
  service: 'cloudtrail',
  resourceType: 'AWS::CloudTrail::Trail',
  severity: 'medium',
  reads: ['cloudtrail:DescribeTrails'],
  remediation: {
    summary: 'Encrypt CloudTrail log files with a customer managed KMS key whose policy lets CloudTrail encrypt and only log readers decrypt.',
    console: 'CloudTrail console > Trails > trail > General details > Edit > Log file SSE-KMS encryption: Enabled, choose or create a key.',
    cli: 'aws cloudtrail update-trail --name <trail> --kms-key-id <kms-key-arn>',
    docs: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html',
  },
  evaluate: (snapshot) =>
    forEachTrail(snapshot, (trail, ref, account) => {
      const label = trailLabel(trail, account);
      return trail.kmsKeyId
        ? pass(ref, `${capitalize(label)} encrypts its log files with KMS key ${trail.kmsKeyId}.`, { kmsKeyId: trail.kmsKeyId })
        : fail(ref, `${capitalize(label)} does not use SSE-KMS for its log files (S3-managed encryption only).`, { kmsKeyId: null });
    }),
});
