/**
 * AWS Foundational Technical Review: Partner Hosted **Alternative** (checklist released 2025-08-29, valid until
 * Feb 2026). A partner-hosted solution may skip the full Partner Hosted review when it proves its posture by
 * one of two routes:
 *
 * - **Route A**: a current, unqualified SOC 2 Type II report that covers AWS, the solution, and the Security and
 *   Availability trust services criteria. A person attests; nothing here is visible to an AWS API.
 * - **Route B**: a Well-Architected Framework Review by AWS or a Well-Architected Partner within the last 12
 *   months, with no open high-risk issues in the Security, Reliability and Operational Excellence pillars.
 *   The `wellarchitected` API shows both the recency and the risk counts.
 *
 * ## How "either route suffices" is expressed
 *
 * Each route is a section whose items are gated by a yes/no gating question ("Do you apply through route A?",
 * `ALT-A-000`; "... route B?", `ALT-B-000`). The applicant answers "yes" for the route it takes and "no" for the
 * other, which makes the other route's items NOT_APPLICABLE with the ordinary gating rule; no special evaluator
 * logic is needed. While neither question is answered, both routes are evaluated and shown side by side, so a
 * partner can see which one it is closer to. The catalog as a whole is met when every item of at least one route
 * is met: `PARTNER_HOSTED_ALTERNATIVE_ROUTES` lists the routes and their items for an evaluator or report that
 * wants to say so ("route B met") without asking the gating questions.
 *
 * The AWS document names the routes but not item ids; the `ALT-*` ids are ours. AWS's version string for this
 * document is not known to us, so `checklistVersion` records its release date.
 */
import { defineFramework, type Framework } from '../../core/framework.js';

const PARTNER_HOSTED = ['multi-tenant-saas', 'single-tenant-saas', 'managed-service'] as const;

export const ftrPartnerHostedAlternative: Framework = defineFramework({
  id: 'ftr-partner-hosted-alternative',
  title: 'AWS Foundational Technical Review: Partner Hosted Alternative (SOC 2 or Well-Architected)',
  version: '2025-08',
  checklistVersion: '2025-08-29',
  releaseDate: '2025-08-29',
  source: 'https://apn-checklists.s3.amazonaws.com/foundational/partner-hosted/partner-hosted-alternative/CwYryx6XW.html',
  notApplicableReasons: {
    'customer-deployed':
      'The Partner Hosted Alternative covers solutions hosted in the partner\'s accounts; customer-deployed solutions use the FTR Customer-Deployed checklist.',
  },
  sections: [
    { id: 'ROUTE-A', title: 'Route A: SOC 2 Type II report', reportArea: 'Regulatory compliance validation' },
    { id: 'ROUTE-B', title: 'Route B: AWS Well-Architected Framework Review', reportArea: 'Well-Architected review' },
  ],
  gatingQuestions: [
    {
      id: 'ALT-A-000',
      question: 'Do you apply through route A, a current SOC 2 Type II report? (Answer "no" if you take route B.)',
      gates: ['ALT-A-001'],
    },
    {
      id: 'ALT-B-000',
      question: 'Do you apply through route B, a recent Well-Architected Framework Review? (Answer "no" if you take route A.)',
      gates: ['ALT-B-001', 'ALT-B-002'],
    },
  ],
  items: [
    {
      id: 'ALT-A-001',
      title: 'Current, unqualified SOC 2 Type II report covering AWS and the solution',
      section: 'ROUTE-A',
      requirement:
        'An independent auditor issued a SOC 2 Type II report with an unqualified opinion, for a current period, whose scope includes the solution and its AWS environment and whose criteria include Security and Availability.',
      automation: 'manual',
      checks: [],
      appliesTo: PARTNER_HOSTED,
      gatedBy: 'ALT-A-000',
      subQuestions: [
        { id: 'ALT-A-001.1', text: 'Is the report a SOC 2 Type II report with an unqualified opinion?' },
        { id: 'ALT-A-001.2', text: 'Is the report current (its period ended recently and a bridge letter covers any gap)?' },
        { id: 'ALT-A-001.3', text: 'Does its scope include the solution under review and the AWS environment it runs in?' },
        { id: 'ALT-A-001.4', text: 'Do the criteria covered include Security and Availability?' },
      ],
      evidence: [
        { id: 'ALT-A-001/report', prompt: 'The SOC 2 Type II report (and bridge letter, if any).', accepts: ['file'] },
        {
          id: 'ALT-A-001/period',
          prompt: 'The start and end dates of the period the report covers.',
          accepts: ['date', 'text'],
        },
        {
          id: 'ALT-A-001/criteria',
          prompt: 'The trust services criteria covered (Security and Availability are required) and the scope statement naming the solution and AWS.',
          accepts: ['text'],
        },
      ],
    },
    {
      id: 'ALT-B-001',
      title: 'Well-Architected Framework Review in the last 12 months by AWS or a Well-Architected Partner',
      section: 'ROUTE-B',
      requirement:
        'The workload that runs the solution had a Well-Architected Framework Review within the last 12 months, conducted by AWS or by an AWS Well-Architected Partner.',
      automation: 'partial',
      checks: [
        {
          id: 'wellarchitected_workload_reviewed_within_12_months',
          role: 'evidence',
          rationale: 'A reviewed workload in any scanned account shows the review (the others need none); one held in the reviewer\'s account is evidenced by its report.',
          passWhen: 'any-resource',
        },
      ],
      alternatives: [
        { way: 'A Well-Architected Tool review in the scanned accounts within 12 months', how: 'wellarchitected_workload_reviewed_within_12_months passes; attest ALT-B-001 naming AWS or the Well-Architected Partner that led it.' },
        { way: 'A review recorded in another account', how: 'the AWS or partner account that ran it; attest ALT-B-001 with the review report and date.' },
      ],
      appliesTo: PARTNER_HOSTED,
      gatedBy: 'ALT-B-000',
      evidence: [
        {
          id: 'ALT-B-001/reviewer',
          prompt: 'Which Well-Architected workload is this solution, who conducted the review (AWS or the Well-Architected Partner\'s name) and on what date.',
          accepts: ['text', 'date'],
          expiresAfterMonths: 12,
        },
      ],
    },
    {
      id: 'ALT-B-002',
      title: 'No open high-risk issues in Security, Reliability and Operational Excellence',
      section: 'ROUTE-B',
      requirement: 'The reviewed workload has no open high-risk issues in the Security, Reliability and Operational Excellence pillars.',
      automation: 'partial',
      checks: [
        {
          id: 'wellarchitected_no_high_risks_in_core_pillars',
          role: 'required',
          rationale: 'Route B asks for exactly this: HRIs open in the tool block it; a review recorded in the reviewer\'s account is shown by its report (MANUAL).',
        },
      ],
      appliesTo: PARTNER_HOSTED,
      gatedBy: 'ALT-B-000',
      evidence: [
        {
          id: 'ALT-B-002/risks',
          prompt: 'The review report or improvement plan showing no open high-risk issue in Security, Reliability and Operational Excellence (and, if the review is not in the scanned accounts, the account it was recorded in).',
          accepts: ['file', 'url', 'text'],
          expiresAfterMonths: 12,
        },
      ],
    },
  ],
});

/** The two routes of the Alternative checklist; meeting every item of either one meets the catalog. */
export const PARTNER_HOSTED_ALTERNATIVE_ROUTES = [
  { id: 'A', title: 'SOC 2 Type II report', gate: 'ALT-A-000', section: 'ROUTE-A', items: ['ALT-A-001'] },
  { id: 'B', title: 'Well-Architected Framework Review', gate: 'ALT-B-000', section: 'ROUTE-B', items: ['ALT-B-001', 'ALT-B-002'] },
] as const;
