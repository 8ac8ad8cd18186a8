import { accountRef, defineCheck, fail, forEachAccount, manual, unknown } from '../../core/check.js';
import { activeKeys, userRef } from './iam-helpers.js';

/** Words that name a role, a team or a purpose rather than a person. */
const GENERIC_WORDS = new Set([
  'admin', 'admins', 'administrator', 'root', 'superuser', 'sysadmin', 'dev', 'devs', 'developer', 'developers',
  'test', 'tests', 'tester', 'testing', 'qa', 'shared', 'share', 'common', 'team', 'ops', 'devops', 'sre', 'deploy',
  'deployer', 'deployment', 'ci', 'cd', 'cicd', 'build', 'service', 'svc', 'user', 'users', 'guest', 'temp', 'tmp',
  'demo', 'default', 'generic', 'support', 'prod', 'production', 'staging', 'stage', 'aws', 'console', 'readonly',
  'poweruser', 'it', 'master', 'operator', 'account',
]);

/**
 * True when every token of the user name is a generic word or a number: `admin`, `user1`, `dev-team`,
 * `shared_admin`, `ci-deploy`. A name with a personal token (`alice-admin`) is not generic.
 */
export function isGenericUserName(name: string): boolean {
  const tokens = name
    .toLowerCase()
    .split(/[-_.@+=,\s]+/)
    .flatMap((t) => t.split(/(?<=[a-z])(?=\d)/))
    .filter((t) => t !== '');
  return tokens.length > 0 && tokens.some((t) => GENERIC_WORDS.has(t)) && tokens.every((t) => GENERIC_WORDS.has(t) || /^\d+$/.test(t));
}

/**
 * IAM-004: each person has their own identity. The API cannot prove this, so the check never PASSes:
 * - an IAM user with a generic name (admin, dev, shared, user1, ...) AND a console password => FAIL: a
 *   console login named after a role is the classic shared credential;
 * - a generic name without a console password => MANUAL: usually a machine identity (ci, deploy), which is
 *   not a shared human login but should become a role (IAM-012); a person confirms;
 * - no generic names => one MANUAL per account: "confirm every IAM user and IdP identity is one person".
 */
export const iamNoSharedGenericUsers = defineCheck({
  id: 'iam_no_shared_generic_users',
  title: 'IAM users are individual, not shared generic accounts',
  service: 'iam',
  resourceType: 'AWS::IAM::User',
  severity: 'medium',
  reads: ['iam:GenerateCredentialReport', 'iam:GetCredentialReport'],
  remediation: {
    summary:
      'Give every person their own identity (IAM Identity Center or your IdP) and delete generic console users such as admin or dev; move machine users to IAM roles.',
    console: 'IAM > Users > <generic user> > Delete (after creating individual identities in IAM Identity Center > Users).',
    cli: 'aws iam delete-login-profile --user-name <generic-user>   # then remove keys, policies and groups, and aws iam delete-user --user-name <generic-user>',
    docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-users-federation-idp',
  },
  evaluate: (snapshot) =>
    forEachAccount(snapshot, 'iam', (iam, account) => {
      if (!iam.credentialReport.ok) return [unknown(accountRef(account), iam.credentialReport.error)];
      const users = iam.credentialReport.value.users;
      const generic = users.filter((u) => isGenericUserName(u.user));
      if (generic.length === 0) {
        return [
          manual(
            accountRef(account),
            `None of the ${users.length} IAM users of account ${account.accountId} has a generic name; confirm every IAM user and IdP identity belongs to one person.`,
            { usersChecked: users.length, consoleUsers: users.filter((u) => u.passwordEnabled).length },
          ),
        ];
      }
      return generic.map((u) => {
        const evidence = { passwordEnabled: u.passwordEnabled, activeAccessKeys: activeKeys(u).length, mfaActive: u.mfaActive };
        return u.passwordEnabled
          ? fail(userRef(account.accountId, u), `IAM user ${u.user} has a generic name and a console password: likely a shared login.`, evidence)
          : manual(
              userRef(account.accountId, u),
              `IAM user ${u.user} has a generic name but no console password; confirm it is a machine identity used by no person.`,
              evidence,
            );
      });
    }),
});
