import { describe, expect, it } from 'vitest';
import type { Observed } from '../../core/observed.js';
import type { WellArchitectedLensReview, WellArchitectedWorkload } from '../../core/slices/wellarchitected.js';
import { aRegion, aSnapshot, anAccount, denied, observed } from '../../../test/helpers/snapshot-builder.js';
import { wellarchitectedWorkloadReviewedWithin12Months as check } from './wellarchitected-workload-reviewed-within-12-months.js';

// The fixture snapshot finished at 2026-11-01T10:05Z: the window starts 2025-11-01T10:05Z.
const lens = (o: Partial<WellArchitectedLensReview> = {}): WellArchitectedLensReview => ({
  lensAlias: 'wellarchitected', lensName: 'AWS Well-Architected Framework', lensStatus: 'CURRENT', updatedAt: '2026-03-01T00:00:00.000Z',
  riskCounts: { HIGH: 0, MEDIUM: 2, NONE: 50, UNANSWERED: 5 }, pillars: observed([]), ...o,
});
const workload = (o: Partial<WellArchitectedWorkload> = {}): WellArchitectedWorkload => ({
  id: 'w1', arn: null, name: 'saas-prod', updatedAt: '2024-01-01T00:00:00.000Z', owner: '111111111111',
  details: observed({ environment: 'PRODUCTION', reviewOwner: 'arch@example.com', updatedAt: '2024-01-01T00:00:00.000Z', lenses: ['wellarchitected'], riskCounts: { UNANSWERED: 57 } }),
  lensReviews: observed([lens()]), milestones: observed([]), ...o,
});
const run = (...regions: [string, Observed<readonly WellArchitectedWorkload[]> | undefined][]) =>
  check.evaluate(
    aSnapshot({
      accounts: [anAccount({ regional: regions.map(([r, workloads]) => aRegion(r, workloads ? { wellarchitected: observed({ workloads }) } : {})) })],
    }),
  );

describe('wellarchitected_workload_reviewed_within_12_months', () => {
  it.each([
    ['an answered lens review updated 8 months ago', workload(), 'PASS'],
    ['a milestone recorded 2 months ago (old lens review)', workload({ lensReviews: observed([lens({ updatedAt: '2024-06-01T00:00:00.000Z' })]), milestones: observed([{ number: 1, name: 'm', recordedAt: '2026-09-01T00:00:00.000Z' }]) }), 'PASS'],
    ['a review updated 13 months ago', workload({ lensReviews: observed([lens({ updatedAt: '2025-10-01T00:00:00.000Z' })]) }), 'FAIL'],
    ['a recent lens review with no answered question', workload({ lensReviews: observed([lens({ riskCounts: { UNANSWERED: 57 } })]) }), 'FAIL'],
    ['an old review whose milestones could not be read', workload({ lensReviews: observed([lens({ updatedAt: '2024-06-01T00:00:00.000Z' })]), milestones: denied('wellarchitected', 'ListMilestones') }), 'UNKNOWN'],
  ])('%s -> %s', (_label, w, status) => {
    const outcomes = run(['eu-west-1', observed([w])]);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ status, resourceType: 'AWS::::Account', resourceId: '111111111111' });
  });

  it('FAILs when the account has no workload at all', () => {
    expect(run(['eu-west-1', observed([])])[0]?.status).toBe('FAIL');
  });

  it('PASSes on a recent review in one region even when another region is unreadable', () => {
    const outcomes = run(['eu-west-1', observed([workload()])], ['us-east-1', denied('wellarchitected', 'ListWorkloads', 'unsupported')]);
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
    const w = workload({ lensReviews: observed([lens({ updatedAt: '2030-01-01T00:00:00.000Z' })]) });
    const late = check.evaluate(
      aSnapshot({ finishedAt: '2031-06-01T00:00:00.000Z', accounts: [anAccount({ regional: [aRegion('eu-west-1', { wellarchitected: observed({ workloads: observed([w]) }) })] })] }),
    );
    expect(late[0]?.status).toBe('FAIL');
  });
});
