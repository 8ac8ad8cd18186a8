/**
 * Which regions an item's verdict covers: every enabled region, only the --regions the user asked for, or
 * fewer because DescribeRegions failed (then "every region" items cannot be MET from the home region alone).
 */
import { describe, expect, it } from 'vitest';
import { aRegion, aSnapshot, anAccount, ACCOUNT_B, collectionError, observed } from '../../test/helpers/snapshot-builder.js';
import { ALL_CHECKS } from '../checks/index.js';
import { defineFramework } from '../core/framework.js';
import { notObserved } from '../core/observed.js';
import type { RegionInfo, Snapshot } from '../core/snapshot.js';
import { evaluate } from './evaluate.js';
import { readsRegionalData, regionCoverage } from './region-coverage.js';

const HOSTED = ['multi-tenant-saas'] as const;
const framework = defineFramework({
  id: 'region-test',
  title: 'Region test',
  version: '1',
  checklistVersion: '1',
  releaseDate: '2026-01',
  source: 'test',
  sections: [{ id: 'S', title: 'S' }],
  gatingQuestions: [],
  items: [
    {
      id: 'GD-1',
      title: 'GuardDuty everywhere',
      section: 'S',
      requirement: 'GuardDuty in every region.',
      automation: 'auto',
      checks: [{ id: 'guardduty_is_enabled', role: 'required', rationale: 'Asked for exactly.' }],
      appliesTo: HOSTED,
      evidence: [],
    },
    {
      id: 'PW-1',
      title: 'Password policy',
      section: 'S',
      requirement: 'A password policy.',
      automation: 'auto',
      checks: [{ id: 'iam_password_policy_strong', role: 'required', rationale: 'Asked for exactly.' }],
      appliesTo: HOSTED,
      evidence: [],
    },
  ],
});

const detector = observed({
  detectors: observed([{ id: 'd-1', details: observed({ status: 'ENABLED', findingPublishingFrequency: null, features: [] }) }]),
});
const region = (name: string, scanned = true, enabled = true): RegionInfo => ({ region: name, optInStatus: 'opt-in-not-required', enabled, scanned });

function assess(snapshot: Snapshot) {
  return evaluate(snapshot, framework, { delivery: 'multi-tenant-saas', checks: ALL_CHECKS, toolVersion: 't', now: '2026-11-01T10:05:00.000Z' });
}

describe('regionCoverage', () => {
  it('says "every enabled region" when every account listed its regions and no --regions was given', () => {
    const snapshot = aSnapshot({ accounts: [anAccount({ regional: [aRegion('eu-west-1'), aRegion('us-east-1')] })] });
    expect(regionCoverage(snapshot)).toEqual({
      kind: 'all-enabled',
      scanned: ['eu-west-1', 'us-east-1'],
      notScanned: [],
      unlistedAccounts: [],
      note: 'Covers every enabled region (eu-west-1, us-east-1).',
    });
  });

  it('says "only the regions you asked for" with --regions, and counts the enabled regions left out', () => {
    const snapshot = aSnapshot({
      requestedRegions: ['eu-west-1'],
      accounts: [anAccount({ regions: observed([region('eu-west-1'), region('us-east-1', false), region('ap-east-1', false, false)]), regional: [aRegion('eu-west-1')] })],
    });
    expect(regionCoverage(snapshot)).toMatchObject({
      kind: 'requested',
      notScanned: ['us-east-1'],
      note: 'Covers only the regions you asked for: eu-west-1 (1 other enabled region not scanned).',
    });
  });

  it('names the accounts whose regions could not be listed', () => {
    const snapshot = aSnapshot({
      accounts: [
        anAccount({ regional: [aRegion('eu-west-1'), aRegion('us-east-1')] }),
        anAccount({ accountId: ACCOUNT_B, regions: notObserved(collectionError('ec2', 'DescribeRegions')), regional: [aRegion('us-east-1')] }),
      ],
    });
    expect(regionCoverage(snapshot)).toMatchObject({
      kind: 'unlisted',
      unlistedAccounts: [ACCOUNT_B],
      note: 'The regions of account 222222222222 could not be listed (ec2:DescribeRegions failed): only eu-west-1, us-east-1 were scanned there and other regions count as UNKNOWN.',
    });
  });

  it('tells regional checks from global ones by what they read', () => {
    const byId = (id: string) => ALL_CHECKS.find((c) => c.id === id) ?? { reads: [] };
    expect(readsRegionalData(byId('guardduty_is_enabled'))).toBe(true);
    expect(readsRegionalData(byId('ec2_ebs_volume_encrypted'))).toBe(true);
    expect(readsRegionalData(byId('iam_password_policy_strong'))).toBe(false);
    expect(readsRegionalData(byId('s3_bucket_public_access'))).toBe(false);
  });
});

describe('evaluate() with regions that could not be listed', () => {
  const unlisted = (requestedRegions: string[] | null) =>
    aSnapshot({
      requestedRegions,
      accounts: [anAccount({ regions: notObserved(collectionError('ec2', 'DescribeRegions')), regional: [aRegion('us-east-1', { guardduty: detector })] })],
    });

  it('an "every region" item is UNKNOWN, not MET from the home region alone, and says why', () => {
    const item = assess(unlisted(null)).items.find((i) => i.itemId === 'GD-1');
    expect(item?.verdict).toBe('UNKNOWN');
    expect(item?.reason).toMatch(/^Could not see a required check: guardduty_is_enabled could not be determined on 1 of 2 results \("The enabled regions of account 111111111111 could not be listed/);
    expect(item?.reason).toMatch(/The regions of account 111111111111 could not be listed \(ec2:DescribeRegions failed\): only us-east-1 was scanned there/);
    expect(item?.regions?.kind).toBe('unlisted');
  });

  it('a global item carries no region note', () => {
    const item = assess(unlisted(null)).items.find((i) => i.itemId === 'PW-1');
    expect(item?.regions).toBeNull();
    expect(item?.reason).not.toMatch(/region/i);
  });

  it('with --regions the item can be MET, and its reason says it covers only the regions asked for', () => {
    const snapshot = aSnapshot({
      requestedRegions: ['us-east-1'],
      accounts: [anAccount({ regions: observed([region('us-east-1'), region('eu-west-1', false)]), regional: [aRegion('us-east-1', { guardduty: detector })] })],
    });
    const assessment = assess(snapshot);
    const item = assessment.items.find((i) => i.itemId === 'GD-1');
    expect(item?.verdict).toBe('MET');
    expect(item?.reason).toBe(
      'Required checks pass (guardduty_is_enabled: 1 result). Covers only the regions you asked for: us-east-1 (1 other enabled region not scanned).',
    );
    expect(assessment.scope.regionCoverage?.kind).toBe('requested');
  });
});
