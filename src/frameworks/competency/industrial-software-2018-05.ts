/**
 * AWS Industrial Software Competency, Technology Partner Validation Checklist v1.0 (May 2018), seed
 * `004_1a963f1b96e83cec.txt`. Requirements are restated in our words (see
 * /work/shared/reference/competency-checklist.md).
 *
 * Item ids:
 * - Technical items keep the checklist's numbers exactly (`1.1` ... `3.3`). The source jumps from 1.5 to 1.7;
 *   `1.6` is listed with `notPresentInSource: true` so reports show the gap instead of silently renumbering.
 * - The program prerequisites reuse numbers of the technical table (prerequisite 1.1 "Technology Partner Tier"
 *   vs technical 1.1 "root user"), so they carry a `PRE-` prefix: `PRE-1.1` ... `PRE-5.1` (kind 'prerequisite').
 * - The three "Required Documentation" rows have no number in the source; they are `DOC-*` (kind 'documentation').
 *
 * Applicability follows the seed's "Applies to" columns: every technical item applies to multi-tenant SaaS,
 * single-tenant SaaS and managed services; only the Customer-Deployed column varies. For customer-deployed
 * solutions the applicable items are judged from the deployment guide and templates.
 *
 * `twins` name the FTR Partner Hosted items (catalog `ftr-partner-hosted`) that ask the same thing, so one
 * answer can serve both reviews. Items without an FTR twin are evidenced by the competency-only checks.
 *
 * Check roles are read from the 2018 text, which is stricter than the FTR in places ("All data in transit
 * across a VPC boundary is encrypted": 1.24 requires the load balancer check) and looser in others (1.12
 * accepts keys held by people): see docs/verdicts.md.
 */
import { defineFramework, type Framework } from '../../core/framework.js';

const ALL = ['multi-tenant-saas', 'single-tenant-saas', 'managed-service', 'customer-deployed'] as const;
const HOSTED_ONLY = ['multi-tenant-saas', 'single-tenant-saas', 'managed-service'] as const;

const CD_NOTE = 'For a customer-deployed solution, point to the deployment guide section or template that covers it.';

export const industrialSoftwareCompetency: Framework = defineFramework({
  id: 'industrial-software-competency',
  title: 'AWS Industrial Software Competency: Technology Partner Validation Checklist',
  version: '2018-05',
  checklistVersion: '1.0',
  releaseDate: '2018-05',
  source: 'AWS Industrial Software Competency Technology Partner Validation Checklist, May 2018, Version 1.0',
  sections: [
    { id: 'PRE-1', title: 'Prerequisites: APN program membership' },
    { id: 'PRE-2', title: 'Prerequisites: case studies' },
    { id: 'PRE-3', title: 'Prerequisites: web presence and thought leadership' },
    { id: 'PRE-4', title: 'Prerequisites: business requirements' },
    { id: 'PRE-5', title: 'Prerequisites: self-assessment' },
    { id: 'DOC', title: 'Required documentation' },
    { id: 'SEC', title: '1.0 Security' },
    { id: 'REL', title: '2.0 Reliability' },
    { id: 'OPS', title: '3.0 Operational excellence' },
  ],
  gatingQuestions: [],
  items: [
    // ================================================================ Prerequisites
    {
      id: 'PRE-1.1',
      kind: 'prerequisite',
      title: 'Technology partner tier',
      section: 'PRE-1',
      requirement:
        'The partner is an Advanced Tier technology partner before applying (2018 wording; today this corresponds to a validated Software Path with an approved FTR).',
      automation: 'manual',
      checks: [],
      appliesTo: ALL,
      evidence: [{ id: 'PRE-1.1/tier', prompt: 'Partner tier or path as shown in Partner Central (screenshot or partner id).', accepts: ['file', 'text'] }],
    },
    {
      id: 'PRE-1.2',
      kind: 'prerequisite',
      title: 'Solution category',
      section: 'PRE-1',
      requirement: 'The partner names the segment category of the solution and its delivery category.',
      automation: 'manual',
      checks: [],
      appliesTo: ALL,
      subQuestions: [
        { id: 'PRE-1.2.1', text: 'Segment category: Product Design, Production Design, Production or Operations?' },
        { id: 'PRE-1.2.2', text: 'Delivery category: multi-tenant SaaS, single-tenant SaaS, managed service or customer-deployed?' },
      ],
      evidence: [
        { id: 'PRE-1.2/segment', prompt: 'The segment category of the solution.', accepts: ['text'] },
        {
          id: 'PRE-1.2/delivery',
          prompt: 'The delivery category of the solution (it decides which technical items apply).',
          accepts: ['text'],
        },
      ],
    },
    {
      id: 'PRE-1.3',
      kind: 'prerequisite',
      title: 'Customer adoption',
      section: 'PRE-1',
      requirement: 'The partner states how many customers use the solution.',
      automation: 'manual',
      checks: [],
      appliesTo: ALL,
      evidence: [{ id: 'PRE-1.3/customers', prompt: 'The total number of customers using the solution.', accepts: ['number', 'text'] }],
    },
    {
      id: 'PRE-2.1',
      kind: 'prerequisite',
      title: 'Four industrial software case studies',
      section: 'PRE-2',
      requirement:
        'Four case studies of one solution, each showing it used in one of the segment categories, each naming the customer, the challenge, how the solution was deployed, third-party tools, the production date and the outcomes; each deployed within the last 18 months and in production (no pilots or proofs of concept).',
      automation: 'manual',
      checks: [],
      appliesTo: ALL,
      subQuestions: [
        { id: 'PRE-2.1.1', text: 'Are there four case studies of the same solution, each in one of the segment categories?' },
        {
          id: 'PRE-2.1.2',
          text: 'Does each give the customer name, challenge, deployment, third-party tools, production date and outcomes?',
        },
        { id: 'PRE-2.1.3', text: 'Was each deployed within the last 18 months, and is each in production rather than a pilot?' },
      ],
      evidence: [
        {
          id: 'PRE-2.1/case-studies',
          prompt: 'The four case-study documents.',
          accepts: ['file', 'url'],
          expiresAfterMonths: 18,
        },
        {
          id: 'PRE-2.1/production-dates',
          prompt: 'The date each case-study deployment entered production.',
          accepts: ['date', 'text'],
          expiresAfterMonths: 18,
        },
      ],
    },
    {
      id: 'PRE-2.2',
      kind: 'prerequisite',
      title: 'Two publicly available case studies',
      section: 'PRE-2',
      requirement:
        'Two of the four case studies are public (case study, white paper, video or blog post), reachable from the partner home page, and name the customer, the partner and AWS with the challenge, the solution, the AWS services used and the outcomes.',
      automation: 'manual',
      checks: [],
      appliesTo: ALL,
      evidence: [
        { id: 'PRE-2.2/urls', prompt: 'Links to the two public case studies.', accepts: ['url'] },
        { id: 'PRE-2.2/navigation', prompt: 'How a visitor reaches each of them from the partner home page.', accepts: ['text'] },
      ],
    },
    {
      id: 'PRE-3.1',
      kind: 'prerequisite',
      title: 'AWS landing page',
      section: 'PRE-3',
      requirement:
        'An AWS-specific industrial software page, reachable from the home page, describes the solution, links the public case studies and lists technology partnerships (the home page itself only counts for a dedicated industrial software company).',
      automation: 'manual',
      checks: [],
      appliesTo: ALL,
      evidence: [{ id: 'PRE-3.1/landing-page', prompt: 'The landing page URL.', accepts: ['url'] }],
    },
    {
      id: 'PRE-3.2',
      kind: 'prerequisite',
      title: 'Industrial software thought leadership',
      section: 'PRE-3',
      requirement: 'Public material (blog posts, press articles, videos) shows the partner\'s industrial software expertise, with examples published within the last 12 months.',
      automation: 'manual',
      checks: [],
      appliesTo: ALL,
      evidence: [
        {
          id: 'PRE-3.2/publications',
          prompt: 'Links to thought-leadership material and their publication dates.',
          accepts: ['url', 'date'],
          expiresAfterMonths: 12,
        },
      ],
    },
    {
      id: 'PRE-4.1',
      kind: 'prerequisite',
      title: 'Field-ready toolkits',
      section: 'PRE-4',
      requirement: 'Seller toolkits with a clear value proposition for the AWS sales organisation: a presentation, a one-pager and a use-case checklist.',
      automation: 'manual',
      checks: [],
      appliesTo: ALL,
      evidence: [{ id: 'PRE-4.1/toolkit', prompt: 'The presentation, one-pager and use-case checklist.', accepts: ['file', 'url'] }],
    },
    {
      id: 'PRE-4.2',
      kind: 'prerequisite',
      title: 'Product support or help desk',
      section: 'PRE-4',
      requirement: 'Customers get product support by web chat, phone or email.',
      automation: 'manual',
      checks: [],
      appliesTo: ALL,
      evidence: [{ id: 'PRE-4.2/support', prompt: 'A description of the support offered to customers.', accepts: ['text', 'url'] }],
    },
    {
      id: 'PRE-4.3',
      kind: 'prerequisite',
      title: 'AWS Marketplace listing',
      section: 'PRE-4',
      requirement: 'The partner says whether the solution is listed on AWS Marketplace, and links the listing if it is.',
      automation: 'manual',
      checks: [],
      appliesTo: ALL,
      evidence: [{ id: 'PRE-4.3/listing', prompt: 'Is the solution on AWS Marketplace? If yes, the listing URL.', accepts: ['yes-no', 'url'] }],
    },
    {
      id: 'PRE-4.4',
      kind: 'prerequisite',
      title: 'Sales compensation for joint AWS deals',
      section: 'PRE-4',
      requirement: 'The partner states whether its sellers are compensated on opportunities shared with AWS, and describes the plan.',
      automation: 'manual',
      checks: [],
      appliesTo: ALL,
      evidence: [{ id: 'PRE-4.4/compensation', prompt: 'A short description of the compensation plan for joint opportunities.', accepts: ['yes-no', 'text'] }],
    },
    {
      id: 'PRE-4.5',
      kind: 'prerequisite',
      title: 'Joint AWS and partner wins',
      section: 'PRE-4',
      requirement: 'The partner has a process to document and publicise wins shared with AWS.',
      automation: 'manual',
      checks: [],
      appliesTo: ALL,
      evidence: [{ id: 'PRE-4.5/process', prompt: 'A description of the joint-wins process.', accepts: ['text'] }],
    },
    {
      id: 'PRE-5.1',
      kind: 'prerequisite',
      title: 'Completed self-assessment',
      section: 'PRE-5',
      requirement:
        'The partner completes every section of this checklist as a self-assessment and emails it to competency-checklist@amazon.com; a review by the partner\'s AWS team beforehand is recommended.',
      automation: 'manual',
      checks: [],
      appliesTo: ALL,
      evidence: [
        {
          id: 'PRE-5.1/self-assessment',
          prompt: 'The completed self-assessment (an export of this report can serve) and the date it was sent.',
          accepts: ['file', 'date'],
        },
      ],
    },
    // ================================================================ Required documentation
    {
      id: 'DOC-ARCHITECTURE-DIAGRAM',
      kind: 'documentation',
      title: 'Architecture diagrams',
      section: 'DOC',
      requirement:
        'Architecture diagrams show the major elements and how they deliver the solution, every AWS service with its official icon, how the services are deployed (VPCs, Availability Zones, subnets, external connections) and elements outside AWS. Multi-tenant and single-tenant SaaS: one for the whole solution plus one per case study; managed service and customer-deployed: one per case study.',
      automation: 'manual',
      checks: [],
      appliesTo: ALL,
      subQuestions: [
        { id: 'DOC-ARCHITECTURE-DIAGRAM.1', text: 'Does each diagram show the major elements and how they combine to deliver the solution?' },
        { id: 'DOC-ARCHITECTURE-DIAGRAM.2', text: 'Does each diagram show every AWS service used, with the AWS service icons?' },
        { id: 'DOC-ARCHITECTURE-DIAGRAM.3', text: 'Does each diagram show VPCs, Availability Zones, subnets and connections to systems outside AWS?' },
        { id: 'DOC-ARCHITECTURE-DIAGRAM.4', text: 'Does each diagram show elements deployed outside AWS (on-premises components, devices)?' },
      ],
      evidence: [
        {
          id: 'DOC-ARCHITECTURE-DIAGRAM/solution',
          prompt: 'SaaS solutions only: the architecture diagram of the whole solution.',
          accepts: ['file'],
        },
        { id: 'DOC-ARCHITECTURE-DIAGRAM/case-studies', prompt: 'One architecture diagram per case study.', accepts: ['file'] },
      ],
    },
    {
      id: 'DOC-DEPLOYMENT-GUIDE',
      kind: 'documentation',
      title: 'Deployment guide',
      section: 'DOC',
      requirement:
        'One deployment guide for the solution gives the best practices for deploying it on AWS and covers every section of AWS\'s baseline requirements for deployment guides.',
      automation: 'manual',
      checks: [],
      appliesTo: ['customer-deployed'],
      evidence: [{ id: 'DOC-DEPLOYMENT-GUIDE/guide', prompt: 'The deployment guide.', accepts: ['file', 'url'] }],
    },
    {
      id: 'DOC-VALIDATION-CHECKLIST',
      kind: 'documentation',
      title: 'Completed validation checklist per case study',
      section: 'DOC',
      requirement: 'For each of the four case studies, a completed copy of the technical checklist marks which items are met.',
      automation: 'manual',
      checks: [],
      appliesTo: ALL,
      evidence: [
        {
          id: 'DOC-VALIDATION-CHECKLIST/per-case-study',
          prompt: 'The completed checklist for each case study (one run of this tool per case-study environment).',
          accepts: ['file'],
        },
      ],
    },
    // ================================================================ 1.0 Security
    {
      id: '1.1',
      title: 'Root user not used for routine activities',
      section: 'SEC',
      requirement: 'The root user is kept for the few tasks that need it; everyday work uses individual identities.',
      automation: 'partial',
      checks: [
        {
          id: 'iam_avoid_root_usage',
          role: 'required',
          rationale: 'Programmatic root use (a root access key used in the last 90 days) is routine use; root console sign-ins are for a person to confirm.',
        },
        {
          id: 'iam_no_root_access_key',
          role: 'evidence',
          rationale: 'Root access keys invite routine programmatic root use; 1.1 asks that root is not used, so keys that exist are for a person to explain.',
        },
      ],
      alternatives: [
        { way: 'No root access keys and no recent root activity', how: 'the checks pass; attest 1.1 with who holds the root credentials.' },
        { way: 'Remaining root access keys stored securely and unused', how: 'attest 1.1 explaining why they exist.' },
      ],
      appliesTo: HOSTED_ONLY,
      twins: ['ARC-001'],
      evidence: [
        { id: '1.1/root-custody', prompt: 'Who can use the root credentials, how they are stored, and when root was last used and why.', accepts: ['text'] },
      ],
    },
    {
      id: '1.2',
      title: 'MFA on the root user',
      section: 'SEC',
      requirement: 'The root user has MFA enabled.',
      automation: 'auto',
      checks: [
        {
          id: 'iam_root_mfa_enabled',
          role: 'required',
          rationale: '1.2 asks for exactly this: MFA on the root user.',
        },
      ],
      appliesTo: HOSTED_ONLY,
      twins: ['ARC-003'],
      evidence: [],
    },
    {
      id: '1.3',
      title: 'Individual identities used for all routine activities',
      section: 'SEC',
      requirement:
        'Each person who needs administrator access has an identity of their own, granted through an administrators group (or IAM Identity Center / federation); routine work never uses the root user.',
      automation: 'partial',
      checks: [
        {
          id: 'iam_no_shared_generic_users',
          role: 'evidence',
          rationale: 'A generic user name with a console password suggests a shared login, a guess a person confirms or refutes.',
        },
        {
          id: 'iam_policy_attached_only_to_group_or_roles',
          role: 'evidence',
          rationale: '1.3 grants administrator rights through a group; a policy on a single user is for a person to justify or move.',
        },
      ],
      alternatives: [
        { way: 'Individual identities, administrators through a group or permission set', how: 'IAM Identity Center, federation or one IAM user each, and the checks pass; attest 1.3.' },
        { way: 'Per-user grants or generic-looking users that are justified', how: 'attest 1.3 naming them.' },
      ],
      appliesTo: HOSTED_ONLY,
      twins: ['ARC-001', 'IAM-004', 'IAM-012'],
      evidence: [
        { id: '1.3/admin-access', prompt: 'How administrators get their access (group, permission set or federated role).', accepts: ['text'] },
      ],
    },
    {
      id: '1.4',
      title: 'MFA for all interactive IAM users',
      section: 'SEC',
      requirement:
        'Every IAM user who signs in interactively has MFA; people who sign in through IAM Identity Center or another identity provider get MFA there (the 2018 wording predates federation, which the current FTR prefers).',
      automation: 'partial',
      checks: [
        {
          id: 'iam_user_mfa_enabled_console_access',
          role: 'required',
          rationale: '1.4 asks for exactly this: MFA for every interactive IAM user.',
        },
        {
          id: 'iam_federation_configured',
          role: 'evidence',
          rationale: 'People who sign in through an identity provider are not IAM users; its MFA enforcement is invisible to the API, so a person attests it.',
        },
      ],
      alternatives: [
        { way: 'Sign-in through IAM Identity Center or an identity provider that enforces MFA', how: 'iam_federation_configured passes; attest 1.4 with the MFA policy.' },
        { way: 'IAM users that all have MFA', how: 'iam_user_mfa_enabled_console_access passes; attest 1.4 that no other interactive access exists.' },
      ],
      appliesTo: HOSTED_ONLY,
      twins: ['IAM-001'],
      evidence: [
        {
          id: '1.4/idp-mfa',
          prompt: 'How MFA is enforced for people who sign in through IAM Identity Center or your identity provider (policy screenshot or configuration export), or that every interactive IAM user has MFA.',
          accepts: ['text', 'file'],
        },
      ],
    },
    {
      id: '1.5',
      title: 'IAM credentials rotated regularly',
      section: 'SEC',
      requirement: 'Passwords and access keys are changed regularly, with a password policy that makes users rotate their passwords.',
      automation: 'partial',
      checks: [
        {
          id: 'iam_rotate_access_key_90_days',
          role: 'required',
          rationale: '1.5 asks for access keys changed regularly; 90 days is the FTR (IAM-002) interval.',
        },
        {
          id: 'iam_password_policy_strong',
          role: 'evidence',
          rationale: 'A password policy with a 90-day maximum age rotates passwords; the check also tests strength criteria that are 1.7\'s, so a failure needs a person to read.',
        },
      ],
      alternatives: [
        { way: 'A password policy that expires passwords within 90 days', how: 'iam_password_policy_strong passes, or its evidence shows the maximum age; attest 1.5.' },
        { way: 'Federated sign-in with no IAM console passwords', how: 'the identity provider\'s rotation policy applies; attest 1.5 naming it.' },
      ],
      appliesTo: HOSTED_ONLY,
      twins: ['IAM-002', 'IAM-003'],
      evidence: [
        {
          id: '1.5/password-rotation',
          prompt: 'How passwords are rotated: the account password policy\'s maximum age, or the identity provider\'s policy when people sign in through federation.',
          accepts: ['text'],
        },
      ],
    },
    {
      id: '1.6',
      title: '(not present in source)',
      notPresentInSource: true,
      section: 'SEC',
      requirement: 'The checklist numbering jumps from 1.5 to 1.7; there is no item 1.6 to evaluate.',
      automation: 'manual',
      checks: [],
      appliesTo: [],
      evidence: [],
    },
    {
      id: '1.7',
      title: 'Strong password policy for IAM users',
      section: 'SEC',
      requirement: 'The account password policy requires strong passwords (length, character classes) and periodic rotation.',
      automation: 'auto',
      checks: [
        {
          id: 'iam_password_policy_strong',
          role: 'required',
          rationale: '1.7 asks for exactly this: a strong password policy with periodic rotation.',
        },
      ],
      appliesTo: HOSTED_ONLY,
      twins: ['IAM-003'],
      evidence: [],
    },
    {
      id: '1.8',
      title: 'IAM credentials not shared among users',
      section: 'SEC',
      requirement: 'Everyone who needs access has an individual identity with their own credentials.',
      automation: 'partial',
      checks: [
        {
          id: 'iam_no_shared_generic_users',
          role: 'evidence',
          rationale: 'A generic user name with a console password suggests a shared login, a guess a person confirms or refutes.',
        },
      ],
      alternatives: [
        { way: 'Individual identities, no generic console user', how: 'iam_no_shared_generic_users passes; attest 1.8.' },
        { way: 'Generic-looking users that belong to one person or have no console access', how: 'attest 1.8 naming them.' },
      ],
      appliesTo: HOSTED_ONLY,
      twins: ['IAM-004'],
      evidence: [
        { id: '1.8/no-sharing', prompt: 'Confirm credentials are never shared, and explain any generic user names.', accepts: ['yes-no', 'text'] },
      ],
    },
    {
      id: '1.9',
      title: 'IAM policies scoped to least privilege',
      section: 'SEC',
      requirement: 'Policies grant only the permissions a task needs, starting small and adding as required.',
      automation: 'partial',
      checks: [
        {
          id: 'iam_policy_no_full_admin_wildcard',
          role: 'evidence',
          rationale: '1.9 asks for least privilege; a full-admin policy is a broad grant a person justifies (break-glass roles are accepted).',
        },
      ],
      alternatives: [
        { way: 'No full-admin policy', how: 'iam_policy_no_full_admin_wildcard passes; attest 1.9 with how permissions are scoped.' },
        { way: 'Broad grants that are justified', how: 'a break-glass administrator; attest 1.9 naming it.' },
      ],
      appliesTo: HOSTED_ONLY,
      twins: ['IAM-006'],
      evidence: [
        { id: '1.9/approach', prompt: 'How permissions are scoped and reviewed, and why any broad grant that remains is needed.', accepts: ['text'] },
      ],
    },
    {
      id: '1.10',
      title: 'No hard-coded credentials',
      section: 'SEC',
      requirement: 'Access keys and other credentials are not hard-coded in code, configuration, images or templates.',
      automation: 'partial',
      checks: [
        {
          id: 'ec2_instance_no_secrets_in_user_data',
          role: 'required',
          rationale: '1.10 forbids hard-coded credentials, in user data too; suppress a false match with a justification.',
        },
        {
          id: 'ec2_launch_template_no_secrets',
          role: 'required',
          rationale: '1.10 forbids credentials in templates; a launch template spreads them to every instance it starts.',
        },
        {
          id: 'lambda_function_no_secrets_in_variables',
          role: 'required',
          rationale: '1.10 forbids credentials in configuration; suppress a false match with a justification.',
        },
      ],
      appliesTo: ALL,
      twins: ['IAM-009'],
      evidence: [
        {
          id: '1.10/source-scanning',
          prompt: `How code, images and templates are kept free of credentials (for example secret scanning in CI). ${CD_NOTE}`,
          accepts: ['text', 'url'],
        },
      ],
    },
    {
      id: '1.11',
      title: 'All credentials encrypted at rest',
      section: 'SEC',
      requirement: 'Every stored credential is encrypted at rest.',
      automation: 'partial',
      checks: [
        {
          id: 'secrets_managed_store_in_use',
          role: 'evidence',
          rationale: 'Secrets Manager or SecureString parameters in use show encrypted credential storage; an equivalent store also meets 1.11.',
        },
        {
          id: 'ssm_parameter_secrets_use_securestring',
          role: 'required',
          rationale: 'A parameter named like a secret but stored as plain String is a credential not encrypted at rest; suppress a false match with a justification.',
        },
      ],
      alternatives: [
        { way: 'AWS Secrets Manager or SecureString parameters', how: 'secrets_managed_store_in_use shows them; attest 1.11.' },
        { way: 'Another store that encrypts credentials at rest', how: 'HashiCorp Vault or a CI secret store; attest 1.11 naming it.' },
      ],
      appliesTo: ALL,
      twins: ['IAM-010', 'IAM-011'],
      evidence: [
        { id: '1.11/secret-store', prompt: `Where credentials are stored and how they are encrypted. ${CD_NOTE}`, accepts: ['text'] },
      ],
    },
    {
      id: '1.12',
      title: 'AWS access keys used only by interactive users',
      section: 'SEC',
      requirement:
        'Access keys are used only by people (stored on a device they control), or by a service that cannot use a role, in which case the keys are rotated at least weekly and the policy allows only specific actions and resources from specific networks.',
      automation: 'partial',
      checks: [
        {
          id: 'iam_user_no_active_access_keys',
          role: 'evidence',
          rationale: '1.12 allows keys held by people on their own device, and service keys where no role is possible (rotated weekly, tightly scoped).',
        },
        {
          id: 'ec2_instance_uses_iam_role',
          role: 'evidence',
          rationale: 'An instance role is how EC2 workloads avoid access keys; an instance that makes no AWS calls needs none.',
        },
      ],
      alternatives: [
        { way: 'No IAM user access keys, roles for workloads', how: 'the checks pass; attest 1.12.' },
        { way: 'Keys held by people, or by services that cannot use a role', how: 'service keys rotated weekly with a tightly scoped, source-restricted policy; attest 1.12 listing them.' },
      ],
      appliesTo: ALL,
      twins: ['IAM-002', 'IAM-012'],
      evidence: [
        {
          id: '1.12/service-keys',
          prompt: `Every service access key, why a role is not possible, its rotation (weekly) and the source restriction in its policy (or "none"). ${CD_NOTE}`,
          accepts: ['text'],
        },
      ],
    },
    {
      id: '1.13',
      title: 'CloudTrail enabled in all accounts and regions',
      section: 'SEC',
      requirement: 'CloudTrail records activity in every account and every region.',
      automation: 'auto',
      checks: [
        {
          id: 'cloudtrail_multi_region_enabled_logging',
          role: 'required',
          rationale: '1.13 asks for exactly this: CloudTrail on in every account and every region.',
        },
      ],
      appliesTo: HOSTED_ONLY,
      twins: ['CTL-001'],
      evidence: [],
    },
    {
      id: '1.14',
      title: 'CloudTrail logs stored in a bucket owned by another account',
      section: 'SEC',
      requirement: 'Trail logs go to an S3 bucket owned by a different account, with access limited to audit and recovery.',
      automation: 'partial',
      checks: [
        {
          id: 'cloudtrail_logs_bucket_in_other_account',
          role: 'required',
          rationale: '1.14 asks for exactly this: trail logs in a bucket owned by another account.',
        },
      ],
      appliesTo: HOSTED_ONLY,
      twins: ['CTL-002'],
      evidence: [
        { id: '1.14/log-archive-access', prompt: 'The account that owns the log bucket and who can read or delete the logs.', accepts: ['text'] },
      ],
    },
    {
      id: '1.15',
      title: 'CloudTrail log bucket has versioning or MFA Delete',
      section: 'SEC',
      requirement: 'The CloudTrail log bucket is protected with versioning or MFA Delete.',
      automation: 'auto',
      checks: [
        {
          id: 'cloudtrail_logs_bucket_versioning_or_mfa_delete',
          role: 'required',
          rationale: '1.15 asks for exactly this: versioning or MFA Delete on the trail bucket.',
        },
      ],
      appliesTo: HOSTED_ONLY,
      twins: ['CTL-003'],
      evidence: [],
    },
    {
      id: '1.16',
      title: 'Security groups tightly scoped',
      section: 'SEC',
      requirement: 'Security groups restrict traffic between the internet and the VPC and within the VPC as far as possible.',
      automation: 'partial',
      checks: [
        {
          id: 'ec2_securitygroup_no_admin_ports_open_to_internet',
          role: 'required',
          rationale: 'SSH or RDP open to the whole internet is never the most restrictive setting 1.16 asks for.',
        },
        {
          id: 'ec2_securitygroup_no_all_ports_open_to_internet',
          role: 'required',
          rationale: 'All ports open to the whole internet is never the most restrictive setting 1.16 asks for.',
        },
        {
          id: 'ec2_securitygroup_default_restrict_traffic',
          role: 'required',
          rationale: 'A default security group that allows traffic is not the most restrictive setting 1.16 asks for.',
        },
      ],
      appliesTo: ALL,
      twins: ['NETSEC-001', 'NETSEC-002'],
      evidence: [
        {
          id: '1.16/intra-vpc',
          prompt: `How traffic within the VPC is restricted between tiers (security groups referencing each other). ${CD_NOTE}`,
          accepts: ['text', 'file'],
        },
      ],
    },
    {
      id: '1.17',
      title: 'S3 buckets have appropriate access controls',
      section: 'SEC',
      requirement: 'Access to each bucket is limited to the people and services that need it.',
      automation: 'partial',
      checks: [
        {
          id: 's3_bucket_public_access',
          role: 'required',
          rationale: 'A public bucket needs its justification (suppress its finding with it); 1.17 asks that access is limited to who needs it.',
        },
        {
          id: 's3_bucket_acl_prohibited',
          role: 'advisory',
          rationale: 'Disabling ACLs is hardening; an ACL that makes a bucket public is judged by s3_bucket_public_access.',
        },
      ],
      appliesTo: ALL,
      twins: ['S3-001'],
      evidence: [
        { id: '1.17/bucket-access', prompt: `How bucket access is granted and reviewed. ${CD_NOTE}`, accepts: ['text'] },
      ],
    },
    {
      id: '1.18',
      title: 'No bucket unintentionally public',
      section: 'SEC',
      requirement: 'Buckets that should not be public are configured to block public access.',
      automation: 'auto',
      checks: [
        {
          id: 's3_bucket_public_access',
          role: 'required',
          rationale: '1.18 asks for exactly this: no bucket public unless it should be (suppress a justified one with the reason).',
        },
        {
          id: 's3_bucket_level_public_access_block',
          role: 'required',
          rationale: '1.18 asks that buckets that should not be public are configured to block public access (bucket or account level).',
        },
        {
          id: 's3_account_level_public_access_block',
          role: 'advisory',
          rationale: 'Block Public Access on each bucket meets 1.18 too; the account-level switch is the stronger default.',
        },
      ],
      appliesTo: ALL,
      twins: ['S3-001', 'S3-002'],
      evidence: [],
    },
    {
      id: '1.19',
      title: 'Alerting when S3 buckets or objects become public',
      section: 'SEC',
      requirement: 'A monitoring mechanism (Trusted Advisor, Access Analyzer, Config rules or similar) alerts when a bucket or object becomes public.',
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
        { way: 'Access Analyzer, Config rules or Security Hub watching public buckets', how: 'the evidence checks pass in every region with buckets; attest 1.19 with who receives the alert.' },
        { way: 'Trusted Advisor or a third-party alerting tool', how: 'attest 1.19 naming it and the recipient.' },
      ],
      appliesTo: HOSTED_ONLY,
      twins: ['S3-003'],
      evidence: [
        { id: '1.19/alert-recipient', prompt: 'Who receives the alert when a bucket or object becomes public, and how.', accepts: ['text'] },
      ],
    },
    {
      id: '1.20',
      title: 'Change detection on EC2 instances and containers',
      section: 'SEC',
      requirement:
        'Changes to operating system and application files on instances and containers are detected (file integrity monitoring, configuration management or a host intrusion detection system) and recorded in durable storage outside the host. Frequently replacing instances does not count.',
      automation: 'partial',
      checks: [
        {
          id: 'instance_change_detection_enabled',
          role: 'evidence',
          rationale: 'Config recording instances and GuardDuty Runtime Monitoring are AWS-native signals; OSSEC, Tripwire or configuration management also meet 1.20.',
        },
        {
          id: 'guardduty_is_enabled',
          role: 'advisory',
          rationale: 'A GuardDuty detector alone does not detect file changes; instance_change_detection_enabled weighs its Runtime Monitoring.',
        },
        {
          id: 'config_recorder_enabled_all_regions',
          role: 'advisory',
          rationale: 'Recording every region is hardening; instance_change_detection_enabled weighs whether EC2 instances are recorded.',
        },
      ],
      alternatives: [
        { way: 'AWS Config recording instances or GuardDuty Runtime Monitoring', how: 'instance_change_detection_enabled finds it; attest 1.20 with where the records are kept.' },
        { way: 'File integrity monitoring, configuration management or a host IDS', how: 'OSSEC, Tripwire, Chef, Puppet storing changes off-host; attest 1.20 naming it.' },
      ],
      appliesTo: HOSTED_ONLY,
      twins: [],
      evidence: [
        {
          id: '1.20/mechanism',
          prompt: 'The change-detection tool (for example OSSEC, Tripwire, configuration management) and where its records are stored.',
          accepts: ['text', 'file'],
        },
      ],
    },
    {
      id: '1.21',
      title: 'All data classified',
      section: 'SEC',
      requirement: 'All customer data the workload processes and stores is classified by sensitivity, with handling rules per class.',
      automation: 'partial',
      checks: [
        {
          id: 'macie_is_enabled',
          role: 'evidence',
          rationale: 'Macie is supporting evidence; 1.21 asks that all data is classified, which any tool or a manual inventory can provide.',
        },
      ],
      alternatives: [
        { way: 'Amazon Macie sensitive-data discovery', how: 'macie_is_enabled passes in every region that holds data; attest 1.21 with the classification.' },
        { way: 'A documented classification with handling rules per class', how: 'attest 1.21 with it.' },
      ],
      appliesTo: ALL,
      twins: ['SDAT-001'],
      evidence: [
        { id: '1.21/classification', prompt: `The data classification and the handling rules for each class. ${CD_NOTE}`, accepts: ['text', 'file'] },
      ],
    },
    {
      id: '1.22',
      title: 'All sensitive data encrypted',
      section: 'SEC',
      requirement: 'Customer data classified as sensitive is encrypted in transit and at rest.',
      automation: 'partial',
      checks: [
        {
          id: 'rds_instance_storage_encrypted',
          role: 'evidence',
          rationale: 'An unencrypted database fails 1.22 only if it holds sensitive data, which a person scopes.',
        },
        {
          id: 'ec2_ebs_volume_encrypted',
          role: 'evidence',
          rationale: 'An unencrypted volume fails 1.22 only if it holds sensitive data, which a person scopes.',
        },
        {
          id: 's3_bucket_default_encryption',
          role: 'evidence',
          rationale: 'Every S3 bucket is encrypted (SSE-S3) since January 2023; a FAIL means an old or emulated answer for a bucket a person scopes.',
        },
        {
          id: 's3_bucket_secure_transport_policy',
          role: 'evidence',
          rationale: 'A TLS-only bucket policy enforces encryption in transit; only buckets with sensitive data need it.',
        },
        {
          id: 'ec2_ebs_default_encryption',
          role: 'advisory',
          rationale: 'EBS encryption by default is a region setting, not a data store; a region without volumes holds no sensitive data.',
        },
      ],
      alternatives: [
        { way: 'Every store and path encrypted', how: 'the evidence checks pass everywhere; attest 1.22 naming the stores with sensitive data.' },
        { way: 'The sensitive stores and paths encrypted, the exceptions carrying none', how: 'attest 1.22 naming which stores and paths carry sensitive data.' },
      ],
      appliesTo: ALL,
      twins: ['SDAT-002', 'SDAT-003'],
      evidence: [
        { id: '1.22/sensitive-stores', prompt: `The data stores and paths that carry sensitive data. ${CD_NOTE}`, accepts: ['text'] },
      ],
    },
    {
      id: '1.23',
      title: 'Cryptographic keys managed securely',
      section: 'SEC',
      requirement: 'Keys are encrypted at rest and in transit, and their use is controlled by a key management service (AWS KMS, HashiCorp Vault or similar).',
      automation: 'manual',
      checks: [
        {
          id: 'kms_cmk_rotation_enabled',
          role: 'advisory',
          rationale: 'Rotation is hardening; 1.23 asks that keys are held and their use controlled by a key management service, which a person attests.',
        },
      ],
      appliesTo: ALL,
      twins: ['SDAT-002'],
      evidence: [
        { id: '1.23/key-management', prompt: `Which key management service holds the keys and who may use them. ${CD_NOTE}`, accepts: ['text'] },
      ],
    },
    {
      id: '1.24',
      title: 'All data in transit across the VPC boundary encrypted',
      section: 'SEC',
      requirement: 'All data that crosses a VPC boundary is encrypted.',
      automation: 'partial',
      checks: [
        {
          id: 'elbv2_listener_tls_or_redirect',
          role: 'required',
          rationale: '1.24 asks that all data crossing the VPC boundary is encrypted; a listener that serves plain HTTP to the internet does not.',
        },
        {
          id: 'cloudfront_distribution_https_only',
          role: 'evidence',
          rationale: 'Viewer HTTP or an HTTP-only origin is for a person to explain (an S3 website origin only speaks HTTP); an old TLS policy still encrypts.',
        },
        {
          id: 's3_bucket_secure_transport_policy',
          role: 'evidence',
          rationale: 'A TLS-only bucket policy enforces TLS; without it, clients that use TLS still meet 1.24.',
        },
      ],
      alternatives: [
        { way: 'No plain HTTP on any load balancer, distribution or bucket', how: 'the checks pass; attest 1.24.' },
        { way: 'Clients use TLS, and HTTP on distributions only redirects or reaches an S3 website origin', how: 'attest 1.24 naming the exceptions.' },
      ],
      appliesTo: ALL,
      twins: ['SDAT-003'],
      evidence: [
        { id: '1.24/transit-paths', prompt: `Confirm every path across the VPC boundary is encrypted, and list any exception. ${CD_NOTE}`, accepts: ['yes-no', 'text'] },
      ],
    },
    {
      id: '1.25',
      title: 'Security incident response defined and rehearsed',
      section: 'SEC',
      requirement:
        'A security incident response process (including account compromise) is defined and was rehearsed, for example in a game day, within the last 12 months, confirming the right people have access, the tools are available and people know what to do.',
      automation: 'manual',
      checks: [],
      appliesTo: HOSTED_ONLY,
      twins: ['ARC-005'],
      evidence: [
        { id: '1.25/process', prompt: 'The security incident response process.', accepts: ['file', 'url'] },
        {
          id: '1.25/rehearsal',
          prompt: 'The record of the latest rehearsal (game day): date, scenario, participants and lessons.',
          accepts: ['file', 'date', 'text'],
          expiresAfterMonths: 12,
        },
      ],
    },
    // ================================================================ 2.0 Reliability
    {
      id: '2.1',
      title: 'Highly available network connectivity',
      section: 'REL',
      requirement: 'Network connectivity to the solution is highly available; VPN or Direct Connect links to customer networks support redundant connections.',
      automation: 'manual',
      checks: [],
      appliesTo: ALL,
      twins: ['RES-006'],
      evidence: [
        {
          id: '2.1/connectivity',
          prompt: `How connectivity is made redundant (load balancers across AZs, redundant VPN tunnels or Direct Connect links). ${CD_NOTE}`,
          accepts: ['text', 'file'],
        },
      ],
    },
    {
      id: '2.2',
      title: 'Scaling aligned with business requirements',
      section: 'REL',
      requirement:
        'Each layer scales automatically, or the business requirements (cost, expected growth) do not call for automatic scaling and manual scaling is documented and tested often.',
      automation: 'partial',
      checks: [
        {
          id: 'autoscaling_in_use',
          role: 'evidence',
          rationale: 'EC2 Auto Scaling groups and policies show automatic scaling; other layers (ECS, Lambda, DynamoDB) or documented manual scaling also meet 2.2.',
        },
      ],
      alternatives: [
        { way: 'Automatic scaling at each tier', how: 'EC2 Auto Scaling, ECS service scaling, Lambda, DynamoDB on-demand; attest 2.2 naming the mechanism per tier.' },
        { way: 'Documented and often tested manual scaling that the business needs allow', how: 'attest 2.2 with the procedure.' },
      ],
      appliesTo: ALL,
      twins: [],
      evidence: [
        {
          id: '2.2/scaling',
          prompt: `The scaling mechanism of each layer, or the documented and tested manual scaling procedure with the reason it suffices. ${CD_NOTE}`,
          accepts: ['text', 'file'],
        },
      ],
    },
    {
      id: '2.3',
      title: 'AWS and application logs managed centrally',
      section: 'REL',
      requirement: 'Logs from the application and from the AWS infrastructure are consolidated in one system.',
      automation: 'partial',
      checks: [
        {
          id: 'logs_centralized_collection',
          role: 'evidence',
          rationale: 'Log groups forwarding their events show collection; the central system itself (CloudWatch, a SIEM) is named by a person.',
        },
      ],
      alternatives: [
        { way: 'CloudWatch log groups forwarding to one central system', how: 'logs_centralized_collection shows it; attest 2.3 naming the system.' },
        { way: 'Application and AWS logs reaching one system another way', how: 'agents, Firehose, a third-party collector; attest 2.3 naming it.' },
      ],
      appliesTo: HOSTED_ONLY,
      twins: [],
      evidence: [{ id: '2.3/log-system', prompt: 'The central log system and which application and AWS logs flow into it.', accepts: ['text'] }],
    },
    {
      id: '2.4',
      title: 'Monitoring and alarms managed centrally',
      section: 'REL',
      requirement: 'The application and the AWS infrastructure are monitored centrally, and alarms reach the operations staff.',
      automation: 'partial',
      checks: [
        {
          id: 'cloudwatch_alarms_notify_operations',
          role: 'evidence',
          rationale: 'CloudWatch alarms that notify a person are one way; another central monitoring and alerting tool also meets 2.4.',
        },
      ],
      alternatives: [
        { way: 'CloudWatch alarms that notify the operations staff', how: 'cloudwatch_alarms_notify_operations passes; attest 2.4 with the on-call routing.' },
        { way: 'Another central monitoring and alerting tool', how: 'Datadog, Prometheus/Alertmanager, PagerDuty; attest 2.4 naming it.' },
      ],
      appliesTo: HOSTED_ONLY,
      twins: [],
      evidence: [{ id: '2.4/alarm-routing', prompt: 'The monitoring system and how alarms reach the operations staff (on-call tool, rota).', accepts: ['text'] }],
    },
    {
      id: '2.5',
      title: 'Infrastructure provisioning and management automated',
      section: 'REL',
      requirement: 'Infrastructure is provisioned and changed with a tool such as CloudFormation or Terraform; the console is not used for routine production changes.',
      automation: 'partial',
      checks: [
        {
          id: 'iac_stacks_manage_infrastructure',
          role: 'evidence',
          rationale: 'CloudFormation stacks without drift show infrastructure as code; Terraform or CDK pipelines are invisible to the API and also meet 2.5.',
        },
      ],
      alternatives: [
        { way: 'CloudFormation stacks without drift', how: 'iac_stacks_manage_infrastructure shows them; attest 2.5 with how console changes are prevented.' },
        { way: 'Terraform, CDK or another infrastructure-as-code tool', how: 'attest 2.5 naming the repository and how console changes are prevented.' },
      ],
      appliesTo: ALL,
      twins: [],
      evidence: [
        {
          id: '2.5/iac',
          prompt: `The infrastructure-as-code tool and repository, and how console changes to production are prevented. ${CD_NOTE}`,
          accepts: ['text', 'url'],
        },
      ],
    },
    {
      id: '2.6',
      title: 'Regular data backups',
      section: 'REL',
      requirement: 'Data is backed up regularly to durable storage.',
      automation: 'partial',
      checks: [
        {
          id: 'backup_plans_exist',
          role: 'evidence',
          rationale: 'AWS Backup is one accepted way; native service backups or another tool also meet 2.6.',
        },
        {
          id: 'rds_instance_backup_enabled',
          role: 'evidence',
          rationale: 'RDS automated backups are the native way for databases.',
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
        { way: 'AWS Backup plans covering the data stores', how: 'backup_plans_exist passes; attest 2.6 naming them.' },
        { way: 'Native backups of each store', how: 'RDS automated backups, DynamoDB point-in-time recovery, S3 versioning or replication; attest 2.6 naming them.' },
        { way: 'Another backup tool copying the data to durable storage', how: 'attest 2.6 naming it.' },
      ],
      appliesTo: ALL,
      twins: ['BAR-001'],
      evidence: [
        { id: '2.6/backup-scope', prompt: `The data stores and how each is backed up. ${CD_NOTE}`, accepts: ['text'] },
      ],
    },
    {
      id: '2.7',
      title: 'Recovery tested regularly and after significant changes',
      section: 'REL',
      requirement: 'Recovery mechanisms and procedures are tested on a schedule and after significant changes to the environment.',
      automation: 'partial',
      checks: [
        {
          id: 'backup_restore_tested_within_12_months',
          role: 'evidence',
          rationale: 'AWS Backup restore jobs are one record of recovery tests; a documented test with any tool also meets 2.7.',
        },
      ],
      alternatives: [
        { way: 'AWS Backup restore jobs or restore testing', how: 'backup_restore_tested_within_12_months passes; attest 2.7 with the schedule.' },
        { way: 'A documented recovery test with any tool', how: 'on a schedule and after significant changes; attest 2.7 with the latest record.' },
      ],
      appliesTo: HOSTED_ONLY,
      twins: ['BAR-002'],
      evidence: [
        { id: '2.7/restore-test', prompt: 'The record of the latest recovery test and the test schedule.', accepts: ['file', 'date', 'text'] },
      ],
    },
    {
      id: '2.8',
      title: 'Resilient to the loss of an Availability Zone',
      section: 'REL',
      requirement: 'The solution keeps working when every service in one Availability Zone is disrupted.',
      automation: 'partial',
      checks: [
        {
          id: 'rds_instance_multi_az',
          role: 'evidence',
          rationale: 'Multi-AZ databases survive the loss of a zone; a database outside the solution (development) does not count.',
        },
        {
          id: 'autoscaling_group_multi_az',
          role: 'evidence',
          rationale: 'Auto Scaling groups across zones survive the loss of one; groups outside the solution do not count.',
        },
      ],
      alternatives: [
        { way: 'Every database and Auto Scaling group of the solution across zones', how: 'the checks pass; attest 2.8.' },
        { way: 'Zone loss survived another way', how: 'serverless, multi-region, or the single-AZ resources are not part of the solution; attest 2.8 explaining how.' },
      ],
      appliesTo: ALL,
      twins: ['RES-006'],
      evidence: [
        { id: '2.8/multi-az', prompt: `How each tier survives the loss of one Availability Zone. ${CD_NOTE}`, accepts: ['text', 'file'] },
      ],
    },
    {
      id: '2.9',
      title: 'Availability Zone resilience tested',
      section: 'REL',
      requirement: 'Resilience to the loss of one Availability Zone was tested in production, for example in a game day, within the last 12 months.',
      automation: 'manual',
      checks: [],
      appliesTo: HOSTED_ONLY,
      twins: ['RES-004'],
      evidence: [
        {
          id: '2.9/az-test',
          prompt: 'The record of the Availability Zone failure test (AWS FIS experiment or game day): date and result.',
          accepts: ['file', 'date', 'text'],
          expiresAfterMonths: 12,
        },
      ],
    },
    {
      id: '2.10',
      title: 'Disaster recovery plan defined',
      section: 'REL',
      requirement: 'A disaster recovery plan defines an RPO and an RTO for every in-scope service, in line with the SLA offered to customers.',
      automation: 'manual',
      checks: [],
      appliesTo: ALL,
      twins: ['RES-001', 'RES-002', 'RES-006'],
      evidence: [
        { id: '2.10/dr-plan', prompt: `The disaster recovery plan with the RPO and RTO per service and the customer SLA. ${CD_NOTE}`, accepts: ['file', 'url'] },
      ],
    },
    {
      id: '2.11',
      title: 'RTO under 24 hours',
      section: 'REL',
      requirement: 'The RTO of core services is less than 24 hours.',
      automation: 'manual',
      checks: [],
      appliesTo: HOSTED_ONLY,
      twins: ['RES-002'],
      evidence: [{ id: '2.11/rto', prompt: 'The RTO of each core service.', accepts: ['text'] }],
    },
    {
      id: '2.12',
      title: 'Disaster recovery plan tested',
      section: 'REL',
      requirement: 'The disaster recovery plan is tested against its RPO and RTO periodically and after major updates; at least one test was completed before approval.',
      automation: 'manual',
      checks: [],
      appliesTo: HOSTED_ONLY,
      twins: ['RES-004', 'RES-003'],
      evidence: [
        { id: '2.12/dr-test', prompt: 'The record of the latest disaster recovery test: date, RPO and RTO achieved.', accepts: ['file', 'date', 'text'] },
      ],
    },
    {
      id: '2.13',
      title: 'Disaster recovery into another AWS account',
      section: 'REL',
      requirement:
        'The disaster recovery plan covers recovering into another AWS account, and a full test including that recovery was completed within the last 12 months (restoring into a test environment or exporting data does not count).',
      automation: 'partial',
      checks: [
        {
          id: 'backup_cross_account_copy_configured',
          role: 'evidence',
          rationale: 'AWS Backup copies to another account are one way to prepare recovery there; replication or AWS DRS also count, and the test is attested.',
        },
      ],
      alternatives: [
        { way: 'AWS Backup copies to another account, with a full recovery test there', how: 'backup_cross_account_copy_configured shows the copies; attest 2.13 with the test record from the last 12 months.' },
        { way: 'Replication or AWS Elastic Disaster Recovery into another account, with a full test', how: 'attest 2.13 with the test record from the last 12 months.' },
      ],
      appliesTo: HOSTED_ONLY,
      twins: [],
      evidence: [
        {
          id: '2.13/cross-account-test',
          prompt: 'The record of the latest full disaster recovery test into another AWS account: date, target account and result.',
          accepts: ['file', 'date', 'text'],
          expiresAfterMonths: 12,
        },
      ],
    },
    // ================================================================ 3.0 Operational excellence
    {
      id: '3.1',
      title: 'Code deployment automated',
      section: 'OPS',
      requirement: 'Code reaches the AWS infrastructure through an automated deployment; interactive SSH or RDP sessions are not used to deploy.',
      automation: 'partial',
      checks: [
        {
          id: 'deployment_pipeline_in_use',
          role: 'evidence',
          rationale: 'CodePipeline pipelines show automated deployment; GitHub Actions, GitLab CI or other tools are invisible to the API and also meet 3.1.',
        },
        {
          id: 'ec2_securitygroup_no_admin_ports_open_to_internet',
          role: 'advisory',
          rationale: 'Open SSH or RDP does not show deployments use it (1.16 requires closing it); how code is deployed is attested.',
        },
      ],
      alternatives: [
        { way: 'CodePipeline deployments', how: 'deployment_pipeline_in_use shows them; attest 3.1 that nobody deploys over SSH or RDP.' },
        { way: 'Another CI/CD system', how: 'attest 3.1 naming it.' },
      ],
      appliesTo: HOSTED_ONLY,
      twins: [],
      evidence: [{ id: '3.1/pipeline', prompt: 'The deployment pipeline and how it reaches production.', accepts: ['text', 'url'] }],
    },
    {
      id: '3.2',
      title: 'Runbooks and escalation process defined',
      section: 'OPS',
      requirement:
        'Runbooks define the standard response to application and AWS events, and an escalation process handles alarms and customer-reported incidents, including escalation to AWS Support.',
      automation: 'manual',
      checks: [],
      appliesTo: HOSTED_ONLY,
      twins: ['ARC-005', 'RES-007'],
      evidence: [
        { id: '3.2/runbooks', prompt: 'The runbooks (or their index).', accepts: ['file', 'url'] },
        { id: '3.2/escalation', prompt: 'The escalation process, including when and how AWS Support is engaged.', accepts: ['file', 'text'] },
      ],
    },
    {
      id: '3.3',
      title: 'AWS Business Support enabled',
      section: 'OPS',
      requirement: 'Business Support or higher is enabled on at least one AWS account.',
      automation: 'auto',
      checks: [
        {
          id: 'support_business_plan_enabled',
          role: 'required',
          rationale: '3.3 asks for exactly this: Business Support or higher on at least one account.',
          passWhen: 'any-resource',
        },
      ],
      appliesTo: HOSTED_ONLY,
      twins: ['SUP-001'],
      evidence: [],
    },
  ],
});
