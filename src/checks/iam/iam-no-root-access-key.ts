import { accountRef, defineCheck, fail, pass, unknown } from '../../core/check.js';
import { forEachAccountRoot } from './iam-helpers.js';

/**
 * ARC-004: the root user has no access keys. Reads `AccountAccessKeysPresent` from the account summary,
 * or the root row of the credential report when the summary was denied. Member accounts with centralized
 * root access PASS (they have no root credentials at all).
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
    forEachAccountRoot(
      snapshot,
      (account, reason) => pass(accountRef(account), reason, { centralizedRootCredentials: true }),
      (iam, account) => {
        const ref = accountRef(account);
        let present: boolean;
        let source: string;
        if (iam.accountSummary.ok) {
          present = iam.accountSummary.value.accountAccessKeysPresent;
          source = 'iam:GetAccountSummary';
        } else if (iam.credentialReport.ok && iam.credentialReport.value.root) {
          present = iam.credentialReport.value.root.accessKeys.some((k) => k.active);
          source = 'credential report';
        } else {
          return [unknown(ref, iam.accountSummary.error)];
        }
        return present
          ? [fail(ref, `The root user of account ${account.accountId} has access keys.`, { accountAccessKeysPresent: true, source })]
          : [pass(ref, `The root user of account ${account.accountId} has no access keys.`, { accountAccessKeysPresent: false, source })];
      },
    ),
});
