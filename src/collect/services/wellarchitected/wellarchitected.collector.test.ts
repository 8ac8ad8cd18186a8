import {
  GetLensReviewCommand,
  GetWorkloadCommand,
  ListLensReviewsCommand,
  ListMilestonesCommand,
  ListWorkloadsCommand,
  WellArchitectedClient,
} from '@aws-sdk/client-wellarchitected';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsError, testCollectorContext } from '../../../../test/helpers/collector-context.js';
import { wellarchitectedCollector } from './wellarchitected.collector.js';

const wa = mockClient(WellArchitectedClient);

function mockWorkload(): void {
  wa.on(ListWorkloadsCommand).resolves({
    WorkloadSummaries: [{ WorkloadId: 'w1', WorkloadName: 'saas-prod', WorkloadArn: 'arn:w1', Owner: '111111111111', UpdatedAt: new Date('2026-05-01T00:00:00Z') }],
  });
  wa.on(GetWorkloadCommand, { WorkloadId: 'w1' }).resolves({
    Workload: {
      WorkloadId: 'w1',
      Environment: 'PRODUCTION',
      ReviewOwner: 'arch@example.com',
      UpdatedAt: new Date('2026-05-01T00:00:00Z'),
      Lenses: ['wellarchitected'],
      RiskCounts: { HIGH: 2, MEDIUM: 3, NONE: 40, UNANSWERED: 10 },
    },
  });
  wa.on(ListLensReviewsCommand, { WorkloadId: 'w1' }).resolves({
    LensReviewSummaries: [{ LensAlias: 'wellarchitected', LensName: 'AWS Well-Architected Framework', LensStatus: 'CURRENT', UpdatedAt: new Date('2026-04-30T00:00:00Z'), RiskCounts: { HIGH: 2 } }],
  });
  wa.on(GetLensReviewCommand, { WorkloadId: 'w1', LensAlias: 'wellarchitected' }).resolves({
    LensReview: {
      LensAlias: 'wellarchitected',
      PillarReviewSummaries: [
        { PillarId: 'security', PillarName: 'Security', RiskCounts: { HIGH: 2, NONE: 9 } },
        { PillarId: 'reliability', PillarName: 'Reliability', RiskCounts: { NONE: 13 } },
      ],
    },
  });
  wa.on(ListMilestonesCommand, { WorkloadId: 'w1' }).resolves({
    MilestoneSummaries: [{ MilestoneNumber: 1, MilestoneName: 'FTR review', RecordedAt: new Date('2026-04-30T12:00:00Z') }],
  });
}

describe('wellarchitectedCollector', () => {
  beforeEach(() => wa.reset());

  it('collects workloads with details, lens reviews with pillar risk counts, and milestones', async () => {
    mockWorkload();
    const { ctx } = testCollectorContext();
    const slice = await wellarchitectedCollector.collect(ctx);

    expect(slice.workloads).toEqual({
      ok: true,
      value: [
        {
          id: 'w1',
          arn: 'arn:w1',
          name: 'saas-prod',
          updatedAt: '2026-05-01T00:00:00.000Z',
          owner: '111111111111',
          details: {
            ok: true,
            value: {
              environment: 'PRODUCTION',
              reviewOwner: 'arch@example.com',
              updatedAt: '2026-05-01T00:00:00.000Z',
              lenses: ['wellarchitected'],
              riskCounts: { HIGH: 2, MEDIUM: 3, NONE: 40, UNANSWERED: 10 },
            },
          },
          lensReviews: {
            ok: true,
            value: [
              {
                lensAlias: 'wellarchitected',
                lensName: 'AWS Well-Architected Framework',
                lensStatus: 'CURRENT',
                updatedAt: '2026-04-30T00:00:00.000Z',
                riskCounts: { HIGH: 2 },
                pillars: {
                  ok: true,
                  value: [
                    { pillarId: 'security', pillarName: 'Security', riskCounts: { HIGH: 2, NONE: 9 } },
                    { pillarId: 'reliability', pillarName: 'Reliability', riskCounts: { NONE: 13 } },
                  ],
                },
              },
            ],
          },
          milestones: { ok: true, value: [{ number: 1, name: 'FTR review', recordedAt: '2026-04-30T12:00:00.000Z' }] },
        },
      ],
    });
  });

  it('keeps the workload and its lens reviews when GetLensReview and ListMilestones are denied', async () => {
    mockWorkload();
    wa.on(GetLensReviewCommand).rejects(awsError('AccessDeniedException', 'no', 403));
    wa.on(ListMilestonesCommand).rejects(awsError('AccessDeniedException', 'no', 403));
    const { ctx, recorder } = testCollectorContext();
    const slice = await wellarchitectedCollector.collect(ctx);

    const workload = slice.workloads.ok ? slice.workloads.value[0] : undefined;
    expect(workload?.details.ok).toBe(true);
    const review = workload?.lensReviews.ok ? workload.lensReviews.value[0] : undefined;
    expect(review?.updatedAt).toBe('2026-04-30T00:00:00.000Z');
    expect(review?.pillars).toMatchObject({ ok: false, error: { kind: 'access_denied' } });
    expect(workload?.milestones).toMatchObject({ ok: false, error: { kind: 'access_denied' } });
    expect(recorder.errors.map((e) => e.operation).sort()).toEqual(['GetLensReview', 'ListMilestones']);
  });

  it('records "no workloads" as an empty list', async () => {
    wa.on(ListWorkloadsCommand).resolves({ WorkloadSummaries: [] });
    const { ctx } = testCollectorContext();
    const slice = await wellarchitectedCollector.collect(ctx);

    expect(slice.workloads).toEqual({ ok: true, value: [] });
  });

  it('turns an unimplemented Well-Architected API (emulator 404) into an error value', async () => {
    wa.on(ListWorkloadsCommand).rejects(awsError('404', 'Not Found', 404));
    const { ctx } = testCollectorContext();
    const slice = await wellarchitectedCollector.collect(ctx);

    expect(slice.workloads.ok ? null : slice.workloads.error).toMatchObject({ kind: 'unsupported', service: 'wellarchitected', operation: 'ListWorkloads' });
  });
});
