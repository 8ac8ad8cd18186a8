import { describe, expect, it } from 'vitest';
import type { Observed } from '../../core/observed.js';
import type { WellArchitectedLensReview, WellArchitectedPillarSummary, WellArchitectedWorkload } from '../../core/slices/wellarchitected.js';
import { aRegion, aSnapshot, anAccount, denied, observed } from '../../../test/helpers/snapshot-builder.js';
import { wellarchitectedNoHighRisksInCorePillars as check } from './wellarchitected-no-high-risks-in-core-pillars.js';

const pillar = (pillarId: string, high: number, pillarName: string | null = null): WellArchitectedPillarSummary => ({
  pillarId, pillarName, riskCounts: { HIGH: high, NONE: 10 },
});
const CLEAN = [pillar('operationalExcellence', 0), pillar('security', 0), pillar('reliability', 0), pillar('costOptimization', 3)];
const lens = (o: Partial<WellArchitectedLensReview> = {}): WellArchitectedLensReview => ({
  lensAlias: 'wellarchitected', lensName: null, lensStatus: 'CURRENT', updatedAt: '2026-05-01T00:00:00.000Z',
  riskCounts: { HIGH: 3, NONE: 40 }, pillars: observed(CLEAN), ...o,
});
const workload = (o: Partial<WellArchitectedWorkload> = {}): WellArchitectedWorkload => ({
  id: 'w1', arn: null, name: 'saas-prod', updatedAt: null, owner: null,
  details: observed({ environment: 'PRODUCTION', reviewOwner: null, updatedAt: null, lenses: ['wellarchitected'], riskCounts: {} }),
  lensReviews: observed([lens()]), milestones: observed([]), ...o,
});
const run = (...regions: [string, Observed<readonly WellArchitectedWorkload[]>][]) =>
  check.evaluate(aSnapshot({ accounts: [anAccount({ regional: regions.map(([r, workloads]) => aRegion(r, { wellarchitected: observed({ workloads }) })) })] }));

describe('wellarchitected_no_high_risks_in_core_pillars', () => {
  it.each([
    ['recent review, HIGH only in cost optimization', [workload()], 'PASS'],
    ['recent review, HIGH in security', [workload({ lensReviews: observed([lens({ pillars: observed([pillar('security', 2), pillar('reliability', 0)]) })]) })], 'FAIL'],
    ['custom lens pillar named "Operational Excellence" with HIGH', [workload({ lensReviews: observed([lens({ lensAlias: 'arn:lens', pillars: observed([pillar('ops', 1, 'Operational Excellence')]) })]) })], 'FAIL'],
    ['old review (14 months) with no HIGH', [workload({ lensReviews: observed([lens({ updatedAt: '2025-09-01T00:00:00.000Z' })]) })], 'FAIL'],
    ['old review with HIGH in reliability next to a clean recent one', [workload(), workload({ id: 'w2', name: 'legacy', lensReviews: observed([lens({ updatedAt: '2024-01-01T00:00:00.000Z', pillars: observed([pillar('reliability', 1)]) })]) })], 'FAIL'],
    ['no workloads', [], 'FAIL'],
    ['pillar breakdown unreadable while the lens reports HIGH', [workload({ lensReviews: observed([lens({ pillars: denied('wellarchitected', 'GetLensReview') })]) })], 'UNKNOWN'],
  ])('%s -> %s', (_label, workloads, status) => {
    const outcomes = run(['eu-west-1', observed(workloads)]);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]?.status).toBe(status);
  });

  it('PASSes when the pillar breakdown is unreadable but the lens review has no HIGH at all', () => {
    const w = workload({ lensReviews: observed([lens({ riskCounts: { HIGH: 0, NONE: 40 }, pillars: denied('wellarchitected', 'GetLensReview') })]) });
    expect(run(['eu-west-1', observed([w])])[0]?.status).toBe('PASS');
  });

  it('names the workload, pillar and count in a FAIL', () => {
    const w = workload({ lensReviews: observed([lens({ pillars: observed([pillar('security', 2)]) })]) });
    const [outcome] = run(['eu-west-1', observed([w])]);
    expect(outcome?.message).toContain('saas-prod (eu-west-1): security 2 HIGH (wellarchitected)');
    expect(outcome?.evidence).toMatchObject({ workloads: [{ workload: 'saas-prod', coreHighRisks: [{ pillar: 'security', high: 2 }] }] });
  });

  it('FAILs on HIGH risks even when another region is unreadable, and is UNKNOWN otherwise', () => {
    const bad = workload({ lensReviews: observed([lens({ pillars: observed([pillar('security', 1)]) })]) });
    expect(run(['eu-west-1', observed([bad])], ['us-east-1', denied('wellarchitected', 'ListWorkloads')])[0]?.status).toBe('FAIL');
    expect(run(['eu-west-1', observed([workload()])], ['us-east-1', denied('wellarchitected', 'ListWorkloads')])[0]?.status).toBe('UNKNOWN');
  });
});
