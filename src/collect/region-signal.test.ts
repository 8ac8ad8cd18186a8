import { describe, expect, it } from 'vitest';
import { notObserved, observed } from '../core/observed.js';
import type { ConfigRecorder, ConfigRecorderStatus, ConfigSlice } from '../core/slices/config.js';
import type { TaggingSlice } from '../core/slices/tagging.js';
import { collectionError } from '../../test/helpers/snapshot-builder.js';
import { countedResourceTypes, decideRegionRead, regionNeedsSignal, splitBySignal, type RegionReadInput } from './region-signal.js';
import { REGIONAL_COLLECTORS } from './services/index.js';

const recorder = (overrides: Partial<ConfigRecorder> = {}): ConfigRecorder => ({
  name: 'default',
  roleArn: 'arn:aws:iam::111111111111:role/config',
  allSupported: true,
  includeGlobalResourceTypes: false,
  resourceTypes: [],
  excludedResourceTypes: [],
  recordingStrategy: 'ALL_SUPPORTED_RESOURCE_TYPES',
  ...overrides,
});
const status = (overrides: Partial<ConfigRecorderStatus> = {}): ConfigRecorderStatus => ({
  name: 'default',
  recording: true,
  lastStatus: 'SUCCESS',
  lastStatusChangeTime: '2026-11-01T00:00:00.000Z',
  lastErrorCode: null,
  ...overrides,
});
const config = (r: ConfigRecorder[] = [recorder()], s: ConfigRecorderStatus[] = [status()]): ConfigSlice => ({
  recorders: observed(r),
  recorderStatuses: observed(s),
  deliveryChannels: observed([]),
  rules: observed([]),
});
const tagging = (arns: string[] = []): TaggingSlice => ({ resources: observed(arns.map((arn) => ({ arn, tags: {} }))) });

const skippable = splitBySignal(REGIONAL_COLLECTORS)[1];
const base: RegionReadInput = {
  region: 'eu-north-1',
  homeRegion: 'us-east-1',
  requested: false,
  deep: false,
  skippable,
  config: observed(config()),
  tagging: observed(tagging()),
  discovered: observed(0),
};

describe('collector classes', () => {
  it('posture collectors run in every region; only resource collectors with AWS Config types can be skipped', () => {
    const [first, after] = splitBySignal(REGIONAL_COLLECTORS);
    for (const s of ['config', 'tagging', 'guardduty', 'securityhub', 'cloudtrail', 'accessanalyzer', 'inspector2', 'macie', 'secrets', 'logs', 'wellarchitected', 'cloudformation']) {
      expect(first.map((c) => c.service)).toContain(s);
    }
    expect(after.map((c) => c.service).sort()).toEqual(['autoscaling', 'backup', 'cloudwatch', 'codepipeline', 'dynamodb', 'ec2', 'elbv2', 'kms', 'lambda', 'rds']);
    // One GetDiscoveredResourceCounts request takes at most 20 types.
    expect(countedResourceTypes(after).length).toBeLessThanOrEqual(20);
  });
});

describe('decideRegionRead', () => {
  it('reads posture only when a recorder of every type counts nothing and the Tagging API lists nothing', () => {
    const read = decideRegionRead(base);
    expect(read.mode).toBe('posture-only');
    expect(read.skipped).toContain('lambda');
    expect(read.signal).toMatchObject({ source: 'aws-config-inventory', recorder: 'default', discovered: 0, tagged: 0 });
    expect(read.reason).toContain('counts no resource');
  });

  it.each([
    ['home region', { region: 'us-east-1' }, 'home region'],
    ['--regions', { requested: true }, '--regions'],
    ['--deep-regions', { deep: true }, '--deep-regions'],
    ['config collector not run', { config: undefined }, 'did not run'],
    ['config unreadable', { config: notObserved(collectionError('config', 'DescribeConfigurationRecorders')) }, 'could not be read'],
    ['no recorder', { config: observed(config([], [])) }, 'no AWS Config recorder'],
    ['recorder stopped', { config: observed(config([recorder()], [status({ recording: false })])) }, 'No signal'],
    ['recorder just started (Pending)', { config: observed(config([recorder()], [status({ lastStatus: 'PENDING' })])) }, 'No signal'],
    ['recorder failing', { config: observed(config([recorder()], [status({ lastStatus: 'FAILURE' })])) }, 'No signal'],
    ['a scanned type excluded', { config: observed(config([recorder({ allSupported: false, recordingStrategy: 'EXCLUSION_BY_RESOURCE_TYPES', excludedResourceTypes: ['AWS::Lambda::Function'] })])) }, 'No signal'],
    ['inclusion list missing a type', { config: observed(config([recorder({ allSupported: false, recordingStrategy: 'INCLUSION_BY_RESOURCE_TYPES', resourceTypes: ['AWS::EC2::Instance'] })])) }, 'No signal'],
    ['count unreadable', { discovered: notObserved<number>({ ...collectionError('config', 'GetDiscoveredResourceCounts', 'unsupported'), code: '500' }) }, 'failed (500)'],
    ['count not read', { discovered: undefined }, 'not read'],
    ['resources counted', { discovered: observed(3) }, 'counts 3'],
    ['a tagged function', { tagging: observed(tagging(['arn:aws:lambda:eu-north-1:111111111111:function:f'])) }, 'Tagging API lists 1'],
  ] as const)('reads fully: %s', (_name, change, why) => {
    const read = decideRegionRead({ ...base, ...change });
    expect(read.mode).toBe('full');
    expect(read.skipped).toEqual([]);
    expect(read.reason).toContain(why);
  });

  it('an inclusion list holding every scanned type is a usable signal', () => {
    const types = countedResourceTypes(skippable);
    const read = decideRegionRead({ ...base, config: observed(config([recorder({ allSupported: false, recordingStrategy: 'INCLUSION_BY_RESOURCE_TYPES', resourceTypes: types })])) });
    expect(read.mode).toBe('posture-only');
  });

  it('tagged resources of services it does not skip (an SNS topic, a security group) do not force a full read', () => {
    const arns = ['arn:aws:sns:eu-north-1:111111111111:aws-controltower-SecurityNotifications', 'arn:aws:ec2:eu-north-1:111111111111:security-group/sg-1'];
    expect(decideRegionRead({ ...base, tagging: observed(tagging(arns)) }).mode).toBe('posture-only');
  });

  it('asks AWS Config only when the recorder qualifies', () => {
    expect(regionNeedsSignal(base)).toMatchObject({ recorder: 'default' });
    expect(regionNeedsSignal({ ...base, config: observed(config([], [])) })).toHaveProperty('decided');
  });
});
