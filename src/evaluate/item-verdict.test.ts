/**
 * The verdict engine by check role: every role x result status x attestation answer, the "any resource"
 * rule, suppressions, and the catalog's own examples (issue 7 section 1).
 */
import { describe, expect, it } from 'vitest';
import type { RegionCoverage } from '../core/assessment.js';
import type { CheckStatus, Finding } from '../core/finding.js';
import type { CheckReference, CheckRole, FrameworkItem } from '../core/framework.js';
import type { AttestationAnswer, ItemAttestation } from '../attest/types.js';
import { FRAMEWORKS } from '../frameworks/index.js';
import { resolveAttestation } from './attestations.js';
import { decideItem, type ItemContext } from './item-verdict.js';

const NOW = '2026-03-15T12:00:00Z';
const ALL = ['multi-tenant-saas', 'single-tenant-saas', 'managed-service', 'customer-deployed'] as const;

const ref = (id: string, role: CheckRole, extra: Partial<CheckReference> = {}): CheckReference => ({ id, role, rationale: `${id} is ${role}.`, ...extra });

function item(id: string, automation: FrameworkItem['automation'], checks: CheckReference[], extra: Partial<FrameworkItem> = {}): FrameworkItem {
  return {
    id,
    title: `Item ${id}`,
    section: 'S',
    requirement: 'r',
    automation,
    checks,
    appliesTo: ALL,
    evidence: automation === 'auto' ? [] : [{ id: `${id}/e`, prompt: 'Show it.', accepts: ['text'] }],
    alternatives: [
      { way: 'Route one', how: 'the check passes.' },
      { way: 'Route two', how: 'attest it.' },
    ],
    ...extra,
  };
}

function finding(checkId: string, status: CheckStatus, resourceId = 'r-1', extra: Partial<Finding> = {}): Finding {
  return {
    checkId,
    checkTitle: checkId,
    controlIds: [],
    status,
    severity: 'high',
    accountId: '111111111111',
    region: 'eu-west-1',
    resourceType: 'AWS::Test::Thing',
    resourceId,
    resourceArn: null,
    message: `${checkId} ${status} on ${resourceId}`,
    evidence: {},
    ...extra,
  };
}

function attested(target: FrameworkItem, answer: AttestationAnswer | null): ItemContext {
  if (answer === null) return {};
  const attestation: ItemAttestation = {
    itemId: target.id,
    answer,
    justification: 'Our way is documented.',
    owner: 'sre@example.com',
    date: '2026-02-01',
    reviewer: null,
    evidence: [{ kind: 'url', ref: 'https://wiki.example.com/x' }],
    expires: null,
  };
  return { attestation: resolveAttestation(target, attestation, NOW) };
}

const STATUSES: readonly (CheckStatus | 'none')[] = ['PASS', 'FAIL', 'MANUAL', 'UNKNOWN', 'NOT_APPLICABLE', 'none'];
const ANSWERS: readonly (AttestationAnswer | null)[] = [null, 'yes', 'not-applicable', 'no'];

/** Expected verdict of a partial item with one check of each role, per result status and attestation answer. */
const PARTIAL_TABLE: Record<CheckRole, Record<CheckStatus | 'none', readonly string[]>> = {
  //                        no attestation    "yes"     "not-applicable"  "no"
  required: {
    PASS: ['NEEDS_EVIDENCE', 'MET', 'NOT_APPLICABLE', 'NOT_MET'],
    FAIL: ['NOT_MET', 'NOT_MET', 'NOT_MET', 'NOT_MET'],
    MANUAL: ['NEEDS_EVIDENCE', 'MET', 'NOT_APPLICABLE', 'NOT_MET'],
    UNKNOWN: ['UNKNOWN', 'UNKNOWN', 'UNKNOWN', 'NOT_MET'],
    NOT_APPLICABLE: ['NEEDS_EVIDENCE', 'MET', 'NOT_APPLICABLE', 'NOT_MET'],
    none: ['NEEDS_EVIDENCE', 'MET', 'NOT_APPLICABLE', 'NOT_MET'],
  },
  evidence: {
    PASS: ['NEEDS_EVIDENCE', 'MET', 'NOT_APPLICABLE', 'NOT_MET'],
    FAIL: ['NEEDS_EVIDENCE', 'MET', 'NOT_APPLICABLE', 'NOT_MET'],
    MANUAL: ['NEEDS_EVIDENCE', 'MET', 'NOT_APPLICABLE', 'NOT_MET'],
    UNKNOWN: ['NEEDS_EVIDENCE', 'MET', 'NOT_APPLICABLE', 'NOT_MET'],
    NOT_APPLICABLE: ['NEEDS_EVIDENCE', 'MET', 'NOT_APPLICABLE', 'NOT_MET'],
    none: ['NEEDS_EVIDENCE', 'MET', 'NOT_APPLICABLE', 'NOT_MET'],
  },
  // Advisory checks never change anything: the item is decided by its attestation alone.
  advisory: {
    PASS: ['NEEDS_EVIDENCE', 'MET', 'NOT_APPLICABLE', 'NOT_MET'],
    FAIL: ['NEEDS_EVIDENCE', 'MET', 'NOT_APPLICABLE', 'NOT_MET'],
    MANUAL: ['NEEDS_EVIDENCE', 'MET', 'NOT_APPLICABLE', 'NOT_MET'],
    UNKNOWN: ['NEEDS_EVIDENCE', 'MET', 'NOT_APPLICABLE', 'NOT_MET'],
    NOT_APPLICABLE: ['NEEDS_EVIDENCE', 'MET', 'NOT_APPLICABLE', 'NOT_MET'],
    none: ['NEEDS_EVIDENCE', 'MET', 'NOT_APPLICABLE', 'NOT_MET'],
  },
};

const cases = (['required', 'evidence', 'advisory'] as const).flatMap((role) =>
  STATUSES.flatMap((status) => ANSWERS.map((answer, i) => [role, status, answer ?? 'none', PARTIAL_TABLE[role][status][i] ?? ''] as const)),
);

describe('decideItem by role, result status and attestation (partial item, one check)', () => {
  it.each(cases)('%s check with %s and attestation %s -> %s', (role, status, answer, verdict) => {
    const target = item('X-1', role === 'advisory' ? 'manual' : 'partial', [ref('c_x', role)]);
    const findings = status === 'none' ? [] : [finding('c_x', status)];
    const decision = decideItem(target, findings, 'multi-tenant-saas', attested(target, answer === 'none' ? null : answer));
    expect(decision.verdict).toBe(verdict);
    expect(decision.reason).not.toMatch(/\n/);
    expect(decision.checks).toEqual([
      expect.objectContaining({ checkId: 'c_x', role, rationale: `c_x is ${role}.`, passWhen: 'every-resource' }),
    ]);
  });
});

describe('decideItem on an auto item (required checks decide alone)', () => {
  const auto = item('A-1', 'auto', [ref('c_req', 'required'), ref('c_adv', 'advisory')]);
  it.each([
    [['PASS'], 'MET'],
    [['PASS', 'FAIL'], 'NOT_MET'],
    [['PASS', 'MANUAL'], 'NEEDS_EVIDENCE'],
    [['PASS', 'UNKNOWN'], 'UNKNOWN'],
    [['FAIL', 'UNKNOWN'], 'NOT_MET'],
    [['NOT_APPLICABLE'], 'NEEDS_EVIDENCE'],
    [[], 'NEEDS_EVIDENCE'],
  ] as const)('required %j -> %s', (statuses, verdict) => {
    const findings = statuses.map((s, i) => finding('c_req', s, `r-${i}`));
    expect(decideItem(auto, findings, 'multi-tenant-saas').verdict).toBe(verdict);
  });

  it('an advisory FAIL never changes a MET verdict, and is reported as a failing advisory check', () => {
    const decision = decideItem(auto, [finding('c_req', 'PASS'), finding('c_adv', 'FAIL'), finding('c_adv', 'UNKNOWN', 'r-2')], 'multi-tenant-saas');
    expect(decision.verdict).toBe('MET');
    expect(decision.reason).toBe('Required checks pass (c_req: 1 result).');
    expect(decision.checks.find((c) => c.checkId === 'c_adv')).toMatchObject({ role: 'advisory', outcome: 'fail', counts: { FAIL: 1, UNKNOWN: 1 } });
  });

  it('says which regions a regional verdict covers', () => {
    const regions: RegionCoverage = {
      kind: 'requested',
      scanned: ['eu-west-1'],
      notScanned: ['us-east-1'],
      unlistedAccounts: [],
      note: 'Covers only the regions you asked for: eu-west-1 (1 other enabled region not scanned).',
    };
    expect(decideItem(auto, [finding('c_req', 'PASS')], 'multi-tenant-saas', { regions }).reason).toBe(
      'Required checks pass (c_req: 1 result). Covers only the regions you asked for: eu-west-1 (1 other enabled region not scanned).',
    );
  });
});

describe('reasons name the role and the way out', () => {
  const mixed = item('M-1', 'partial', [ref('c_req', 'required'), ref('c_ev', 'evidence')]);

  it('a required FAIL with a "yes" attestation stays NOT_MET and says the attestation does not override it', () => {
    const decision = decideItem(mixed, [finding('c_req', 'FAIL'), finding('c_ev', 'PASS')], 'multi-tenant-saas', attested(mixed, 'yes'));
    expect(decision.verdict).toBe('NOT_MET');
    expect(decision.reason).toBe(
      'Required: c_req fails on 1 result ("c_req FAIL on r-1"). Fix it before submission, or suppress a justified exception. The attestation (answer "yes" by sre@example.com on 2026-02-01) is shown but does not override a required check.',
    );
  });

  it('a required FAIL beats a not-applicable attestation', () => {
    expect(decideItem(mixed, [finding('c_req', 'FAIL')], 'multi-tenant-saas', attested(mixed, 'not-applicable')).verdict).toBe('NOT_MET');
  });

  it('an evidence FAIL without attestation is NEEDS_EVIDENCE and names the alternatives the checklist accepts', () => {
    const decision = decideItem(mixed, [finding('c_req', 'PASS'), finding('c_ev', 'FAIL'), finding('c_ev', 'PASS', 'r-2')], 'multi-tenant-saas');
    expect(decision.verdict).toBe('NEEDS_EVIDENCE');
    expect(decision.reason).toBe(
      'Not shown by the scan: c_ev fails on 1 of 2 results ("c_ev FAIL on r-1"). The checklist accepts any of: (1) Route one; (2) Route two. Attest M-1 with the evidence of the way you meet it.',
    );
  });

  it('an evidence UNKNOWN is "not visible", never a blocker: NEEDS_EVIDENCE, then MET on attestation', () => {
    const findings = [finding('c_req', 'PASS'), finding('c_ev', 'UNKNOWN')];
    expect(decideItem(mixed, findings, 'multi-tenant-saas').reason).toMatch(/^Not shown by the scan: c_ev could not be determined on 1 result/);
    const met = decideItem(mixed, findings, 'multi-tenant-saas', attested(mixed, 'yes'));
    expect(met.verdict).toBe('MET');
    expect(met.reason).toBe(
      'Met on attestation: answered "yes" by sre@example.com on 2026-02-01: Our way is documented. Automated evidence: c_req pass; not shown by the scan, so another accepted way is attested: c_ev could not be determined on 1 result ("c_ev UNKNOWN on r-1").',
    );
  });

  it('a not-applicable attestation wins over an evidence FAIL and still shows it', () => {
    const decision = decideItem(mixed, [finding('c_ev', 'FAIL')], 'multi-tenant-saas', attested(mixed, 'not-applicable'));
    expect(decision.verdict).toBe('NOT_APPLICABLE');
    expect(decision.reason).toBe(
      'Attested as not applicable by sre@example.com on 2026-02-01: Our way is documented. Automated evidence shown but not deciding: c_ev fails on 1 result ("c_ev FAIL on r-1").',
    );
  });

  it('a required UNKNOWN keeps the item UNKNOWN even with a "yes" attestation, and asks for the read', () => {
    const decision = decideItem(mixed, [finding('c_req', 'UNKNOWN', 'r-1', { message: 'Access denied to iam:GetAccountSummary.' })], 'multi-tenant-saas', attested(mixed, 'yes'));
    expect(decision.verdict).toBe('UNKNOWN');
    expect(decision.reason).toMatch(/^Could not see a required check: c_req could not be determined on 1 result \("Access denied to iam:GetAccountSummary\."\)\. Grant the read/);
  });

  it('folds line breaks of messages and justifications so a reason is one line', () => {
    const decision = decideItem(mixed, [finding('c_req', 'FAIL', 'r-1', { message: 'line one\nline two' })], 'multi-tenant-saas');
    expect(decision.reason).toContain('("line one line two")');
  });
});

describe('suppressions with roles', () => {
  const suppression = { justification: 'Public website bucket.', expires: '2026-12-31', owner: 'sec@example.com' };
  const mixed = item('M-1', 'partial', [ref('c_req', 'required'), ref('c_ev', 'evidence')]);

  it('a suppressed required FAIL stops blocking: NEEDS_EVIDENCE naming the accepted risk, MET with an attestation', () => {
    const findings = [finding('c_req', 'FAIL', 'site', { suppression }), finding('c_req', 'PASS', 'other')];
    const open = decideItem(mixed, findings, 'multi-tenant-saas');
    expect(open.verdict).toBe('NEEDS_EVIDENCE');
    expect(open.reason).toContain('Accepted risk: 1 failing result(s) suppressed');
    expect(open.checks[0]?.outcome).toBe('accepted-risk');
    expect(decideItem(mixed, findings, 'multi-tenant-saas', attested(mixed, 'yes')).verdict).toBe('MET');
  });

  it('an auto item with a suppressed FAIL is not MET on the scan alone', () => {
    const auto = item('A-1', 'auto', [ref('c_req', 'required')]);
    const decision = decideItem(auto, [finding('c_req', 'FAIL', 'site', { suppression })], 'multi-tenant-saas');
    expect(decision.verdict).toBe('NEEDS_EVIDENCE');
    expect(decision.checks[0]?.outcome).toBe('accepted-risk');
  });
});

describe('passWhen any-resource (one account with Business Support is enough)', () => {
  const anyOf = item('3.3', 'auto', [ref('c_plan', 'required', { passWhen: 'any-resource' })]);
  it.each([
    [['PASS', 'FAIL'], 'MET'],
    [['FAIL', 'FAIL'], 'NOT_MET'],
    [['FAIL', 'UNKNOWN'], 'UNKNOWN'],
    [['FAIL', 'MANUAL'], 'NEEDS_EVIDENCE'],
    [['UNKNOWN'], 'UNKNOWN'],
  ] as const)('%j -> %s', (statuses, verdict) => {
    const findings = statuses.map((s, i) => finding('c_plan', s, `account-${i}`));
    expect(decideItem(anyOf, findings, 'multi-tenant-saas').verdict).toBe(verdict);
  });
});

describe('the catalogs decide the issue examples the way a reviewer would', () => {
  const catalogItem = (framework: string, id: string): FrameworkItem => {
    const found = FRAMEWORKS.find((f) => f.id === framework)?.items.find((i) => i.id === id);
    if (!found) throw new Error(`${framework} ${id} missing`);
    return found;
  };
  const ftr = (id: string) => catalogItem('ftr-partner-hosted', id);

  it('SUP-001: a Basic plan plus an attested action plan is MET on attestation', () => {
    const sup = ftr('SUP-001');
    const findings = [finding('support_business_plan_enabled', 'FAIL', '111111111111', { message: 'Account 111111111111 has Basic or Developer support.' })];
    const open = decideItem(sup, findings, 'multi-tenant-saas');
    expect(open.verdict).toBe('NEEDS_EVIDENCE');
    expect(open.reason).toMatch(/Partner-Led Support/);
    expect(open.reason).toMatch(/action plan/);
    const met = decideItem(sup, findings, 'multi-tenant-saas', attested(sup, 'yes'));
    expect(met.verdict).toBe('MET');
    expect(met.reason).toMatch(/^Met on attestation: .* Automated evidence: not shown by the scan, so another accepted way is attested: support_business_plan_enabled fails/);
  });

  it('RCVP-001: "no compliance claimed" (not-applicable) wins over a Security Hub FAIL', () => {
    const rcvp = ftr('RCVP-001');
    const decision = decideItem(rcvp, [finding('securityhub_enabled', 'FAIL')], 'multi-tenant-saas', attested(rcvp, 'not-applicable'));
    expect(decision.verdict).toBe('NOT_APPLICABLE');
  });

  it('competency 1.13: CloudTrail off somewhere stays NOT_MET whatever is attested', () => {
    const trail = catalogItem('industrial-software-competency', '1.13');
    const findings = [finding('cloudtrail_multi_region_enabled_logging', 'FAIL')];
    for (const answer of ['yes', 'not-applicable'] as const) {
      expect(decideItem(trail, findings, 'multi-tenant-saas', attested(trail, answer)).verdict).toBe('NOT_MET');
    }
  });

  it('SDAT-002: key rotation and EBS default encryption never decide encryption at rest', () => {
    const sdat = ftr('SDAT-002');
    const findings = [finding('kms_cmk_rotation_enabled', 'FAIL'), finding('ec2_ebs_default_encryption', 'FAIL'), finding('rds_instance_storage_encrypted', 'PASS')];
    const decision = decideItem(sdat, findings, 'multi-tenant-saas', attested(sdat, 'yes'));
    expect(decision.verdict).toBe('MET');
    expect(decision.reason).not.toMatch(/kms_cmk_rotation_enabled|ec2_ebs_default_encryption/);
  });

  it('NETSEC-002: an empty default subnet that assigns public IPs does not block the item', () => {
    const netsec = ftr('NETSEC-002');
    const decision = decideItem(netsec, [finding('vpc_subnet_no_public_ip_by_default', 'FAIL'), finding('ec2_instance_public_exposure_reviewed', 'PASS')], 'multi-tenant-saas');
    expect(decision.verdict).toBe('NEEDS_EVIDENCE');
    expect(decision.reason).not.toMatch(/vpc_subnet_no_public_ip_by_default/);
  });

  it('S3-001: an unjustified public bucket is NOT_MET even when attested', () => {
    const s3 = ftr('S3-001');
    expect(decideItem(s3, [finding('s3_bucket_public_access', 'FAIL')], 'multi-tenant-saas', attested(s3, 'yes')).verdict).toBe('NOT_MET');
  });

  it('competency 3.3: Business Support on one account of several is MET', () => {
    const support = catalogItem('industrial-software-competency', '3.3');
    const findings = [finding('support_business_plan_enabled', 'PASS', 'a'), finding('support_business_plan_enabled', 'FAIL', 'b')];
    expect(decideItem(support, findings, 'multi-tenant-saas').verdict).toBe('MET');
  });
});
