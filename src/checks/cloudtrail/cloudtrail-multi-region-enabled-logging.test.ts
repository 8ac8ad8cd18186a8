import { describe, expect, it } from 'vitest';
import { aTrail, shadowOf, trailDetails, trailSnapshot } from '../../../test/helpers/storage-fixtures.js';
import { ACCOUNT_A, aSnapshot, anAccount, collectionError, denied, observed } from '../../../test/helpers/snapshot-builder.js';
import { notObserved } from '../../core/observed.js';
import type { Trail } from '../../core/slices/cloudtrail.js';
import { cloudtrailMultiRegionEnabledLogging } from './cloudtrail-multi-region-enabled-logging.js';

const ORG = '999999999999';
const orgTrail = aTrail('org-trail', {
  isOrganizationTrail: true,
  ownerAccountId: ORG,
  arn: `arn:aws:cloudtrail:us-east-1:${ORG}:trail/org-trail`,
});
const notLogging = trailDetails({ status: observed({ isLogging: false, latestDeliveryTime: null, latestDeliveryError: null }) });
// GetTrailStatus of a trail whose bucket policy no longer lets CloudTrail write: still logging, nothing delivered.
const cannotDeliver = trailDetails({
  status: observed({ isLogging: true, latestDeliveryTime: '2026-09-01T00:00:00.000Z', latestDeliveryError: 'AccessDenied' }),
});
const writeOnly = trailDetails({ eventSelectors: observed({ managementEvents: 'WriteOnly', advanced: false, excludedManagementSources: [] }) });

function evaluate(regions: Parameters<typeof trailSnapshot>[0]) {
  const outcomes = cloudtrailMultiRegionEnabledLogging.evaluate(trailSnapshot(regions));
  expect(outcomes).toHaveLength(1);
  return outcomes[0]!;
}

describe('cloudtrail_multi_region_enabled_logging', () => {
  it.each<[string, Record<string, readonly Trail[]>, string]>([
    ['own multi-region trail, logging, all management events', { 'us-east-1': [aTrail('main')], 'eu-west-1': [shadowOf(aTrail('main'))] }, 'PASS'],
    ['organization trail seen as a shadow trail (member account)', { 'us-east-1': [orgTrail], 'eu-west-1': [shadowOf(orgTrail)] }, 'PASS'],
    ['no trails', { 'us-east-1': [], 'eu-west-1': [] }, 'FAIL'],
    ['single-region trail only', { 'us-east-1': [aTrail('local', { isMultiRegion: false })], 'eu-west-1': [] }, 'FAIL'],
    ['multi-region trail not logging', { 'us-east-1': [aTrail('main', { details: notLogging })] }, 'FAIL'],
    ['multi-region trail records write events only', { 'us-east-1': [aTrail('main', { details: writeOnly })] }, 'FAIL'],
    ['status denied (org trail from a member)', { 'us-east-1': [aTrail('org', { details: trailDetails({ status: denied('cloudtrail', 'GetTrailStatus') }) })] }, 'UNKNOWN'],
    ['home region not collected', { 'eu-west-1': [shadowOf(aTrail('main'))] }, 'UNKNOWN'],
    ['multi-region trail logging but its S3 delivery fails', { 'us-east-1': [aTrail('main', { details: cannotDeliver })] }, 'FAIL'],
    ['one delivering trail next to a failing one', { 'us-east-1': [aTrail('broken', { details: cannotDeliver }), aTrail('good')] }, 'PASS'],
    ['one good trail among bad ones', { 'us-east-1': [aTrail('bad', { details: notLogging }), aTrail('good')] }, 'PASS'],
  ])('%s => %s', (_name, regions, status) => {
    expect(evaluate(regions)).toMatchObject({ status, resourceType: 'AWS::::Account', accountId: ACCOUNT_A });
  });

  it('deduplicates trails by ARN and names the covering trail', () => {
    const outcome = evaluate({ 'eu-west-1': [shadowOf(orgTrail)], 'us-east-1': [orgTrail] });
    expect(outcome.message).toContain(`Organization trail org-trail (owned by ${ORG})`);
    expect(outcome.evidence).toMatchObject({ coveringTrail: orgTrail.arn });
    expect((outcome.evidence as { trails: unknown[] }).trails).toHaveLength(1);
  });

  it('FAILs a trail whose advanced selectors record the management events of one service only', () => {
    const narrowed = trailDetails({ eventSelectors: observed({ managementEvents: 'None', advanced: true, excludedManagementSources: [], partialSelectors: ['eventSource Equals s3.amazonaws.com'] }) });
    const outcome = evaluate({ 'us-east-1': [aTrail('main', { details: narrowed })] });
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message).toContain('only part of the management events (selectors limited to eventSource Equals s3.amazonaws.com)');
  });

  it('names the delivery error when the only trail cannot deliver', () => {
    const outcome = evaluate({ 'us-east-1': [aTrail('main', { details: cannotDeliver })] });
    expect(outcome.message).toContain('AccessDenied');
    expect(outcome.message).toContain('2026-09-01');
  });

  it('sees a multi-region trail even when another region failed', () => {
    expect(evaluate({ 'us-east-1': [aTrail('main')], 'eu-west-1': denied('cloudtrail', 'DescribeTrails') })).toMatchObject({ status: 'PASS' });
  });

  it('is UNKNOWN when no region could be listed', () => {
    expect(evaluate({ 'us-east-1': denied('cloudtrail', 'DescribeTrails'), 'eu-west-1': denied('cloudtrail', 'DescribeTrails') })).toMatchObject({
      status: 'UNKNOWN',
    });
    const blocked = aSnapshot({ accounts: [anAccount({ access: notObserved(collectionError('sts', 'AssumeRole')) })] });
    expect(cloudtrailMultiRegionEnabledLogging.evaluate(blocked)).toEqual([expect.objectContaining({ status: 'UNKNOWN' })]);
  });
});
