/**
 * Posture-only regions (docs/decisions/0012-region-signal.md) on whole catalogs: the well-run account's
 * home region holds no resources of the skippable services, so reading it posture-only must give the same
 * item verdicts as reading it fully, while every result about its skipped resources says it was not read
 * and is never a PASS. Pure evaluation, one snapshot pair.
 */
import { describe, expect, it } from 'vitest';
import type { Observed } from '../../src/core/observed.js';
import type { RegionRead, RegionalSnapshot, Snapshot } from '../../src/core/snapshot.js';
import { FRAMEWORKS } from '../../src/frameworks/index.js';
import { regionCoverage } from '../../src/evaluate/region-coverage.js';
import { notRead, splitBySignal } from '../../src/collect/region-signal.js';
import { REGIONAL_COLLECTORS } from '../../src/collect/services/index.js';
import { assessAllAttested } from './scenario.js';
import { HOME, wellRunSnapshot } from './well-run-account.js';
import { aSubnet } from '../helpers/network-fixtures.js';
import { observed } from '../../src/core/observed.js';

const READ: RegionRead = {
  mode: 'posture-only',
  reason: 'AWS Config (recorder default, recording every resource type) counts no resource of the scanned types.',
  signal: { source: 'aws-config-inventory', recorder: 'default', resourceTypes: ['AWS::EC2::Instance'], discovered: 0, tagged: 0 },
  skipped: [],
};

/** What run-collection stores for a posture-only region: skipped slices and ec2's resource fields are `not_read`. */
function postureOnly(regional: RegionalSnapshot, accountId: string): RegionalSnapshot {
  const ctx = { accountId, region: regional.region };
  const skippable = splitBySignal(REGIONAL_COLLECTORS)[1];
  const out: Record<string, unknown> = { ...regional, read: { ...READ, skipped: skippable.map((c) => c.service) } };
  for (const c of skippable) {
    if (c.regionalReads === 'resources') out[c.service] = notRead(ctx, c.service, c.operations[0]?.operation ?? 'collect', READ);
  }
  const ec2 = regional.ec2;
  if (ec2?.ok) {
    out.ec2 = {
      ok: true,
      value: {
        ...ec2.value,
        volumes: notRead(ctx, 'ec2', 'DescribeVolumes', READ),
        instances: notRead(ctx, 'ec2', 'DescribeInstances', READ),
        launchTemplateVersions: notRead(ctx, 'ec2', 'DescribeLaunchTemplateVersions', READ),
      },
    } satisfies Observed<unknown>;
  }
  return out as unknown as RegionalSnapshot;
}

function withHomePostureOnly(snapshot: Snapshot): Snapshot {
  return {
    ...snapshot,
    accounts: snapshot.accounts.map((a) => ({ ...a, regional: a.regional.map((r) => (r.region === HOME ? postureOnly(r, a.accountId) : r)) })),
  };
}

const assess = assessAllAttested;

describe('posture-only regions', () => {
  const full = wellRunSnapshot();
  const partial = withHomePostureOnly(wellRunSnapshot());

  it('the home region of the fixture is really posture-only in the altered snapshot', () => {
    const home = partial.accounts[0]?.regional.find((r) => r.region === HOME);
    expect(home?.read?.mode).toBe('posture-only');
    expect(home?.lambda).toMatchObject({ ok: false, error: { kind: 'not_read' } });
  });

  for (const framework of FRAMEWORKS) {
    it(`${framework.id}: item verdicts equal a full read of the same (empty) region`, () => {
      const a = assess(full, framework.id);
      const b = assess(partial, framework.id);
      expect(b.items.map((i) => [i.itemId, i.verdict])).toEqual(a.items.map((i) => [i.itemId, i.verdict]));
    });
  }

  it('a posture-only region adds no UNKNOWN finding (the count stands for "none there", not "could not see")', () => {
    for (const framework of FRAMEWORKS) {
      const unknowns = (s: Snapshot) => assess(s, framework.id).findings.filter((f) => f.status === 'UNKNOWN').map((f) => `${f.checkId} ${f.resourceId}`);
      expect(unknowns(partial)).toEqual(unknowns(full));
    }
  });

  it('no finding about a skipped read is a PASS, and each says the region was not read and why', () => {
    const b = assess(partial, FRAMEWORKS[0]?.id ?? '');
    const perRegion = b.findings.filter((f) => 'regionNotRead' in f.evidence);
    const perAccount = b.findings.filter((f) => 'regionsNotRead' in f.evidence);
    expect(perRegion.length + perAccount.length).toBeGreaterThan(0);
    expect(perRegion.filter((f) => f.status !== 'NOT_APPLICABLE').map((f) => f.checkId)).toEqual([]);
    expect(perRegion.filter((f) => !(f.message.includes(HOME) && f.message.includes('were not read') && f.message.includes('--deep-regions'))).map((f) => f.message)).toEqual([]);
    expect(perAccount.filter((f) => !(f.message.includes('Not read (posture-only') && f.message.includes(HOME))).map((f) => f.message)).toEqual([]);
    // Every PASS located in the posture-only region is one a full read gives too (it comes from a posture read).
    const key = (f: { checkId: string; resourceId: string }) => `${f.checkId} ${f.resourceId}`;
    const fullPasses = new Set(assess(full, FRAMEWORKS[0]?.id ?? '').findings.filter((f) => f.region === HOME && f.status === 'PASS').map(key));
    const homePasses = b.findings.filter((f) => f.region === HOME && f.status === 'PASS').map(key);
    expect(homePasses.filter((k) => !fullPasses.has(k))).toEqual([]);
  });
});

/** The home region with EBS encryption by default off and a default subnet that maps public IPs: settings that matter only with resources. */
function carelessHome(snapshot: Snapshot): Snapshot {
  return {
    ...snapshot,
    accounts: snapshot.accounts.map((a) => ({
      ...a,
      regional: a.regional.map((r) =>
        r.region === HOME && r.ec2?.ok
          ? {
              ...r,
              ec2: observed({
                ...r.ec2.value,
                ebsEncryptionByDefault: observed(false),
                subnets: observed([aSubnet({ subnetId: 'subnet-default-a', vpcId: 'vpc-0e1f2a3b', defaultForAz: true, mapPublicIpOnLaunch: true })]),
              }),
            }
          : r,
      ),
    })),
  };
}

describe('posture-only regions whose posture matters only with resources', () => {
  const full = carelessHome(wellRunSnapshot());
  const partial = withHomePostureOnly(carelessHome(wellRunSnapshot()));
  it('give the same statuses as a full read of the empty region, and say they were not read', () => {
    for (const framework of FRAMEWORKS) {
      // Every PASS, FAIL, UNKNOWN and MANUAL is the same; a posture-only read only adds NOT_APPLICABLE "not read" results.
      const statuses = (s: Snapshot) =>
        assess(s, framework.id).findings.filter((f) => f.region === HOME && f.status !== 'NOT_APPLICABLE').map((f) => `${f.checkId} ${f.resourceId} ${f.status}`).sort();
      expect(statuses(partial)).toEqual(statuses(full));
    }
    const ebs = assess(partial, FRAMEWORKS[0]?.id ?? '').findings.find((f) => f.checkId === 'ec2_ebs_default_encryption' && f.region === HOME);
    expect(ebs?.message).toContain('read posture-only');
  });
});

describe('region coverage note', () => {
  it('says which account-regions were read posture-only', () => {
    const snapshot = withHomePostureOnly(wellRunSnapshot());
    expect(regionCoverage(snapshot).note).toContain(`Resources of 1 account-region (${HOME}) were not read: AWS Config counts none there (posture-only; --deep-regions reads them).`);
    expect(regionCoverage(wellRunSnapshot()).note).not.toContain('posture-only');
  });
});
