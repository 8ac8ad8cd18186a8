import { defineCheck, fail, forEachRegion, pass, regionRef, unknown } from '../../core/check.js';
import type { ConfigRecorder } from '../../core/slices/config.js';

/** The resource types competency 1.19 (public buckets) and 1.20 (instance changes) rely on. */
const REQUIRED_TYPES = ['AWS::S3::Bucket', 'AWS::EC2::Instance'] as const;

/** Resource types a recorder that does not record everything leaves out of REQUIRED_TYPES. */
function missingTypes(r: ConfigRecorder): string[] {
  if (r.allSupported || r.recordingStrategy === 'ALL_SUPPORTED_RESOURCE_TYPES') return [];
  if (r.recordingStrategy === 'EXCLUSION_BY_RESOURCE_TYPES') return REQUIRED_TYPES.filter((t) => r.excludedResourceTypes.includes(t));
  return REQUIRED_TYPES.filter((t) => !r.resourceTypes.includes(t));
}

/**
 * Legacy S3-003, competency 1.19/1.20: an AWS Config recorder is recording in every scanned region, its last
 * delivery did not fail, and it records at least S3 buckets and EC2 instances (all types is best).
 */
export const configRecorderEnabledAllRegions = defineCheck({
  id: 'config_recorder_enabled_all_regions',
  title: 'AWS Config records resource changes in every region',
  service: 'config',
  resourceType: 'AWS::::Region',
  severity: 'medium',
  reads: ['config:DescribeConfigurationRecorders', 'config:DescribeConfigurationRecorderStatus'],
  remediation: {
    summary:
      'Turn on AWS Config in every region with a recorder that records all supported resource types (global types in one region only), a delivery channel to a durable S3 bucket, and the recorder started.',
    console: 'AWS Config console (each region) > Get started / Settings > Record all resources supported in this region > choose the delivery bucket > Confirm.',
    cli: 'aws configservice put-configuration-recorder --configuration-recorder name=default,roleARN=<role-arn> --recording-group allSupported=true,includeGlobalResourceTypes=false --region <region>\naws configservice put-delivery-channel --delivery-channel name=default,s3BucketName=<bucket> --region <region>\naws configservice start-configuration-recorder --configuration-recorder-name default --region <region>',
    docs: 'https://docs.aws.amazon.com/config/latest/developerguide/gs-console.html',
  },
  evaluate: (snapshot) =>
    forEachRegion(snapshot, 'config', (config, account, { region }) => {
      const ref = regionRef(account.accountId, region);
      const where = `${account.accountId}/${region}`;
      if (!config.recorders.ok) return [unknown(ref, config.recorders.error)];
      if (config.recorders.value.length === 0) return [fail(ref, `AWS Config has no configuration recorder in ${where}.`, { recorders: [] })];
      if (!config.recorderStatuses.ok) return [unknown(ref, config.recorderStatuses.error)];
      const statuses = config.recorderStatuses.value;
      const rows = config.recorders.value.map((r) => {
        const s = statuses.find((x) => x.name === r.name);
        return { recorder: r, recording: s?.recording ?? false, lastStatus: s?.lastStatus ?? null, lastErrorCode: s?.lastErrorCode ?? null, missing: missingTypes(r) };
      });
      const evidence = {
        recorders: rows.map(({ recorder, recording, lastStatus, lastErrorCode, missing }) => ({
          name: recorder.name,
          recording,
          lastStatus,
          lastErrorCode,
          allSupported: recorder.allSupported,
          recordingStrategy: recorder.recordingStrategy,
          includeGlobalResourceTypes: recorder.includeGlobalResourceTypes,
          missingRequiredTypes: missing,
        })),
      };
      const recording = rows.filter((r) => r.recording);
      if (recording.length === 0) return [fail(ref, `AWS Config recorder ${rows.map((r) => r.recorder.name).join(', ')} is stopped in ${where}.`, evidence)];
      const healthy = recording.filter((r) => r.lastStatus?.toUpperCase() !== 'FAILURE');
      if (healthy.length === 0) {
        const first = recording[0];
        return [fail(ref, `AWS Config recorder ${first?.recorder.name ?? ''} in ${where} is on but its last recording failed (${first?.lastErrorCode ?? 'no error code'}).`, evidence)];
      }
      const complete = healthy.find((r) => r.missing.length === 0);
      if (complete) {
        const scope = complete.recorder.allSupported || complete.recorder.recordingStrategy === 'ALL_SUPPORTED_RESOURCE_TYPES' ? 'all supported resource types' : 'selected resource types incl. S3 buckets and EC2 instances';
        return [pass(ref, `AWS Config recorder ${complete.recorder.name} is recording ${scope} in ${where}.`, evidence)];
      }
      const missing = [...new Set(healthy.flatMap((r) => r.missing))];
      return [fail(ref, `AWS Config is recording in ${where} but not ${missing.join(' or ')}.`, evidence)];
    }),
});
