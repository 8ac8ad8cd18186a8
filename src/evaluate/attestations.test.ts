import { describe, expect, it } from 'vitest';
import { defineCheck, manual, pass, fail, unknown, type CheckDefinition } from '../core/check.js';
import type { CheckStatus, Finding } from '../core/finding.js';
import type { FrameworkItem } from '../core/framework.js';
import type { GatingAnswer, ItemAttestation, Suppression } from '../attest/types.js';
import { aSnapshot, ACCOUNT_A } from '../../test/helpers/snapshot-builder.js';
import { testFramework } from '../../test/helpers/framework-fixture.js';
import { applySuppressions, buildItemContexts, type ItemContext } from './attestations.js';
import { evaluate } from './evaluate.js';
import { decideItem } from './item-verdict.js';

const NOW = '2026-03-15T12:00:00Z';

function itemOf(id: string): FrameworkItem {
  const item = testFramework.items.find((i) => i.id === id);
  if (!item) throw new Error(`no item ${id}`);
  return item;
}

function finding(checkId: string, status: CheckStatus, resourceId = 'r-1'): Finding {
  return {
    checkId,
    checkTitle: checkId,
    controlIds: [],
    status,
    severity: 'high',
    accountId: ACCOUNT_A,
    region: 'eu-west-1',
    resourceType: 'AWS::Test::Thing',
    resourceId,
    resourceArn: `arn:aws:test:eu-west-1:${ACCOUNT_A}:thing/${resourceId}`,
    message: `${checkId} ${status}`,
    evidence: {},
  };
}

function attestation(itemId: string, overrides: Partial<ItemAttestation> = {}): ItemAttestation {
  return {
    itemId,
    answer: 'yes',
    justification: 'Done and documented.',
    owner: 'sre@example.com',
    date: '2026-01-10',
    reviewer: null,
    evidence: [{ kind: 'url', ref: 'https://wiki.example.com/x' }],
    expires: null,
    ...overrides,
  };
}

const gatingNo: GatingAnswer = { questionId: 'G-000', answer: 'no', justification: 'We never touch customer accounts.', owner: 'cto@example.com', date: '2026-01-02' };

function contextFor(itemId: string, attestations: ItemAttestation[] = [], gatingAnswers: GatingAnswer[] = []): ItemContext {
  return buildItemContexts(testFramework, { attestations, gatingAnswers }, NOW).get(itemId) ?? {};
}

function decide(itemId: string, findings: Finding[], ctx: ItemContext = {}, delivery: 'multi-tenant-saas' | 'customer-deployed' = 'multi-tenant-saas') {
  return decideItem(itemOf(itemId), findings, delivery, ctx);
}

describe('decideItem without attestations (required checks)', () => {
  it.each([
    ['A-001', ['PASS'], 'MET', 'Required checks pass (check_auto: 1 result).'],
    ['A-001', ['PASS', 'FAIL'], 'NOT_MET', 'Required: check_auto fails on 1 of 2 results ("check_auto FAIL"). Fix it before submission, or suppress a justified exception.'],
    [
      'A-001',
      ['UNKNOWN'],
      'UNKNOWN',
      'Could not see a required check: check_auto could not be determined on 1 result ("check_auto UNKNOWN"). Grant the read (see the collection errors) and scan again.',
    ],
    ['A-001', [], 'NEEDS_EVIDENCE', 'No resource in scope was evaluated by the required checks; attest A-001 with evidence.'],
    ['P-001', ['PASS'], 'NEEDS_EVIDENCE', 'Automated checks pass (1 result), but this item needs evidence: attest P-001.'],
    ['M-001', [], 'NEEDS_EVIDENCE', 'This item needs evidence: attest M-001.'],
  ] as const)('%s with %j -> %s', (id, statuses, verdict, reason) => {
    const checkId = id === 'A-001' ? 'check_auto' : 'check_partial';
    const d = decide(id, statuses.map((s, i) => finding(checkId, s, `r-${i}`)), contextFor(id));
    expect({ verdict: d.verdict, reason: d.reason }).toEqual({ verdict, reason });
  });
});

describe('merging attestations into item verdicts', () => {
  it('MET via an attestation says so, with owner, date and expiry', () => {
    const d = decide('M-001', [], contextFor('M-001', [attestation('M-001', { reviewer: 'ciso@example.com' })]));
    expect(d.verdict).toBe('MET');
    expect(d.reason).toBe(
      'Met on attestation: answered "yes" by sre@example.com on 2026-01-10, reviewed by ciso@example.com, valid until 2027-01-10: Done and documented.',
    );
  });

  it('a partial item with passing checks and MANUAL results is MET on attestation and says what it covers', () => {
    const d = decide('P-001', [finding('check_partial', 'PASS'), finding('check_partial', 'MANUAL', 'r-2')], contextFor('P-001', [attestation('P-001')]));
    expect(d.verdict).toBe('MET');
    expect(d.reason).toMatch(/^Met on attestation: answered "yes" by sre@example.com on 2026-01-10: /);
    expect(d.reason).toContain('Automated evidence: check_partial (1 result for a person) covered by this attestation.');
  });

  it('an automated FAIL plus a "yes" attestation stays NOT_MET; the attestation is still shown', () => {
    const d = decide('P-001', [finding('check_partial', 'FAIL')], contextFor('P-001', [attestation('P-001')]));
    expect(d.verdict).toBe('NOT_MET');
    expect(d.reason).toBe(
      'Required: check_partial fails on 1 result ("check_partial FAIL"). Fix it before submission, or suppress a justified exception. The attestation (answer "yes" by sre@example.com on 2026-01-10) is shown but does not override a required check.',
    );
  });

  it('an expired attestation is NEEDS_EVIDENCE and names the rule', () => {
    const d = decide('M-001', [], contextFor('M-001', [attestation('M-001', { date: '2025-03-14' })]));
    expect(d.verdict).toBe('NEEDS_EVIDENCE');
    expect(d.reason).toBe(
      'The attestation (answer "yes" by sre@example.com on 2025-03-14) expired on 2026-03-14 (the checklist asks for evidence from the last 12 months); renew it with fresh evidence.',
    );
  });

  it('an attestation is valid through its expiry day', () => {
    expect(decide('M-001', [], contextFor('M-001', [attestation('M-001', { date: '2025-03-15' })])).verdict).toBe('MET');
  });

  it('a missing attestation is NEEDS_EVIDENCE', () => {
    expect(decide('M-001', [], contextFor('M-001', [])).verdict).toBe('NEEDS_EVIDENCE');
  });

  it('a "yes" without the document an item asks for is NEEDS_EVIDENCE', () => {
    const d = decide('D-001', [], contextFor('D-001', [attestation('D-001', { evidence: [] })]));
    expect(d.verdict).toBe('NEEDS_EVIDENCE');
    expect(d.reason).toMatch(/no evidence document is attached/);
    expect(decide('D-001', [], contextFor('D-001', [attestation('D-001')])).verdict).toBe('MET');
  });

  it('an attested "no" is NOT_MET with the justification', () => {
    const d = decide('M-001', [], contextFor('M-001', [attestation('M-001', { answer: 'no', justification: 'No game day yet.' })]));
    expect(d).toMatchObject({ verdict: 'NOT_MET', reason: 'Attested as not met by sre@example.com on 2026-01-10: No game day yet.' });
  });

  it('an attested "not-applicable" is NOT_APPLICABLE with the justification', () => {
    const d = decide('2.10', [], contextFor('2.10', [attestation('2.10', { answer: 'not-applicable', justification: 'Stateless.' })]));
    expect(d).toMatchObject({ verdict: 'NOT_APPLICABLE', reason: 'Attested as not applicable by sre@example.com on 2026-01-10: Stateless.' });
  });

  it('a gating answer "no" makes gated items NOT_APPLICABLE with the reason (by gatedBy and by gates)', () => {
    for (const id of ['G-001', 'G-002']) {
      const d = decide(id, [finding('check_partial', 'FAIL')], contextFor(id, [], [gatingNo]));
      expect(d.verdict).toBe('NOT_APPLICABLE');
      expect(d.reason).toBe(
        'Not applicable: gating question G-000 ("Do you touch customer accounts?") answered "no" by cto@example.com on 2026-01-02: We never touch customer accounts.',
      );
    }
  });

  it('a gating answer "yes" evaluates gated items normally; an unanswered gate is mentioned', () => {
    const yes = { ...gatingNo, answer: 'yes' as const };
    expect(decide('G-001', [], contextFor('G-001', [attestation('G-001')], [yes])).verdict).toBe('MET');
    expect(decide('G-001', [], contextFor('G-001')).reason).toBe('This item needs evidence: attest G-001. Gating question G-000 is not answered yet.');
  });

  it('the delivery category makes an item NOT_APPLICABLE with the reason, whatever the attestation says', () => {
    const d = decide('H-001', [], contextFor('H-001', [attestation('H-001')]), 'customer-deployed');
    expect(d).toMatchObject({ verdict: 'NOT_APPLICABLE', reason: 'Does not apply to customer-deployed solutions (delivery category).' });
  });

  it('UNKNOWN results keep the item UNKNOWN even with an attestation', () => {
    const d = decide('P-001', [finding('check_partial', 'UNKNOWN')], contextFor('P-001', [attestation('P-001')]));
    expect(d.verdict).toBe('UNKNOWN');
    expect(d.reason).toMatch(/An attestation \(answer "yes".*could not be seen/);
  });
});

describe('suppressions', () => {
  const suppression: Suppression = {
    checkId: 'check_partial',
    accountId: ACCOUNT_A,
    resourceId: 'public-site',
    resourceArn: null,
    region: null,
    justification: 'Static website bucket.',
    owner: 'sec@example.com',
    expires: '2026-12-31',
  };

  it('attach to the findings they name and never change the status', () => {
    const [hit, miss, otherAccount] = applySuppressions(
      [finding('check_partial', 'FAIL', 'public-site'), finding('check_partial', 'FAIL', 'other'), { ...finding('check_partial', 'FAIL', 'public-site'), accountId: '999999999999' }],
      [suppression],
      NOW,
    );
    expect(hit?.status).toBe('FAIL');
    expect(hit?.suppression).toEqual({ justification: 'Static website bucket.', expires: '2026-12-31', owner: 'sec@example.com' });
    expect(miss?.suppression).toBeUndefined();
    expect(otherAccount?.suppression).toBeUndefined();
  });

  it('match by ARN and region when given', () => {
    const f = finding('check_partial', 'FAIL', 'public-site');
    const byArn = { ...suppression, resourceId: null, resourceArn: f.resourceArn };
    expect(applySuppressions([f], [byArn], NOW)[0]?.suppression).not.toBeUndefined();
    expect(applySuppressions([f], [{ ...byArn, region: 'us-east-1' }], NOW)[0]?.suppression).toBeUndefined();
  });

  it('an expired suppression no longer applies', () => {
    expect(applySuppressions([finding('check_partial', 'FAIL', 'public-site')], [{ ...suppression, expires: '2026-03-14' }], NOW)[0]?.suppression).toBeUndefined();
  });

  it('a suppressed FAIL alone leaves the item NEEDS_EVIDENCE and names the accepted risk', () => {
    const findings = applySuppressions([finding('check_partial', 'FAIL', 'public-site'), finding('check_partial', 'PASS', 'b')], [suppression], NOW);
    const d = decide('P-001', findings, contextFor('P-001'));
    expect(d.verdict).toBe('NEEDS_EVIDENCE');
    expect(d.reason).toBe(
      'A suppression does not make an item met: add an attestation for item P-001 that accepts the risk. Accepted risk: 1 failing result(s) suppressed and still counted as FAIL (check_partial on public-site: "Static website bucket." (sec@example.com, until 2026-12-31)).',
    );
  });

  it('a suppressed FAIL plus a "yes" attestation is MET on attestation with the accepted risk in the reason', () => {
    const findings = applySuppressions([finding('check_partial', 'FAIL', 'public-site')], [suppression], NOW);
    const d = decide('P-001', findings, contextFor('P-001', [attestation('P-001')]));
    expect(d.verdict).toBe('MET');
    expect(d.reason).toMatch(/^Met on attestation: .* Accepted risk: 1 failing result\(s\) suppressed and still counted as FAIL/);
  });

  it('an unsuppressed FAIL next to a suppressed one is still NOT_MET', () => {
    const findings = applySuppressions([finding('check_partial', 'FAIL', 'public-site'), finding('check_partial', 'FAIL', 'other')], [suppression], NOW);
    const d = decide('P-001', findings, contextFor('P-001', [attestation('P-001')]));
    expect(d.verdict).toBe('NOT_MET');
    expect(d.reason).toMatch(/^Required: check_partial fails on 1 of 2 results/);
  });
});

describe('evaluate() with attestations, gating answers and suppressions', () => {
  const statusBy: Record<string, CheckStatus[]> = { check_auto: ['PASS'], check_partial: ['FAIL', 'MANUAL'] };
  const checks: CheckDefinition[] = Object.entries(statusBy).map(([id, statuses]) =>
    defineCheck({
      id,
      title: id,
      service: 'test',
      resourceType: 'AWS::Test::Thing',
      severity: 'high',
      reads: [],
      remediation: { summary: 'Fix it.' },
      evaluate: () =>
        statuses.map((s, i) => {
          const ref = { accountId: ACCOUNT_A, region: 'eu-west-1', resourceType: 'AWS::Test::Thing', resourceId: `${id}-${i}` };
          if (s === 'PASS') return pass(ref, 'ok');
          if (s === 'FAIL') return fail(ref, 'bad');
          if (s === 'MANUAL') return manual(ref, 'look');
          return unknown(ref, 'unseen');
        }),
    }),
  );

  it('merges everything and keeps suppressed FAILs in the counts', () => {
    const a = evaluate(aSnapshot(), testFramework, {
      delivery: 'multi-tenant-saas',
      checks,
      toolVersion: '0.0.0-test',
      now: NOW,
      attestations: [attestation('M-001'), attestation('P-001')],
      gatingAnswers: [gatingNo],
      suppressions: [
        { checkId: 'check_partial', accountId: ACCOUNT_A, resourceId: 'check_partial-0', resourceArn: null, region: null, justification: 'Accepted.', owner: 'sec@example.com', expires: '2026-12-31' },
      ],
    });
    const byId = new Map(a.items.map((i) => [i.itemId, i]));
    expect(byId.get('A-001')?.verdict).toBe('MET');
    expect(byId.get('M-001')?.verdict).toBe('MET');
    expect(byId.get('M-001')?.attestation).toEqual({
      answer: 'yes',
      justification: 'Done and documented.',
      owner: 'sre@example.com',
      date: '2026-01-10',
      expires: '2027-01-10',
      expired: false,
      reviewer: null,
      evidence: [{ kind: 'url', ref: 'https://wiki.example.com/x' }],
    });
    expect(byId.get('P-001')?.verdict).toBe('MET');
    expect(byId.get('P-001')?.reason).toContain('Accepted risk');
    expect(byId.get('P-001')?.findingCounts.FAIL).toBe(1);
    expect(byId.get('G-001')?.verdict).toBe('NOT_APPLICABLE');
    expect(byId.get('G-002')?.verdict).toBe('NOT_APPLICABLE');
    expect(byId.get('D-001')?.attestation).toBeNull();
    expect(a.summary.findings.FAIL).toBe(1);
    expect(a.findings.find((f) => f.status === 'FAIL')?.suppression?.justification).toBe('Accepted.');
    expect(a.generatedAt).toBe(NOW);
  });
});
