/**
 * FTR HOST-001, SUP-001, WAFR-001/002, competency 3.3 (Business Support), and the Partner Hosted Alternative
 * (route A: SOC 2, route B: Well-Architected review).
 */
import { observed } from '../../../src/core/observed.js';
import { aLensReview, aWorkload, frameworkPillars } from '../../helpers/wellarchitected-fixtures.js';
import { deniedRead, deny, global, regional } from '../mutations.js';
import { ALT, attest, COMP, FTR, gate, type Scenario } from '../scenario.js';
import { standard } from './standard.js';
import { withSecondAccount } from '../fixtures.js';
import { WORKLOAD } from '../well-run-account.js';

const basicSupport = global('support', (s) => ({ ...s, plan: observed({ tier: 'basic-or-developer' as const, severityLevels: [], region: 'us-east-1' }) }));
const supportDenied = global('support', () => deniedRead('support', 'DescribeSeverityLevels'));
const noWorkloads = regional('wellarchitected', () => ({ workloads: observed([]) }));
const workloads = (...list: ReturnType<typeof aWorkload>[]) => regional('wellarchitected', () => ({ workloads: observed(list) }), [WORKLOAD]);
const staleReview = workloads(aWorkload({ updatedAt: '2025-03-01T00:00:00.000Z', lensReviews: observed([aLensReview({ updatedAt: '2025-03-01T00:00:00.000Z' })]) }));
/** Issue 7 §2.4: one question answered last month; and only a milestone on an unanswered review. */
const oneQuestionAnswered = workloads(
  aWorkload({ lensReviews: observed([aLensReview({ updatedAt: '2026-10-01T00:00:00.000Z', pillarList: frameworkPillars({ operationalExcellence: { UNANSWERED: 11 }, security: { NONE: 1, UNANSWERED: 10 }, reliability: { UNANSWERED: 13 } }) })]) }),
);
const milestoneOnly = workloads(
  aWorkload({
    lensReviews: observed([aLensReview({ updatedAt: '2025-01-01T00:00:00.000Z', pillarList: frameworkPillars({ operationalExcellence: { UNANSWERED: 11 }, security: { UNANSWERED: 11 }, reliability: { UNANSWERED: 13 } }) })]),
    milestones: observed([{ number: 1, name: 'baseline', recordedAt: '2026-10-01T00:00:00.000Z' }]),
  }),
);
const highRiskInSecurity = workloads(aWorkload({ lensReviews: observed([aLensReview({ pillarList: frameworkPillars({ security: { HIGH: 2 } }) })]) }));
const routeB = [gate('ALT-A-000', 'no'), gate('ALT-B-000', 'yes')];

export const scenarios: Scenario[] = [
  ...standard(FTR, 'HOST-001'),

  ...standard(FTR, 'SUP-001'),
  { framework: FTR, item: 'SUP-001', kind: 'alternative', name: 'Basic support, with an action plan for support cases (attested)', mutations: [basicSupport] },
  { framework: FTR, item: 'SUP-001', kind: 'needs-evidence', name: 'Basic support, nothing attested: names the accepted ways', mutations: [basicSupport], attest: null, reason: 'Partner-Led Support' },
  { framework: FTR, item: 'SUP-001', kind: 'unseen', name: 'DescribeSeverityLevels denied', mutations: [supportDenied], attest: null, reason: 'could not be determined' },

  ...standard(FTR, 'WAFR-001'),
  { framework: FTR, item: 'WAFR-001', kind: 'alternative', name: 'no Well-Architected Tool workload: review held with the SA on slides (attested)', mutations: [noWorkloads] },
  { framework: FTR, item: 'WAFR-001', kind: 'alternative', name: 'the last review in the tool is 20 months old; a recent review outside the tool (attested)', mutations: [staleReview] },
  { framework: FTR, item: 'WAFR-001', kind: 'needs-evidence', attest: null, name: 'issue 7 §2.4: a workload with one question answered last month does not count', mutations: [oneQuestionAnswered], reason: 'wellarchitected_workload_reviewed_within_12_months fails' },
  { framework: FTR, item: 'WAFR-001', kind: 'needs-evidence', attest: null, name: 'issue 7 §2.4: only a milestone on an unanswered review does not count', mutations: [milestoneOnly], reason: 'wellarchitected_workload_reviewed_within_12_months fails' },
  { framework: FTR, item: 'WAFR-001', kind: 'unseen', name: 'ListWorkloads denied in every region', mutations: [deny.regional('wellarchitected', 'ListWorkloads')], attest: null, reason: 'could not be determined' },

  {
    framework: FTR, item: 'WAFR-001', kind: 'met', name: 'an Organization scan: the production account holds the review, the shared-services account none',
    mutations: [withSecondAccount()], reason: 'wellarchitected_workload_reviewed_within_12_months pass',
  },

  ...standard(FTR, 'WAFR-002'),

  ...standard(COMP, '3.3'),
  { framework: COMP, item: '3.3', kind: 'not-met', name: 'Basic support on the only account', mutations: [basicSupport], reason: 'support_business_plan_enabled' },
  { framework: COMP, item: '3.3', kind: 'unknown', name: 'DescribeSeverityLevels denied', mutations: [supportDenied] },

  // Route A: SOC 2 Type II.
  ...standard(ALT, 'ALT-A-001'),

  // Route B: Well-Architected review by AWS or a Well-Architected Partner.
  ...standard(ALT, 'ALT-B-001'),
  { framework: ALT, item: 'ALT-B-001', kind: 'alternative', gates: routeB, name: 'the review was recorded in the Well-Architected Partner\'s account (attested with its report)', mutations: [noWorkloads] },
  { framework: ALT, item: 'ALT-B-001', kind: 'needs-evidence', gates: routeB, attest: null, name: 'issue 7 §2.4: a workload with one question answered', mutations: [oneQuestionAnswered], reason: 'wellarchitected_workload_reviewed_within_12_months fails' },
  {
    framework: ALT, item: 'ALT-B-001', kind: 'met', gates: routeB, name: 'an Organization scan: one account holds the review, another none',
    mutations: [withSecondAccount()], reason: 'wellarchitected_workload_reviewed_within_12_months pass',
  },
  { framework: ALT, item: 'ALT-B-001', kind: 'unseen', gates: routeB, attest: null, name: 'ListWorkloads denied', mutations: [deny.regional('wellarchitected', 'ListWorkloads')] },
  { framework: ALT, item: 'ALT-B-001', kind: 'not-applicable', gates: [gate('ALT-A-000', 'yes'), gate('ALT-B-000', 'no')], attest: null, name: 'route A taken' },

  ...standard(ALT, 'ALT-B-002'),
  { framework: ALT, item: 'ALT-B-002', kind: 'not-met', gates: routeB, name: 'two high-risk issues open in Security', mutations: [highRiskInSecurity], reason: 'wellarchitected_no_high_risks_in_core_pillars' },
  { framework: ALT, item: 'ALT-B-002', kind: 'unknown', gates: routeB, name: 'ListWorkloads denied', mutations: [deny.regional('wellarchitected', 'ListWorkloads')] },
  {
    framework: ALT, item: 'ALT-B-002', kind: 'met', gates: routeB,
    name: 'no workload in the account: the review was held in the Well-Architected Partner\'s account, its report shows no HRI (attested)',
    mutations: [noWorkloads], attest: attest('ALT-B-002'),
  },
  { framework: ALT, item: 'ALT-B-002', kind: 'needs-evidence', gates: routeB, attest: null, name: 'issue 7 §2.4: a workload with one question answered shows no HIGH yet: not a PASS', mutations: [oneQuestionAnswered] },
  { framework: ALT, item: 'ALT-B-002', kind: 'needs-evidence', gates: routeB, attest: null, name: 'issue 7 §2.4: only a milestone on an unanswered review: not a PASS', mutations: [milestoneOnly] },
];
