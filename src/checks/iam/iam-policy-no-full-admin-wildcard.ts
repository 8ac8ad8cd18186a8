import { accountRef, defineCheck, fail, forEachAccount, manual, notApplicable, pass, unknown } from '../../core/check.js';
import type { CheckOutcome } from '../../core/finding.js';
import type { InlinePolicy } from '../../core/slices/iam.js';
import { ADMINISTRATOR_ACCESS_SUFFIX, hasFullAdminStatement, policyRef } from './iam-helpers.js';

/**
 * IAM-006: no customer-managed or inline policy grants `"Action": "*"` on `"Resource": "*"` (full admin).
 * One outcome per customer-managed policy (attached or not) and per inline policy of a user, group or
 * role. The AWS-managed AdministratorAccess policy is legitimate for a few break-glass or admin roles, so
 * its attachments are listed in one MANUAL outcome per account for a least-privilege review.
 */
export const iamPolicyNoFullAdminWildcard = defineCheck({
  id: 'iam_policy_no_full_admin_wildcard',
  title: 'No custom IAM policy grants full "*:*" administrator access',
  service: 'iam',
  resourceType: 'AWS::IAM::ManagedPolicy',
  severity: 'high',
  reads: ['iam:GetAccountAuthorizationDetails'],
  remediation: {
    summary:
      'Replace "Action": "*" on "Resource": "*" with the actions and resources each workload needs (IAM Access Analyzer policy generation helps); keep full admin for a few audited roles only.',
    console: 'IAM > Policies > <policy> > Edit (or the inline policy under the user/group/role > Permissions) and scope actions and resources.',
    cli: 'aws iam create-policy-version --policy-arn <policy-arn> --policy-document file://least-privilege.json --set-as-default',
    docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
  },
  evaluate: (snapshot) =>
    forEachAccount(snapshot, 'iam', (iam, account) => {
      if (!iam.authorizationDetails.ok) return [unknown(accountRef(account), iam.authorizationDetails.error)];
      const details = iam.authorizationDetails.value;
      const out: CheckOutcome[] = [];

      for (const policy of details.policies) {
        const ref = policyRef(account.accountId, policy.name, policy.arn);
        if (policy.document === null) out.push(unknown(ref, `The default version of policy ${policy.name} could not be decoded.`));
        else if (hasFullAdminStatement(policy.document)) {
          const where = policy.attachmentCount > 0 ? `attached to ${policy.attachmentCount} principals` : 'not attached';
          out.push(fail(ref, `Customer-managed policy ${policy.name} grants full administrator access (*:* on *), ${where}.`, { attachmentCount: policy.attachmentCount }));
        } else out.push(pass(ref, `Customer-managed policy ${policy.name} does not grant *:* on *.`, { attachmentCount: policy.attachmentCount }));
      }

      const inlineOwners: [string, string, readonly InlinePolicy[]][] = [
        ...details.users.map((u): [string, string, readonly InlinePolicy[]] => ['user', u.name, u.inlinePolicies]),
        ...details.groups.map((g): [string, string, readonly InlinePolicy[]] => ['group', g.name, g.inlinePolicies]),
        ...details.roles.map((r): [string, string, readonly InlinePolicy[]] => ['role', r.name, r.inlinePolicies]),
      ];
      for (const [kind, owner, policies] of inlineOwners) {
        for (const policy of policies) {
          const ref = policyRef(account.accountId, `${kind}/${owner}/${policy.name}`, null);
          const evidence = { inline: true, ownerType: kind, owner };
          if (policy.document === null) out.push(unknown(ref, `Inline policy ${policy.name} of ${kind} ${owner} could not be decoded.`, evidence));
          else if (hasFullAdminStatement(policy.document)) {
            out.push(fail(ref, `Inline policy ${policy.name} of ${kind} ${owner} grants full administrator access (*:* on *).`, evidence));
          } else out.push(pass(ref, `Inline policy ${policy.name} of ${kind} ${owner} does not grant *:* on *.`, evidence));
        }
      }

      const adminHolders = [
        ...details.users.filter((u) => u.attachedPolicies.some((p) => p.arn.endsWith(ADMINISTRATOR_ACCESS_SUFFIX))).map((u) => `user/${u.name}`),
        ...details.groups.filter((g) => g.attachedPolicies.some((p) => p.arn.endsWith(ADMINISTRATOR_ACCESS_SUFFIX))).map((g) => `group/${g.name}`),
        ...details.roles.filter((r) => r.attachedPolicies.some((p) => p.arn.endsWith(ADMINISTRATOR_ACCESS_SUFFIX))).map((r) => `role/${r.name}`),
      ];
      if (adminHolders.length > 0) {
        out.push(
          manual(
            policyRef(account.accountId, 'AdministratorAccess', 'arn:aws:iam::aws:policy/AdministratorAccess'),
            `The AWS-managed AdministratorAccess policy is attached to ${adminHolders.length} principals in account ${account.accountId}; confirm each needs full administrator access.`,
            { attachedTo: adminHolders },
          ),
        );
      }
      if (out.length === 0) {
        return [notApplicable(accountRef(account), `Account ${account.accountId} has no customer-managed or inline policies.`)];
      }
      return out;
    }),
});
