import { accountRef, defineCheck, fail, forEachAccount, notApplicable, pass, unknown } from '../../core/check.js';
import type { IamUser } from '../../core/slices/iam.js';
import { userRef } from './iam-helpers.js';
import { expandActions } from './policy-engine.js';

/** The name the SES console gives the IAM user behind SMTP credentials: `ses-smtp-user.20240115-103045`. */
const SES_SMTP_USER = /^ses-smtp-user\.\d{8}-\d{6}$/;

/**
 * An SMTP user as the SES console creates it: its name, no managed policies, and inline policies whose
 * Allow statements grant nothing but `ses:SendRawEmail` (wildcards expanded by iam-expand).
 */
function sesSmtpUsers(users: readonly IamUser[]): Set<string> {
  const candidates = users.filter(
    (u) =>
      SES_SMTP_USER.test(u.name) &&
      u.attachedPolicies.length === 0 &&
      u.inlinePolicies.length > 0 &&
      u.inlinePolicies.every((p) => p.document !== null && p.document.Statement.every((st) => st.NotAction === undefined && st.Action !== undefined)),
  );
  const statements = candidates.flatMap((u) =>
    u.inlinePolicies.flatMap((p) => (p.document?.Statement ?? []).filter((st) => st.Effect === 'Allow').map((st) => ({ user: u.name, actions: st.Action ?? [] }))),
  );
  const expanded = expandActions(statements.map((st) => (typeof st.actions === 'string' ? [st.actions] : [...st.actions])));
  const broader = new Set(statements.filter((_st, i) => (expanded[i] ?? ['?']).some((a) => a.toLowerCase() !== 'ses:sendrawemail')).map((st) => st.user));
  return new Set(candidates.map((u) => u.name).filter((name) => !broader.has(name)));
}

/**
 * IAM-006: permissions are granted through groups and roles, never directly to IAM users (attached
 * managed policies or inline policies on the user). One outcome per IAM user. The SMTP users the SES
 * console creates (an inline policy for ses:SendRawEmail only, the way AWS provisions SMTP credentials)
 * are NOT_APPLICABLE: least privilege is met and AWS offers no group-based alternative for them.
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
      const ses = sesSmtpUsers(users);
      return users.map((u) => {
        if (ses.has(u.name)) {
          return notApplicable(
            userRef(account.accountId, u),
            `IAM user ${u.name} is an SES SMTP user as the SES console creates it: its inline policy allows only ses:SendRawEmail.`,
            { sesSmtpUser: true, inlinePolicies: u.inlinePolicies.map((p) => p.name) },
          );
        }
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
