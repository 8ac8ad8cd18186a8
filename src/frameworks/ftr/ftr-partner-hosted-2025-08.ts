/**
 * AWS Foundational Technical Review (FTR), Partner Hosted checklist: the catalog for SaaS and managed-service
 * solutions that run in the partner's own AWS accounts.
 *
 * Provenance (see /work/shared/reference/ftr-controls.md, sources S1-S6):
 * - The 45 control ids and their sections come from Prowler's FTR compliance map (Q1 2024) and the Service
 *   Screener FTR map of 2025-11 (which lists the checklist in force from Aug 2025). ARC-003 is missing from
 *   the 2025 Service Screener map; we keep it until the live checklist says otherwise.
 * - Sub-question ids (`IAM-002.1`...) come from the 2024/2025 sub-question format (S3/S4). Their texts are our
 *   own split of the control's requirement, not AWS's wording.
 * - `checklistVersion: '2025_q3_v1'` follows AWS's `<year>_q<quarter>_v<n>` naming for the August 2025 release;
 *   the string itself was not read from the checklist page. `releaseDate` is given to the month because the
 *   day of the August release is not known (the Alternative checklist's 2025-08-29 is a different document).
 * - Legacy items (`legacy: true`, `titleInferred: true`): CTL-001..004, ARC-002, RES-003, S3-002, S3-003 left the
 *   checklist by 2024_q1_v1 but reviewers and the nOps sample report still ask for them. Their ids are verified;
 *   their titles and requirements are our inference from the matching competency items.
 *
 * Every item applies to multi-tenant SaaS, single-tenant SaaS and managed services. Customer-deployed solutions
 * are reviewed with the FTR Customer-Deployed variant, so no item applies to them (`notApplicableReasons`).
 *
 * Check roles (CheckRole in src/core/framework.ts) follow the checklist text: `required` only where the item
 * demands exactly what the check tests; `evidence` where the item accepts other ways (listed in
 * `alternatives`, e.g. SUP-001's action plan) or judges only some resources (sensitive data, critical data,
 * resources behind an SLA); `advisory` for hardening the item does not ask for. docs/verdicts.md lists them.
 */
import { defineFramework, type Framework } from '../../core/framework.js';

const PARTNER_HOSTED = ['multi-tenant-saas', 'single-tenant-saas', 'managed-service'] as const;

export const ftrPartnerHosted: Framework = defineFramework({
  id: 'ftr-partner-hosted',
  title: 'AWS Foundational Technical Review: Partner Hosted',
  version: '2025-08',
  checklistVersion: '2025_q3_v1',
  releaseDate: '2025-08',
  source: 'https://apn-checklists.s3.amazonaws.com/foundational/partner-hosted/partner-hosted/CVLHEC5X7.html',
  notApplicableReasons: {
    'customer-deployed':
      'Customer-deployed solutions are reviewed with the FTR Customer-Deployed checklist, not the Partner Hosted one.',
  },
  sections: [
    { id: 'HOST', title: 'Partner hosted', reportArea: 'Hosting' },
    { id: 'SUP', title: 'Support level', reportArea: 'Support level' },
    { id: 'WAFR', title: 'Architecture review', reportArea: 'Well-Architected review' },
    { id: 'ARC', title: 'AWS root account', reportArea: 'Root account' },
    { id: 'ACCT', title: 'AWS accounts (legacy)', reportArea: 'Accounts' },
    { id: 'ACOM', title: 'Communications from AWS', reportArea: 'Communications from AWS' },
    { id: 'CTL', title: 'AWS CloudTrail (legacy)', reportArea: 'CloudTrail' },
    { id: 'IAM', title: 'Identity and access management', reportArea: 'Identity and access management' },
    { id: 'SECOPS', title: 'Operational security', reportArea: 'Operational security' },
    { id: 'NETSEC', title: 'Network security', reportArea: 'Network security' },
    { id: 'BAR', title: 'Backups and recovery', reportArea: 'Backups and recovery' },
    { id: 'RES', title: 'Resiliency', reportArea: 'Disaster recovery' },
    { id: 'S3', title: 'Amazon S3 bucket access', reportArea: 'S3 bucket access' },
    { id: 'CAA', title: 'Cross-account access', reportArea: 'Cross-account access' },
    { id: 'SDAT', title: 'Sensitive data', reportArea: 'Sensitive data' },
    { id: 'RCVP', title: 'Regulatory compliance validation process', reportArea: 'Regulatory compliance validation' },
  ],
  gatingQuestions: [
    {
      id: 'CAA-000',
      question: "Does your solution access your customers' AWS accounts (for example by assuming a role in them)?",
      gates: ['CAA-001', 'CAA-002', 'CAA-003', 'CAA-004', 'CAA-005', 'CAA-006', 'CAA-007'],
    },
    {
      id: 'SDAT-000',
      question: 'Does your solution store or process sensitive data such as personally identifiable information (PII)?',
      gates: ['SDAT-001', 'SDAT-002', 'SDAT-003'],
    },
  ],
  items: [
    // ---------------------------------------------------------------- Partner hosted
    {
      id: 'HOST-001',
      title: 'Confirm the hosting model',
      section: 'HOST',
      requirement:
        'All critical components of the solution run on AWS. Any service outside AWS that the solution relies on (CDN, DNS, identity provider) is listed.',
      automation: 'manual',
      checks: [],
      appliesTo: PARTNER_HOSTED,
      subQuestions: [
        { id: 'HOST-001.1', text: 'Do all critical components of the solution run in AWS accounts you own?' },
        { id: 'HOST-001.2', text: 'Which edge services outside AWS (CDN, DNS) does the solution use, if any?' },
        { id: 'HOST-001.3', text: 'Which other services outside AWS (for example a corporate identity provider) does the solution depend on, if any?' },
      ],
      evidence: [
        { id: 'HOST-001/architecture', prompt: 'An architecture overview that shows which components run in AWS and which do not.', accepts: ['file', 'url'] },
        { id: 'HOST-001/non-aws', prompt: 'List every service outside AWS the solution depends on and what it does (or "none").', accepts: ['text'] },
      ],
    },
    // ---------------------------------------------------------------- Support level
    {
      id: 'SUP-001',
      title: 'Business Support or higher, or an action plan',
      section: 'SUP',
      requirement:
        'Every production account has Business, Enterprise On-Ramp, Enterprise or Partner-Led Support, or there is a documented plan for issues that need AWS Support.',
      automation: 'partial',
      checks: [
        {
          id: 'support_business_plan_enabled',
          role: 'evidence',
          rationale: 'Business Support or higher is one accepted way; Partner-Led Support and an action plan also meet SUP-001 and no API shows them.',
        },
      ],
      alternatives: [
        { way: 'Business Support or higher on every production account', how: 'support_business_plan_enabled passes; attest which accounts are production.' },
        { way: 'Partner-Led Support', how: 'attest SUP-001 with the support agreement (no AWS API shows it).' },
        { way: 'A documented action plan for issues that need AWS Support', how: 'attest SUP-001 with the plan.' },
      ],
      appliesTo: PARTNER_HOSTED,
      subQuestions: [
        {
          id: 'SUP-001.1',
          text: 'Do all production accounts have Business Support or higher (or Partner-Led Support), or do you have a documented plan for issues that need AWS Support?',
        },
      ],
      evidence: [
        {
          id: 'SUP-001/action-plan',
          prompt:
            'For production accounts without Business Support or higher (including Partner-Led Support, which the API cannot see): the support arrangement or the action plan for issues that need AWS Support.',
          accepts: ['text', 'file', 'url'],
        },
      ],
    },
    // ---------------------------------------------------------------- Architecture review
    {
      id: 'WAFR-001',
      title: 'Periodic architecture review',
      section: 'WAFR',
      requirement:
        'The production workload is reviewed against a documented architecture standard, preferably the AWS Well-Architected Framework, at least every 12 months.',
      automation: 'partial',
      checks: [
        {
          id: 'wellarchitected_workload_reviewed_within_12_months',
          role: 'evidence',
          rationale: 'A Well-Architected Tool review is the preferred way; a review held outside the tool also counts, and one reviewed account is enough in an Organization scan.',
          passWhen: 'any-resource',
        },
      ],
      alternatives: [
        { way: 'A Well-Architected Tool review within 12 months', how: 'wellarchitected_workload_reviewed_within_12_months passes; attest WAFR-001 with the milestone or report.' },
        { way: 'A review against a documented standard held outside the tool within 12 months', how: 'attest WAFR-001 with its date and report.' },
      ],
      appliesTo: PARTNER_HOSTED,
      subQuestions: [
        { id: 'WAFR-001.1', text: 'Is the production workload reviewed against a documented architecture standard such as the AWS Well-Architected Framework?' },
        { id: 'WAFR-001.2', text: 'Does that review take place at least once every 12 months?' },
      ],
      evidence: [
        {
          id: 'WAFR-001/review',
          prompt: 'The latest architecture review of the production workload: its date and the report or Well-Architected Tool milestone.',
          accepts: ['date', 'file', 'url'],
          expiresAfterMonths: 12,
        },
      ],
    },
    {
      id: 'WAFR-002',
      title: 'Review the shared responsibility models',
      section: 'WAFR',
      requirement:
        'The partner has read the AWS shared responsibility models for security and for resiliency, and its architecture and processes cover the duties that fall on the customer side.',
      automation: 'manual',
      checks: [],
      appliesTo: PARTNER_HOSTED,
      subQuestions: [
        {
          id: 'WAFR-002.1',
          text: 'Have you reviewed the shared responsibility models for security and resiliency, and do your architecture and processes cover your side of them?',
        },
      ],
      evidence: [
        {
          id: 'WAFR-002/coverage',
          prompt:
            'How your architecture and processes cover your side of the security and resiliency shared responsibility models (AWS Resilience Hub assessments help).',
          accepts: ['text', 'file'],
        },
      ],
    },
    // ---------------------------------------------------------------- AWS root account
    {
      id: 'ARC-001',
      title: 'Use the root user only by exception',
      section: 'ARC',
      requirement: 'The root user is not used for everyday work, only for the few tasks that require it.',
      automation: 'partial',
      checks: [
        {
          id: 'iam_avoid_root_usage',
          role: 'required',
          rationale: 'Programmatic root use (a root access key used in the last 90 days) is never a root-only task; root console sign-ins are for a person to confirm.',
        },
      ],
      appliesTo: PARTNER_HOSTED,
      subQuestions: [{ id: 'ARC-001.1', text: 'Is the root user used only for the tasks that require root?' }],
      evidence: [
        {
          id: 'ARC-001/root-custody',
          prompt: 'Who can use the root credentials, how they are stored, and for which tasks the root user was last used.',
          accepts: ['text'],
        },
      ],
    },
    {
      id: 'ARC-003',
      title: 'MFA on the root user of every account',
      section: 'ARC',
      requirement:
        'MFA is enabled for the root user wherever someone holds the root password. Accounts whose root credentials are centrally managed or were never recovered are compliant.',
      automation: 'auto',
      checks: [
        {
          id: 'iam_root_mfa_enabled',
          role: 'required',
          rationale: 'ARC-003 asks for exactly this: MFA on the root user wherever someone holds the root password.',
        },
      ],
      appliesTo: PARTNER_HOSTED,
      subQuestions: [{ id: 'ARC-003.1', text: 'Is MFA enabled on the root user of every account in scope?' }],
      evidence: [],
    },
    {
      id: 'ARC-004',
      title: 'No access keys for the root user',
      section: 'ARC',
      requirement: 'The root user has no access keys; processes that used them run with IAM roles instead.',
      automation: 'auto',
      checks: [
        {
          id: 'iam_no_root_access_key',
          role: 'required',
          rationale: 'ARC-004 asks for exactly this: no access keys for the root user.',
        },
      ],
      appliesTo: PARTNER_HOSTED,
      subQuestions: [{ id: 'ARC-004.1', text: 'Are there no root user access keys in any account in scope?' }],
      evidence: [],
    },
    {
      id: 'ARC-005',
      title: 'Incident management plan',
      section: 'ARC',
      requirement:
        'A documented, maintained process exists to respond to, contain and recover from security incidents, including a compromised root user.',
      automation: 'manual',
      checks: [],
      appliesTo: PARTNER_HOSTED,
      subQuestions: [{ id: 'ARC-005.1', text: 'Do you have a documented and maintained security incident management plan?' }],
      evidence: [
        { id: 'ARC-005/plan', prompt: 'The security incident management plan (document or link) and who owns it.', accepts: ['file', 'url', 'text'] },
      ],
    },
    // ---------------------------------------------------------------- AWS accounts (legacy)
    {
      id: 'ARC-002',
      title: 'AWS account structure',
      titleInferred: true,
      legacy: true,
      section: 'ACCT',
      requirement:
        'Inferred: accounts are managed in AWS Organizations and production is kept in accounts separate from non-production.',
      automation: 'partial',
      checks: [
        {
          id: 'organizations_account_part_of_organization',
          role: 'evidence',
          rationale: 'Organization membership is one way to govern accounts (legacy item, wording inferred); a documented account structure also answers it.',
        },
      ],
      alternatives: [
        { way: 'Accounts in an AWS Organization, production in its own accounts', how: 'organizations_account_part_of_organization passes; attest ARC-002 with the account structure.' },
        { way: 'A documented account structure without an Organization', how: 'attest ARC-002 with how production is kept apart from development and test.' },
      ],
      appliesTo: PARTNER_HOSTED,
      evidence: [
        {
          id: 'ARC-002/account-structure',
          prompt: 'Which accounts hold production, and how they are separated from development and test accounts.',
          accepts: ['text', 'file'],
        },
      ],
    },
    // ---------------------------------------------------------------- Communications from AWS
    {
      id: 'ACOM-001',
      title: 'Alternate contacts configured',
      section: 'ACOM',
      requirement: 'Billing, operations and security alternate contacts are set on every account and reach a group, not one person.',
      automation: 'partial',
      checks: [
        {
          id: 'account_alternate_contacts_configured',
          role: 'required',
          rationale: 'ACOM-001 asks for exactly this: billing, operations and security alternate contacts set on every account.',
        },
      ],
      appliesTo: PARTNER_HOSTED,
      subQuestions: [{ id: 'ACOM-001.1', text: 'Are the billing, operations and security alternate contacts set on every account?' }],
      evidence: [
        {
          id: 'ACOM-001/group-mailboxes',
          prompt: 'Confirm the alternate contacts are group mailboxes or distribution lists that more than one person reads.',
          accepts: ['yes-no', 'text'],
        },
      ],
    },
    {
      id: 'ACOM-002',
      title: 'Company-owned contact details, including the root email',
      section: 'ACOM',
      requirement:
        'The root email address, the primary contact and the alternate contacts use company-controlled domains and phone numbers, not personal or free-mail ones.',
      automation: 'partial',
      checks: [
        {
          id: 'account_contacts_company_owned',
          role: 'required',
          rationale: 'A free-mail address (gmail.com, outlook.com ...) is never company-owned; company domains still need a person to confirm them.',
        },
      ],
      appliesTo: PARTNER_HOSTED,
      subQuestions: [
        { id: 'ACOM-002.1', text: 'Do the root email, primary contact and alternate contacts use company-owned email domains and phone numbers?' },
      ],
      evidence: [
        {
          id: 'ACOM-002/company-owned',
          prompt: 'Confirm the root email and contact details belong to the company (the root email of member accounts is only visible from the management account).',
          accepts: ['yes-no', 'text'],
        },
      ],
    },
    // ---------------------------------------------------------------- AWS CloudTrail (legacy)
    {
      id: 'CTL-001',
      title: 'CloudTrail enabled in every account and region',
      titleInferred: true,
      legacy: true,
      section: 'CTL',
      requirement: 'Inferred (competency 1.13): a trail logs management events in every account and every region; an organization trail counts.',
      automation: 'auto',
      checks: [
        {
          id: 'cloudtrail_multi_region_enabled_logging',
          role: 'required',
          rationale: 'The (inferred) legacy item asks for exactly this: a logging trail that covers every region of every account.',
        },
      ],
      appliesTo: PARTNER_HOSTED,
      evidence: [],
    },
    {
      id: 'CTL-002',
      title: 'CloudTrail logs delivered to a bucket in a separate account',
      titleInferred: true,
      legacy: true,
      section: 'CTL',
      requirement: 'Inferred (competency 1.14): trail logs go to an S3 bucket owned by another (log-archive) account with very limited access.',
      automation: 'partial',
      checks: [
        {
          id: 'cloudtrail_logs_bucket_in_other_account',
          role: 'required',
          rationale: 'The (inferred) legacy item asks for exactly this: trail logs in a bucket owned by another account.',
        },
      ],
      appliesTo: PARTNER_HOSTED,
      evidence: [
        {
          id: 'CTL-002/log-archive-access',
          prompt: 'Name the account that owns the CloudTrail bucket and who can read or delete the logs.',
          accepts: ['text'],
        },
      ],
    },
    {
      id: 'CTL-003',
      title: 'CloudTrail log bucket protected',
      titleInferred: true,
      legacy: true,
      section: 'CTL',
      requirement: 'Inferred (competency 1.15): the trail bucket has versioning or MFA Delete and is not public.',
      automation: 'auto',
      checks: [
        {
          id: 'cloudtrail_logs_bucket_versioning_or_mfa_delete',
          role: 'required',
          rationale: 'The (inferred) legacy item asks for versioning or MFA Delete on the trail bucket.',
        },
        {
          id: 'cloudtrail_logs_bucket_not_public',
          role: 'required',
          rationale: 'The (inferred) legacy item asks that the trail bucket is not public.',
        },
      ],
      appliesTo: PARTNER_HOSTED,
      evidence: [],
    },
    {
      id: 'CTL-004',
      title: 'CloudTrail log integrity and encryption',
      titleInferred: true,
      legacy: true,
      section: 'CTL',
      requirement: 'Inferred (CIS CloudTrail controls): log file validation is on and logs are encrypted with a KMS key.',
      automation: 'auto',
      checks: [
        {
          id: 'cloudtrail_log_file_validation_enabled',
          role: 'required',
          rationale: 'The (inferred) legacy item asks for log file validation on every trail.',
        },
        {
          id: 'cloudtrail_kms_encryption_enabled',
          role: 'required',
          rationale: 'The (inferred) legacy item asks for trail logs encrypted with a KMS key.',
        },
      ],
      appliesTo: PARTNER_HOSTED,
      evidence: [],
    },
    // ---------------------------------------------------------------- Identity and access management
    {
      id: 'IAM-001',
      title: 'MFA for all human identities',
      section: 'IAM',
      requirement:
        'People authenticate with MFA, usually enforced by the identity provider; IAM users with console access have MFA. Machine identities are exempt.',
      automation: 'partial',
      checks: [
        {
          id: 'iam_root_mfa_enabled',
          role: 'required',
          rationale: 'The root user is a human identity: it must have MFA wherever someone holds its password.',
        },
        {
          id: 'iam_user_mfa_enabled_console_access',
          role: 'required',
          rationale: 'IAM-001 asks for exactly this: IAM users who sign in to the console have MFA.',
        },
        {
          id: 'iam_federation_configured',
          role: 'evidence',
          rationale: 'Federation shows people sign in through an identity provider, whose MFA enforcement a person attests; IAM users with MFA are the other way.',
        },
      ],
      alternatives: [
        { way: 'Sign-in through IAM Identity Center or an identity provider that enforces MFA', how: 'iam_federation_configured passes; attest IAM-001 with the MFA policy.' },
        { way: 'IAM users that all have MFA', how: 'iam_user_mfa_enabled_console_access passes; attest IAM-001 that no other human access exists.' },
      ],
      appliesTo: PARTNER_HOSTED,
      subQuestions: [{ id: 'IAM-001.1', text: 'Do all human identities use MFA to access AWS?' }],
      evidence: [
        {
          id: 'IAM-001/idp-mfa',
          prompt: 'How MFA is enforced for people who sign in through IAM Identity Center or your identity provider (policy screenshot or configuration export).',
          accepts: ['text', 'file'],
        },
      ],
    },
    {
      id: 'IAM-002',
      title: 'Monitor and secure static credentials',
      section: 'IAM',
      requirement:
        'Roles are preferred. Remaining static keys are rotated at least every 90 days, inventoried, removed when unused, watched for misuse through CloudTrail (for example with GuardDuty), and can be revoked with a documented procedure.',
      automation: 'partial',
      checks: [
        {
          id: 'iam_rotate_access_key_90_days',
          role: 'required',
          rationale: 'IAM-002 asks for exactly this: static keys rotated at least every 90 days.',
        },
        {
          id: 'iam_user_accesskey_unused',
          role: 'evidence',
          rationale: 'IAM-002 asks to remove unused keys without a threshold; a key idle for 45 days (CIS) is a signal a person confirms or removes.',
        },
        {
          id: 'cloudtrail_multi_region_enabled_logging',
          role: 'evidence',
          rationale: 'A logging trail lets a SIEM watch credential use; GuardDuty reads CloudTrail events without a trail.',
        },
        {
          id: 'guardduty_is_enabled',
          role: 'evidence',
          rationale: 'IAM-002 names GuardDuty as an example; a SIEM or another detection tool that watches CloudTrail also meets it.',
        },
      ],
      alternatives: [
        { way: 'GuardDuty watching CloudTrail in every region', how: 'guardduty_is_enabled passes; attest IAM-002 with the key inventory and the revocation procedure.' },
        { way: 'A SIEM or detection tool that analyses CloudTrail', how: 'a logging trail feeds it (cloudtrail_multi_region_enabled_logging passes); attest IAM-002 naming the tool, the key inventory and the revocation procedure.' },
        { way: 'Idle keys used on a longer, known schedule', how: 'name them in the IAM-002 inventory.' },
      ],
      appliesTo: PARTNER_HOSTED,
      subQuestions: [
        { id: 'IAM-002.1', text: 'Where static credentials cannot be avoided, are they rotated at least every 90 days?' },
        { id: 'IAM-002.2', text: 'Do you keep an inventory of static credentials and remove the ones that are not used?' },
        { id: 'IAM-002.3', text: 'Is CloudTrail activity monitored for anomalous use of credentials, for example with Amazon GuardDuty?' },
        { id: 'IAM-002.4', text: 'Is there a documented procedure to revoke and replace a compromised credential?' },
      ],
      evidence: [
        { id: 'IAM-002/inventory', prompt: 'The inventory of static credentials still in use, with the reason each exists.', accepts: ['text', 'file'] },
        { id: 'IAM-002/revocation', prompt: 'The procedure for revoking a leaked or compromised credential.', accepts: ['file', 'url', 'text'] },
      ],
    },
    {
      id: 'IAM-003',
      title: 'Strong password policy',
      section: 'IAM',
      requirement: 'The account password policy enforces strong passwords: length, complexity, no reuse and expiry.',
      automation: 'auto',
      checks: [
        {
          id: 'iam_password_policy_strong',
          role: 'required',
          rationale: 'IAM-003 asks for exactly this: an account password policy that enforces strong passwords.',
        },
      ],
      appliesTo: PARTNER_HOSTED,
      subQuestions: [{ id: 'IAM-003.1', text: 'Does every account have a strong IAM password policy?' }],
      evidence: [],
    },
    {
      id: 'IAM-004',
      title: 'Individual identities, no shared credentials',
      section: 'IAM',
      requirement: 'Every person has an identity of their own; credentials are never shared.',
      automation: 'partial',
      checks: [
        {
          id: 'iam_no_shared_generic_users',
          role: 'evidence',
          rationale: 'A generic user name with a console password suggests a shared login, a guess a person confirms or refutes.',
        },
      ],
      alternatives: [
        { way: 'Everyone signs in with their own identity', how: 'IAM Identity Center, federation or one IAM user each, and iam_no_shared_generic_users passes; attest IAM-004.' },
        { way: 'Generic-looking users that belong to one person or have no console access', how: 'attest IAM-004 naming them.' },
      ],
      appliesTo: PARTNER_HOSTED,
      subQuestions: [{ id: 'IAM-004.1', text: 'Does every person use their own identity, with no shared credentials?' }],
      evidence: [
        {
          id: 'IAM-004/no-sharing',
          prompt: 'Confirm credentials are never shared, and explain any generic user names that remain.',
          accepts: ['yes-no', 'text'],
        },
      ],
    },
    {
      id: 'IAM-005',
      title: 'Third parties use roles, not IAM users',
      section: 'IAM',
      requirement: 'External parties reach your accounts through cross-account roles with temporary credentials, never through IAM users or their keys.',
      automation: 'partial',
      checks: [
        {
          id: 'iam_role_external_trust_requires_external_id',
          role: 'evidence',
          rationale: 'Roles trusted by other accounts show how third parties get in; IAM-005 asks for roles, so a trust without an external ID is for a person to justify.',
        },
        {
          id: 'accessanalyzer_enabled',
          role: 'advisory',
          rationale: 'Access Analyzer lists what outsiders can reach; IAM-005 does not ask for it.',
        },
      ],
      alternatives: [
        { way: 'Third parties assume roles that require an external ID', how: 'iam_role_external_trust_requires_external_id passes and no IAM user exists for them; attest IAM-005 listing them.' },
        { way: 'No third party has access', how: 'attest IAM-005 with "none".' },
        { way: 'A justified trust without an external ID', how: 'the third party cannot pass one; attest IAM-005 naming the role.' },
      ],
      appliesTo: PARTNER_HOSTED,
      subQuestions: [
        { id: 'IAM-005.1', text: 'Do third parties that need access to your accounts use cross-account IAM roles?' },
        { id: 'IAM-005.2', text: 'Are no IAM users or long-term access keys created for third parties?' },
      ],
      evidence: [
        { id: 'IAM-005/third-parties', prompt: 'List the third parties with access to your accounts and the roles they assume (or "none").', accepts: ['text'] },
      ],
    },
    {
      id: 'IAM-006',
      title: 'Least privilege',
      section: 'IAM',
      requirement: 'Permissions are scoped to the actions, resources and conditions needed, and granted through groups, roles or attributes rather than to single users.',
      automation: 'partial',
      checks: [
        {
          id: 'iam_policy_no_full_admin_wildcard',
          role: 'evidence',
          rationale: 'IAM-006 asks for least privilege with any broad grant justified; a full-admin policy is such a grant (break-glass roles are accepted).',
        },
        {
          id: 'iam_policy_attached_only_to_group_or_roles',
          role: 'evidence',
          rationale: 'IAM-006 prefers groups and roles to per-user grants; a policy on a user is for a person to justify or move.',
        },
      ],
      alternatives: [
        { way: 'No full-admin policy and permissions only through groups or roles', how: 'both checks pass; attest IAM-006 with how permissions are scoped and reviewed.' },
        { way: 'Broad or per-user grants that are justified', how: 'break-glass administrator, a machine user that cannot use a role; attest IAM-006 naming them.' },
      ],
      appliesTo: PARTNER_HOSTED,
      subQuestions: [{ id: 'IAM-006.1', text: 'Are IAM permissions scoped to least privilege?' }],
      evidence: [
        {
          id: 'IAM-006/approach',
          prompt: 'How permissions are scoped and reviewed, and why any broad grant that remains is needed.',
          accepts: ['text'],
        },
      ],
    },
    {
      id: 'IAM-007',
      title: 'Lifecycle-based access management',
      section: 'IAM',
      requirement: 'Access is removed or changed when people leave or change roles, driven by the identity provider and the HR process.',
      automation: 'partial',
      checks: [
        {
          id: 'iam_user_accesskey_unused',
          role: 'evidence',
          rationale: 'Idle access keys hint at access that outlived its owner; the lifecycle process itself is attested.',
        },
        {
          id: 'iam_user_console_access_unused',
          role: 'evidence',
          rationale: 'Idle console users hint at leavers whose access was not removed; the lifecycle process itself is attested.',
        },
      ],
      alternatives: [
        { way: 'Access driven by the identity provider and the HR process', how: 'no idle IAM credential remains (checks pass); attest IAM-007 with the joiner-mover-leaver process.' },
        { way: 'Idle IAM users that are explained or scheduled for removal', how: 'attest IAM-007 naming them.' },
      ],
      appliesTo: PARTNER_HOSTED,
      subQuestions: [{ id: 'IAM-007.1', text: 'Is access removed or adjusted when people leave or change roles?' }],
      evidence: [
        { id: 'IAM-007/joiner-mover-leaver', prompt: 'The joiner, mover and leaver process for AWS access.', accepts: ['text', 'file'] },
      ],
    },
    {
      id: 'IAM-008',
      title: 'Quarterly identity audit',
      section: 'IAM',
      requirement: 'Users, roles, identity-provider identities and their permissions are reviewed every quarter and unused access is removed.',
      automation: 'manual',
      checks: [],
      appliesTo: PARTNER_HOSTED,
      subQuestions: [{ id: 'IAM-008.1', text: 'Do you audit identities and their permissions at least every quarter?' }],
      evidence: [
        {
          id: 'IAM-008/audit-record',
          prompt: 'The record of the latest identity and permission review (date, scope, what was removed).',
          accepts: ['file', 'date', 'text'],
          expiresAfterMonths: 3,
        },
      ],
    },
    {
      id: 'IAM-009',
      title: 'No credentials in application code',
      section: 'IAM',
      requirement: 'Access keys, database passwords and other secrets are not in application code, source control, environment variables or instance user data.',
      automation: 'partial',
      checks: [
        {
          id: 'ec2_instance_no_secrets_in_user_data',
          role: 'required',
          rationale: 'IAM-009 forbids credentials in instance user data; suppress a false match with a justification.',
        },
        {
          id: 'ec2_launch_template_no_secrets',
          role: 'required',
          rationale: 'IAM-009 forbids credentials in user data; a launch template spreads it to every instance it starts.',
        },
        {
          id: 'lambda_function_no_secrets_in_variables',
          role: 'required',
          rationale: 'IAM-009 forbids credentials in environment variables; suppress a false match with a justification.',
        },
      ],
      appliesTo: PARTNER_HOSTED,
      subQuestions: [{ id: 'IAM-009.1', text: 'Is application code (and its repositories) free of hard-coded credentials?' }],
      evidence: [
        {
          id: 'IAM-009/source-scanning',
          prompt: 'How source code and repositories are kept free of credentials (for example secret scanning in CI); the scanner only sees runtime configuration.',
          accepts: ['text', 'url'],
        },
      ],
    },
    {
      id: 'IAM-010',
      title: 'Store secrets securely',
      section: 'IAM',
      requirement:
        'Secrets are kept in a store that encrypts them in transit and at rest, grants fine-grained access and logs their use (Secrets Manager, Parameter Store SecureString or equivalent).',
      automation: 'partial',
      checks: [
        {
          id: 'secrets_managed_store_in_use',
          role: 'evidence',
          rationale: 'Secrets Manager or SecureString parameters in use show a secret store; an equivalent store outside AWS also meets IAM-010.',
        },
        {
          id: 'ssm_parameter_secrets_use_securestring',
          role: 'required',
          rationale: 'A parameter named like a secret but stored as plain String is an unencrypted secret; suppress a false match with a justification.',
        },
      ],
      alternatives: [
        { way: 'AWS Secrets Manager or SecureString parameters', how: 'secrets_managed_store_in_use shows them; attest IAM-010.' },
        { way: 'An equivalent secret store outside AWS', how: 'HashiCorp Vault or a CI secret store that encrypts, controls and logs access; attest IAM-010 naming it.' },
      ],
      appliesTo: PARTNER_HOSTED,
      subQuestions: [{ id: 'IAM-010.1', text: 'Are all secrets kept in a secure secret store?' }],
      evidence: [
        {
          id: 'IAM-010/secret-store',
          prompt: 'Confirm every application secret lives in the secret store, and name the store if it is not an AWS service.',
          accepts: ['yes-no', 'text'],
        },
      ],
    },
    {
      id: 'IAM-011',
      title: 'Encrypt end-user credentials and hash passwords',
      section: 'IAM',
      requirement:
        'If the solution stores credentials of its own users, they are encrypted at rest and passwords are hashed, or a managed identity service such as Amazon Cognito holds them.',
      automation: 'manual',
      checks: [],
      appliesTo: PARTNER_HOSTED,
      subQuestions: [{ id: 'IAM-011.1', text: 'Are end-user credentials encrypted and passwords hashed (or held by a managed identity service)?' }],
      evidence: [
        {
          id: 'IAM-011/end-user-credentials',
          prompt: 'How end-user credentials are stored: encryption, password hashing algorithm, or the identity service used (or "the solution stores none").',
          accepts: ['text'],
        },
      ],
    },
    {
      id: 'IAM-012',
      title: 'Use temporary credentials',
      section: 'IAM',
      requirement:
        'Workloads use IAM roles (instance profiles, task roles, IRSA, IAM Roles Anywhere off AWS); people use IAM Identity Center or federation; any remaining static key is protected by MFA.',
      automation: 'partial',
      checks: [
        {
          id: 'iam_user_no_active_access_keys',
          role: 'evidence',
          rationale: 'IAM-012 prefers temporary credentials but accepts remaining static keys that are MFA-protected or cannot be replaced by a role.',
        },
        {
          id: 'iam_federation_configured',
          role: 'evidence',
          rationale: 'Federation or IAM Identity Center is how people get temporary credentials.',
        },
        {
          id: 'ec2_instance_uses_iam_role',
          role: 'evidence',
          rationale: 'An instance profile is how workloads on EC2 get temporary credentials; an appliance that makes no AWS calls needs none.',
        },
      ],
      alternatives: [
        { way: 'Roles for workloads, Identity Center or federation for people, no IAM user keys', how: 'the checks pass; attest IAM-012.' },
        { way: 'Remaining long-term keys that are MFA-protected or cannot be replaced by a role', how: 'off-AWS systems without IAM Roles Anywhere; attest IAM-012 listing them and why.' },
        { way: 'Instances without a role that make no AWS API calls', how: 'appliances, plain web servers; attest IAM-012 naming them.' },
      ],
      appliesTo: PARTNER_HOSTED,
      subQuestions: [
        { id: 'IAM-012.1', text: 'Do workloads use IAM roles and temporary credentials instead of long-term access keys?' },
        { id: 'IAM-012.2', text: 'Do people access AWS through IAM Identity Center or federation with temporary credentials?' },
      ],
      evidence: [
        {
          id: 'IAM-012/remaining-keys',
          prompt: 'Every long-term credential that remains and why a role cannot replace it (or "none").',
          accepts: ['text'],
        },
      ],
    },
    // ---------------------------------------------------------------- Operational security
    {
      id: 'SECOPS-001',
      title: 'Vulnerability management',
      section: 'SECOPS',
      requirement:
        'Operating systems and dependencies are scanned for vulnerabilities and patched on a defined schedule, ideally as part of CI/CD (Amazon Inspector or an equivalent tool).',
      automation: 'partial',
      checks: [
        {
          id: 'inspector2_is_enabled',
          role: 'evidence',
          rationale: 'Amazon Inspector is one scanner; Snyk, Trivy, OWASP Dependency-Check or another tool in CI/CD also meets SECOPS-001.',
        },
        {
          id: 'securityhub_enabled',
          role: 'advisory',
          rationale: 'Security Hub aggregates findings but scans nothing itself; SECOPS-001 does not ask for it.',
        },
      ],
      alternatives: [
        { way: 'Amazon Inspector in every region', how: 'inspector2_is_enabled passes (EC2, ECR images, Lambda); attest SECOPS-001 with the patch schedule.' },
        { way: 'Another vulnerability scanner on a schedule or in CI/CD', how: 'Snyk, Trivy, OWASP Dependency-Check or a commercial agent; attest SECOPS-001 with the tool, schedule and patch process.' },
      ],
      appliesTo: PARTNER_HOSTED,
      subQuestions: [{ id: 'SECOPS-001.1', text: 'Do you scan for and patch vulnerabilities in operating systems and dependencies on a defined schedule?' }],
      evidence: [
        {
          id: 'SECOPS-001/process',
          prompt: 'The vulnerability management process: the scanning tools, the schedule, and how findings are patched.',
          accepts: ['text', 'file'],
        },
      ],
    },
    // ---------------------------------------------------------------- Network security
    {
      id: 'NETSEC-001',
      title: 'Least-permissive security groups',
      section: 'NETSEC',
      requirement:
        'No security group or network ACL admits the internet (0.0.0.0/0 or ::/0) to SSH or RDP, and the default security group of every VPC allows no traffic.',
      automation: 'auto',
      checks: [
        {
          id: 'ec2_securitygroup_no_admin_ports_open_to_internet',
          role: 'required',
          rationale: 'NETSEC-001.1 asks for exactly this: no security group admits the internet to SSH or RDP.',
        },
        {
          id: 'ec2_securitygroup_no_all_ports_open_to_internet',
          role: 'required',
          rationale: 'A security group open to the internet on all ports also admits SSH and RDP (NETSEC-001.1).',
        },
        {
          id: 'ec2_securitygroup_default_restrict_traffic',
          role: 'required',
          rationale: 'NETSEC-001.2 asks for exactly this: the default security group of every VPC allows no traffic.',
        },
        {
          id: 'ec2_networkacl_no_admin_ports_open_to_internet',
          role: 'required',
          rationale: 'NETSEC-001.3 asks for exactly this: no network ACL admits the internet to SSH or RDP.',
        },
      ],
      appliesTo: PARTNER_HOSTED,
      subQuestions: [
        { id: 'NETSEC-001.1', text: 'Do no security groups allow ingress from 0.0.0.0/0 or ::/0 to port 22 or 3389?' },
        { id: 'NETSEC-001.2', text: 'Does the default security group of every VPC restrict all traffic?' },
        { id: 'NETSEC-001.3', text: 'Do no network ACLs allow ingress from 0.0.0.0/0 or ::/0 to port 22 or 3389?' },
      ],
      evidence: [],
    },
    {
      id: 'NETSEC-002',
      title: 'Restrict resources in public subnets',
      section: 'NETSEC',
      requirement: 'Only resources that must accept traffic from the internet sit in public subnets or have public addresses.',
      automation: 'partial',
      checks: [
        {
          id: 'ec2_instance_public_exposure_reviewed',
          role: 'evidence',
          rationale: 'Instances reachable from the internet are listed for a person to justify, which NETSEC-002 allows for resources that must take internet traffic.',
        },
        {
          id: 'rds_instance_not_publicly_accessible',
          role: 'evidence',
          rationale: 'A publicly accessible database is a resource with a public address; NETSEC-002 accepts it only where it must take internet traffic.',
        },
        {
          id: 'vpc_subnet_no_public_ip_by_default',
          role: 'advisory',
          rationale: 'NETSEC-002 is about resources in public subnets, not a subnet setting; an empty subnet that assigns public IPs exposes nothing.',
        },
      ],
      alternatives: [
        { way: 'No public address without need', how: 'the evidence checks pass; attest NETSEC-002.' },
        { way: 'Internet-facing resources that must take internet traffic', how: 'load balancers, bastions behind an allow-list; attest NETSEC-002 listing them and why.' },
      ],
      appliesTo: PARTNER_HOSTED,
      subQuestions: [{ id: 'NETSEC-002.1', text: 'Are only resources that must be reachable from the internet placed in public subnets?' }],
      evidence: [
        {
          id: 'NETSEC-002/public-resources',
          prompt: 'The resources in public subnets or with public addresses, and why each must be reachable from the internet.',
          accepts: ['text'],
        },
      ],
    },
    // ---------------------------------------------------------------- Backups and recovery
    {
      id: 'BAR-001',
      title: 'Automatic data backups',
      section: 'BAR',
      requirement:
        'Critical data is backed up automatically and regularly to durable storage (AWS Backup, native service backups or a third-party tool); if customers back up their own data, that is documented.',
      automation: 'partial',
      checks: [
        {
          id: 'backup_plans_exist',
          role: 'evidence',
          rationale: 'AWS Backup is one accepted way; native service backups or a third-party tool also meet BAR-001.',
        },
        {
          id: 'rds_instance_backup_enabled',
          role: 'evidence',
          rationale: 'RDS automated backups are the native way for databases; which databases hold critical data is for a person to scope.',
        },
        {
          id: 'dynamodb_table_pitr_enabled',
          role: 'evidence',
          rationale: 'Point-in-time recovery is the native way for DynamoDB; an AWS Backup plan or on-demand backups also protect a table.',
        },
        {
          id: 's3_bucket_versioning_enabled',
          role: 'evidence',
          rationale: 'Versioning is one way to keep S3 data recoverable; log and artifact buckets need none, and replication or AWS Backup also count.',
        },
      ],
      alternatives: [
        { way: 'AWS Backup plans covering the critical data', how: 'backup_plans_exist passes; attest BAR-001 naming the stores.' },
        { way: 'Native backups of each critical store', how: 'RDS automated backups, DynamoDB point-in-time recovery, S3 versioning, replication or Object Lock; attest BAR-001 naming the stores.' },
        { way: 'A third-party backup tool', how: 'attest BAR-001 naming the tool and the stores it protects.' },
        { way: 'Customers back up their own data, as documented', how: 'attest BAR-001 with the link to the documentation.' },
      ],
      appliesTo: PARTNER_HOSTED,
      subQuestions: [{ id: 'BAR-001.1', text: 'Is critical data backed up automatically to durable storage?' }],
      evidence: [
        {
          id: 'BAR-001/critical-data',
          prompt: 'The data stores that hold critical data and how each is backed up (or where customers are told to back up their own data).',
          accepts: ['text'],
        },
      ],
    },
    {
      id: 'BAR-002',
      title: 'Periodic restore tests',
      section: 'BAR',
      requirement: 'Restores are tested on a schedule and after significant changes, to show the recovery objectives can be met.',
      automation: 'partial',
      checks: [
        {
          id: 'backup_restore_tested_within_12_months',
          role: 'evidence',
          rationale: 'AWS Backup restore jobs are one record of restore tests; a documented test with any tool also meets BAR-002.',
        },
      ],
      alternatives: [
        { way: 'AWS Backup restore jobs or restore testing within 12 months', how: 'backup_restore_tested_within_12_months passes; attest BAR-002 with the schedule.' },
        { way: 'A documented restore test with any tool', how: 'on a schedule and after significant changes; attest BAR-002 with the latest record.' },
      ],
      appliesTo: PARTNER_HOSTED,
      subQuestions: [
        { id: 'BAR-002.1', text: 'Are restores from backup tested on a regular schedule?' },
        { id: 'BAR-002.2', text: 'Are restores tested after significant changes to confirm the RPO and RTO are met?' },
      ],
      evidence: [
        {
          id: 'BAR-002/restore-test',
          prompt: 'The record of the latest restore test: date, what was restored, time taken and result.',
          accepts: ['file', 'date', 'text'],
        },
      ],
    },
    // ---------------------------------------------------------------- Resiliency
    {
      id: 'RES-001',
      title: 'Define a recovery point objective (RPO)',
      section: 'RES',
      requirement: 'A recovery point objective is defined for the solution.',
      automation: 'manual',
      checks: [],
      appliesTo: PARTNER_HOSTED,
      subQuestions: [{ id: 'RES-001.1', text: 'Have you defined an RPO for the solution?' }],
      evidence: [{ id: 'RES-001/rpo', prompt: 'The RPO and where it is documented.', accepts: ['text', 'file'] }],
    },
    {
      id: 'RES-002',
      title: 'Define a recovery time objective (RTO)',
      section: 'RES',
      requirement: 'A recovery time objective is defined for the solution.',
      automation: 'manual',
      checks: [],
      appliesTo: PARTNER_HOSTED,
      subQuestions: [{ id: 'RES-002.1', text: 'Have you defined an RTO for the solution?' }],
      evidence: [{ id: 'RES-002/rto', prompt: 'The RTO and where it is documented.', accepts: ['text', 'file'] }],
    },
    {
      id: 'RES-003',
      title: 'Disaster recovery plan defined and tested',
      titleInferred: true,
      legacy: true,
      section: 'RES',
      requirement: 'Inferred (competency 2.10 and 2.12, nOps "Disaster Recovery"): a disaster recovery plan exists and has been tested against the RPO and RTO.',
      automation: 'manual',
      checks: [],
      appliesTo: PARTNER_HOSTED,
      evidence: [
        { id: 'RES-003/dr-plan', prompt: 'The disaster recovery plan and the record of its latest test.', accepts: ['file', 'url', 'date'] },
      ],
    },
    {
      id: 'RES-004',
      title: 'Resiliency testing',
      section: 'RES',
      requirement:
        'Resiliency is tested every 12 months and after major updates, covering data loss, instance failure and Availability Zone failure; at least one test met the RTO and RPO before the review.',
      automation: 'manual',
      checks: [],
      appliesTo: PARTNER_HOSTED,
      subQuestions: [{ id: 'RES-004.1', text: 'Have you tested resiliency (data loss, instance and AZ failure) in the last 12 months and met your RTO and RPO?' }],
      evidence: [
        {
          id: 'RES-004/test-report',
          prompt: 'The report of the latest resiliency test: scenarios, date, RTO and RPO achieved (AWS FIS or Resilience Hub results help).',
          accepts: ['file', 'date', 'text'],
          expiresAfterMonths: 12,
        },
      ],
    },
    {
      id: 'RES-005',
      title: 'Communicate customer resilience duties',
      section: 'RES',
      requirement: 'Customer documentation or contracts state what customers must back up themselves, how, and which availability options they have.',
      automation: 'manual',
      checks: [],
      appliesTo: PARTNER_HOSTED,
      subQuestions: [{ id: 'RES-005.1', text: 'Do you tell customers which backup and availability duties are theirs?' }],
      evidence: [
        { id: 'RES-005/customer-docs', prompt: 'Link to the customer documentation or contract clause.', accepts: ['url', 'file'] },
      ],
    },
    {
      id: 'RES-006',
      title: 'Architecture meets the published SLAs',
      section: 'RES',
      requirement:
        'Where SLAs or availability targets are published, the architecture and operations support them (for example Multi-AZ), and customers are told about any configuration they need.',
      automation: 'partial',
      checks: [
        {
          id: 'rds_instance_multi_az',
          role: 'evidence',
          rationale: 'Multi-AZ databases are one way to meet an availability target; RES-006 applies only where an SLA is published and to the resources it covers.',
        },
        {
          id: 'autoscaling_group_multi_az',
          role: 'evidence',
          rationale: 'Auto Scaling groups across Availability Zones are one way to meet an availability target; single-AZ groups outside the SLA do not matter.',
        },
      ],
      alternatives: [
        { way: 'Multi-AZ resources behind the published SLA', how: 'the checks pass on them; attest RES-006 with the SLA.' },
        { way: 'The SLA met another way', how: 'serverless or multi-region design, or single-AZ resources outside the SLA such as development databases; attest RES-006 explaining how.' },
        { way: 'No published SLA or availability target', how: 'attest RES-006 as not-applicable.' },
      ],
      appliesTo: PARTNER_HOSTED,
      subQuestions: [
        { id: 'RES-006.1', text: 'If you publish SLAs or availability targets, do your architecture and operations support them?' },
        { id: 'RES-006.2', text: 'Are customers told about any configuration they need to reach the published availability?' },
      ],
      evidence: [
        {
          id: 'RES-006/sla',
          prompt: 'The published SLA or availability target (or "none published") and how the architecture meets it.',
          accepts: ['url', 'text'],
        },
      ],
    },
    {
      id: 'RES-007',
      title: 'Outage communication plan',
      section: 'RES',
      requirement: 'A plan exists to inform customers during and after an outage, without sharing information under AWS NDA.',
      automation: 'manual',
      checks: [],
      appliesTo: PARTNER_HOSTED,
      subQuestions: [{ id: 'RES-007.1', text: 'Do you have a plan for communicating with customers during and after outages?' }],
      evidence: [
        { id: 'RES-007/plan', prompt: 'The outage communication plan (status page, runbook or template).', accepts: ['url', 'file'] },
      ],
    },
    // ---------------------------------------------------------------- Amazon S3 bucket access
    {
      id: 'S3-001',
      title: 'Review S3 bucket access',
      section: 'S3',
      requirement: 'Buckets that need public access are reviewed and justified; every other bucket is private and accessed with least privilege.',
      automation: 'partial',
      checks: [
        {
          id: 's3_bucket_public_access',
          role: 'required',
          rationale: 'A public bucket must be reviewed and justified: suppress its finding with the justification; every other bucket must be private.',
        },
        {
          id: 's3_account_level_public_access_block',
          role: 'evidence',
          rationale: 'Account-level Block Public Access keeps every bucket private; an account that hosts a justified public bucket uses bucket-level settings instead.',
        },
        {
          id: 's3_bucket_level_public_access_block',
          role: 'evidence',
          rationale: 'Block Public Access on each bucket keeps it private; a justified public bucket has it off.',
        },
        {
          id: 's3_bucket_acl_prohibited',
          role: 'advisory',
          rationale: 'Disabling ACLs is hardening; an ACL that makes a bucket public is judged by s3_bucket_public_access.',
        },
        {
          id: 'accessanalyzer_enabled',
          role: 'advisory',
          rationale: 'Access Analyzer helps review bucket access; S3-001 asks for the review, not for this tool.',
        },
      ],
      alternatives: [
        { way: 'Block Public Access on at account level or on every bucket', how: 'the evidence checks pass; attest S3-001 with how bucket access is reviewed.' },
        { way: 'Public buckets justified one by one, all others private', how: 'suppress each public bucket\'s s3_bucket_public_access finding with the reason; attest S3-001 listing them.' },
      ],
      appliesTo: PARTNER_HOSTED,
      subQuestions: [{ id: 'S3-001.1', text: 'Have you reviewed S3 bucket access and justified every bucket that allows public access?' }],
      evidence: [
        {
          id: 'S3-001/public-buckets',
          prompt: 'Every bucket that allows public access and why (or "none"), and how bucket access is reviewed.',
          accepts: ['text'],
        },
      ],
    },
    {
      id: 'S3-002',
      title: 'S3 Block Public Access enabled',
      titleInferred: true,
      legacy: true,
      section: 'S3',
      requirement: 'Inferred (Service Screener maps it to Block Public Access): Block Public Access is on at account level and on each bucket.',
      automation: 'auto',
      checks: [
        {
          id: 's3_account_level_public_access_block',
          role: 'required',
          rationale: 'The (inferred) legacy item asks for Block Public Access at account level.',
        },
        {
          id: 's3_bucket_level_public_access_block',
          role: 'required',
          rationale: 'The (inferred) legacy item asks for Block Public Access on each bucket (bucket or account level).',
        },
      ],
      appliesTo: PARTNER_HOSTED,
      evidence: [],
    },
    {
      id: 'S3-003',
      title: 'Alerting when a bucket or object becomes public',
      titleInferred: true,
      legacy: true,
      section: 'S3',
      requirement: 'Inferred (competency 1.19): a monitoring mechanism raises an alert when an S3 bucket or object becomes public.',
      automation: 'partial',
      checks: [
        {
          id: 's3_public_exposure_monitoring_enabled',
          role: 'evidence',
          rationale: 'Access Analyzer, Config rules or Security Hub watching public buckets is one way to alert; Trusted Advisor or a third-party tool also counts.',
        },
        {
          id: 'accessanalyzer_enabled',
          role: 'evidence',
          rationale: 'An external-access analyzer reports a bucket that becomes public; someone must receive its findings.',
        },
        {
          id: 'config_recorder_enabled_all_regions',
          role: 'advisory',
          rationale: 'A Config recorder records changes but alerts on nothing without rules; s3_public_exposure_monitoring_enabled looks for those rules.',
        },
      ],
      alternatives: [
        { way: 'Access Analyzer, Config rules or Security Hub watching public buckets', how: 'the evidence checks pass in every region with buckets; attest S3-003 with who receives the alert.' },
        { way: 'Trusted Advisor, Macie or a third-party alerting tool', how: 'attest S3-003 naming it and the recipient.' },
      ],
      appliesTo: PARTNER_HOSTED,
      evidence: [
        { id: 'S3-003/alert-recipient', prompt: 'Who receives the alert when a bucket or object becomes public, and how.', accepts: ['text'] },
      ],
    },
    // ---------------------------------------------------------------- Cross-account access (gated by CAA-000)
    {
      id: 'CAA-001',
      title: 'Cross-account roles to reach customer accounts',
      section: 'CAA',
      requirement: 'The solution reaches customer AWS accounts only by assuming an IAM role, never with IAM user keys provided by customers.',
      automation: 'manual',
      checks: [],
      appliesTo: PARTNER_HOSTED,
      gatedBy: 'CAA-000',
      subQuestions: [{ id: 'CAA-001.1', text: 'Does the solution access customer accounts only through cross-account IAM roles?' }],
      evidence: [
        { id: 'CAA-001/access-design', prompt: 'How the solution accesses customer accounts (onboarding flow, role naming).', accepts: ['text', 'file'] },
      ],
    },
    {
      id: 'CAA-002',
      title: 'Use an external ID',
      section: 'CAA',
      requirement: 'The trust policy of the role in the customer account requires an sts:ExternalId condition.',
      automation: 'manual',
      checks: [
        {
          id: 'iam_role_external_trust_requires_external_id',
          role: 'advisory',
          rationale: 'It reads roles in the scanned accounts; CAA-002 is about the role in customer accounts, which the onboarding template shows.',
        },
      ],
      appliesTo: PARTNER_HOSTED,
      gatedBy: 'CAA-000',
      subQuestions: [{ id: 'CAA-002.1', text: 'Does the customer-account role trust policy require an external ID?' }],
      evidence: [
        {
          id: 'CAA-002/trust-policy',
          prompt: 'The onboarding template or trust policy of the customer-account role, showing the sts:ExternalId condition.',
          accepts: ['file', 'url'],
        },
      ],
    },
    {
      id: 'CAA-003',
      title: 'Retire customer-provided IAM credentials',
      section: 'CAA',
      requirement: 'Any earlier use of IAM user keys supplied by customers is deprecated and the keys are removed.',
      automation: 'manual',
      checks: [],
      appliesTo: PARTNER_HOSTED,
      gatedBy: 'CAA-000',
      subQuestions: [{ id: 'CAA-003.1', text: 'Have you retired and deleted all IAM credentials provided by customers?' }],
      evidence: [
        {
          id: 'CAA-003/no-customer-keys',
          prompt: 'Confirm no customer-provided IAM credentials are still stored or used.',
          accepts: ['yes-no', 'text'],
        },
      ],
    },
    {
      id: 'CAA-004',
      title: 'Partner-generated external ID',
      section: 'CAA',
      requirement: 'The external ID is generated by the partner, not chosen by the customer.',
      automation: 'manual',
      checks: [],
      appliesTo: PARTNER_HOSTED,
      gatedBy: 'CAA-000',
      subQuestions: [{ id: 'CAA-004.1', text: 'Is the external ID generated by you rather than chosen by the customer?' }],
      evidence: [{ id: 'CAA-004/generation', prompt: 'How and where the external ID is generated.', accepts: ['text'] }],
    },
    {
      id: 'CAA-005',
      title: 'Unique external ID per customer',
      section: 'CAA',
      requirement: 'Each customer gets a different external ID.',
      automation: 'manual',
      checks: [],
      appliesTo: PARTNER_HOSTED,
      gatedBy: 'CAA-000',
      subQuestions: [{ id: 'CAA-005.1', text: 'Is the external ID unique for each customer?' }],
      evidence: [{ id: 'CAA-005/uniqueness', prompt: 'How uniqueness of the external ID per customer is ensured.', accepts: ['text'] }],
    },
    {
      id: 'CAA-006',
      title: 'External ID is read-only to customers',
      section: 'CAA',
      requirement: 'Customers can see their external ID but cannot change it.',
      automation: 'manual',
      checks: [],
      appliesTo: PARTNER_HOSTED,
      gatedBy: 'CAA-000',
      subQuestions: [{ id: 'CAA-006.1', text: 'Can customers view but not modify their external ID?' }],
      evidence: [
        { id: 'CAA-006/ui', prompt: 'A screenshot or description of where customers see their external ID, showing it cannot be edited.', accepts: ['file', 'text'] },
      ],
    },
    {
      id: 'CAA-007',
      title: 'Least-privilege role setup',
      section: 'CAA',
      requirement: 'A template (such as CloudFormation) or written guidance creates the cross-account role with the minimum permissions the solution needs.',
      automation: 'manual',
      checks: [],
      appliesTo: PARTNER_HOSTED,
      gatedBy: 'CAA-000',
      subQuestions: [{ id: 'CAA-007.1', text: 'Do you provide a template or guidance that creates the cross-account role with least privilege?' }],
      evidence: [
        { id: 'CAA-007/template', prompt: 'The role template or setup guide given to customers.', accepts: ['file', 'url'] },
      ],
    },
    // ---------------------------------------------------------------- Sensitive data (gated by SDAT-000)
    {
      id: 'SDAT-001',
      title: 'Identify sensitive data',
      section: 'SDAT',
      requirement: 'A process identifies and classifies the sensitive data the solution holds (PII, PHI and similar).',
      automation: 'partial',
      checks: [
        {
          id: 'macie_is_enabled',
          role: 'evidence',
          rationale: 'Macie is supporting evidence; SDAT-001 asks for a classification process, which any tool or a manual inventory can provide.',
        },
      ],
      alternatives: [
        { way: 'Amazon Macie sensitive-data discovery', how: 'macie_is_enabled passes in every region that holds data; attest SDAT-001 with the classification.' },
        { way: 'A documented classification process', how: 'another tool or a maintained inventory; attest SDAT-001 with it.' },
      ],
      appliesTo: PARTNER_HOSTED,
      gatedBy: 'SDAT-000',
      subQuestions: [{ id: 'SDAT-001.1', text: 'Do you have a process to identify and classify sensitive data?' }],
      evidence: [
        {
          id: 'SDAT-001/classification',
          prompt: 'The data classification process and the kinds of sensitive data the solution holds.',
          accepts: ['text', 'file'],
        },
      ],
    },
    {
      id: 'SDAT-002',
      title: 'Encrypt sensitive data at rest',
      section: 'SDAT',
      requirement: 'Every data store that holds sensitive data is encrypted at rest.',
      automation: 'partial',
      checks: [
        {
          id: 'rds_instance_storage_encrypted',
          role: 'evidence',
          rationale: 'An unencrypted database fails SDAT-002 only if it holds sensitive data, which a person scopes.',
        },
        {
          id: 'ec2_ebs_volume_encrypted',
          role: 'evidence',
          rationale: 'An unencrypted volume fails SDAT-002 only if it holds sensitive data, which a person scopes.',
        },
        {
          id: 's3_bucket_default_encryption',
          role: 'evidence',
          rationale: 'Every S3 bucket is encrypted (SSE-S3) since January 2023; a FAIL means an old or emulated answer for a bucket a person scopes.',
        },
        {
          id: 'ec2_ebs_default_encryption',
          role: 'advisory',
          rationale: 'EBS encryption by default is a region setting, not a data store; a region without volumes holds no sensitive data.',
        },
        {
          id: 'kms_cmk_rotation_enabled',
          role: 'advisory',
          rationale: 'Key rotation is hardening; it does not make data encrypted at rest.',
        },
        {
          id: 'cloudtrail_kms_encryption_enabled',
          role: 'advisory',
          rationale: 'CloudTrail logs are encrypted with SSE-S3 by default and are not customer sensitive data; SSE-KMS is hardening.',
        },
      ],
      alternatives: [
        { way: 'Every data store encrypted at rest', how: 'the evidence checks pass everywhere; attest SDAT-002 naming the stores that hold sensitive data.' },
        { way: 'The sensitive stores encrypted, the unencrypted ones holding none', how: 'attest SDAT-002 naming which stores hold sensitive data.' },
      ],
      appliesTo: PARTNER_HOSTED,
      gatedBy: 'SDAT-000',
      subQuestions: [{ id: 'SDAT-002.1', text: 'Is all sensitive data encrypted at rest?' }],
      evidence: [
        {
          id: 'SDAT-002/sensitive-stores',
          prompt: 'The data stores that hold sensitive data (the scan checks encryption everywhere; you say which stores matter).',
          accepts: ['text'],
        },
      ],
    },
    {
      id: 'SDAT-003',
      title: 'Encrypt sensitive data in transit outside the VPC',
      section: 'SDAT',
      requirement: 'Sensitive data crosses the VPC boundary only over encrypted protocols such as TLS.',
      automation: 'partial',
      checks: [
        {
          id: 'elbv2_listener_tls_or_redirect',
          role: 'evidence',
          rationale: 'A plain-HTTP listener fails SDAT-003 only if sensitive data crosses it; a redirect or a public asset site does not.',
        },
        {
          id: 'cloudfront_distribution_https_only',
          role: 'evidence',
          rationale: 'A distribution that allows HTTP fails SDAT-003 only if sensitive data crosses it (an S3 website origin only speaks HTTP).',
        },
        {
          id: 's3_bucket_secure_transport_policy',
          role: 'evidence',
          rationale: 'A TLS-only bucket policy enforces TLS; without it, clients that use TLS still meet SDAT-003, and only buckets with sensitive data matter.',
        },
      ],
      alternatives: [
        { way: 'TLS on every path that carries sensitive data out of the VPC', how: 'the checks pass on those paths; attest SDAT-003.' },
        { way: 'Plain-HTTP exceptions that carry no sensitive data', how: 'redirects, public assets, S3 website origins; attest SDAT-003 naming them.' },
      ],
      appliesTo: PARTNER_HOSTED,
      gatedBy: 'SDAT-000',
      subQuestions: [{ id: 'SDAT-003.1', text: 'Is sensitive data encrypted whenever it leaves the VPC?' }],
      evidence: [
        {
          id: 'SDAT-003/transit-paths',
          prompt: 'Confirm every path by which sensitive data leaves the VPC uses TLS, and list any exception.',
          accepts: ['yes-no', 'text'],
        },
      ],
    },
    // ---------------------------------------------------------------- Regulatory compliance validation process
    {
      id: 'RCVP-001',
      title: 'Regulatory compliance validation process',
      section: 'RCVP',
      requirement:
        'If the solution claims compliance with a regulation or standard (HIPAA, FedRAMP, SOC 2, PCI DSS ...), a process keeps that claim true.',
      automation: 'partial',
      checks: [
        {
          id: 'securityhub_enabled',
          role: 'evidence',
          rationale: 'Security Hub standards are supporting evidence for a compliance claim; certificates and audits are the main evidence, and a product with no claim needs none.',
        },
      ],
      alternatives: [
        { way: 'No compliance claim', how: 'attest RCVP-001 as not-applicable.' },
        { way: 'Each claim kept current by audits and continuous checks', how: 'certificates or audit reports (SOC 2, ISO 27001, HIPAA, PCI DSS ...) and checks such as Security Hub standards or Audit Manager; attest RCVP-001 with them.' },
      ],
      appliesTo: PARTNER_HOSTED,
      subQuestions: [
        { id: 'RCVP-001.1', text: 'Does the solution claim compliance with any regulation or industry standard?' },
        { id: 'RCVP-001.2', text: 'If so, do you have a process that keeps each compliance claim valid?' },
      ],
      evidence: [
        {
          id: 'RCVP-001/claims',
          prompt: 'Each compliance claim (or "none") with its certificate or audit report and the process that keeps it current.',
          accepts: ['text', 'file', 'url'],
        },
      ],
    },
  ],
});
