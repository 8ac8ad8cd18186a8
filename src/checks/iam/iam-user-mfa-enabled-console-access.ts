import { accountRef, defineCheck, fail, forEachAccount, notApplicable, pass, unknown } from '../../core/check.js';
import { userRef } from './iam-helpers.js';

/**
 * IAM-001: every IAM user with a console password has MFA (credential report `mfa_active`). One outcome
 * per console user; an account with no console users is NOT_APPLICABLE (humans use federation there).
 */
export const iamUserMfaEnabledConsoleAccess = defineCheck({
  id: 'iam_user_mfa_enabled_console_access',
  title: 'IAM users with console access have MFA',
  service: 'iam',
  resourceType: 'AWS::IAM::User',
  severity: 'high',
  reads: ['iam:GenerateCredentialReport', 'iam:GetCredentialReport'],
  remediation: {
    summary:
      'Assign an MFA device to every IAM user who can sign in to the console, or better, move people to IAM Identity Center / your IdP (with MFA) and remove their console passwords.',
    console: 'IAM > Users > <user> > Security credentials > Multi-factor authentication (MFA) > Assign MFA device.',
    cli: 'aws iam create-virtual-mfa-device --virtual-mfa-device-name <user> --outfile <user>.png --bootstrap-method QRCodePNG && aws iam enable-mfa-device --user-name <user> --serial-number arn:aws:iam::<account-id>:mfa/<user> --authentication-code1 <code1> --authentication-code2 <code2>',
    iac: 'Deny everything without MFA (attach to the users\' group):\n{"Effect":"Deny","NotAction":["iam:CreateVirtualMFADevice","iam:EnableMFADevice","iam:ListMFADevices","iam:GetUser","sts:GetSessionToken"],"Resource":"*","Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}}',
    docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable_virtual.html',
  },
  evaluate: (snapshot) =>
    forEachAccount(snapshot, 'iam', (iam, account) => {
      if (!iam.credentialReport.ok) return [unknown(accountRef(account), iam.credentialReport.error)];
      const consoleUsers = iam.credentialReport.value.users.filter((u) => u.passwordEnabled);
      if (consoleUsers.length === 0) {
        return [notApplicable(accountRef(account), `Account ${account.accountId} has no IAM users with a console password.`)];
      }
      return consoleUsers.map((u) =>
        u.mfaActive
          ? pass(userRef(account.accountId, u), `IAM user ${u.user} has console access and MFA.`, { passwordEnabled: true, mfaActive: true })
          : fail(userRef(account.accountId, u), `IAM user ${u.user} can sign in to the console without MFA.`, {
              passwordEnabled: true,
              mfaActive: false,
              passwordLastUsed: u.passwordLastUsed,
            }),
      );
    }),
});
