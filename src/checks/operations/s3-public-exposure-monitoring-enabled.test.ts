import { describe, expect, it } from 'vitest';
import type { RegionalSlices } from '../../core/slices/index.js';
import type { S3Bucket } from '../../core/slices/s3.js';
import { aRegion, aSnapshot, anAccount, denied, observed } from '../../../test/helpers/snapshot-builder.js';
import { s3PublicExposureMonitoringEnabled as check } from './s3-public-exposure-monitoring-enabled.js';

const analyzer = { name: 'acct', arn: 'arn:aa', type: 'ACCOUNT', status: 'ACTIVE', statusReason: null, createdAt: null, lastResourceAnalyzedAt: null };
const emptyConfig = { recorders: observed([]), recorderStatuses: observed([]), deliveryChannels: observed([]), rules: observed([]) };
const noHub = { hub: observed(null), enabledStandards: observed(null) };

function slices(overrides: RegionalSlices = {}): RegionalSlices {
  return { accessanalyzer: observed({ analyzers: observed([]) }), config: observed(emptyConfig), securityhub: observed(noHub), ...overrides };
}

function run(regional: RegionalSlices, bucketRegions: string[] | null = null) {
  const s3 =
    bucketRegions === null
      ? undefined
      : observed({
          accountPublicAccessBlock: observed(null),
          buckets: observed(bucketRegions.map((region) => ({ name: `b-${region}`, region: observed(region) }) as unknown as S3Bucket)),
        });
  return check.evaluate(aSnapshot({ accounts: [anAccount({ global: s3 ? { s3 } : {}, regional: [aRegion('eu-west-1', regional)] })] }));
}

describe('s3_public_exposure_monitoring_enabled', () => {
  it.each<[string, RegionalSlices, string]>([
    ['an active account analyzer', slices({ accessanalyzer: observed({ analyzers: observed([analyzer]) }) }), 'MANUAL'],
    [
      'a Config public-read rule',
      slices({
        config: observed({ ...emptyConfig, rules: observed([{ name: 'pub', arn: null, state: 'ACTIVE', sourceOwner: 'AWS', sourceIdentifier: 'S3_BUCKET_PUBLIC_READ_PROHIBITED' }]) }),
      }),
      'MANUAL',
    ],
    ['Security Hub with a ready standard', slices({ securityhub: observed({ hub: observed({ hubArn: 'h', subscribedAt: null, autoEnableControls: true }), enabledStandards: observed([{ standardsArn: 's', status: 'READY' }]) }) }), 'MANUAL'],
    ['nothing enabled', slices(), 'FAIL'],
    ['a disabled analyzer only', slices({ accessanalyzer: observed({ analyzers: observed([{ ...analyzer, status: 'DISABLED' }]) }) }), 'FAIL'],
    ['nothing found, analyzers denied', slices({ accessanalyzer: observed({ analyzers: denied('accessanalyzer', 'ListAnalyzers') }) }), 'UNKNOWN'],
    ['nothing found, config slice missing', { accessanalyzer: observed({ analyzers: observed([]) }), securityhub: observed(noHub) }, 'UNKNOWN'],
  ])('%s -> %s', (_name, regional, status) => {
    expect(run(regional)[0]).toMatchObject({ status, resourceType: 'AWS::::Region', region: 'eu-west-1' });
  });

  it('a region without buckets is NOT_APPLICABLE; a region with one is evaluated', () => {
    expect(run(slices(), ['us-east-1'])[0]?.status).toBe('NOT_APPLICABLE');
    expect(run(slices(), ['eu-west-1'])[0]?.status).toBe('FAIL');
  });
});
