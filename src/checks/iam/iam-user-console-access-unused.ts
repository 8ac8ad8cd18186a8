import { accountRef, defineCheck, fail, forEachAccount, notApplicable, pass, unknown } from '../../core/check.js';
import { daysBefore, userRef } from './iam-helpers.js';

/** CIS 1.12: credentials unused for 45 days or more are disabled. */
export const CONSOLE_UNUSED_MAX_DAYS = 45;

/**
 * IAM-007: console passwords that nobody used for 45 days are removed (lifecycle-based access). A password
 * never used counts from when it was set (`password_last_changed`, else the user's creation). One outcome
 * per user with a console password.
 */
export const iamUserConsoleAccessUnused = defineCheck({
  id: 'iam_user_console_access_unused',
  title: 'IAM users with console access have signed in within 45 days',
  service: 'iam',
  resourceType: 'AWS::IAM::User',
  severity: 'medium',
  reads: ['iam:GenerateCredentialReport', 'iam:GetCredentialReport'],
  remediation: {
    summary:
      'Remove the console password of users who no longer sign in (people who left or changed roles), and tie IAM access to your joiner/mover/leaver process.',
    console: 'IAM > Users > <user> > Security credentials > Console sign-in > Manage console access > Disable.',
    cli: 'aws iam delete-login-profile --user-name <user>',
    docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_finding-unused.html',
  },
  evaluate: (snapshot) =>
    forEachAccount(snapshot, 'iam', (iam, account) => {
      if (!iam.credentialReport.ok) return [unknown(accountRef(account), iam.credentialReport.error)];
      const consoleUsers = iam.credentialReport.value.users.filter((u) => u.passwordEnabled);
      if (consoleUsers.length === 0) {
        return [notApplicable(accountRef(account), `Account ${account.accountId} has no IAM users with a console password.`)];
      }
      return consoleUsers.map((u) => {
        const ref = userRef(account.accountId, u);
        const since = u.passwordLastUsed ?? u.passwordLastChanged ?? u.userCreationTime;
        const evidence = { passwordLastUsed: u.passwordLastUsed, passwordLastChanged: u.passwordLastChanged };
        if (since === null) return unknown(ref, `The credential report gives no sign-in or password date for IAM user ${u.user}.`, evidence);
        const idle = daysBefore(snapshot, since);
        if (idle >= CONSOLE_UNUSED_MAX_DAYS) {
          const what = u.passwordLastUsed === null ? `has never signed in (password set ${idle} days ago)` : `last signed in ${idle} days ago`;
          return fail(ref, `IAM user ${u.user} ${what} but still has a console password.`, { ...evidence, idleDays: idle });
        }
        return pass(ref, `IAM user ${u.user} used the console within ${CONSOLE_UNUSED_MAX_DAYS} days.`, { ...evidence, idleDays: idle });
      });
    }),
});
