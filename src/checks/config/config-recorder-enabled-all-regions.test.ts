import { describe, expect, it } from 'vitest';
import type { Observed } from '../../core/observed.js';
import type { ConfigRecorder, ConfigRecorderStatus, ConfigSlice } from '../../core/slices/config.js';
import { aRegion, aSnapshot, anAccount, denied, observed } from '../../../test/helpers/snapshot-builder.js';
import { configRecorderEnabledAllRegions as check } from './config-recorder-enabled-all-regions.js';

const recorder = (o: Partial<ConfigRecorder> = {}): ConfigRecorder => ({
  name: 'default', roleArn: null, allSupported: true, includeGlobalResourceTypes: true, resourceTypes: [], excludedResourceTypes: [], recordingStrategy: null, ...o,
});
const status = (o: Partial<ConfigRecorderStatus> = {}): ConfigRecorderStatus => ({
  name: 'default', recording: true, lastStatus: 'Success', lastStatusChangeTime: null, lastErrorCode: null, ...o,
});
const slice = (recorders: Observed<readonly ConfigRecorder[]>, recorderStatuses: Observed<readonly ConfigRecorderStatus[]> = observed([status()])): ConfigSlice => ({
  recorders, recorderStatuses, deliveryChannels: observed([]), rules: observed([]),
});
const run = (s: ConfigSlice) => check.evaluate(aSnapshot({ accounts: [anAccount({ regional: [aRegion('eu-west-1', { config: observed(s) })] })] }));

describe('config_recorder_enabled_all_regions', () => {
  it.each([
    ['recording all supported types', slice(observed([recorder()])), 'PASS'],
    ['recording S3 buckets and EC2 instances only', slice(observed([recorder({ allSupported: false, resourceTypes: ['AWS::S3::Bucket', 'AWS::EC2::Instance'] })])), 'PASS'],
    ['recording without EC2 instances', slice(observed([recorder({ allSupported: false, resourceTypes: ['AWS::S3::Bucket'] })])), 'FAIL'],
    ['excluding S3 buckets', slice(observed([recorder({ allSupported: false, recordingStrategy: 'EXCLUSION_BY_RESOURCE_TYPES', excludedResourceTypes: ['AWS::S3::Bucket'] })])), 'FAIL'],
    ['recorder stopped', slice(observed([recorder()]), observed([status({ recording: false })])), 'FAIL'],
    ['recorder without status', slice(observed([recorder()]), observed([])), 'FAIL'],
    ['last recording failed', slice(observed([recorder()]), observed([status({ lastStatus: 'Failure', lastErrorCode: 'AccessDenied' })])), 'FAIL'],
    ['no recorder', slice(observed([])), 'FAIL'],
    ['recorders unreadable', slice(denied('config', 'DescribeConfigurationRecorders')), 'UNKNOWN'],
    ['status unreadable', slice(observed([recorder()]), denied('config', 'DescribeConfigurationRecorderStatus')), 'UNKNOWN'],
  ])('%s -> %s', (_label, s, expected) => {
    const outcomes = run(s);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ status: expected, resourceType: 'AWS::::Region', region: 'eu-west-1' });
  });

  it('names the missing resource types', () => {
    const [outcome] = run(slice(observed([recorder({ allSupported: false, resourceTypes: ['AWS::S3::Bucket'] })])));
    expect(outcome?.message).toContain('AWS::EC2::Instance');
  });
});
