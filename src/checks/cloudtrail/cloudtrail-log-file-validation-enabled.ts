import { defineCheck, fail, pass } from '../../core/check.js';
import { capitalize, forEachTrail, trailLabel } from './trails.js';

/** Legacy CTL-004: log file integrity validation (signed digest files) is on for every trail. */
export const cloudtrailLogFileValidationEnabled = defineCheck({
  id: 'cloudtrail_log_file_validation_enabled',
  title: 'CloudTrail trails have log file validation enabled',
  service: 'cloudtrail',
  resourceType: 'AWS::CloudTrail::Trail',
  severity: 'medium',
  reads: ['cloudtrail:DescribeTrails'],
  remediation: {
    summary: 'Enable log file integrity validation so tampering with delivered log files can be detected.',
    console: 'CloudTrail console > Trails > trail > General details > Edit > Additional settings > Log file validation: Enabled.',
    cli: 'aws cloudtrail update-trail --name <trail> --enable-log-file-validation',
    docs: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-intro.html',
  },
  evaluate: (snapshot) =>
    forEachTrail(snapshot, (trail, ref, account) => {
      const label = trailLabel(trail, account);
      const evidence = { logFileValidationEnabled: trail.logFileValidationEnabled };
      return trail.logFileValidationEnabled
        ? pass(ref, `${capitalize(label)} has log file validation enabled.`, evidence)
        : fail(ref, `${capitalize(label)} has log file validation disabled.`, evidence);
    }),
});
