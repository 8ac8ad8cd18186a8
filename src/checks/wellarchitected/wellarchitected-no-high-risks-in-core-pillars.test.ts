import { describe, expect, it } from 'vitest';
import type { WellArchitectedWorkload } from '../../core/slices/wellarchitected.js';
import { denied, observed } from '../../../test/helpers/snapshot-builder.js';
import { aLensReview, aPillar, aWorkload, frameworkPillars, riskCounts, waSnapshot } from '../../../test/helpers/wellarchitected-fixtures.js';
import { wellarchitectedNoHighRisksInCorePillars as check } from './wellarchitected-no-high-risks-in-core-pillars.js';

const run = (...regions: Parameters<typeof waSnapshot>[0]) => check.evaluate(waSnapshot(regions));
const withPillars = (pillarList: ReturnType<typeof frameworkPillars>, o: Parameters<typeof aLensReview>[0] = {}) =>
  aWorkload({ lensReviews: observed([aLensReview({ pillarList, ...o })]) });

describe('wellarchitected_no_high_risks_in_core_pillars', () => {
  it.each<[string, WellArchitectedWorkload[], string]>([
    ['completed recent review, HIGH only in cost optimization', [withPillars(frameworkPillars({ costOptimization: { HIGH: 3 } }))], 'PASS'],
    ['completed recent review, HIGH in security', [withPillars(frameworkPillars({ security: { HIGH: 2 } }))], 'FAIL'],
    ['custom lens pillar named "Operational Excellence" with HIGH', [aWorkload({ lensReviews: observed([aLensReview(), aLensReview({ lensAlias: 'arn:lens', pillarList: [aPillar('ops', { HIGH: 1 }, 'Operational Excellence')] })]) })], 'FAIL'],
    ['old review (14 months) with no HIGH', [withPillars(frameworkPillars(), { updatedAt: '2025-09-01T00:00:00.000Z' })], 'MANUAL'],
    ['old review with HIGH in reliability next to a clean recent one', [aWorkload(), aWorkload({ id: 'w2', name: 'legacy', lensReviews: observed([aLensReview({ updatedAt: '2024-01-01T00:00:00.000Z', pillarList: frameworkPillars({ reliability: { HIGH: 1 } }) })]) })], 'FAIL'],
    ['no workloads (the review may be recorded in the reviewer\'s account)', [], 'MANUAL'],
    ['one question answered (no HIGH yet), updated last month', [withPillars(frameworkPillars({ operationalExcellence: { UNANSWERED: 11 }, security: { NONE: 1, UNANSWERED: 10 }, reliability: { UNANSWERED: 13 } }), { updatedAt: '2026-10-01T00:00:00.000Z' })], 'MANUAL'],
    ['only a recent milestone on an unanswered review', [aWorkload({ lensReviews: observed([aLensReview({ pillarList: frameworkPillars({ operationalExcellence: { UNANSWERED: 11 }, security: { UNANSWERED: 11 }, reliability: { UNANSWERED: 13 } }) })]), milestones: observed([{ number: 1, name: 'm', recordedAt: '2026-10-01T00:00:00.000Z' }]) })], 'MANUAL'],
    ['pillar breakdown unreadable while the lens reports HIGH', [aWorkload({ lensReviews: observed([aLensReview({ riskCounts: riskCounts({ HIGH: 3, NONE: 54 }), pillars: denied('wellarchitected', 'GetLensReview') })]) })], 'UNKNOWN'],
  ])('%s -> %s', (_label, workloads, status) => {
    const outcomes = run(['eu-west-1', observed(workloads)]);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]?.status).toBe(status);
  });

  it('PASSes when the pillar breakdown is unreadable but the lens review is complete with no HIGH at all', () => {
    const w = aWorkload({ lensReviews: observed([aLensReview({ pillars: denied('wellarchitected', 'GetLensReview') })]) });
    expect(run(['eu-west-1', observed([w])])[0]?.status).toBe('PASS');
  });

  it('names the workload, pillar and count in a FAIL', () => {
    const [outcome] = run(['eu-west-1', observed([withPillars(frameworkPillars({ security: { HIGH: 2 } }))])]);
    expect(outcome?.message).toContain('saas-prod (eu-west-1): security 2 HIGH (wellarchitected)');
    expect(outcome?.evidence).toMatchObject({ workloads: [{ workload: 'saas-prod', coreHighRisks: [{ pillar: 'security', high: 2 }] }] });
  });

  it('says the review is incomplete rather than clean when core questions are unanswered', () => {
    const [outcome] = run(['eu-west-1', observed([withPillars(frameworkPillars({ security: { UNANSWERED: 4 } }))])]);
    expect(outcome?.status).toBe('MANUAL');
    expect(outcome?.message).toContain('Security 4 of 11 unanswered');
  });

  it('FAILs on HIGH risks even when another region is unreadable, and is UNKNOWN otherwise', () => {
    const bad = withPillars(frameworkPillars({ security: { HIGH: 1 } }));
    expect(run(['eu-west-1', observed([bad])], ['us-east-1', denied('wellarchitected', 'ListWorkloads')])[0]?.status).toBe('FAIL');
    expect(run(['eu-west-1', observed([aWorkload()])], ['us-east-1', denied('wellarchitected', 'ListWorkloads')])[0]?.status).toBe('UNKNOWN');
  });
});
