import { describe, expect, it } from 'vitest';
import { aBucket, aTrail, s3Snapshot } from '../../../test/helpers/storage-fixtures.js';
import { aRegion, aSnapshot, anAccount, denied, observed } from '../../../test/helpers/snapshot-builder.js';
import type { Observed } from '../../core/observed.js';
import type { BucketVersioning, S3Bucket } from '../../core/slices/s3.js';
import { s3BucketVersioningEnabled } from './s3-bucket-versioning-enabled.js';

const off = observed<BucketVersioning>({ status: null, mfaDelete: null });
const one = (bucket: S3Bucket) => {
  const outcomes = s3BucketVersioningEnabled.evaluate(s3Snapshot([bucket]));
  expect(outcomes).toHaveLength(1);
  return outcomes[0]!;
};

describe('s3_bucket_versioning_enabled', () => {
  it.each<[string, Observed<BucketVersioning>, string]>([
    ['Enabled', observed({ status: 'Enabled', mfaDelete: null }), 'PASS'],
    ['Suspended', observed({ status: 'Suspended', mfaDelete: null }), 'FAIL'],
    ['never enabled', off, 'FAIL'],
    ['denied', denied('s3', 'GetBucketVersioning'), 'UNKNOWN'],
  ])('%s => %s', (_name, versioning, status) => {
    expect(s3BucketVersioningEnabled.evaluate(s3Snapshot([aBucket('b', { versioning })]))).toEqual([expect.objectContaining({ status })]);
  });

  it.each([
    ['CDK bootstrap assets', 'cdk-hnb659fds-assets-111111111111-eu-west-1'],
    ['CodePipeline artifact store', 'codepipeline-eu-west-1-123456789012'],
    ['CloudFormation templates', 'cf-templates-1a2b3c4d5e6f-eu-west-1'],
    ['SAM CLI managed bucket', 'aws-sam-cli-managed-default-samclisourcebucket-1a2b3c4d5e6f'],
  ])('does not FAIL a bucket of regenerable deployment artifacts (%s)', (_kind, name) => {
    const outcome = one(aBucket(name, { versioning: off }));
    expect(outcome.status).toBe('NOT_APPLICABLE');
    expect(outcome.evidence).toMatchObject({ bucketRole: 'deployment-artifacts' });
  });

  it('points a CloudTrail log bucket to the log-bucket check instead of FAILing it here', () => {
    const snapshot = aSnapshot({
      accounts: [
        anAccount({
          global: { s3: observed({ accountPublicAccessBlock: observed(null), buckets: observed([aBucket('org-trail-logs', { versioning: off })]) }) },
          regional: [aRegion('us-east-1', { cloudtrail: observed({ trails: observed([aTrail('main')]) }) })],
        }),
      ],
    });
    const [outcome] = s3BucketVersioningEnabled.evaluate(snapshot);
    expect(outcome).toMatchObject({ status: 'NOT_APPLICABLE', evidence: { bucketRole: 'cloudtrail-logs' } });
    expect(outcome?.message).toContain('cloudtrail_logs_bucket_versioning_or_mfa_delete');
  });

  it('says what versioning is for and surfaces a data-classification tag', () => {
    const outcome = one(aBucket('customer-uploads', { versioning: off, tags: observed({ DataClassification: 'confidential', team: 'core' }) }));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message).toContain('critical data');
    expect(outcome.message).toContain('DataClassification=confidential');
    expect(outcome.evidence).toMatchObject({ dataClassification: { key: 'DataClassification', value: 'confidential' } });
  });

  it('reports a bucket whose region is unknown with a null region', () => {
    const [outcome] = s3BucketVersioningEnabled.evaluate(s3Snapshot([aBucket('b', { region: denied('s3', 'GetBucketLocation') })]));
    expect(outcome).toMatchObject({ status: 'PASS', region: null });
  });
});
