import { accountRef, defineCheck, fail, forEachAccount, notApplicable, pass, unknown } from '../../core/check.js';
import { userRef } from './iam-helpers.js';

/**
 * IAM-006: permissions are granted through groups and roles, never directly to IAM users (attached
 * managed policies or inline policies on the user). One outcome per IAM user.
 */
export const iamPolicyAttachedOnlyToGroupOrRoles = defineCheck({
  id: 'iam_policy_attached_only_to_group_or_roles',
  title: 'IAM policies are attached to groups or roles, not users',
  service: 'iam',
  resourceType: 'AWS::IAM::User',
  severity: 'low',
  reads: ['iam:GetAccountAuthorizationDetails'],
  remediation: {
    summary: 'Put users in groups that carry the policies (or move people to IAM Identity Center permission sets) and detach policies from individual users.',
    console: 'IAM > User groups > Create group with the policies > Add users; then IAM > Users > <user> > Permissions > Remove the direct policies.',
    cli: 'aws iam add-user-to-group --group-name <group> --user-name <user>\naws iam detach-user-policy --user-name <user> --policy-arn <policy-arn>\naws iam delete-user-policy --user-name <user> --policy-name <inline-policy>',
    iac: 'resource "aws_iam_group_policy_attachment" "devs" {\n  group      = aws_iam_group.devs.name\n  policy_arn = aws_iam_policy.devs.arn\n}',
    docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_groups_manage_attach-policy.html',
  },
  evaluate: (snapshot) =>
    forEachAccount(snapshot, 'iam', (iam, account) => {
      if (!iam.authorizationDetails.ok) return [unknown(accountRef(account), iam.authorizationDetails.error)];
      const users = iam.authorizationDetails.value.users;
      if (users.length === 0) return [notApplicable(accountRef(account), `Account ${account.accountId} has no IAM users.`)];
      return users.map((u) => {
        const attached = u.attachedPolicies.map((p) => p.name);
        const inline = u.inlinePolicies.map((p) => p.name);
        const evidence = { attachedPolicies: attached, inlinePolicies: inline, groups: u.groups };
        if (attached.length + inline.length === 0) {
          return pass(userRef(account.accountId, u), `IAM user ${u.name} gets permissions only through groups.`, evidence);
        }
        const parts = [
          attached.length > 0 ? `attached policies ${attached.join(', ')}` : null,
          inline.length > 0 ? `inline policies ${inline.join(', ')}` : null,
        ].filter((p) => p !== null);
        return fail(userRef(account.accountId, u), `IAM user ${u.name} has ${parts.join(' and ')} directly on the user.`, evidence);
      });
    }),
});
