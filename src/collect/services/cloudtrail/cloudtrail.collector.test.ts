import {
  CloudTrailClient,
  DescribeTrailsCommand,
  GetEventSelectorsCommand,
  GetTrailStatusCommand,
} from '@aws-sdk/client-cloudtrail';
import {
  GetBucketAclCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetBucketPolicyStatusCommand,
  GetBucketVersioningCommand,
  GetPublicAccessBlockCommand,
  ListBucketsCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsError, testCollectorContext } from '../../../../test/helpers/collector-context.js';
import type { Trail } from '../../../core/slices/cloudtrail.js';
import { cloudtrailCollector, detailsRegion } from './cloudtrail.collector.js';
import { summarizeEventSelectors } from './event-selectors.js';

const ct = mockClient(CloudTrailClient);
const s3 = mockClient(S3Client);

const OWN_ARN = 'arn:aws:cloudtrail:us-east-1:111111111111:trail/main';
const ORG_ARN = 'arn:aws:cloudtrail:us-east-1:999999999999:trail/org-trail';
const EU_ARN = 'arn:aws:cloudtrail:eu-west-1:111111111111:trail/eu-only';

function happyPath() {
  ct.on(DescribeTrailsCommand).resolves({
    trailList: [
      {
        Name: 'main', TrailARN: OWN_ARN, HomeRegion: 'us-east-1', IsMultiRegionTrail: true, IsOrganizationTrail: false,
        S3BucketName: 'own-trail-logs', LogFileValidationEnabled: true, KmsKeyId: 'arn:aws:kms:us-east-1:111111111111:key/k',
      },
      {
        Name: 'org-trail', TrailARN: ORG_ARN, HomeRegion: 'us-east-1', IsMultiRegionTrail: true, IsOrganizationTrail: true,
        S3BucketName: 'org-archive-logs', LogFileValidationEnabled: false,
      },
      { Name: 'eu-only', TrailARN: EU_ARN, HomeRegion: 'eu-west-1', IsMultiRegionTrail: true, S3BucketName: 'own-trail-logs' },
    ],
  });
  ct.on(GetTrailStatusCommand).resolves({ IsLogging: true, LatestDeliveryTime: new Date('2026-10-31T23:00:00.000Z') });
  ct.on(GetEventSelectorsCommand).resolves({ EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true }] });
  s3.on(ListBucketsCommand).resolves({ Buckets: [{ Name: 'own-trail-logs' }, { Name: 'other' }] });
  s3.on(GetPublicAccessBlockCommand).resolves({
    PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
  });
  s3.on(GetBucketPolicyCommand).resolves({ Policy: '{"Version":"2012-10-17","Statement":[]}' });
  s3.on(GetBucketPolicyStatusCommand).resolves({ PolicyStatus: { IsPublic: false } });
  s3.on(GetBucketAclCommand).resolves({ Owner: { ID: 'c' }, Grants: [] });
  s3.on(GetBucketVersioningCommand).resolves({ Status: 'Enabled' });
  s3.on(GetBucketOwnershipControlsCommand).resolves({ OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] } });
}

async function collect(region = 'us-east-1', scannedRegions = ['us-east-1', 'eu-west-1']) {
  const t = testCollectorContext({ region, scannedRegions });
  const slice = await cloudtrailCollector.collect(t.ctx);
  if (!slice.trails.ok) throw new Error('trails not observed');
  const byArn = new Map<string, Trail>(slice.trails.value.map((trail) => [trail.arn, trail]));
  return { trails: byArn, recorder: t.recorder };
}

describe('cloudtrailCollector', () => {
  beforeEach(() => {
    ct.reset();
    s3.reset();
  });

  it('reads status, selectors and the log bucket of trails whose home region is this region', async () => {
    happyPath();
    const { trails, recorder } = await collect();

    expect(trails.get(OWN_ARN)).toMatchObject({
      name: 'main',
      homeRegion: 'us-east-1',
      isMultiRegion: true,
      isOrganizationTrail: false,
      ownerAccountId: '111111111111',
      logFileValidationEnabled: true,
      kmsKeyId: 'arn:aws:kms:us-east-1:111111111111:key/k',
      details: {
        readInRegion: 'us-east-1',
        status: { ok: true, value: { isLogging: true, latestDeliveryTime: '2026-10-31T23:00:00.000Z', latestDeliveryError: null } },
        eventSelectors: { ok: true, value: { managementEvents: 'All', advanced: false, excludedManagementSources: [] } },
        logBucket: {
          name: 'own-trail-logs',
          owner: { ok: true, value: 'this-account' },
          versioning: { ok: true, value: { status: 'Enabled', mfaDelete: null } },
          policyIsPublic: { ok: true, value: false },
          // Object Ownership decides whether object ACLs can make log files public.
          objectOwnership: { ok: true, value: 'BucketOwnerEnforced' },
        },
      },
    });
    expect(trails.get(ORG_ARN)).toMatchObject({
      isOrganizationTrail: true,
      ownerAccountId: '999999999999',
      kmsKeyId: null,
      details: { logBucket: { name: 'org-archive-logs', owner: { ok: true, value: 'other-account' } } },
    });
    // Shadow of a trail whose home region is scanned elsewhere: no reads here.
    expect(trails.get(EU_ARN)?.details).toBeNull();
    expect(ct.commandCalls(GetTrailStatusCommand).map((c) => c.args[0].input.Name).sort()).toEqual([OWN_ARN, ORG_ARN]);
    expect(s3.commandCalls(ListBucketsCommand)).toHaveLength(1);
    expect(ct.commandCalls(DescribeTrailsCommand)[0]?.args[0].input).toEqual({ includeShadowTrails: true });
    expect(recorder.errors).toEqual([]);
  });

  it('keeps the rest when the org trail status and the other-account bucket are denied', async () => {
    happyPath();
    ct.on(GetTrailStatusCommand, { Name: ORG_ARN }).rejects(awsError('AccessDeniedException', 'denied', 400));
    s3.on(GetBucketVersioningCommand, { Bucket: 'org-archive-logs' }).rejects(awsError('AccessDenied', 'Access Denied', 403));
    const { trails } = await collect();
    const org = trails.get(ORG_ARN)?.details;
    expect(org?.status).toMatchObject({ ok: false, error: { kind: 'access_denied', operation: 'GetTrailStatus' } });
    expect(org?.eventSelectors.ok).toBe(true);
    expect(org?.logBucket?.versioning).toMatchObject({ ok: false, error: { kind: 'access_denied' } });
    expect(org?.logBucket?.owner).toEqual({ ok: true, value: 'other-account' });
    expect(trails.get(OWN_ARN)?.details?.status.ok).toBe(true);
  });

  it('maps bucket not-found codes to null and a missing bucket to owner not-found', async () => {
    happyPath();
    s3.on(GetPublicAccessBlockCommand).rejects(awsError('NoSuchPublicAccessBlockConfiguration', 'none', 404));
    s3.on(GetBucketPolicyCommand).rejects(awsError('NoSuchBucketPolicy', 'none', 404));
    s3.on(GetBucketPolicyStatusCommand).rejects(awsError('NoSuchBucketPolicy', 'none', 404));
    for (const Command of [GetBucketAclCommand, GetBucketVersioningCommand, GetBucketPolicyCommand, GetPublicAccessBlockCommand, GetBucketPolicyStatusCommand]) {
      s3.on(Command, { Bucket: 'org-archive-logs' }).rejects(awsError('NoSuchBucket', 'The specified bucket does not exist', 404));
    }
    const { trails } = await collect();
    expect(trails.get(OWN_ARN)?.details?.logBucket).toMatchObject({
      owner: { ok: true, value: 'this-account' },
      publicAccessBlock: { ok: true, value: null },
      policy: { ok: true, value: null },
      policyIsPublic: { ok: true, value: null },
    });
    expect(trails.get(ORG_ARN)?.details?.logBucket?.owner).toEqual({ ok: true, value: 'not-found' });
  });

  it('turns unsupported-API answers (bare 404) into error values', async () => {
    happyPath();
    ct.on(GetEventSelectorsCommand).rejects(awsError('404', 'Not Found', 404));
    const { trails } = await collect();
    expect(trails.get(OWN_ARN)?.details?.eventSelectors).toMatchObject({ ok: false, error: { kind: 'unsupported', code: '404' } });
    expect(trails.get(OWN_ARN)?.details?.status.ok).toBe(true);

    ct.on(DescribeTrailsCommand).rejects(awsError('404', 'Not Found', 404));
    const t = testCollectorContext();
    const slice = await cloudtrailCollector.collect(t.ctx);
    expect(slice.trails).toMatchObject({ ok: false, error: { kind: 'unsupported', operation: 'DescribeTrails' } });
  });

  it('marks the owner UNKNOWN when ListBuckets is denied and the bucket answers', async () => {
    happyPath();
    s3.on(ListBucketsCommand).rejects(awsError('AccessDenied', 'Access Denied', 403));
    const { trails } = await collect();
    expect(trails.get(OWN_ARN)?.details?.logBucket?.owner).toMatchObject({ ok: false, error: { operation: 'ListBuckets' } });
    expect(trails.get(OWN_ARN)?.details?.logBucket?.versioning.ok).toBe(true);
  });

  it('reads a trail whose home region is not scanned once, from the first scanned region', async () => {
    happyPath();
    const first = await collect('eu-west-1', ['eu-west-1', 'eu-central-1']);
    expect(first.trails.get(OWN_ARN)?.details?.readInRegion).toBe('us-east-1');
    expect(first.trails.get(EU_ARN)?.details?.readInRegion).toBe('eu-west-1');
    expect(first.recorder.operations().find((o) => o.operation === 'GetTrailStatus' && o.region === 'us-east-1')).toBeDefined();

    const second = await collect('eu-central-1', ['eu-west-1', 'eu-central-1']);
    expect(second.trails.get(OWN_ARN)?.details).toBeNull();
    expect(second.trails.get(EU_ARN)?.details).toBeNull();
  });
});

describe('detailsRegion', () => {
  it.each([
    ['us-east-1', ['us-east-1'], 'us-east-1', 'us-east-1'],
    ['eu-west-1', ['us-east-1', 'eu-west-1'], 'us-east-1', null],
    ['eu-west-1', ['eu-west-1', 'eu-central-1'], 'us-east-1', 'us-east-1'],
    ['eu-central-1', ['eu-west-1', 'eu-central-1'], 'us-east-1', null],
  ])('in %s (scanned %o) reads a trail homed in %s from %s', (region, scannedRegions, home, expected) => {
    expect(detailsRegion({ region, scannedRegions }, home)).toBe(expected);
  });
});

describe('summarizeEventSelectors', () => {
  const mgmt = { Field: 'eventCategory', Equals: ['Management'] };
  it.each([
    ['default basic selector', [{}], undefined, 'All'],
    ['basic read + write selectors', [{ ReadWriteType: 'ReadOnly' as const }, { ReadWriteType: 'WriteOnly' as const }], undefined, 'All'],
    ['basic write only', [{ ReadWriteType: 'WriteOnly' as const }], undefined, 'WriteOnly'],
    ['basic without management events', [{ ReadWriteType: 'All' as const, IncludeManagementEvents: false }], undefined, 'None'],
    ['no selectors', [], [], 'None'],
    ['advanced management', undefined, [{ FieldSelectors: [mgmt] }], 'All'],
    ['advanced read-only', undefined, [{ FieldSelectors: [mgmt, { Field: 'readOnly', Equals: ['true'] }] }], 'ReadOnly'],
    ['advanced data events only', undefined, [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }] }], 'None'],
    ['advanced readOnly NotEquals true (writes only)', undefined, [{ FieldSelectors: [mgmt, { Field: 'readOnly', NotEquals: ['true'] }] }], 'WriteOnly'],
    ['advanced readOnly NotEquals false (reads only)', undefined, [{ FieldSelectors: [mgmt, { Field: 'readOnly', NotEquals: ['false'] }] }], 'ReadOnly'],
    ['advanced management of one event source only', undefined, [{ FieldSelectors: [mgmt, { Field: 'eventSource', Equals: ['s3.amazonaws.com'] }] }], 'None'],
    ['advanced management without one principal', undefined, [{ FieldSelectors: [mgmt, { Field: 'userIdentity.arn', NotStartsWith: ['arn:aws:sts::111111111111:assumed-role/Noisy'] }] }], 'None'],
    ['a narrowed selector next to a full one', undefined, [{ FieldSelectors: [mgmt, { Field: 'eventSource', Equals: ['s3.amazonaws.com'] }] }, { FieldSelectors: [mgmt] }], 'All'],
  ])('%s', (_name, basic, advanced, expected) => {
    expect(summarizeEventSelectors(basic, advanced).managementEvents).toBe(expected);
  });

  it('describes the selectors that record only part of the management events', () => {
    const summary = summarizeEventSelectors(undefined, [{ FieldSelectors: [mgmt, { Field: 'eventSource', Equals: ['s3.amazonaws.com'] }] }]);
    expect(summary.partialSelectors).toEqual(['eventSource Equals s3.amazonaws.com']);
  });

  it('lists excluded management event sources', () => {
    const summary = summarizeEventSelectors(undefined, [
      { FieldSelectors: [mgmt, { Field: 'eventSource', NotEquals: ['kms.amazonaws.com', 'rdsdata.amazonaws.com'] }] },
    ]);
    expect(summary).toEqual({ managementEvents: 'All', advanced: true, excludedManagementSources: ['kms.amazonaws.com', 'rdsdata.amazonaws.com'] });
  });
});
