import { defineCheck, fail, pass, unknown } from '../../core/check.js';
import { forEachAccountAcrossRegions, monthsBefore, unknownFromGaps, withinTwelveMonths } from './account-rollup.js';
import { coreReview, incompleteLabel, workloadLabel, workloadsOf } from './workload-review.js';

/**
 * WAFR-001 (partial): at least one Well-Architected Tool workload of the account has a completed review of the
 * core pillars (every Security, Reliability and Operational Excellence question of the AWS Well-Architected
 * Framework lens answered) confirmed within the 12 months before the scan finished (the lens review updated,
 * or a milestone recorded after it). A partly answered review or a milestone of an unanswered review does
 * not count. One outcome per account, across all scanned regions. A review held outside the
 * Well-Architected Tool cannot be seen here; it is evidenced by an attestation on WAFR-001.
 */
export const wellarchitectedWorkloadReviewedWithin12Months = defineCheck({
  id: 'wellarchitected_workload_reviewed_within_12_months',
  title: 'A completed Well-Architected review of the workload was done in the last 12 months',
  service: 'wellarchitected',
  resourceType: 'AWS::::Account',
  severity: 'medium',
  reads: ['wellarchitected:ListWorkloads', 'wellarchitected:ListLensReviews', 'wellarchitected:GetLensReview', 'wellarchitected:ListMilestones'],
  remediation: {
    summary:
      'Review the production workload against the AWS Well-Architected Framework (ideally with the FTR lens too) at least every 12 months in the Well-Architected Tool, answering every question of the Security, Reliability and Operational Excellence pillars, and save a milestone. If the review was done outside the tool, attach its record to WAFR-001 instead.',
    console: 'AWS Well-Architected Tool > Workloads > Define workload (or open it) > Start reviewing > answer the questions > Save milestone.',
    cli: 'aws wellarchitected create-workload --workload-name <name> --description <text> --environment PRODUCTION --aws-regions <region> --review-owner <email> --lenses wellarchitected\naws wellarchitected create-milestone --workload-id <id> --milestone-name "<yyyy> annual review"',
    docs: 'https://docs.aws.amazon.com/wellarchitected/latest/userguide/workloads.html',
  },
  evaluate: (snapshot) =>
    forEachAccountAcrossRegions(snapshot, 'wellarchitected', (view) => {
      const { account, ref } = view;
      const { workloads, gaps } = workloadsOf(view);
      const since = monthsBefore(snapshot.finishedAt, 12);
      const reviewed = workloads.map(({ region, workload }) => ({ region, workload, label: workloadLabel(workload, region), review: coreReview(workload) }));
      const evidence = {
        since,
        workloads: reviewed.map(({ region, workload, review }) => ({
          workload: workload.name ?? workload.id,
          region,
          coreReview: review.completion.state,
          ...(review.completion.state === 'incomplete' ? { missing: review.completion.missing } : {}),
          lastReviewedAt: review.lastReviewedAt,
        })),
      };
      const recent = reviewed.filter(({ review }) => withinTwelveMonths(review.lastReviewedAt, snapshot));
      if (recent.length > 0) {
        const names = recent.map(({ label, review }) => `${label} on ${(review.lastReviewedAt ?? '').slice(0, 10)}`);
        return [pass(ref, `Account ${account.accountId} has a completed Well-Architected review of Security, Reliability and Operational Excellence within 12 months: ${names.join('; ')}.`, evidence)];
      }
      if (gaps.length > 0) {
        return [unknownFromGaps(ref, `No completed Well-Architected review within 12 months was found in the readable regions of ${account.accountId}.`, gaps, evidence)];
      }
      const hidden = reviewed.flatMap(({ review }) => review.unreadable)[0];
      if (hidden) return [unknown(ref, hidden, { ...evidence, note: 'Some lens reviews or milestones could not be read.' })];
      if (reviewed.length === 0) {
        return [fail(ref, `Account ${account.accountId} has no Well-Architected Tool workload in the scanned regions.`, evidence)];
      }
      const incomplete = reviewed.flatMap(({ label, review }) => incompleteLabel(label, review) ?? []);
      const stale = reviewed.filter(({ review }) => review.lastReviewedAt !== null).map(({ label, review }) => `${label} last on ${(review.lastReviewedAt ?? '').slice(0, 10)}`);
      return [
        fail(
          ref,
          `No Well-Architected workload of ${account.accountId} has a completed review of the core pillars in the 12 months before the scan (since ${since.slice(0, 10)})` +
            `${incomplete.length > 0 ? `; incomplete: ${incomplete.join('; ')}` : ''}${stale.length > 0 ? `; completed but older: ${stale.join('; ')}` : ''}.`,
          evidence,
        ),
      ];
    },
    // One region is enough: a review/plan/restore anywhere counts for the account (core/check.ts).
    { regionsNeeded: 'any' },
  ),
});
