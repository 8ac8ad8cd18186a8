import { accountRef, defineCheck, fail, forEachAccount, manual, pass, unknown } from '../../core/check.js';
import type { IamSlice } from '../../core/slices/iam.js';
import { rootContext, rootCredentialState } from './iam-helpers.js';

/** Virtual MFA on root shows up in ListVirtualMFADevices; anything else is a hardware key or passkey. */
function rootMfaType(iam: IamSlice): 'virtual' | 'hardware-or-passkey' | 'unknown' {
  if (!iam.virtualMfaDevices.ok) return 'unknown';
  return iam.virtualMfaDevices.value.some((d) => d.userArn?.endsWith(':root') === true) ? 'virtual' : 'hardware-or-passkey';
}

/**
 * ARC-003 / IAM-001: the root user has MFA wherever someone can sign in as root. Reads `AccountMFAEnabled`
 * (or the credential report's root row when the summary was denied) and `AccountPasswordPresent`:
 * - MFA on => PASS;
 * - no root password, keys or certificates (GetAccountSummary), in a member account of an organization with
 *   centralized root access => PASS (nobody can sign in as root, and recovery is centrally controlled);
 * - no root password otherwise, typically an account created by AWS Organizations whose root password was
 *   never recovered => MANUAL: ARC-003 excuses it, but whoever controls the root email address can still
 *   recover the password, so a person confirms that mailbox is controlled (or enables centralized access);
 * - MFA off and a root password present (or not shown absent) => FAIL, or MANUAL in a member account with
 *   centralized root access (delete the remaining credentials centrally, or add MFA).
 * Centralized root access alone proves nothing: it does not delete credentials that already exist.
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
    forEachAccount(snapshot, 'iam', (iam, account) => {
      const ref = accountRef(account);
      const id = account.accountId;
      const context = rootContext(snapshot, account);
      let enabled: boolean;
      let source: string;
      if (iam.accountSummary.ok) {
        enabled = iam.accountSummary.value.accountMfaEnabled;
        source = 'iam:GetAccountSummary';
      } else if (iam.credentialReport.ok && iam.credentialReport.value.root) {
        enabled = iam.credentialReport.value.root.mfaActive;
        source = 'credential report';
      } else {
        return [unknown(ref, iam.accountSummary.error, { centralizedRootCredentials: context.centralized })];
      }
      if (enabled) {
        const mfaType = rootMfaType(iam);
        return [pass(ref, `The root user of account ${id} has MFA enabled (${mfaType}).`, { accountMfaEnabled: true, mfaType, source })];
      }
      const credentials = rootCredentialState(iam);
      const evidence = {
        accountMfaEnabled: false,
        accountPasswordPresent: iam.accountSummary.ok ? iam.accountSummary.value.accountPasswordPresent : null,
        rootCredentials: credentials,
        centralizedRootCredentials: context.centralized,
        organizationId: context.memberOf,
        joinedMethod: context.joinedMethod,
        source,
      };
      if (credentials === 'absent' && context.centralized) {
        return [
          pass(
            ref,
            `The root user of member account ${id} has no password, access keys or signing certificates, and organization ${context.memberOf ?? ''} centralizes root access, so nobody can sign in as root.`,
            evidence,
          ),
        ];
      }
      if (credentials === 'absent') {
        const how = context.joinedMethod === 'CREATED' ? `was created by AWS Organizations and its root password was never recovered` : 'has no root password';
        return [
          manual(
            ref,
            `Account ${id} ${how}, so nobody signs in as root today and ARC-003 excuses the missing MFA; but whoever controls the root email address can recover the password: confirm that mailbox is controlled, or enable centralized root access.`,
            evidence,
          ),
        ];
      }
      if (context.centralized) {
        return [
          manual(
            ref,
            `Organization ${context.memberOf ?? ''} centralizes root access, but the root user of member account ${id} ${credentials === 'present' ? 'still has credentials' : 'may still have a password'} and no MFA: delete its root credentials (IAM > Root access management) or add MFA.`,
            evidence,
          ),
        ];
      }
      return [fail(ref, `The root user of account ${id} has no MFA device.`, evidence)];
    }),
});
