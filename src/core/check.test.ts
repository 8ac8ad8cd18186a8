/**
 * The shared regional helpers: regions that could not be listed are UNKNOWN for every rule that needs every
 * region (issue 7 section 2 point 2), unless the user limited the scan with --regions.
 */
import { describe, expect, it } from 'vitest';
import { aRegion, aSnapshot, anAccount, collectionError, observed } from '../../test/helpers/snapshot-builder.js';
import { guarddutyIsEnabled } from '../checks/guardduty/guardduty-is-enabled.js';
import { fail, forEachAccountAcrossRegions, forEachRegion, pass, regionRef, unlistedRegionsOutcome } from './check.js';
import { notObserved } from './observed.js';
import type { Snapshot } from './snapshot.js';

const enabledDetector = observed({
  detectors: observed([{ id: 'd-1', details: observed({ status: 'ENABLED', findingPublishingFrequency: null, features: [] }) }]),
});

/** DescribeRegions denied: the collector fell back to the home region, as run-collection does. */
function unlistedSnapshot(requestedRegions: string[] | null = null): Snapshot {
  return aSnapshot({
    requestedRegions,
    accounts: [
      anAccount({
        regions: notObserved(collectionError('ec2', 'DescribeRegions', 'access_denied', { region: 'us-east-1' })),
        regional: [aRegion('us-east-1', { guardduty: enabledDetector })],
      }),
    ],
  });
}

describe('regions that could not be listed', () => {
  it('make an "every region" check UNKNOWN for the account, next to what the scanned region shows', () => {
    const outcomes = guarddutyIsEnabled.evaluate(unlistedSnapshot());
    expect(outcomes.map((o) => `${o.status} ${o.resourceType} ${o.region ?? 'global'}`)).toEqual([
      'UNKNOWN AWS::::Account global',
      'PASS AWS::::Region us-east-1',
    ]);
    expect(outcomes[0]?.message).toBe(
      'The enabled regions of account 111111111111 could not be listed, so only us-east-1 was scanned and every other region is unknown. Access denied to ec2:DescribeRegions in 111111111111/us-east-1; grant the scanner role this read permission.',
    );
    expect(outcomes[0]?.evidence).toMatchObject({ regionsScanned: ['us-east-1'], collectionError: { operation: 'DescribeRegions', kind: 'access_denied' } });
  });

  it('add nothing when the regions were listed, or when the user limited the scan with --regions', () => {
    const listed = aSnapshot({ accounts: [anAccount({ regional: [aRegion('us-east-1', { guardduty: enabledDetector })] })] });
    expect(guarddutyIsEnabled.evaluate(listed).map((o) => o.status)).toEqual(['PASS']);
    expect(guarddutyIsEnabled.evaluate(unlistedSnapshot(['us-east-1'])).map((o) => o.status)).toEqual(['PASS']);
    expect(unlistedRegionsOutcome(unlistedSnapshot(['us-east-1']), unlistedSnapshot().accounts[0] ?? anAccount())).toBeNull();
  });

  it('apply to forEachRegion and, by default, to forEachAccountAcrossRegions', () => {
    const snapshot = unlistedSnapshot();
    const perRegion = forEachRegion(snapshot, 'guardduty', (_slice, account, { region }) => [pass(regionRef(account.accountId, region), 'ok')]);
    expect(perRegion.map((o) => o.status)).toEqual(['UNKNOWN', 'PASS']);
    const perAccount = forEachAccountAcrossRegions(snapshot, 'guardduty', ({ ref }) => [pass(ref, 'enabled in every scanned region')]);
    expect(perAccount.map((o) => o.status)).toEqual(['UNKNOWN', 'PASS']);
  });

  it('leave a PASS of an "any region" rule alone but turn its FAIL into UNKNOWN (the missing thing may be elsewhere)', () => {
    const snapshot = unlistedSnapshot();
    const found = forEachAccountAcrossRegions(snapshot, 'guardduty', ({ ref }) => [pass(ref, 'A review exists in us-east-1.')], { regionsNeeded: 'any' });
    expect(found.map((o) => o.status)).toEqual(['PASS']);
    const missing = forEachAccountAcrossRegions(snapshot, 'guardduty', ({ ref }) => [fail(ref, 'No review in the scanned regions.')], { regionsNeeded: 'any' });
    expect(missing.map((o) => o.status)).toEqual(['UNKNOWN']);
    expect(missing[0]?.message).toMatch(/^No review in the scanned regions\. The enabled regions of account 111111111111 could not be listed/);
  });
});
