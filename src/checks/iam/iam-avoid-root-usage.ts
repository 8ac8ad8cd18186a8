import { accountRef, defineCheck, fail, forEachAccount, manual, pass, unknown } from '../../core/check.js';
import { daysBefore, rootContext, rootCredentialState } from './iam-helpers.js';

/** Root activity older than this is not "recent". */
export const ROOT_USAGE_WINDOW_DAYS = 90;

/**
 * ARC-001: root is used only by exception. From the credential report's root row:
 * - a root access key used within 90 days => FAIL (programmatic root use is never a root-only task);
 * - a root console sign-in within 90 days => MANUAL: some tasks need root (closing the account, changing
 *   the support plan, ...), so a person confirms the sign-in was one of them;
 * - otherwise PASS. Without a readable root row (the moto emulator, a denied report): PASS when
 *   GetAccountSummary shows the root user has no credentials at all (it cannot sign in), else UNKNOWN.
 * Centralized root access alone proves nothing: it does not delete existing root credentials.
 */
export const iamAvoidRootUsage = defineCheck({
  id: 'iam_avoid_root_usage',
  title: 'The root user is not used for everyday tasks',
  service: 'iam',
  resourceType: 'AWS::::Account',
  severity: 'high',
  reads: ['iam:GenerateCredentialReport', 'iam:GetCredentialReport'],
  remediation: {
    summary:
      'Use IAM Identity Center or IAM roles for daily work and keep the root user for the few tasks that require it; investigate recent root activity in CloudTrail (userIdentity.type = Root).',
    console:
      'CloudTrail > Event history > filter "User name" = root to review the activity; IAM > Credential report > Download to see root password_last_used.',
    cli: 'aws cloudtrail lookup-events --lookup-attributes AttributeKey=Username,AttributeValue=root --max-results 50',
    docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/root-user-tasks.html',
  },
  evaluate: (snapshot) =>
    forEachAccount(snapshot, 'iam', (iam, account) => {
      const ref = accountRef(account);
      const id = account.accountId;
      const root = iam.credentialReport.ok ? iam.credentialReport.value.root : null;
      if (root === null) {
        if (rootCredentialState(iam) === 'absent') {
          const { centralized } = rootContext(snapshot, account);
          return [
            pass(ref, `The root user of account ${id} has no password, access keys or signing certificates, so it cannot be used${centralized ? ' (root access is centralized in the organization)' : ''}.`, {
              rootCredentials: 'absent',
              centralizedRootCredentials: centralized,
            }),
          ];
        }
        if (!iam.credentialReport.ok) return [unknown(ref, iam.credentialReport.error)];
        return [unknown(ref, `The credential report of account ${id} has no <root_account> row, so root activity cannot be read.`)];
      }
      const keyUses = root.accessKeys
        .filter((k) => k.lastUsed !== null)
        .map((k) => ({ slot: k.slot, lastUsed: k.lastUsed ?? '', daysAgo: daysBefore(snapshot, k.lastUsed ?? '') }));
      const evidence = { passwordLastUsed: root.passwordLastUsed, accessKeysLastUsed: keyUses, windowDays: ROOT_USAGE_WINDOW_DAYS };
      const recentKey = keyUses.find((k) => k.daysAgo <= ROOT_USAGE_WINDOW_DAYS);
      if (recentKey) {
        return [fail(ref, `A root access key of account ${id} was used ${recentKey.daysAgo} days ago.`, evidence)];
      }
      if (root.passwordLastUsed !== null) {
        const days = daysBefore(snapshot, root.passwordLastUsed);
        if (days <= ROOT_USAGE_WINDOW_DAYS) {
          return [manual(ref, `The root user of account ${id} signed in ${days} days ago; confirm it was a task that requires root.`, evidence)];
        }
      }
      return [pass(ref, `The root user of account ${id} was not used in the last ${ROOT_USAGE_WINDOW_DAYS} days.`, evidence)];
    }),
});
