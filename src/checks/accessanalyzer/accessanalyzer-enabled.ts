import { defineCheck, fail, forEachRegion, manual, pass, regionRef, unknown } from '../../core/check.js';
import type { CheckOutcome } from '../../core/finding.js';
import type { Snapshot } from '../../core/snapshot.js';

/** External-access analyzer types: they report resources (S3 buckets, roles, keys) shared outside the zone of trust. */
const EXTERNAL_ACCESS_TYPES = new Set(['ACCOUNT', 'ORGANIZATION']);

/** ACTIVE organization analyzers in `region` of any scanned account, with the account that owns each. */
function organizationAnalyzers(snapshot: Snapshot, region: string): { owner: string; name: string }[] {
  return snapshot.accounts.flatMap((account) => {
    const slice = account.regional.find((r) => r.region === region)?.accessanalyzer;
    if (!slice?.ok || !slice.value.analyzers.ok) return [];
    return slice.value.analyzers.value.filter((a) => a.type === 'ORGANIZATION' && a.status === 'ACTIVE').map((a) => ({ owner: account.accountId, name: a.name }));
  });
}

/** Whether `accountId`'s analyzers in `region` were read in this scan. */
function analyzersRead(snapshot: Snapshot, accountId: string, region: string): boolean {
  const account = snapshot.accounts.find((a) => a.accountId === accountId);
  const slice = account?.regional.find((r) => r.region === region)?.accessanalyzer;
  return slice?.ok === true && slice.value.analyzers.ok;
}

/**
 * Accounts where an organization analyzer may live: the management account and the delegated
 * administrators for Access Analyzer. `delegatedKnown` is false when the management account's
 * organizations:ListDelegatedAdministrators answer is not in the snapshot.
 */
function possibleOwners(snapshot: Snapshot, managementAccountId: string): { owners: string[]; delegatedKnown: boolean } {
  const management = snapshot.accounts.find((a) => a.accountId === managementAccountId);
  const slice = management?.global.organizations;
  const delegated = slice?.ok && slice.value.accessAnalyzerDelegatedAdministrators.ok ? slice.value.accessAnalyzerDelegatedAdministrators.value : null;
  return { owners: [managementAccountId, ...(delegated ?? [])], delegatedKnown: delegated !== null };
}

/** Verdict for a region of an account that has no active external-access analyzer of its own. */
function withoutOwnAnalyzer(snapshot: Snapshot, ref: Parameters<typeof pass>[0], where: string, region: string, evidence: Record<string, unknown>): CheckOutcome {
  const org = snapshot.organization;
  if (!org.ok) {
    return manual(ref, `No external-access IAM Access Analyzer in ${where}, and the organization could not be read; confirm an organization analyzer (management or delegated-administrator account) covers ${region}.`, evidence);
  }
  if (org.value === null) return fail(ref, `No active external-access IAM Access Analyzer in ${where}.`, evidence);
  const covering = organizationAnalyzers(snapshot, region);
  const first = covering[0];
  if (first) {
    return pass(ref, `${where} is covered by organization analyzer ${first.name} in account ${first.owner} (organization ${org.value.id}).`, { ...evidence, coveredBy: covering });
  }
  const { owners, delegatedKnown } = possibleOwners(snapshot, org.value.managementAccountId);
  const unseen = owners.filter((owner) => !analyzersRead(snapshot, owner, region));
  if (delegatedKnown && unseen.length === 0) {
    return fail(ref, `No active external-access IAM Access Analyzer in ${where}, and no organization analyzer in ${region} of the management account or a delegated administrator (${owners.join(', ')}).`, { ...evidence, possibleOwners: owners });
  }
  const notScanned = [...unseen.map((o) => (o === org.value?.managementAccountId ? `the management account ${o}` : `delegated administrator ${o}`)), ...(delegatedKnown ? [] : ['the delegated administrator for Access Analyzer (not readable from this scan)'])];
  return manual(
    ref,
    `No external-access IAM Access Analyzer in ${where}; an organization analyzer in ${notScanned.join(' or ')} would cover it but was not seen: scan that account or confirm one covers ${region}.`,
    { ...evidence, possibleOwners: owners, delegatedAdministratorsKnown: delegatedKnown },
  );
}

/**
 * S3-001, IAM-005, legacy S3-003, competency 1.19: an ACTIVE IAM Access Analyzer for external access covers
 * every scanned region: the account's own (account or organization zone of trust), or an organization
 * analyzer owned by the management account or the delegated administrator for Access Analyzer (it covers
 * every member). A member whose possible analyzer owners were not all scanned is MANUAL, not FAIL; FAIL
 * when the account is in no organization or every possible owner was read without one. Unused-access
 * analyzers do not count: they do not report public or cross-account sharing.
 */
export const accessanalyzerEnabled = defineCheck({
  id: 'accessanalyzer_enabled',
  title: 'IAM Access Analyzer (external access) is enabled in every region',
  service: 'accessanalyzer',
  resourceType: 'AWS::::Region',
  severity: 'low',
  reads: ['access-analyzer:ListAnalyzers', 'organizations:DescribeOrganization', 'organizations:ListDelegatedAdministrators'],
  remediation: {
    summary:
      'Create an IAM Access Analyzer for external access in every region (zone of trust: the organization, from the management or delegated administrator account, or the account), so public or cross-account S3 buckets, roles and keys are reported.',
    console: 'IAM console > Access analyzer > Analyzer settings > Create analyzer > Finding type: External access > Zone of trust: organization or account (repeat per region).',
    cli: 'aws accessanalyzer create-analyzer --analyzer-name external-access --type ACCOUNT --region <region>',
    docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-getting-started.html',
  },
  evaluate: (snapshot) =>
    forEachRegion(snapshot, 'accessanalyzer', (aa, account, { region }) => {
      const ref = regionRef(account.accountId, region);
      const where = `${account.accountId}/${region}`;
      if (!aa.analyzers.ok) return [unknown(ref, aa.analyzers.error)];
      const analyzers = aa.analyzers.value.map((a) => ({ name: a.name, type: a.type, status: a.status }));
      const active = aa.analyzers.value.find((a) => EXTERNAL_ACCESS_TYPES.has(a.type) && a.status === 'ACTIVE');
      if (active) return [pass(ref, `IAM Access Analyzer ${active.name} (${active.type.toLowerCase()} zone of trust) is active in ${where}.`, { analyzers })];
      return [withoutOwnAnalyzer(snapshot, ref, where, region, { analyzers })];
    }),
});
