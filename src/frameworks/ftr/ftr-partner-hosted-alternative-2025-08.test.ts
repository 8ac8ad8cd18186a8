import { describe, expect, it } from 'vitest';
import { frameworkSchema } from '../schema.js';
import { ftrPartnerHostedAlternative, PARTNER_HOSTED_ALTERNATIVE_ROUTES } from './ftr-partner-hosted-alternative-2025-08.js';

const item = (id: string) => ftrPartnerHostedAlternative.items.find((candidate) => candidate.id === id);

describe('FTR Partner Hosted Alternative catalog', () => {
  it('validates against the framework schema', () => {
    expect(frameworkSchema.safeParse(ftrPartnerHostedAlternative).error?.issues ?? []).toEqual([]);
  });

  it('is the checklist released on 2025-08-29', () => {
    expect(ftrPartnerHostedAlternative).toMatchObject({ id: 'ftr-partner-hosted-alternative', releaseDate: '2025-08-29' });
  });

  it('route A is an attested SOC 2 Type II report: the report, its period and the criteria covered', () => {
    const soc2 = item('ALT-A-001');
    expect(soc2).toMatchObject({ automation: 'manual', checks: [], gatedBy: 'ALT-A-000' });
    expect(soc2?.evidence.map((request) => request.id)).toEqual(['ALT-A-001/report', 'ALT-A-001/period', 'ALT-A-001/criteria']);
    expect(soc2?.evidence[0]?.accepts).toContain('file');
    expect(soc2?.requirement).toMatch(/Security and Availability/);
  });

  it('route B is evidenced by the two Well-Architected checks', () => {
    // The review itself may be recorded in the reviewer's account (evidence); no open HRI is what route B demands (required).
    expect(item('ALT-B-001')).toMatchObject({ checks: [{ id: 'wellarchitected_workload_reviewed_within_12_months', role: 'evidence' }], gatedBy: 'ALT-B-000' });
    expect(item('ALT-B-001')?.evidence[0]?.expiresAfterMonths).toBe(12);
    // Partial: a review recorded in the reviewer's account is shown by its report (the check is MANUAL then).
    expect(item('ALT-B-002')).toMatchObject({
      automation: 'partial',
      checks: [{ id: 'wellarchitected_no_high_risks_in_core_pillars', role: 'required' }],
      gatedBy: 'ALT-B-000',
    });
  });

  it('expresses "either route suffices" as one gating question per route covering exactly that route', () => {
    for (const route of PARTNER_HOSTED_ALTERNATIVE_ROUTES) {
      const gate = ftrPartnerHostedAlternative.gatingQuestions.find((question) => question.id === route.gate);
      expect([...(gate?.gates ?? [])]).toEqual([...route.items]);
      const inSection = ftrPartnerHostedAlternative.items.filter((candidate) => candidate.section === route.section).map((candidate) => candidate.id);
      expect(inSection).toEqual([...route.items]);
    }
    const routed = PARTNER_HOSTED_ALTERNATIVE_ROUTES.flatMap((route) => [...route.items]).sort();
    expect(routed).toEqual(ftrPartnerHostedAlternative.items.map((candidate) => candidate.id).sort());
  });

  it('applies to partner-hosted delivery only', () => {
    const hosted = ['multi-tenant-saas', 'single-tenant-saas', 'managed-service'];
    expect(ftrPartnerHostedAlternative.items.map((candidate) => [...candidate.appliesTo])).toEqual(ftrPartnerHostedAlternative.items.map(() => hosted));
    expect(ftrPartnerHostedAlternative.notApplicableReasons?.['customer-deployed']).toBeDefined();
  });
});
