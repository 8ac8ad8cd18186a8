import {
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
  GetBucketLocationCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetBucketPolicyStatusCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetPublicAccessBlockCommand,
  ListBucketsCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { GetPublicAccessBlockCommand as GetAccountPublicAccessBlockCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsError, testCollectorContext } from '../../../../test/helpers/collector-context.js';
import { s3Collector } from './s3.collector.js';

const s3 = mockClient(S3Client);
const control = mockClient(S3ControlClient);

const ALL_ON = { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true };
const POLICY = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' }] });

/** Two buckets, every read answering. */
function happyPath() {
  control.on(GetAccountPublicAccessBlockCommand).resolves({ PublicAccessBlockConfiguration: ALL_ON });
  s3.on(ListBucketsCommand).resolves({
    Buckets: [
      { Name: 'app-data', CreationDate: new Date('2024-01-02T03:04:05.000Z') },
      { Name: 'eu-logs', BucketRegion: 'eu-west-1' },
    ],
  });
  s3.on(GetBucketLocationCommand, { Bucket: 'app-data' }).resolves({});
  s3.on(GetPublicAccessBlockCommand).resolves({ PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true } });
  s3.on(GetBucketPolicyCommand).resolves({ Policy: POLICY });
  s3.on(GetBucketPolicyStatusCommand).resolves({ PolicyStatus: { IsPublic: false } });
  s3.on(GetBucketAclCommand).resolves({
    Owner: { ID: 'owner-canonical' },
    Grants: [
      { Grantee: { Type: 'CanonicalUser', ID: 'owner-canonical' }, Permission: 'FULL_CONTROL' },
      { Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/global/AllUsers' }, Permission: 'READ' },
    ],
  });
  s3.on(GetBucketOwnershipControlsCommand).resolves({ OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] } });
  s3.on(GetBucketEncryptionCommand).resolves({
    ServerSideEncryptionConfiguration: {
      Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: 'arn:aws:kms:us-east-1:111111111111:key/k' }, BucketKeyEnabled: true }],
    },
  });
  s3.on(GetBucketVersioningCommand).resolves({ Status: 'Enabled', MFADelete: 'Disabled' });
  s3.on(GetBucketTaggingCommand).resolves({ TagSet: [{ Key: 'env', Value: 'prod' }] });
}

async function collect() {
  const t = testCollectorContext({ scannedRegions: ['us-east-1'] });
  const slice = await s3Collector.collect(t.ctx);
  return { slice, recorder: t.recorder };
}

function buckets(slice: Awaited<ReturnType<typeof collect>>['slice']) {
  if (!slice.buckets.ok) throw new Error('buckets not observed');
  return slice.buckets.value;
}

describe('s3Collector', () => {
  beforeEach(() => {
    s3.reset();
    control.reset();
  });

  it('collects the account PAB and every bucket setting, in the bucket region', async () => {
    happyPath();
    const { slice, recorder } = await collect();

    expect(slice.accountPublicAccessBlock).toEqual({
      ok: true,
      value: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true },
    });
    const [app, eu] = buckets(slice);
    expect(app).toMatchObject({
      name: 'app-data',
      arn: 'arn:aws:s3:::app-data',
      createdAt: '2024-01-02T03:04:05.000Z',
      region: { ok: true, value: 'us-east-1' },
      inScannedRegion: true,
      publicAccessBlock: { ok: true, value: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: false, restrictPublicBuckets: false } },
      policy: { ok: true, value: POLICY },
      policyIsPublic: { ok: true, value: false },
      objectOwnership: { ok: true, value: 'BucketOwnerEnforced' },
      encryption: { ok: true, value: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: 'arn:aws:kms:us-east-1:111111111111:key/k', bucketKeyEnabled: true } },
      versioning: { ok: true, value: { status: 'Enabled', mfaDelete: 'Disabled' } },
      tags: { ok: true, value: { env: 'prod' } },
    });
    expect(app?.acl).toEqual({
      ok: true,
      value: {
        ownerCanonicalId: 'owner-canonical',
        grants: [
          { granteeType: 'CanonicalUser', groupUri: null, canonicalId: 'owner-canonical', permission: 'FULL_CONTROL' },
          { granteeType: 'Group', groupUri: 'http://acs.amazonaws.com/groups/global/AllUsers', canonicalId: null, permission: 'READ' },
        ],
      },
    });
    // ListBuckets carried eu-logs' region: no GetBucketLocation for it; its reads went to eu-west-1.
    expect(eu).toMatchObject({ region: { ok: true, value: 'eu-west-1' }, inScannedRegion: false });
    expect(s3.commandCalls(GetBucketLocationCommand)).toHaveLength(1);
    const euOps = recorder.operations().filter((o) => o.region === 'eu-west-1').map((o) => o.operation).sort();
    expect(euOps).toEqual([
      'GetBucketAcl',
      'GetBucketEncryption',
      'GetBucketOwnershipControls',
      'GetBucketPolicy',
      'GetBucketPolicyStatus',
      'GetBucketTagging',
      'GetBucketVersioning',
      'GetPublicAccessBlock',
    ]);
    expect(control.commandCalls(GetAccountPublicAccessBlockCommand)[0]?.args[0].input).toEqual({ AccountId: '111111111111' });
    expect(recorder.errors).toEqual([]);
  });

  it.each([
    ['EU', 'eu-west-1'],
    ['ap-south-1', 'ap-south-1'],
    [undefined, 'us-east-1'],
  ])('normalizes LocationConstraint %s to %s', async (constraint, region) => {
    happyPath();
    s3.on(GetBucketLocationCommand, { Bucket: 'app-data' }).resolves(constraint ? { LocationConstraint: constraint as 'EU' } : {});
    const { slice } = await collect();
    expect(buckets(slice)[0]?.region).toEqual({ ok: true, value: region });
  });

  it('keeps the rest when one read is denied', async () => {
    happyPath();
    s3.on(GetBucketVersioningCommand, { Bucket: 'app-data' }).rejects(awsError('AccessDenied', 'Access Denied', 403));
    const { slice, recorder } = await collect();
    const [app, eu] = buckets(slice);
    expect(app?.versioning).toMatchObject({ ok: false, error: { kind: 'access_denied', operation: 'GetBucketVersioning', region: 'us-east-1' } });
    expect(app?.encryption.ok).toBe(true);
    expect(app?.acl.ok).toBe(true);
    expect(eu?.versioning).toEqual({ ok: true, value: { status: 'Enabled', mfaDelete: 'Disabled' } });
    expect(recorder.errors).toHaveLength(1);
  });

  it('turns not-found codes into null', async () => {
    happyPath();
    control.on(GetAccountPublicAccessBlockCommand).rejects(awsError('NoSuchPublicAccessBlockConfiguration', 'none', 404));
    s3.on(GetPublicAccessBlockCommand).rejects(awsError('NoSuchPublicAccessBlockConfiguration', 'none', 404));
    s3.on(GetBucketPolicyCommand).rejects(awsError('NoSuchBucketPolicy', 'none', 404));
    s3.on(GetBucketPolicyStatusCommand).rejects(awsError('NoSuchBucketPolicy', 'none', 404));
    s3.on(GetBucketOwnershipControlsCommand).rejects(awsError('OwnershipControlsNotFoundError', 'none', 404));
    s3.on(GetBucketEncryptionCommand).rejects(awsError('ServerSideEncryptionConfigurationNotFoundError', 'none', 404));
    s3.on(GetBucketTaggingCommand).rejects(awsError('NoSuchTagSet', 'none', 404));
    s3.on(GetBucketVersioningCommand).resolves({});
    const { slice, recorder } = await collect();
    expect(slice.accountPublicAccessBlock).toEqual({ ok: true, value: null });
    expect(buckets(slice)[0]).toMatchObject({
      publicAccessBlock: { ok: true, value: null },
      policy: { ok: true, value: null },
      policyIsPublic: { ok: true, value: null },
      objectOwnership: { ok: true, value: null },
      encryption: { ok: true, value: null },
      tags: { ok: true, value: null },
      versioning: { ok: true, value: { status: null, mfaDelete: null } },
    });
    expect(recorder.errors).toEqual([]);
  });

  it('records a policy status without IsPublic (moto) as null, not false', async () => {
    happyPath();
    s3.on(GetBucketPolicyStatusCommand).resolves({ PolicyStatus: {} });
    const { slice } = await collect();
    expect(buckets(slice)[0]?.policyIsPublic).toEqual({ ok: true, value: null });
  });

  it('turns an unsupported-API answer (bare 404) into an error value', async () => {
    happyPath();
    control.on(GetAccountPublicAccessBlockCommand).rejects(awsError('404', 'Not Found', 404));
    s3.on(GetBucketPolicyStatusCommand).rejects(awsError('404', 'Not Found', 404));
    const { slice } = await collect();
    expect(slice.accountPublicAccessBlock).toMatchObject({ ok: false, error: { kind: 'unsupported', service: 's3control' } });
    expect(buckets(slice)[0]?.policyIsPublic).toMatchObject({ ok: false, error: { kind: 'unsupported', code: '404' } });
    expect(buckets(slice)[0]?.policy.ok).toBe(true);
  });

  it('keeps the account PAB when ListBuckets is denied, and falls back to the home region when the location is denied', async () => {
    happyPath();
    s3.on(ListBucketsCommand).rejects(awsError('AccessDenied', 'Access Denied', 403));
    const denied = await collect();
    expect(denied.slice.buckets).toMatchObject({ ok: false, error: { kind: 'access_denied', operation: 'ListBuckets' } });
    expect(denied.slice.accountPublicAccessBlock.ok).toBe(true);

    s3.reset();
    happyPath();
    s3.on(GetBucketLocationCommand, { Bucket: 'app-data' }).rejects(awsError('AccessDenied', 'Access Denied', 403));
    const { slice } = await collect();
    const app = buckets(slice)[0];
    expect(app?.region.ok).toBe(false);
    expect(app?.inScannedRegion).toBeNull();
    expect(app?.versioning.ok).toBe(true);
  });
});
