import { accountRef, defineCheck, fail, forEachAccount, manual, pass, unknown } from '../../core/check.js';
import { activeKeys, userRef } from './iam-helpers.js';

/**
 * IAM-012: people and workloads use temporary credentials, not long-lived IAM user access keys.
 * Decision per IAM user:
 * - no active key => PASS;
 * - active keys on a user who also has a console password => FAIL: that is a person with long-lived keys;
 *   people get temporary CLI credentials from IAM Identity Center (`aws sso login`) or role assumption;
 * - active keys on a programmatic-only user => MANUAL: FTR accepts static keys where a role is impossible
 *   (off-AWS or third-party systems that cannot use IAM Roles Anywhere), with a written justification and
 *   the IAM-002 controls (rotation, monitoring); a person supplies that justification.
 * An account without IAM users PASSes (there are no user keys at all).
 */
export const iamUserNoActiveAccessKeys = defineCheck({
  id: 'iam_user_no_active_access_keys',
  title: 'IAM users have no long-lived access keys',
  service: 'iam',
  resourceType: 'AWS::IAM::User',
  severity: 'medium',
  reads: ['iam:GenerateCredentialReport', 'iam:GetCredentialReport'],
  remediation: {
    summary:
      'Replace IAM user access keys with temporary credentials: IAM roles for AWS workloads, IAM Roles Anywhere for workloads outside AWS, IAM Identity Center (aws sso login) for people. Document any key that must remain.',
    console: 'IAM > Users > <user> > Security credentials > Access keys > Deactivate, then Delete, once the workload uses a role.',
    cli: 'aws iam update-access-key --user-name <user> --access-key-id <key-id> --status Inactive\naws iam delete-access-key --user-name <user> --access-key-id <key-id>',
    docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-workloads-use-roles',
  },
  evaluate: (snapshot) =>
    forEachAccount(snapshot, 'iam', (iam, account) => {
      if (!iam.credentialReport.ok) return [unknown(accountRef(account), iam.credentialReport.error)];
      const users = iam.credentialReport.value.users;
      if (users.length === 0) {
        return [pass(accountRef(account), `Account ${account.accountId} has no IAM users, so no long-lived user access keys.`, { users: 0 })];
      }
      return users.map((u) => {
        const ref = userRef(account.accountId, u);
        const keys = activeKeys(u).map((k) => ({ slot: k.slot, lastUsed: k.lastUsed }));
        const evidence = { passwordEnabled: u.passwordEnabled, activeAccessKeys: keys };
        if (keys.length === 0) return pass(ref, `IAM user ${u.user} has no active access keys.`, evidence);
        if (u.passwordEnabled) {
          return fail(ref, `IAM user ${u.user} is a console user with ${keys.length} active access key(s); people should use temporary credentials.`, evidence);
        }
        return manual(
          ref,
          `IAM user ${u.user} has ${keys.length} active access key(s); justify why this workload cannot use a role (IAM Roles Anywhere off AWS) and show rotation and monitoring.`,
          evidence,
        );
      });
    }),
});
