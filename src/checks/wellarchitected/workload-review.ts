/**
 * What the Well-Architected checks need to know about one workload: when it was last reviewed and how many
 * high risks (HRIs) its lens reviews show in the core pillars (Security, Reliability, Operational Excellence).
 */
import type { CollectionError } from '../../core/observed.js';
import type { AccountRegionalView, RegionGap } from './account-rollup.js';
import type { WellArchitectedRiskCounts, WellArchitectedWorkload } from '../../core/slices/wellarchitected.js';

/** The pillars the Partner Hosted Alternative FTR (route B) requires to be free of HRIs. */
export const CORE_PILLARS = ['security', 'reliability', 'operationalExcellence'] as const;
const CORE_PILLAR_NAMES = new Set(['security', 'reliability', 'operational excellence']);

export function isCorePillar(pillarId: string, pillarName: string | null): boolean {
  return (CORE_PILLARS as readonly string[]).includes(pillarId) || CORE_PILLAR_NAMES.has((pillarName ?? '').trim().toLowerCase());
}

/** A review counts only when questions were answered (not every question UNANSWERED). */
export function hasAnswers(risks: WellArchitectedRiskCounts): boolean {
  return ['HIGH', 'MEDIUM', 'NONE', 'NOT_APPLICABLE'].some((k) => (risks[k] ?? 0) > 0);
}

const latest = (dates: readonly (string | null)[]): string | null =>
  dates.reduce<string | null>((best, d) => (d !== null && (best === null || Date.parse(d) > Date.parse(best)) ? d : best), null);

export interface ReviewDate {
  /** Latest of: answered lens reviews' UpdatedAt, milestones' RecordedAt, the answered workload's UpdatedAt. */
  readonly lastReviewedAt: string | null;
  /** Reads that failed and might hold a later date. */
  readonly unreadable: readonly CollectionError[];
}

export function reviewDate(w: WellArchitectedWorkload): ReviewDate {
  const dates: (string | null)[] = [];
  const unreadable: CollectionError[] = [];
  if (w.lensReviews.ok) {
    for (const r of w.lensReviews.value) if (hasAnswers(r.riskCounts)) dates.push(r.updatedAt);
  } else {
    unreadable.push(w.lensReviews.error);
  }
  if (w.milestones.ok) {
    for (const m of w.milestones.value) dates.push(m.recordedAt);
  } else {
    unreadable.push(w.milestones.error);
  }
  if (w.details.ok) {
    if (hasAnswers(w.details.value.riskCounts)) dates.push(w.details.value.updatedAt ?? w.updatedAt);
  } else {
    unreadable.push(w.details.error);
  }
  return { lastReviewedAt: latest(dates), unreadable };
}

export interface PillarHighRisk {
  readonly lens: string;
  readonly pillar: string;
  readonly high: number;
}

export interface CoreHighRisks {
  /** HIGH counts > 0 found in core pillars. */
  readonly found: readonly PillarHighRisk[];
  /** Lens reviews whose pillar breakdown could not be read while they do report HIGH risks somewhere. */
  readonly unresolved: readonly { readonly lens: string; readonly error: CollectionError }[];
  /** The lens review list itself could not be read. */
  readonly listError: CollectionError | null;
}

/**
 * HIGH risks per core pillar from GetLensReview. When the pillar breakdown is unreadable, a lens review whose
 * total HIGH count is 0 still proves "no HRI in any pillar"; otherwise the lens is unresolved.
 */
export function coreHighRisks(w: WellArchitectedWorkload): CoreHighRisks {
  if (!w.lensReviews.ok) return { found: [], unresolved: [], listError: w.lensReviews.error };
  const found: PillarHighRisk[] = [];
  const unresolved: { lens: string; error: CollectionError }[] = [];
  for (const review of w.lensReviews.value) {
    if (review.pillars.ok) {
      for (const p of review.pillars.value) {
        const high = p.riskCounts.HIGH ?? 0;
        if (high > 0 && isCorePillar(p.pillarId, p.pillarName)) found.push({ lens: review.lensAlias, pillar: p.pillarId || (p.pillarName ?? '?'), high });
      }
    } else if ((review.riskCounts.HIGH ?? 0) > 0) {
      unresolved.push({ lens: review.lensAlias, error: review.pillars.error });
    }
  }
  return { found, unresolved, listError: null };
}

/** "saas-prod (eu-west-1)" */
export function workloadLabel(w: WellArchitectedWorkload, region: string): string {
  return `${w.name ?? w.id} (${region})`;
}

export interface LocatedWorkload {
  readonly region: string;
  readonly workload: WellArchitectedWorkload;
}

/** Every readable workload of an account, plus the regions whose workload list failed added to the gaps. */
export function workloadsOf(view: AccountRegionalView<'wellarchitected'>): { workloads: LocatedWorkload[]; gaps: RegionGap[] } {
  const workloads: LocatedWorkload[] = [];
  const gaps: RegionGap[] = [...view.gaps];
  for (const { region, value } of view.slices) {
    if (!value.workloads.ok) gaps.push({ region, reason: value.workloads.error });
    else for (const workload of value.workloads.value) workloads.push({ region, workload });
  }
  return { workloads, gaps };
}
