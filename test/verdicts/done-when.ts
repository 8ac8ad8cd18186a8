/**
 * Issue 7 "Done when", on whole catalogs:
 * - a well-run account with complete evidence (an attestation with documents for every item a person
 *   confirms, gates answered "yes") is MET on every applicable item;
 * - a broken account stays NOT_MET on what is broken whatever the attestations say: every item, automated
 *   ones included, attested "yes" with evidence, and the required-check failures still decide.
 */
import { describe, expect, it } from 'vitest';
import { observed } from '../../src/core/observed.js';
import type { Assessment } from '../../src/core/assessment.js';
import type { Framework } from '../../src/core/framework.js';
import type { Snapshot } from '../../src/core/snapshot.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { FRAMEWORKS } from '../../src/frameworks/index.js';
import { aRoot, aSummary, withKey } from '../helpers/identity-fixtures.js';
import { aRule, aSecurityGroup } from '../helpers/network-fixtures.js';
import { publicReadPolicy, trailDetails } from '../helpers/storage-fixtures.js';
import { aLensReview, aWorkload, frameworkPillars } from '../helpers/wellarchitected-fixtures.js';
import { bucket, consoleUser, ec2, iam, withSecurityGroup, withUsers } from './fixtures.js';
import { global, regional, type Mutation } from './mutations.js';
import { attest, CORPUS_CHECKS, gate, NOW, scenarioSnapshot } from './scenario.js';
import { WORKLOAD, wellRunSnapshot } from './well-run-account.js';

function assess(snapshot: Snapshot, framework: Framework, attestAll: (id: string) => boolean): Assessment {
  return evaluate(snapshot, framework, {
    delivery: 'multi-tenant-saas',
    checks: CORPUS_CHECKS,
    toolVersion: 'corpus',
    now: NOW,
    attestations: framework.items.filter((i) => attestAll(i.id)).map((i) => attest(i.id)),
    gatingAnswers: framework.gatingQuestions.map((g) => gate(g.id, 'yes')),
  });
}

const daysAgoIso = (n: number): string => new Date(Date.parse('2026-11-01T10:00:00Z') - n * 86_400_000).toISOString();

/** What is broken: each line breaks something a checklist item demands outright. */
const BREAKAGE: readonly Mutation[] = [
  iam((s) => ({
    ...s,
    accountSummary: observed(aSummary({ accountMfaEnabled: false, accountAccessKeysPresent: true })),
    credentialReport: observed({
      generatedAt: daysAgoIso(0),
      root: aRoot({ mfaActive: false, accessKeys: [{ slot: 1, active: true, lastRotated: daysAgoIso(800), lastUsed: daysAgoIso(2) }, { slot: 2, active: false, lastRotated: null, lastUsed: null }] }),
      users: [],
    }),
    passwordPolicy: observed(null),
  })),
  withUsers([{ ...consoleUser('alice', { mfaActive: false }), ...withKey(200, 1) }]),
  withSecurityGroup(aSecurityGroup({ groupId: 'sg-ssh', groupName: 'ssh', vpcId: 'vpc-0a1b2c3d', ingress: [aRule({ fromPort: 22, toPort: 22, ipv4Ranges: ['0.0.0.0/0'] })] })),
  global('s3', (s3) => ({ ...s3, accountPublicAccessBlock: observed(null) })),
  bucket('acme-exports', { publicAccessBlock: observed(null), policy: observed(publicReadPolicy('acme-exports')), policyIsPublic: observed(true) }),
  regional('cloudtrail', (c) => ({
    ...c,
    trails: observed((c.trails.ok ? c.trails.value : []).map((t) => (t.details ? { ...t, details: trailDetails({ ...t.details, status: observed({ isLogging: true, latestDeliveryTime: null, latestDeliveryError: 'AccessDenied' }) }) } : t))),
  })),
  ec2((s) => ({ ...s, instances: observed((s.instances.ok ? s.instances.value : []).map((i) => ({ ...i, userData: observed({ bytes: 700, gzip: false, secretFindings: [{ location: 'userData:line 3', kind: 'aws-access-key-id' as const, hint: 'AKIA…' }] }) }))) })),
  regional('secrets', (s) => ({ ...s, parameters: observed([{ name: '/app/db_password', type: 'String', keyId: null, lastModifiedDate: null }]) }), [WORKLOAD]),
  regional('wellarchitected', () => ({ workloads: observed([aWorkload({ lensReviews: observed([aLensReview({ pillarList: frameworkPillars({ reliability: { HIGH: 3 } }) })]) })]) }), [WORKLOAD]),
  global('support', (s) => ({ ...s, plan: observed({ tier: 'basic-or-developer' as const, severityLevels: [], region: 'us-east-1' }) })),
  regional('elbv2', (e) => ({
    ...e,
    loadBalancers: observed((e.loadBalancers.ok ? e.loadBalancers.value : []).map((lb) => ({ ...lb, listeners: observed((lb.listeners.ok ? lb.listeners.value : []).map((l) => (l.port === 80 ? { ...l, defaultActions: [{ type: 'forward', redirectProtocol: null, redirectPort: null }] } : l))) }))),
  }), [WORKLOAD]),
];

/** The items the breakage must leave NOT_MET, per catalog. */
const BROKEN_ITEMS: Readonly<Record<string, readonly string[]>> = {
  'ftr-partner-hosted': ['ARC-001', 'ARC-003', 'ARC-004', 'CTL-001', 'IAM-001', 'IAM-002', 'IAM-003', 'IAM-009', 'IAM-010', 'NETSEC-001', 'S3-001', 'S3-002'],
  'ftr-partner-hosted-alternative': ['ALT-B-002'],
  'industrial-software-competency': ['1.1', '1.2', '1.4', '1.5', '1.7', '1.10', '1.11', '1.13', '1.16', '1.17', '1.18', '1.24', '3.3'],
};

/** Registers the two whole-catalog properties (corpus.test.ts runs them; they share its memoised checks). */
export function describeDoneWhen(): void {
describe('issue 7 "Done when"', () => {
  it.each(FRAMEWORKS.map((f) => [f.id, f] as const))('%s: a well-run account with complete evidence is MET on every applicable item', (_id, framework) => {
    const assessment = assess(scenarioSnapshot({ framework: framework.id, item: '', kind: 'met', name: 'well-run' }), framework, (id) => framework.items.find((i) => i.id === id)?.automation !== 'auto');
    const notMet = assessment.items.filter((i) => i.verdict !== 'MET' && i.verdict !== 'NOT_APPLICABLE').map((i) => `${i.itemId} ${i.verdict}: ${i.reason}`);
    expect(notMet).toEqual([]);
    // NOT_APPLICABLE only where the catalog says so: numbering gaps and other delivery categories.
    const notApplicable = assessment.items.filter((i) => i.verdict === 'NOT_APPLICABLE').map((i) => i.itemId);
    const expected = framework.items.filter((i) => i.notPresentInSource || !i.appliesTo.includes('multi-tenant-saas')).map((i) => i.id);
    expect(notApplicable).toEqual(expected);
  });

  it.each(FRAMEWORKS.map((f) => [f.id, f] as const))('%s: a broken account stays NOT_MET on what is broken, every item attested "yes"', (_id, framework) => {
    const broken = BREAKAGE.reduce((s, m) => m(s), wellRunSnapshot());
    const assessment = assess(broken, framework, () => true);
    const byId = new Map(assessment.items.map((i) => [i.itemId, i]));
    for (const id of BROKEN_ITEMS[framework.id] ?? []) {
      expect(byId.get(id)?.verdict, `${id}: ${byId.get(id)?.reason ?? ''}`).toBe('NOT_MET');
      expect(byId.get(id)?.reason).toContain('does not override a required check');
    }
    // Generally: wherever a required check fails, the attestation loses.
    const overridden = assessment.items.filter((i) => (i.checks ?? []).some((c) => c.role === 'required' && c.outcome === 'fail') && i.verdict !== 'NOT_MET');
    expect(overridden.map((i) => `${i.itemId} ${i.verdict}`)).toEqual([]);
  });
});
}
