import { accountRef, defineCheck, fail, pass, unknown } from '../../core/check.js';

/**
 * Legacy ARC-002 / "AWS accounts": the account belongs to an AWS Organization (multi-account governance,
 * consolidated billing, SCPs, centralized root access). A standalone account is a fact, not a guess, so it
 * FAILs, with low severity because the current checklist no longer gates on it. Read from
 * `snapshot.organization` (organizations:DescribeOrganization); unreadable => UNKNOWN.
 */
export const organizationsAccountPartOfOrganization = defineCheck({
  id: 'organizations_account_part_of_organization',
  title: 'The account is part of an AWS Organization',
  service: 'organizations',
  resourceType: 'AWS::::Account',
  severity: 'low',
  reads: ['organizations:DescribeOrganization'],
  remediation: {
    summary:
      'Run production in accounts of an AWS Organization (for example set up with AWS Control Tower) to separate environments and apply guardrails centrally.',
    console: 'AWS Organizations > Create an organization (in the account that becomes the management account) > Add an AWS account > Invite.',
    cli: 'aws organizations create-organization --feature-set ALL\naws organizations invite-account-to-organization --target Id=<account-id>,Type=ACCOUNT',
    docs: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_tutorials_basic.html',
  },
  evaluate: (snapshot) =>
    snapshot.accounts.map((account) => {
      const ref = accountRef(account);
      const org = snapshot.organization;
      if (!org.ok) return unknown(ref, org.error);
      if (org.value === null) return fail(ref, `Account ${account.accountId} is not part of an AWS Organization.`, { organization: null });
      const role = account.accountId === org.value.managementAccountId ? 'the management account' : 'a member account';
      return pass(ref, `Account ${account.accountId} is ${role} of organization ${org.value.id}.`, {
        organizationId: org.value.id,
        managementAccountId: org.value.managementAccountId,
        featureSet: org.value.featureSet,
        role,
      });
    }),
});
