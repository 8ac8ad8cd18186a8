/**
 * What the Well-Architected checks need to know about one workload: whether its AWS Well-Architected
 * Framework lens review is complete for the core pillars (Security, Reliability, Operational Excellence),
 * when that completed review was last confirmed, and how many high risks (HRIs) its lens reviews show in
 * the core pillars. A review with one question answered, or a milestone of an unanswered review, is not a
 * review.
 */
import type { CollectionError } from '../../core/observed.js';
import type { AccountRegionalView, RegionGap } from './account-rollup.js';
import type { WellArchitectedLensReview, WellArchitectedRiskCounts, WellArchitectedWorkload } from '../../core/slices/wellarchitected.js';

/** The pillars the Partner Hosted Alternative FTR (route B) requires to be free of HRIs. */
export const CORE_PILLARS = ['security', 'reliability', 'operationalExcellence'] as const;
const CORE_PILLAR_NAMES = new Set(['security', 'reliability', 'operational excellence']);

export function isCorePillar(pillarId: string, pillarName: string | null): boolean {
  return (CORE_PILLARS as readonly string[]).includes(pillarId) || CORE_PILLAR_NAMES.has((pillarName ?? '').trim().toLowerCase());
}

const count = (risks: WellArchitectedRiskCounts, key: string): number => risks[key] ?? 0;
/** Questions answered with a risk rating (a question marked "does not apply" is NOT_APPLICABLE, not a rating). */
const rated = (risks: WellArchitectedRiskCounts): number => count(risks, 'HIGH') + count(risks, 'MEDIUM') + count(risks, 'NONE');
const total = (risks: WellArchitectedRiskCounts): number => rated(risks) + count(risks, 'NOT_APPLICABLE') + count(risks, 'UNANSWERED');

/**
 * The AWS Well-Architected Framework lens: alias `wellarchitected`, or its ARN
 * (`arn:aws:wellarchitected:<region>::lens/wellarchitected`, no account: an AWS official lens). A WAFR is a
 * review against this lens; custom lenses (ARN with an account id) and other official lenses do not count.
 */
export function isFrameworkLens(lensAlias: string): boolean {
  return lensAlias === 'wellarchitected' || /^arn:[^:]+:wellarchitected:[^:]*:(aws)?:lens\/wellarchitected$/.test(lensAlias);
}

const PILLAR_LABEL: Readonly<Record<(typeof CORE_PILLARS)[number], string>> = {
  security: 'Security',
  reliability: 'Reliability',
  operationalExcellence: 'Operational Excellence',
};

export type CoreCompletion =
  | { readonly state: 'complete' }
  /** What is missing, one phrase per core pillar ("Security 3 of 11 unanswered"). */
  | { readonly state: 'incomplete'; readonly missing: readonly string[] }
  | { readonly state: 'unknown'; readonly error: CollectionError };

/**
 * Whether a Framework lens review answers every question of Security, Reliability and Operational Excellence
 * (GetLensReview PillarReviewSummaries: UNANSWERED 0 and at least one rated question per pillar; a pillar
 * whose every question is marked not applicable was not reviewed). Other pillars may stay open. When the
 * pillar breakdown could not be read, the lens-level counts still prove completeness if nothing at all is
 * unanswered; otherwise the answer is unknown.
 */
export function coreCompletion(review: WellArchitectedLensReview): CoreCompletion {
  if (!review.pillars.ok) {
    const lens = review.riskCounts;
    if (count(lens, 'UNANSWERED') === 0 && rated(lens) > 0) return { state: 'complete' };
    return { state: 'unknown', error: review.pillars.error };
  }
  const missing: string[] = [];
  for (const id of CORE_PILLARS) {
    const pillar = review.pillars.value.find((p) => p.pillarId === id);
    const label = PILLAR_LABEL[id];
    if (!pillar) missing.push(`${label} not in the review`);
    else if (count(pillar.riskCounts, 'UNANSWERED') > 0) missing.push(`${label} ${count(pillar.riskCounts, 'UNANSWERED')} of ${total(pillar.riskCounts)} unanswered`);
    else if (rated(pillar.riskCounts) === 0) missing.push(`${label} every question marked not applicable`);
  }
  return missing.length === 0 ? { state: 'complete' } : { state: 'incomplete', missing };
}

const latest = (dates: readonly (string | null)[]): string | null =>
  dates.reduce<string | null>((best, d) => (d !== null && (best === null || Date.parse(d) > Date.parse(best)) ? d : best), null);

export interface CoreReview {
  /** complete: the Framework lens review answers every core-pillar question. */
  readonly completion: CoreCompletion;
  /**
   * When the completed review was last confirmed: the lens review's UpdatedAt or a later milestone (a
   * milestone saves the answers as they are, so one recorded after the last update re-confirms the
   * complete review). Null when the review is not complete.
   */
  readonly lastReviewedAt: string | null;
  /** Reads that failed and might hold a later date (milestones). */
  readonly unreadable: readonly CollectionError[];
}

/** The workload's completed core-pillar review, if any, and when it was last confirmed. */
export function coreReview(w: WellArchitectedWorkload): CoreReview {
  if (!w.lensReviews.ok) return { completion: { state: 'unknown', error: w.lensReviews.error }, lastReviewedAt: null, unreadable: [w.lensReviews.error] };
  // A workload has one review per lens; take the Framework one (the first, should the list repeat it).
  const review = w.lensReviews.value.find((r) => isFrameworkLens(r.lensAlias));
  if (!review) {
    return { completion: { state: 'incomplete', missing: ['the AWS Well-Architected Framework lens is not applied'] }, lastReviewedAt: null, unreadable: [] };
  }
  const completion = coreCompletion(review);
  if (completion.state !== 'complete') return { completion, lastReviewedAt: null, unreadable: completion.state === 'unknown' ? [completion.error] : [] };
  const milestones = w.milestones.ok ? w.milestones.value.map((m) => m.recordedAt) : [];
  return { completion, lastReviewedAt: latest([review.updatedAt, ...milestones]), unreadable: w.milestones.ok ? [] : [w.milestones.error] };
}

/** "saas-prod (eu-west-1): Security 3 of 11 unanswered, Reliability not in the review" */
export function incompleteLabel(label: string, review: CoreReview): string | null {
  return review.completion.state === 'incomplete' ? `${label}: ${review.completion.missing.join(', ')}` : null;
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
