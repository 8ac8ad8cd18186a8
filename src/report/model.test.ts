import { describe, expect, it } from 'vitest';
import { ITEM_VERDICTS } from '../core/assessment.js';
import { previousSampleAssessment, sampleAssessment } from '../../test/fixtures/assessments/sample.js';
import { buildReportModel, withAccountNames } from './model.js';

describe('report model', () => {
  const assessment = sampleAssessment();
  const model = buildReportModel(assessment, { previous: previousSampleAssessment() });
  const items = model.sections.flatMap((s) => s.items);

  it('puts every item exactly once, in its own section, in checklist order', () => {
    expect(items.map((i) => i.itemId)).toEqual(assessment.items.map((i) => i.itemId));
    for (const s of model.sections) for (const i of s.items) expect(i.sectionId).toBe(s.id);
  });

  it('names the areas like the sample report, adds Hosting/Operational/Network security and the context areas in place', () => {
    expect(model.sections.map((s) => s.area)).toEqual([
      'Hosting',
      'Support level',
      'Well-Architected review',
      'Root account',
      'Accounts',
      'Communications from AWS',
      'CloudTrail',
      'Identity and access management',
      'Operational security',
      'Network security',
      'Backups and recovery',
      'Disaster recovery',
      'S3 bucket access',
      'Cross-account access',
      'Sensitive data',
      'Protected health information',
      'Regulatory compliance validation',
    ]);
  });

  it('computes readiness as met of applicable items and verdict counts that add up', () => {
    const g = model.glance;
    expect(g.verdicts).toEqual(assessment.summary.items);
    expect(g.readiness.met).toBe(assessment.summary.readiness.met);
    expect(g.readiness.applicable).toBe(assessment.items.length - g.verdicts.NOT_APPLICABLE);
    expect(ITEM_VERDICTS.reduce((n, v) => n + g.verdicts[v], 0)).toBe(assessment.items.length);
    for (const s of g.sections) {
      const sec = model.sections.find((x) => x.id === s.id)!;
      expect(ITEM_VERDICTS.reduce((n, v) => n + s.counts[v], 0)).toBe(sec.items.length);
    }
  });

  it('ranks blockers by severity, then verdict, and includes every unmet applicable item', () => {
    const unmet = assessment.items.filter((i) => ['NOT_MET', 'UNKNOWN', 'NEEDS_EVIDENCE'].includes(i.verdict)).map((i) => i.itemId);
    expect(model.glance.blockers.map((b) => b.itemId).sort()).toEqual(unmet.sort());
    const order = ['critical', 'high', 'medium', 'low', 'info'];
    const ranks = model.glance.blockers.map((b) => order.indexOf(b.severity));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(model.glance.blockers[0]).toMatchObject({ itemId: 'IAM-001', severity: 'high', rank: 1 });
  });

  it('lists attestations expiring within 90 days and expired ones', () => {
    expect(model.glance.expiring.map((e) => [e.itemId, e.expired])).toEqual([
      ['IAM-008', true],
      ['WAFR-002', false],
      ['BAR-002', false],
      ['IAM-011', false],
    ]);
  });

  it('totals costs over known accounts only and says the total is incomplete', () => {
    const r = model.resources;
    expect(r.total).toEqual({ amount: 1046.35, complete: false });
    expect(r.serviceTotals.reduce((n, s) => n + s.amount, 0)).toBeCloseTo(1046.35, 2);
    expect(r.accountTotals.find((a) => a.accountId === '222222222222')).toMatchObject({ status: 'unknown' });
    expect(r.count).toBe(assessment.resources.length);
    expect(r.byType.reduce((n, t) => n + t.count, 0)).toBe(r.count);
  });

  it('shows changes since the previous assessment', () => {
    const c = model.changes!;
    expect(c.newlyMet.map((l) => l.itemId)).toEqual(expect.arrayContaining(['IAM-003', 'RES-001']));
    expect(c.newlyFailing.map((l) => l.itemId)).toContain('SDAT-002');
    expect(c.newFailures).toBe(1);
    expect(c.fixedFailures).toBe(3); // ci-deploy MFA and the password policy of both accounts
  });

  it('builds one self-assessment column per case study', () => {
    const cs1 = { ...sampleAssessment(), caseStudy: { id: 'cs1', name: 'Plant A' } };
    const cs2 = { ...previousSampleAssessment(), caseStudy: { id: 'cs2', name: 'Plant B' } };
    const m = buildReportModel(cs1, { caseStudies: [cs2] });
    expect(m.selfAssessment.caseStudies.map((c) => c.name)).toEqual(['Plant A', 'Plant B']);
    expect(m.selfAssessment.caseStudies[1]!.rows.find((r) => r.itemId === 'IAM-003')!.met).toBe('N');
    expect(m.selfAssessment.caseStudies[0]!.rows.find((r) => r.itemId === 'IAM-003')!.met).toBe('Y');
  });

  it('names the accounts in the self-assessment, as everywhere else', () => {
    // An item that is not met: its reason is part of the evidence column.
    const at = assessment.items.findIndex((i) => i.verdict === 'NOT_MET');
    expect(at).toBeGreaterThanOrEqual(0);
    const named = {
      ...assessment,
      accountNames: [{ accountId: '111122223333', name: 'Workload prod', source: 'organizations' as const }],
      items: assessment.items.map((i, n) => (n === at ? { ...i, reason: 'The root user of account 111122223333 has no MFA device.' } : i)),
    };
    const row = buildReportModel(named).selfAssessment.caseStudies[0]?.rows[at];
    expect(row?.reason).toBe('The root user of account Workload prod (111122223333) has no MFA device.');
    expect(row?.evidence).toContain('Workload prod (111122223333)');
  });

  it('labels only bare account ids: not inside ARNs, not twice, not unknown ones, not longer numbers', () => {
    const names = { '111122223333': 'Prod' };
    expect(withAccountNames('111122223333 and 444455556666', names)).toBe('Prod (111122223333) and 444455556666');
    expect(withAccountNames('arn:aws:iam::111122223333:role/x', names)).toBe('arn:aws:iam::111122223333:role/x');
    expect(withAccountNames('Prod (111122223333)', names)).toBe('Prod (111122223333)');
    expect(withAccountNames('id 91111222233334', names)).toBe('id 91111222233334');
    expect(withAccountNames('111122223333', undefined)).toBe('111122223333');
  });
});
