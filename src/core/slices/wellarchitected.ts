/** Snapshot slice for the AWS Well-Architected Tool (regional): workloads, lens reviews, milestones. */
import type { Observed } from '../observed.js';

/** Question counts by risk: UNANSWERED, HIGH, MEDIUM, NONE, NOT_APPLICABLE (missing keys = 0). */
export type WellArchitectedRiskCounts = Readonly<Partial<Record<string, number>>>;

export interface WellArchitectedPillarSummary {
  /** operationalExcellence | security | reliability | performance | costOptimization | sustainability, or a custom lens's id. */
  readonly pillarId: string;
  readonly pillarName: string | null;
  readonly riskCounts: WellArchitectedRiskCounts;
}

export interface WellArchitectedLensReview {
  /** Lens alias (wellarchitected, ftr, ...) or the lens ARN for custom/shared lenses. */
  readonly lensAlias: string;
  readonly lensName: string | null;
  readonly lensStatus: string | null;
  readonly updatedAt: string | null;
  readonly riskCounts: WellArchitectedRiskCounts;
  /** wellarchitected:GetLensReview PillarReviewSummaries. */
  readonly pillars: Observed<readonly WellArchitectedPillarSummary[]>;
}

export interface WellArchitectedWorkloadDetails {
  readonly environment: string | null;
  readonly reviewOwner: string | null;
  readonly updatedAt: string | null;
  readonly lenses: readonly string[];
  readonly riskCounts: WellArchitectedRiskCounts;
}

export interface WellArchitectedMilestone {
  readonly number: number;
  readonly name: string | null;
  readonly recordedAt: string | null;
}

export interface WellArchitectedWorkload {
  readonly id: string;
  readonly arn: string | null;
  readonly name: string | null;
  /** From ListWorkloads. */
  readonly updatedAt: string | null;
  readonly owner: string | null;
  /** wellarchitected:GetWorkload. */
  readonly details: Observed<WellArchitectedWorkloadDetails>;
  /** wellarchitected:ListLensReviews, each with its GetLensReview pillar summaries. */
  readonly lensReviews: Observed<readonly WellArchitectedLensReview[]>;
  readonly milestones: Observed<readonly WellArchitectedMilestone[]>;
}

export interface WellArchitectedSlice {
  readonly workloads: Observed<readonly WellArchitectedWorkload[]>;
}
