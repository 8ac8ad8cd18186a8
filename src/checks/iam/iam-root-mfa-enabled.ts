import { accountRef, defineCheck, fail, pass, unknown } from '../../core/check.js';
import type { IamSlice } from '../../core/slices/iam.js';
import { forEachAccountRoot } from './iam-helpers.js';

/** Virtual MFA on root shows up in ListVirtualMFADevices; anything else is a hardware key or passkey. */
function rootMfaType(iam: IamSlice): 'virtual' | 'hardware-or-passkey' | 'unknown' {
  if (!iam.virtualMfaDevices.ok) return 'unknown';
  return iam.virtualMfaDevices.value.some((d) => d.userArn?.endsWith(':root') === true) ? 'virtual' : 'hardware-or-passkey';
}

/**
 * ARC-003 / IAM-001: the root user has MFA. Reads `AccountMFAEnabled` from the account summary, or the
 * credential report's root row when the summary was denied. Member accounts of an organization with
 * centralized root access have no root credentials and PASS for that reason.
 */
export const iamRootMfaEnabled = defineCheck({
  id: 'iam_root_mfa_enabled',
  title: 'The root user has MFA enabled',
  service: 'iam',
  resourceType: 'AWS::::Account',
  severity: 'critical',
  reads: ['iam:GetAccountSummary', 'iam:GenerateCredentialReport', 'iam:GetCredentialReport', 'iam:ListVirtualMFADevices'],
  remediation: {
    summary:
      'Enable MFA on the root user (a hardware security key or passkey is preferred), or remove root credentials from member accounts with centralized root access.',
    console:
      'Sign in as the root user > account menu > Security credentials > Multi-factor authentication (MFA) > Assign MFA device. For organizations: IAM console (management account) > Root access management > Enable.',
    cli: 'aws iam get-account-summary --query "SummaryMap.AccountMFAEnabled"   # 1 = enabled; centralized root access: aws iam enable-organizations-root-credentials-management',
    docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/enable-mfa-for-root.html',
  },
  evaluate: (snapshot) =>
    forEachAccountRoot(
      snapshot,
      (account, reason) => pass(accountRef(account), reason, { centralizedRootCredentials: true }),
      (iam, account) => {
        const ref = accountRef(account);
        let enabled: boolean;
        let source: string;
        if (iam.accountSummary.ok) {
          enabled = iam.accountSummary.value.accountMfaEnabled;
          source = 'iam:GetAccountSummary';
        } else if (iam.credentialReport.ok && iam.credentialReport.value.root) {
          enabled = iam.credentialReport.value.root.mfaActive;
          source = 'credential report';
        } else {
          return [unknown(ref, iam.accountSummary.error)];
        }
        if (!enabled) {
          return [fail(ref, `The root user of account ${account.accountId} has no MFA device.`, { accountMfaEnabled: false, source })];
        }
        const mfaType = rootMfaType(iam);
        return [
          pass(ref, `The root user of account ${account.accountId} has MFA enabled (${mfaType}).`, {
            accountMfaEnabled: true,
            mfaType,
            source,
          }),
        ];
      },
    ),
});
