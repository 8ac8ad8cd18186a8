import {
  GetLensReviewCommand,
  GetWorkloadCommand,
  WellArchitectedClient,
  paginateListLensReviews,
  paginateListMilestones,
  paginateListWorkloads,
  type LensReviewSummary,
} from '@aws-sdk/client-wellarchitected';
import type { CollectorContext } from '../../collector.js';
import { collectPages, defineRegionalCollector } from '../../collector.js';
import { observed, type Observed } from '../../../core/observed.js';
import type {
  WellArchitectedLensReview,
  WellArchitectedRiskCounts,
  WellArchitectedWorkload,
} from '../../../core/slices/wellarchitected.js';

const iso = (d: Date | undefined): string | null => d?.toISOString() ?? null;

function risks(counts: Partial<Record<string, number>> | undefined): WellArchitectedRiskCounts {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(counts ?? {})) if (typeof v === 'number') out[k] = v;
  return out;
}

async function lensReview(
  ctx: CollectorContext,
  client: WellArchitectedClient,
  workloadId: string,
  summary: LensReviewSummary,
): Promise<WellArchitectedLensReview> {
  const alias = summary.LensAlias ?? summary.LensArn ?? '';
  const pillars = await ctx.call('wellarchitected', 'GetLensReview', async () =>
    ((await client.send(new GetLensReviewCommand({ WorkloadId: workloadId, LensAlias: alias }))).LensReview?.PillarReviewSummaries ?? []).map(
      (p) => ({ pillarId: p.PillarId ?? '', pillarName: p.PillarName ?? null, riskCounts: risks(p.RiskCounts) }),
    ),
  );
  return {
    lensAlias: alias,
    lensName: summary.LensName ?? null,
    lensStatus: summary.LensStatus ?? null,
    updatedAt: iso(summary.UpdatedAt),
    riskCounts: risks(summary.RiskCounts),
    pillars,
  };
}

/**
 * Well-Architected Tool workloads: when they were last reviewed (workload, lens review and milestone dates)
 * and the risk counts per pillar of every lens review (route B of the Partner Hosted Alternative FTR).
 */
export const wellarchitectedCollector = defineRegionalCollector({
  service: 'wellarchitected',
  scope: 'regional',
  // docs/decisions/0012-region-signal.md: no AWS Config type covers workloads: always read
  regionalReads: 'resources',
  operations: [
    { operation: 'ListWorkloads', iamAction: 'wellarchitected:ListWorkloads' },
    { operation: 'GetWorkload', iamAction: 'wellarchitected:GetWorkload' },
    { operation: 'ListLensReviews', iamAction: 'wellarchitected:ListLensReviews' },
    { operation: 'GetLensReview', iamAction: 'wellarchitected:GetLensReview' },
    { operation: 'ListMilestones', iamAction: 'wellarchitected:ListMilestones' },
  ],
  async collect(ctx) {
    const client = ctx.client(WellArchitectedClient);
    const list = await ctx.call('wellarchitected', 'ListWorkloads', () =>
      collectPages(paginateListWorkloads({ client }, {}), (p) => p.WorkloadSummaries),
    );
    if (!list.ok) return { workloads: list };

    const workloads: WellArchitectedWorkload[] = [];
    for (const w of list.value) {
      const id = w.WorkloadId;
      if (!id) continue;
      const [details, lensReviews, milestones] = await Promise.all([
        ctx.call('wellarchitected', 'GetWorkload', async () => {
          const d = (await client.send(new GetWorkloadCommand({ WorkloadId: id }))).Workload;
          return {
            environment: d?.Environment ?? null,
            reviewOwner: d?.ReviewOwner ?? null,
            updatedAt: iso(d?.UpdatedAt),
            lenses: d?.Lenses ?? [],
            riskCounts: risks(d?.RiskCounts),
          };
        }),
        (async (): Promise<Observed<readonly WellArchitectedLensReview[]>> => {
          const summaries = await ctx.call('wellarchitected', 'ListLensReviews', () =>
            collectPages(paginateListLensReviews({ client }, { WorkloadId: id }), (p) => p.LensReviewSummaries),
          );
          if (!summaries.ok) return summaries;
          const reviews: WellArchitectedLensReview[] = [];
          for (const s of summaries.value) reviews.push(await lensReview(ctx, client, id, s));
          return observed(reviews);
        })(),
        ctx.call('wellarchitected', 'ListMilestones', async () =>
          (await collectPages(paginateListMilestones({ client }, { WorkloadId: id }), (p) => p.MilestoneSummaries)).map((m) => ({
            number: m.MilestoneNumber ?? 0,
            name: m.MilestoneName ?? null,
            recordedAt: iso(m.RecordedAt),
          })),
        ),
      ]);
      workloads.push({
        id,
        arn: w.WorkloadArn ?? null,
        name: w.WorkloadName ?? null,
        updatedAt: iso(w.UpdatedAt),
        owner: w.Owner ?? null,
        details,
        lensReviews,
        milestones,
      });
    }
    return { workloads: observed(workloads) };
  },
});
