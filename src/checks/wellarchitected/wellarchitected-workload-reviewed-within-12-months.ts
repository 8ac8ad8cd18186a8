import { defineCheck, fail, pass, unknown } from '../../core/check.js';
import { forEachAccountAcrossRegions, monthsBefore, unknownFromGaps, withinTwelveMonths } from './account-rollup.js';
import { reviewDate, workloadLabel, workloadsOf } from './workload-review.js';

/**
 * WAFR-001 (partial): at least one Well-Architected Tool workload of the account was reviewed within the 12
 * months before the scan finished (an answered lens review updated, a milestone recorded, or the answered
 * workload updated). One outcome per account, across all scanned regions. A review held outside the
 * Well-Architected Tool cannot be seen here; it is evidenced by an attestation on WAFR-001.
 */
export const wellarchitectedWorkloadReviewedWithin12Months = defineCheck({
  id: 'wellarchitected_workload_reviewed_within_12_months',
  title: 'A Well-Architected review of the workload was done in the last 12 months',
  service: 'wellarchitected',
  resourceType: 'AWS::::Account',
  severity: 'medium',
  reads: ['wellarchitected:ListWorkloads', 'wellarchitected:GetWorkload', 'wellarchitected:ListLensReviews', 'wellarchitected:ListMilestones'],
  remediation: {
    summary:
      'Review the production workload against the AWS Well-Architected Framework (ideally with the FTR lens too) at least every 12 months in the Well-Architected Tool, and save a milestone. If the review was done outside the tool, attach its record to WAFR-001 instead.',
    console: 'AWS Well-Architected Tool > Workloads > Define workload (or open it) > Start reviewing > answer the questions > Save milestone.',
    cli: 'aws wellarchitected create-workload --workload-name <name> --description <text> --environment PRODUCTION --aws-regions <region> --review-owner <email> --lenses wellarchitected\naws wellarchitected create-milestone --workload-id <id> --milestone-name "<yyyy> annual review"',
    docs: 'https://docs.aws.amazon.com/wellarchitected/latest/userguide/workloads.html',
  },
  evaluate: (snapshot) =>
    forEachAccountAcrossRegions(snapshot, 'wellarchitected', (view) => {
      const { account, ref } = view;
      const { workloads, gaps } = workloadsOf(view);
      const since = monthsBefore(snapshot.finishedAt, 12);
      const reviewed = workloads.map(({ region, workload }) => ({ region, workload, review: reviewDate(workload) }));
      const summary = reviewed.map(({ region, workload, review }) => ({ workload: workload.name ?? workload.id, region, lastReviewedAt: review.lastReviewedAt }));
      const evidence = { since, workloads: summary };

      const recent = reviewed.filter(({ review }) => withinTwelveMonths(review.lastReviewedAt, snapshot));
      if (recent.length > 0) {
        const names = recent.map(({ region, workload, review }) => `${workloadLabel(workload, region)} on ${(review.lastReviewedAt ?? '').slice(0, 10)}`);
        return [pass(ref, `Account ${account.accountId} has a Well-Architected review within 12 months: ${names.join('; ')}.`, evidence)];
      }
      if (gaps.length > 0) {
        return [unknownFromGaps(ref, `No Well-Architected review within 12 months was found in the readable regions of ${account.accountId}.`, gaps, evidence)];
      }
      const hidden = reviewed.flatMap(({ review }) => review.unreadable)[0];
      if (hidden) return [unknown(ref, hidden, { ...evidence, note: 'Some review dates could not be read.' })];
      if (reviewed.length === 0) {
        return [fail(ref, `Account ${account.accountId} has no Well-Architected Tool workload in the scanned regions.`, evidence)];
      }
      return [fail(ref, `No Well-Architected workload of ${account.accountId} was reviewed in the 12 months before the scan (since ${since.slice(0, 10)}).`, evidence)];
    }),
});
