import { accountRef, defineCheck, fail, forEachAccount, pass, unknown } from '../../core/check.js';
import { rootContext } from './iam-helpers.js';

/**
 * ARC-004: the root user has no access keys. Reads `AccountAccessKeysPresent` from the account summary,
 * or the root row of the credential report when the summary was denied. Centralized root access changes
 * nothing here: it does not delete keys that already exist, so the keys decide (its message is noted).
 */
export const iamNoRootAccessKey = defineCheck({
  id: 'iam_no_root_access_key',
  title: 'The root user has no access keys',
  service: 'iam',
  resourceType: 'AWS::::Account',
  severity: 'critical',
  reads: ['iam:GetAccountSummary', 'iam:GenerateCredentialReport', 'iam:GetCredentialReport'],
  remediation: {
    summary: 'Delete the root user access keys and move whatever used them to an IAM role with temporary credentials.',
    console: 'Sign in as the root user > account menu > Security credentials > Access keys > Actions > Deactivate, then Delete.',
    cli: 'aws iam get-account-summary --query "SummaryMap.AccountAccessKeysPresent"   # must be 0; root keys can only be deleted by the root user or via aws sts assume-root',
    docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user_manage_delete-key.html',
  },
  evaluate: (snapshot) =>
    forEachAccount(snapshot, 'iam', (iam, account) => {
      const ref = accountRef(account);
      const { centralized } = rootContext(snapshot, account);
      let present: boolean;
      let source: string;
      if (iam.accountSummary.ok) {
        present = iam.accountSummary.value.accountAccessKeysPresent;
        source = 'iam:GetAccountSummary';
      } else if (iam.credentialReport.ok && iam.credentialReport.value.root) {
        present = iam.credentialReport.value.root.accessKeys.some((k) => k.active);
        source = 'credential report';
      } else {
        return [unknown(ref, iam.accountSummary.error, { centralizedRootCredentials: centralized })];
      }
      const evidence = { accountAccessKeysPresent: present, centralizedRootCredentials: centralized, source };
      if (present) {
        const note = centralized ? ' Centralized root access is on, but it does not delete existing keys: delete them (IAM > Root access management).' : '';
        return [fail(ref, `The root user of account ${account.accountId} has access keys.${note}`, evidence)];
      }
      return [pass(ref, `The root user of account ${account.accountId} has no access keys.`, evidence)];
    }),
});
