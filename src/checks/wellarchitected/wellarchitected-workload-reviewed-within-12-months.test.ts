import { describe, expect, it } from 'vitest';
import type { WellArchitectedWorkload } from '../../core/slices/wellarchitected.js';
import { denied, observed } from '../../../test/helpers/snapshot-builder.js';
import { aLensReview, aPillar, aWorkload, frameworkPillars, riskCounts, waSnapshot } from '../../../test/helpers/wellarchitected-fixtures.js';
import { wellarchitectedWorkloadReviewedWithin12Months as check } from './wellarchitected-workload-reviewed-within-12-months.js';

// The fixture snapshot finished at 2026-11-01T10:05Z: the window starts 2025-11-01T10:05Z.
const run = (...regions: Parameters<typeof waSnapshot>[0]) => check.evaluate(waSnapshot(regions));
const one = (w: WellArchitectedWorkload) => {
  const outcomes = run(['eu-west-1', observed([w])]);
  expect(outcomes).toHaveLength(1);
  return outcomes[0]!;
};

/** A review where one Security question was answered and everything else is still UNANSWERED. */
const oneQuestion = frameworkPillars({
  operationalExcellence: { UNANSWERED: 11 },
  security: { NONE: 1, UNANSWERED: 10 },
  reliability: { UNANSWERED: 13 },
  performance: { UNANSWERED: 5 },
  costOptimization: { UNANSWERED: 11 },
  sustainability: { UNANSWERED: 6 },
});
const untouched = frameworkPillars(Object.fromEntries(['operationalExcellence', 'security', 'reliability', 'performance', 'costOptimization', 'sustainability'].map((p, i) => [p, { UNANSWERED: [11, 11, 13, 5, 11, 6][i]! }])));
const recentMilestone = observed([{ number: 1, name: '2026 review', recordedAt: '2026-09-01T00:00:00.000Z' }]);

describe('wellarchitected_workload_reviewed_within_12_months', () => {
  it.each<[string, WellArchitectedWorkload, string]>([
    ['a completed Framework review updated 8 months ago', aWorkload(), 'PASS'],
    ['core pillars complete, cost and sustainability still unanswered', aWorkload({ lensReviews: observed([aLensReview({ pillarList: frameworkPillars({ costOptimization: { UNANSWERED: 11 }, sustainability: { UNANSWERED: 6 } }) })]) }), 'PASS'],
    ['core pillars complete with some questions marked not applicable', aWorkload({ lensReviews: observed([aLensReview({ pillarList: frameworkPillars({ reliability: { NOT_APPLICABLE: 3, MEDIUM: 2 } }) })]) }), 'PASS'],
    ['a completed review from 2024 re-confirmed by a milestone 2 months ago', aWorkload({ lensReviews: observed([aLensReview({ updatedAt: '2024-06-01T00:00:00.000Z' })]), milestones: recentMilestone }), 'PASS'],
    ['the Framework lens listed by ARN', aWorkload({ lensReviews: observed([aLensReview({ lensAlias: 'arn:aws:wellarchitected:eu-west-1::lens/wellarchitected' })]) }), 'PASS'],
    ['one question answered, updated last month', aWorkload({ lensReviews: observed([aLensReview({ updatedAt: '2026-10-01T00:00:00.000Z', pillarList: oneQuestion })]) }), 'FAIL'],
    ['only a milestone: recorded 2 months ago on an unanswered review', aWorkload({ lensReviews: observed([aLensReview({ pillarList: untouched })]), milestones: recentMilestone }), 'FAIL'],
    ['Security has 3 unanswered questions', aWorkload({ lensReviews: observed([aLensReview({ pillarList: frameworkPillars({ security: { UNANSWERED: 3 } }) })]) }), 'FAIL'],
    ['every Reliability question marked not applicable', aWorkload({ lensReviews: observed([aLensReview({ pillarList: frameworkPillars({ reliability: { NOT_APPLICABLE: 13 } }) })]) }), 'FAIL'],
    ['the Reliability pillar is missing from the review', aWorkload({ lensReviews: observed([aLensReview({ pillarList: frameworkPillars().filter((p) => p.pillarId !== 'reliability') })]) }), 'FAIL'],
    ['a completed review updated 13 months ago, no milestone', aWorkload({ lensReviews: observed([aLensReview({ updatedAt: '2025-10-01T00:00:00.000Z' })]) }), 'FAIL'],
    ['only a custom lens with pillars named like the core ones', aWorkload({ lensReviews: observed([aLensReview({ lensAlias: 'arn:aws:wellarchitected:eu-west-1:111111111111:lens/abc', lensName: 'Our lens', pillarList: [aPillar('sec', {}, 'Security'), aPillar('rel', {}, 'Reliability'), aPillar('ops', {}, 'Operational Excellence')] })]) }), 'FAIL'],
    ['a completed review from 2024 whose milestones could not be read', aWorkload({ lensReviews: observed([aLensReview({ updatedAt: '2024-06-01T00:00:00.000Z' })]), milestones: denied('wellarchitected', 'ListMilestones') }), 'UNKNOWN'],
    ['the lens review list could not be read', aWorkload({ lensReviews: denied('wellarchitected', 'ListLensReviews') }), 'UNKNOWN'],
  ])('%s', (_label, w, status) => {
    expect(one(w)).toMatchObject({ status, resourceType: 'AWS::::Account', resourceId: '111111111111' });
  });

  it('with the pillar breakdown unreadable, PASSes only when the lens has no unanswered question', () => {
    const complete = aWorkload({ lensReviews: observed([aLensReview({ pillars: denied('wellarchitected', 'GetLensReview') })]) });
    expect(one(complete).status).toBe('PASS');
    const partial = aWorkload({ lensReviews: observed([aLensReview({ pillars: denied('wellarchitected', 'GetLensReview'), riskCounts: riskCounts({ NONE: 40, UNANSWERED: 17 }) })]) });
    expect(one(partial).status).toBe('UNKNOWN');
  });

  it('says which core pillars are incomplete', () => {
    const w = aWorkload({ lensReviews: observed([aLensReview({ pillarList: frameworkPillars({ security: { UNANSWERED: 3 }, reliability: { UNANSWERED: 13 } }) })]) });
    const outcome = one(w);
    expect(outcome.message).toContain('saas-prod (eu-west-1)');
    expect(outcome.message).toContain('Security 3 of 11 unanswered');
    expect(outcome.message).toContain('Reliability 13 of 13 unanswered');
  });

  it('FAILs when the account has no workload at all', () => {
    expect(run(['eu-west-1', observed([])])[0]?.status).toBe('FAIL');
  });

  it('PASSes on a recent completed review in one region even when another region is unreadable', () => {
    const outcomes = run(['eu-west-1', observed([aWorkload()])], ['us-east-1', denied('wellarchitected', 'ListWorkloads', 'unsupported')]);
    expect(outcomes.map((o) => o.status)).toEqual(['PASS']);
    expect(outcomes[0]?.message).toContain('saas-prod (eu-west-1)');
  });

  it('is UNKNOWN when nothing recent is found and a region could not be read (moto: not implemented)', () => {
    const outcomes = run(['eu-west-1', observed([])], ['us-east-1', denied('wellarchitected', 'ListWorkloads', 'unsupported')]);
    expect(outcomes[0]?.status).toBe('UNKNOWN');
    expect(outcomes[0]?.message).toContain('us-east-1');
  });

  it('is UNKNOWN when the collector did not run', () => {
    expect(run(['eu-west-1', undefined])[0]?.status).toBe('UNKNOWN');
  });

  it('measures the window from the snapshot time, not the wall clock', () => {
    const w = aWorkload({ lensReviews: observed([aLensReview({ updatedAt: '2030-01-01T00:00:00.000Z' })]) });
    expect(check.evaluate(waSnapshot([['eu-west-1', observed([w])]], '2031-06-01T00:00:00.000Z'))[0]?.status).toBe('FAIL');
  });
});
