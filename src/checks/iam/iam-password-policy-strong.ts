import { accountRef, defineCheck, fail, forEachAccount, pass, unknown } from '../../core/check.js';
import type { PasswordPolicy } from '../../core/slices/iam.js';

interface Criterion {
  readonly name: string;
  readonly met: (p: PasswordPolicy) => boolean;
}

/** The CIS/Prowler criteria for IAM-003, each reported separately in the evidence. */
export const PASSWORD_CRITERIA: readonly Criterion[] = [
  { name: 'minimum length >= 14', met: (p) => (p.minimumPasswordLength ?? 0) >= 14 },
  { name: 'requires uppercase', met: (p) => p.requireUppercaseCharacters },
  { name: 'requires lowercase', met: (p) => p.requireLowercaseCharacters },
  { name: 'requires numbers', met: (p) => p.requireNumbers },
  { name: 'requires symbols', met: (p) => p.requireSymbols },
  { name: 'prevents reuse of the last 24 passwords', met: (p) => (p.passwordReusePrevention ?? 0) >= 24 },
  { name: 'expires passwords within 90 days', met: (p) => p.maxPasswordAge !== null && p.maxPasswordAge > 0 && p.maxPasswordAge <= 90 },
];

/**
 * IAM-003: the account password policy meets every criterion (length >= 14, upper, lower, number,
 * symbol, reuse prevention >= 24, max age <= 90 days). No policy at all FAILs.
 */
export const iamPasswordPolicyStrong = defineCheck({
  id: 'iam_password_policy_strong',
  title: 'The IAM account password policy is strong',
  service: 'iam',
  resourceType: 'AWS::::Account',
  severity: 'medium',
  reads: ['iam:GetAccountPasswordPolicy'],
  remediation: {
    summary:
      'Set an account password policy with at least 14 characters, upper and lower case, numbers, symbols, 24 remembered passwords and a 90-day maximum age.',
    console: 'IAM > Account settings > Password policy > Edit > Custom, then tick every requirement.',
    cli: 'aws iam update-account-password-policy --minimum-password-length 14 --require-uppercase-characters --require-lowercase-characters --require-numbers --require-symbols --password-reuse-prevention 24 --max-password-age 90 --allow-users-to-change-password',
    iac: 'resource "aws_iam_account_password_policy" "strict" {\n  minimum_password_length        = 14\n  require_uppercase_characters   = true\n  require_lowercase_characters   = true\n  require_numbers                = true\n  require_symbols                = true\n  password_reuse_prevention      = 24\n  max_password_age               = 90\n  allow_users_to_change_password = true\n}',
    docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html',
  },
  evaluate: (snapshot) =>
    forEachAccount(snapshot, 'iam', (iam, account) => {
      const ref = accountRef(account);
      if (!iam.passwordPolicy.ok) return [unknown(ref, iam.passwordPolicy.error)];
      const policy = iam.passwordPolicy.value;
      if (policy === null) {
        return [fail(ref, `Account ${account.accountId} has no IAM password policy (AWS defaults apply).`, { policy: null })];
      }
      const criteria = Object.fromEntries(PASSWORD_CRITERIA.map((c) => [c.name, c.met(policy)]));
      const unmet = PASSWORD_CRITERIA.filter((c) => !c.met(policy)).map((c) => c.name);
      const evidence = { criteria, policy };
      return unmet.length === 0
        ? [pass(ref, `The password policy of account ${account.accountId} meets every strength criterion.`, evidence)]
        : [fail(ref, `The password policy of account ${account.accountId} does not meet: ${unmet.join('; ')}.`, { ...evidence, unmet })];
    }),
});
