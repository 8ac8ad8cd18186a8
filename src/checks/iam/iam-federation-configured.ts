import { accountRef, defineCheck, fail, forEachAccount, manual, pass, unknown } from '../../core/check.js';
import type { IamRole } from '../../core/slices/iam.js';

/** Roles IAM Identity Center provisions for permission sets in each assigned account. */
export function isIdentityCenterRole(role: IamRole): boolean {
  return role.path.startsWith('/aws-reserved/sso.amazonaws.com/') || role.name.startsWith('AWSReservedSSO_');
}

/**
 * IAM-001 / IAM-012: people sign in through federation (IAM Identity Center or a SAML IdP) rather than as
 * IAM users. Evidence: SAML providers, Identity Center roles (`AWSReservedSSO_*`), OIDC providers (listed,
 * but OIDC is usually workload federation, so it does not count for people).
 * - SAML provider or Identity Center roles present => PASS (MFA in the IdP is attested under IAM-001);
 * - none, and IAM users with console passwords exist => FAIL;
 * - none, and no console users => MANUAL: people may reach the account by assuming roles from a central
 *   account; a person confirms how.
 */
export const iamFederationConfigured = defineCheck({
  id: 'iam_federation_configured',
  title: 'People sign in through federation (IAM Identity Center or an IdP)',
  service: 'iam',
  resourceType: 'AWS::::Account',
  severity: 'medium',
  reads: [
    'iam:ListSAMLProviders',
    'iam:ListOpenIDConnectProviders',
    'iam:GetAccountAuthorizationDetails',
    'iam:GenerateCredentialReport',
    'iam:GetCredentialReport',
  ],
  remediation: {
    summary:
      'Enable IAM Identity Center (connected to your IdP, with MFA) and give people permission sets, then remove IAM user console passwords.',
    console: 'IAM Identity Center > Enable > Settings > Identity source (your IdP) > AWS accounts > assign users/groups with permission sets.',
    cli: 'aws sso-admin list-instances   # then aws sso-admin create-permission-set / create-account-assignment',
    docs: 'https://docs.aws.amazon.com/singlesignon/latest/userguide/getting-started.html',
  },
  evaluate: (snapshot) =>
    forEachAccount(snapshot, 'iam', (iam, account) => {
      const ref = accountRef(account);
      const saml = iam.samlProviders.ok ? iam.samlProviders.value : null;
      const ssoRoles = iam.authorizationDetails.ok
        ? iam.authorizationDetails.value.roles.filter(isIdentityCenterRole).map((r) => r.name)
        : null;
      const oidc = iam.oidcProviders.ok ? iam.oidcProviders.value : null;
      const evidence = { samlProviders: saml, identityCenterRoles: ssoRoles, oidcProviders: oidc };
      if ((saml?.length ?? 0) > 0 || (ssoRoles?.length ?? 0) > 0) {
        const how = [
          (ssoRoles?.length ?? 0) > 0 ? `IAM Identity Center (${ssoRoles?.length ?? 0} permission-set roles)` : null,
          (saml?.length ?? 0) > 0 ? `${saml?.length ?? 0} SAML provider(s)` : null,
        ].filter((h) => h !== null);
        return [pass(ref, `Account ${account.accountId} has federated sign-in: ${how.join(' and ')}.`, evidence)];
      }
      if (!iam.samlProviders.ok) return [unknown(ref, iam.samlProviders.error, evidence)];
      if (!iam.authorizationDetails.ok) return [unknown(ref, iam.authorizationDetails.error, evidence)];
      if (!iam.credentialReport.ok) return [unknown(ref, iam.credentialReport.error, evidence)];
      const consoleUsers = iam.credentialReport.value.users.filter((u) => u.passwordEnabled).map((u) => u.user);
      if (consoleUsers.length > 0) {
        return [
          fail(ref, `Account ${account.accountId} has no SAML provider or IAM Identity Center roles, and ${consoleUsers.length} IAM users sign in with passwords.`, {
            ...evidence,
            consoleUsers,
          }),
        ];
      }
      return [
        manual(
          ref,
          `Account ${account.accountId} has no SAML provider, Identity Center roles or console users; confirm how people access it (for example roles assumed from a central account).`,
          evidence,
        ),
      ];
    }),
});
