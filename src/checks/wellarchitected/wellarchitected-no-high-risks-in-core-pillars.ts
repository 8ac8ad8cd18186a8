import { defineCheck, fail, manual, pass, unknown } from '../../core/check.js';
import { forEachAccountAcrossRegions, monthsBefore, unknownFromGaps, withinTwelveMonths } from './account-rollup.js';
import { coreHighRisks, coreReview, incompleteLabel, workloadLabel, workloadsOf } from './workload-review.js';

/**
 * Partner Hosted Alternative FTR, route B: a Well-Architected review within 12 months with no high-risk
 * issues (HRIs) open in the Security, Reliability and Operational Excellence pillars. One outcome per account:
 * - FAIL when any workload's lens review shows HIGH risks in those pillars (open HRIs the tool records);
 * - PASS only with a completed review of the core pillars (every question answered, see workload-review.ts)
 *   in the 12 months before the scan and zero HIGH in the core pillars everywhere;
 * - MANUAL when the account holds no such review (no workload, or only stale or partly answered ones): the
 *   review may have been recorded in the AWS or Well-Architected Partner account that ran it, which route B
 *   accepts, so its report is for a person to show. Never PASS: an unanswered question has no risk yet.
 * Whether the review was led by AWS or a Well-Architected Partner is not visible in the API (attest it).
 */
export const wellarchitectedNoHighRisksInCorePillars = defineCheck({
  id: 'wellarchitected_no_high_risks_in_core_pillars',
  title: 'Well-Architected reviews show no high risks in Security, Reliability and Operational Excellence',
  service: 'wellarchitected',
  resourceType: 'AWS::::Account',
  severity: 'high',
  reads: ['wellarchitected:ListWorkloads', 'wellarchitected:GetWorkload', 'wellarchitected:ListLensReviews', 'wellarchitected:GetLensReview', 'wellarchitected:ListMilestones'],
  remediation: {
    summary:
      'Resolve every high-risk issue (HRI) in the Security, Reliability and Operational Excellence pillars: implement the improvement plan items, update the answers in the Well-Architected Tool and save a new milestone. Route B of the Partner Hosted Alternative FTR needs a review by AWS or a Well-Architected Partner within 12 months with none of these HRIs open.',
    console: 'AWS Well-Architected Tool > Workloads > <workload> > <lens> > Improvement plan (filter: High risk, pillar) > fix, update answers > Save milestone.',
    cli: 'aws wellarchitected list-lens-review-improvements --workload-id <id> --lens-alias wellarchitected --pillar-id security\naws wellarchitected get-lens-review --workload-id <id> --lens-alias wellarchitected --query "LensReview.PillarReviewSummaries[].[PillarId,RiskCounts.HIGH]"',
    docs: 'https://docs.aws.amazon.com/wellarchitected/latest/userguide/improvement-plan.html',
  },
  evaluate: (snapshot) =>
    forEachAccountAcrossRegions(snapshot, 'wellarchitected', (view) => {
      const { account, ref } = view;
      const { workloads, gaps } = workloadsOf(view);
      const since = monthsBefore(snapshot.finishedAt, 12);
      const rows = workloads.map(({ region, workload }) => ({
        region,
        workload,
        label: workloadLabel(workload, region),
        review: coreReview(workload),
        risks: coreHighRisks(workload),
      }));
      const evidence = {
        since,
        workloads: rows.map(({ region, workload, review, risks }) => ({
          workload: workload.name ?? workload.id,
          region,
          coreReview: review.completion.state,
          ...(review.completion.state === 'incomplete' ? { missing: review.completion.missing } : {}),
          lastReviewedAt: review.lastReviewedAt,
          coreHighRisks: risks.found,
        })),
      };
      const withHigh = rows.filter(({ risks }) => risks.found.length > 0);
      if (withHigh.length > 0) {
        const list = withHigh.map(({ label, risks }) => `${label}: ${risks.found.map((r) => `${r.pillar} ${r.high} HIGH (${r.lens})`).join(', ')}`);
        return [fail(ref, `High-risk issues are open in core pillars: ${list.join('; ')}.`, evidence)];
      }
      if (gaps.length > 0) {
        return [unknownFromGaps(ref, `No high risk was found in the readable Well-Architected data of ${account.accountId}.`, gaps, evidence)];
      }
      const unresolved = rows.flatMap(({ risks }) => [...(risks.listError ? [risks.listError] : []), ...risks.unresolved.map((u) => u.error)]);
      const firstUnresolved = unresolved[0];
      if (firstUnresolved) return [unknown(ref, firstUnresolved, { ...evidence, note: 'The pillar breakdown of some lens reviews could not be read.' })];
      // "No HIGH" means something only on a completed review: an unanswered question has no risk yet.
      const recent = rows.filter(({ review }) => withinTwelveMonths(review.lastReviewedAt, snapshot));
      if (recent.length > 0) {
        const names = recent.map(({ label }) => label);
        return [pass(ref, `Completed Well-Architected reviews within 12 months show no high risks in Security, Reliability or Operational Excellence: ${names.join('; ')}.`, evidence)];
      }
      const hidden = rows.flatMap(({ review }) => review.unreadable)[0];
      if (hidden) return [unknown(ref, hidden, { ...evidence, note: 'Some lens reviews or milestones could not be read.' })];
      const incomplete = rows.flatMap(({ label, review }) => incompleteLabel(label, review) ?? []);
      const elsewhere = 'if the review was recorded in the AWS or Well-Architected Partner account that ran it, show its report (no open HRI in the core pillars)';
      return [
        manual(
          ref,
          rows.length === 0
            ? `Account ${account.accountId} has no Well-Architected Tool workload in the scanned regions; ${elsewhere}.`
            : `No completed Well-Architected review of the core pillars of ${account.accountId} falls within the 12 months before the scan (since ${since.slice(0, 10)})${incomplete.length > 0 ? `; incomplete: ${incomplete.join('; ')}` : ''}; ${elsewhere}.`,
          evidence,
        ),
      ];
    },
    // One region is enough: a review/plan/restore anywhere counts for the account (core/check.ts).
    { regionsNeeded: 'any' },
  ),
});
