/**
 * Well-Architected Tool fixtures shaped like GetLensReview / ListLensReviews answers (AWS API reference):
 * RiskCounts maps carry every key (UNANSWERED, HIGH, MEDIUM, NONE, NOT_APPLICABLE). The Framework lens has
 * 11 Operational Excellence, 11 Security, 13 Reliability, 5 Performance, 11 Cost and 6 Sustainability questions.
 */
import type { Observed } from '../../src/core/observed.js';
import type {
  WellArchitectedLensReview,
  WellArchitectedPillarSummary,
  WellArchitectedRiskCounts,
  WellArchitectedWorkload,
} from '../../src/core/slices/wellarchitected.js';
import { aRegion, aSnapshot, anAccount, observed } from './snapshot-builder.js';
import type { Snapshot } from '../../src/core/snapshot.js';

export const FRAMEWORK_PILLARS = [
  ['operationalExcellence', 'Operational Excellence', 11],
  ['security', 'Security', 11],
  ['reliability', 'Reliability', 13],
  ['performance', 'Performance Efficiency', 5],
  ['costOptimization', 'Cost Optimization', 11],
  ['sustainability', 'Sustainability', 6],
] as const;

export function riskCounts(counts: Partial<Record<'UNANSWERED' | 'HIGH' | 'MEDIUM' | 'NONE' | 'NOT_APPLICABLE', number>>): WellArchitectedRiskCounts {
  return { UNANSWERED: 0, HIGH: 0, MEDIUM: 0, NONE: 0, NOT_APPLICABLE: 0, ...counts };
}

/** A pillar summary; by default every question answered with no risk. */
export function aPillar(pillarId: string, counts: Parameters<typeof riskCounts>[0] = {}, pillarName: string | null = null): WellArchitectedPillarSummary {
  const known = FRAMEWORK_PILLARS.find(([id]) => id === pillarId);
  const total = known?.[2] ?? 10;
  const given = Object.values(counts).reduce((a, b) => a + b, 0);
  return { pillarId, pillarName: pillarName ?? known?.[1] ?? null, riskCounts: riskCounts({ NONE: Math.max(total - given, 0), ...counts }) };
}

/** Every Framework pillar fully answered with no risk, except the overrides given per pillar id. */
export function frameworkPillars(overrides: Readonly<Record<string, Parameters<typeof riskCounts>[0]>> = {}): WellArchitectedPillarSummary[] {
  return FRAMEWORK_PILLARS.map(([id]) => aPillar(id, overrides[id] ?? {}));
}

/** Lens-level RiskCounts as ListLensReviews reports them: the sum of the pillars. */
export function sumRisks(pillars: readonly WellArchitectedPillarSummary[]): WellArchitectedRiskCounts {
  const out: Record<string, number> = {};
  for (const p of pillars) for (const [k, v] of Object.entries(p.riskCounts)) out[k] = (out[k] ?? 0) + (v ?? 0);
  return out;
}

/** The Framework lens review; `pillars` drives the lens-level counts unless riskCounts is given. */
export function aLensReview(o: Partial<WellArchitectedLensReview> & { pillarList?: WellArchitectedPillarSummary[] } = {}): WellArchitectedLensReview {
  const { pillarList, ...rest } = o;
  const list = pillarList ?? frameworkPillars();
  return {
    lensAlias: 'wellarchitected',
    lensName: 'AWS Well-Architected Framework',
    lensStatus: 'CURRENT',
    updatedAt: '2026-03-01T00:00:00.000Z',
    riskCounts: sumRisks(list),
    pillars: observed(list),
    ...rest,
  };
}

export function aWorkload(o: Partial<WellArchitectedWorkload> = {}): WellArchitectedWorkload {
  return {
    id: 'w1',
    arn: 'arn:aws:wellarchitected:eu-west-1:111111111111:workload/w1',
    name: 'saas-prod',
    updatedAt: '2026-03-01T00:00:00.000Z',
    owner: '111111111111',
    details: observed({ environment: 'PRODUCTION', reviewOwner: 'arch@example.com', updatedAt: '2026-03-01T00:00:00.000Z', lenses: ['wellarchitected'], riskCounts: riskCounts({}) }),
    lensReviews: observed([aLensReview()]),
    milestones: observed([]),
    ...o,
  };
}

/** One account whose regions hold the given workload lists (undefined: the collector did not run). */
export function waSnapshot(regions: readonly [string, Observed<readonly WellArchitectedWorkload[]> | undefined][], finishedAt?: string): Snapshot {
  return aSnapshot({
    ...(finishedAt ? { finishedAt } : {}),
    accounts: [anAccount({ regional: regions.map(([r, workloads]) => aRegion(r, workloads ? { wellarchitected: observed({ workloads }) } : {})) })],
  });
}
