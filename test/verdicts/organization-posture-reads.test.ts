/**
 * Organization-wide posture reads (collect/organization-posture.ts, docs/decisions/0012-region-signal.md) on
 * whole catalogs: where Inspector's delegated administrator answers for a member, the member's item verdicts
 * are the ones its own read gives; where it does not (Inspector off, the member's own read failed), the
 * member keeps its own read, so nothing gets better. Pure evaluation.
 */
import type { AccountState } from '@aws-sdk/client-inspector2';
import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/core/assessment.js';
import type { Snapshot } from '../../src/core/snapshot.js';
import type { Inspector2AccountStatus } from '../../src/core/slices/inspector2.js';
import { FRAMEWORKS } from '../../src/frameworks/index.js';
import { inspector2FromAdministrator } from '../../src/collect/organization-posture.js';
import { denied, observed } from '../helpers/snapshot-builder.js';
import { inspectorAccountState } from '../helpers/inspector-fixtures.js';
import { assessAllAttested } from './scenario.js';
import { wellRunSnapshot } from './well-run-account.js';

const ADMINISTRATOR = '222222222222';

/** What the administrator's BatchGetAccountStatus answers for an account whose own status is `s` (the same record). */
function administratorAnswer(accountId: string, s: Inspector2AccountStatus): AccountState {
  return inspectorAccountState(accountId, s.status, s);
}

/** The snapshot a scan with the organization step would store: the administrator's slice where it replaces the read. */
function withOrganizationReads(snapshot: Snapshot): { snapshot: Snapshot; replaced: number } {
  let replaced = 0;
  const accounts = snapshot.accounts.map((a) => ({
    ...a,
    regional: a.regional.map((r) => {
      const own = r.inspector2;
      if (!own?.ok || !own.value.account.ok) return r; // the member's own read failed: the organization read cannot show it ran
      const slice = inspector2FromAdministrator(administratorAnswer(a.accountId, own.value.account.value), ADMINISTRATOR);
      if (!slice) return r;
      replaced += 1;
      return { ...r, inspector2: observed(slice) };
    }),
  }));
  return { snapshot: { ...snapshot, accounts }, replaced };
}

const assess = assessAllAttested;

const setInspector = (snapshot: Snapshot, slice: (region: string) => NonNullable<Snapshot['accounts'][number]['regional'][number]['inspector2']>): Snapshot => ({
  ...snapshot,
  accounts: snapshot.accounts.map((a) => ({ ...a, regional: a.regional.map((r) => ({ ...r, inspector2: slice(r.region) })) })),
});

const CASES: [string, () => Snapshot, boolean][] = [
  ['Inspector scanning everywhere (the administrator answers)', () => wellRunSnapshot(), true],
  ['Inspector off (the member reads itself)', () => setInspector(wellRunSnapshot(), () => observed({ account: observed({ status: 'DISABLED', ec2: 'DISABLED', ecr: 'DISABLED', lambda: 'DISABLED', lambdaCode: 'DISABLED' }) })), false],
  ['Inspector on with no scan type (the member reads itself)', () => setInspector(wellRunSnapshot(), () => observed({ account: observed({ status: 'ENABLED', ec2: 'DISABLED', ecr: 'DISABLED', lambda: 'DISABLED', lambdaCode: 'DISABLED' }) })), false],
  ['the member status unreadable (the member reads itself)', () => setInspector(wellRunSnapshot(), () => observed({ account: denied('inspector2', 'BatchGetAccountStatus') })), false],
];

describe('organization posture reads', () => {
  for (const [name, build, answered] of CASES) {
    it(`${name}: every catalog's item verdicts equal the member's own reads`, () => {
      const own = build();
      const { snapshot: viaAdministrator, replaced } = withOrganizationReads(own);
      expect(replaced > 0).toBe(answered);
      for (const framework of FRAMEWORKS) {
        const a = assess(own, framework.id);
        const b = assess(viaAdministrator, framework.id);
        expect(b.items.map((i) => [i.itemId, i.verdict])).toEqual(a.items.map((i) => [i.itemId, i.verdict]));
        const statuses = (x: Assessment) => x.findings.filter((f) => f.checkId === 'inspector2_is_enabled').map((f) => `${f.resourceId} ${f.status}`);
        expect(statuses(b)).toEqual(statuses(a));
      }
    });
  }

  it('a finding answered by the administrator says so in its message and evidence', () => {
    const b = assess(withOrganizationReads(wellRunSnapshot()).snapshot, FRAMEWORKS[0]?.id ?? '');
    const findings = b.findings.filter((f) => f.checkId === 'inspector2_is_enabled');
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      expect(f.status).toBe('PASS');
      expect(f.message).toContain(`read through delegated administrator ${ADMINISTRATOR}`);
      expect(f.evidence.readThrough).toEqual({ delegatedAdministrator: ADMINISTRATOR, operation: 'inspector2:BatchGetAccountStatus' });
    }
  });
});
