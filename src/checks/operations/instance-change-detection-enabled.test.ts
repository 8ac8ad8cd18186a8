import { describe, expect, it } from 'vitest';
import type { RegionalSlices } from '../../core/slices/index.js';
import type { Ec2Slice, Instance } from '../../core/slices/ec2.js';
import type { Observed } from '../../core/observed.js';
import type { ConfigRecorder } from '../../core/slices/config.js';
import { aRegion, aSnapshot, anAccount, denied, observed } from '../../../test/helpers/snapshot-builder.js';
import { instanceChangeDetectionEnabled as check } from './instance-change-detection-enabled.js';

const recorder: ConfigRecorder = {
  name: 'default',
  roleArn: null,
  allSupported: true,
  includeGlobalResourceTypes: false,
  resourceTypes: [],
  excludedResourceTypes: [],
  recordingStrategy: null,
};
const recording = [{ name: 'default', recording: true, lastStatus: 'Success', lastStatusChangeTime: null, lastErrorCode: null }];
const config = (recorders: ConfigRecorder[], statuses = recording) =>
  observed({ recorders: observed(recorders), recorderStatuses: observed(statuses), deliveryChannels: observed([]), rules: observed([]) });
const guardduty = (runtime: boolean) =>
  observed({
    detectors: observed([
      {
        id: 'd',
        details: observed({
          status: 'ENABLED',
          findingPublishingFrequency: null,
          features: [{ name: 'RUNTIME_MONITORING', status: runtime ? 'ENABLED' : 'DISABLED', additionalConfiguration: [] }],
        }),
      },
    ]),
  });

function ec2(instances: number): NonNullable<RegionalSlices['ec2']> {
  const slice: Observed<Ec2Slice> = observed({ instances: observed(Array.from({ length: instances }, (_, i) => ({ instanceId: `i-${i}` }) as unknown as Instance)) } as unknown as Ec2Slice);
  return slice;
}

function run(regional: RegionalSlices) {
  return check.evaluate(aSnapshot({ accounts: [anAccount({ regional: [aRegion('eu-west-1', regional)] })] }));
}

describe('instance_change_detection_enabled', () => {
  it.each<[string, RegionalSlices, string]>([
    ['Config records every resource type', { ec2: ec2(1), config: config([recorder]), guardduty: guardduty(false) }, 'MANUAL'],
    ['GuardDuty runtime monitoring', { ec2: ec2(1), config: config([]), guardduty: guardduty(true) }, 'MANUAL'],
    ['Config excludes instances, no runtime monitoring', { ec2: ec2(1), config: config([{ ...recorder, allSupported: false, excludedResourceTypes: ['AWS::EC2::Instance'] }]), guardduty: guardduty(false) }, 'FAIL'],
    ['recorder not recording', { ec2: ec2(1), config: config([recorder], [{ ...recording[0]!, recording: false }]), guardduty: guardduty(false) }, 'FAIL'],
    ['nothing found, GuardDuty denied', { ec2: ec2(1), config: config([]), guardduty: observed({ detectors: denied('guardduty', 'ListDetectors') }) }, 'UNKNOWN'],
    ['ec2 unreadable is evaluated anyway', { ec2: denied('ec2', 'DescribeInstances'), config: config([recorder]), guardduty: guardduty(false) }, 'MANUAL'],
    ['no instances', { ec2: ec2(0), config: config([]), guardduty: guardduty(false) }, 'NOT_APPLICABLE'],
  ])('%s -> %s', (_name, regional, status) => {
    expect(run(regional)[0]).toMatchObject({ status, resourceType: 'AWS::::Region', region: 'eu-west-1' });
  });
});
