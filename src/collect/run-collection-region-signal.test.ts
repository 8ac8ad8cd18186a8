/**
 * The runner with the region signal (docs/decisions/0012-region-signal.md), AWS mocked: a region where AWS
 * Config counts nothing gets its posture read and not its resources; the home region, --regions and
 * --deep-regions read everything; a non-zero count reads everything.
 */
import { ConfigServiceClient, DescribeConfigRulesCommand, DescribeConfigurationRecorderStatusCommand, DescribeConfigurationRecordersCommand, DescribeDeliveryChannelsCommand, GetDiscoveredResourceCountsCommand } from '@aws-sdk/client-config-service';
import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { GetResourcesCommand, ResourceGroupsTaggingAPIClient } from '@aws-sdk/client-resource-groups-tagging-api';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { OrganizationsClient, DescribeOrganizationCommand } from '@aws-sdk/client-organizations';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Snapshot } from '../core/snapshot.js';
import { runScan, type ScanOptions } from './run-collection.js';

const sts = mockClient(STSClient);
const orgs = mockClient(OrganizationsClient);
const ec2 = mockClient(EC2Client);
const config = mockClient(ConfigServiceClient);
const tagging = mockClient(ResourceGroupsTaggingAPIClient);
const lambda = mockClient(LambdaClient);

const base: ScanOptions = {
  org: false,
  roleName: 'FtrReadOnly',
  concurrency: 4,
  maxAttempts: 1,
  services: ['config', 'tagging', 'lambda'],
  credentials: { accessKeyId: 'AKIDTESTTESTTEST', secretAccessKey: 'test' },
};

beforeEach(() => {
  sts.on(GetCallerIdentityCommand).resolves({ Arn: 'arn:aws:iam::123456789012:user/auditor', Account: '123456789012' });
  orgs.on(DescribeOrganizationCommand).rejects(Object.assign(new Error('not in use'), { name: 'AWSOrganizationsNotInUseException' }));
  ec2.on(DescribeRegionsCommand).resolves({ Regions: [{ RegionName: 'us-east-1', OptInStatus: 'opt-in-not-required' }, { RegionName: 'eu-north-1', OptInStatus: 'opt-in-not-required' }] });
  config.on(DescribeConfigurationRecordersCommand).resolves({ ConfigurationRecorders: [{ name: 'default', recordingGroup: { allSupported: true } }] });
  config.on(DescribeConfigurationRecorderStatusCommand).resolves({ ConfigurationRecordersStatus: [{ name: 'default', recording: true, lastStatus: 'Success' }] });
  config.on(DescribeDeliveryChannelsCommand).resolves({ DeliveryChannels: [] });
  config.on(DescribeConfigRulesCommand).resolves({ ConfigRules: [] });
  config.on(GetDiscoveredResourceCountsCommand).resolves({ totalDiscoveredResources: 0, resourceCounts: [] });
  tagging.on(GetResourcesCommand).resolves({ ResourceTagMappingList: [] });
  lambda.on(ListFunctionsCommand).resolves({ Functions: [{ FunctionName: 'f', FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:f' }] });
});

afterEach(() => {
  for (const m of [sts, orgs, ec2, config, tagging, lambda]) m.reset();
});

const regionOf = (s: Snapshot, region: string) => s.accounts[0]?.regional.find((r) => r.region === region);
/** Regions where lambda:ListFunctions was called (the scan's own record of its calls). */
const lambdaRegions = (s: Snapshot) => [...new Set(s.operations.filter((o) => o.operation === 'ListFunctions').map((o) => o.region))].sort();

describe('runScan with the region signal', () => {
  it('reads an empty non-home region posture-only and records why', async () => {
    const snapshot = await runScan(base);
    const north = regionOf(snapshot, 'eu-north-1');
    expect(north?.read).toMatchObject({ mode: 'posture-only', skipped: ['lambda'], signal: { source: 'aws-config-inventory', recorder: 'default', discovered: 0, tagged: 0 } });
    expect(north?.lambda).toMatchObject({ ok: false, error: { kind: 'not_read', region: 'eu-north-1', code: 'PostureOnlyRegion' } });
    expect(north?.config?.ok).toBe(true);
    expect(regionOf(snapshot, 'us-east-1')?.read).toMatchObject({ mode: 'full', reason: expect.stringContaining('home region') as unknown });
    expect(lambdaRegions(snapshot)).toEqual(['us-east-1']);
    // The skipped read is no failure: it is not in the errors list.
    expect(snapshot.errors.filter((e) => e.kind === 'not_read')).toEqual([]);
    expect(snapshot.accounts[0]?.regional.map((r) => r.read?.mode)).toEqual(['posture-only', 'full']); // sorted by region
  });

  it.each([
    ['--deep-regions', { deepRegions: true }],
    ['--regions', { regions: ['us-east-1', 'eu-north-1'] }],
  ] as const)('%s reads every region fully', async (_flag, change) => {
    const snapshot = await runScan({ ...base, ...change });
    expect(regionOf(snapshot, 'eu-north-1')?.read?.mode).toBe('full');
    expect(lambdaRegions(snapshot)).toEqual(['eu-north-1', 'us-east-1']);
  });

  it('reads fully where AWS Config counts resources, or where the count cannot be read', async () => {
    config.on(GetDiscoveredResourceCountsCommand).resolves({ totalDiscoveredResources: 2 });
    expect(regionOf(await runScan(base), 'eu-north-1')?.read).toMatchObject({ mode: 'full', reason: expect.stringContaining('counts 2') as unknown });
    config.on(GetDiscoveredResourceCountsCommand).rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException', $metadata: { httpStatusCode: 400 } }));
    const snapshot = await runScan(base);
    expect(regionOf(snapshot, 'eu-north-1')?.read).toMatchObject({ mode: 'full', reason: expect.stringContaining('failed (AccessDeniedException)') as unknown });
    expect(regionOf(snapshot, 'eu-north-1')?.lambda?.ok).toBe(true);
  });
});
