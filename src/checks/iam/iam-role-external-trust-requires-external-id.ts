import { accountRef, defineCheck, fail, forEachAccount, manual, notApplicable, pass, unknown } from '../../core/check.js';
import type { CheckOutcome } from '../../core/finding.js';
import type { Snapshot } from '../../core/snapshot.js';
import type { PolicyStatement } from '../../core/slices/iam.js';
import { asList, roleRef } from './iam-helpers.js';

type Trust = 'own-account' | 'organization' | 'maybe-organization' | 'external' | 'anyone';

interface TrustedPrincipal {
  readonly principal: string;
  readonly accountId: string | null;
  readonly trust: Trust;
  readonly externalId: boolean;
  readonly orgRestricted: boolean;
}

function allowsAssumeRole(statement: PolicyStatement): boolean {
  if (statement.Effect !== 'Allow') return false;
  return asList(statement.Action).some((a) => ['sts:assumerole', 'sts:*', '*'].includes(a.toLowerCase()));
}

function awsPrincipals(statement: PolicyStatement): readonly string[] {
  const p = statement.Principal;
  if (p === undefined) return [];
  if (typeof p === 'string') return p === '*' ? ['*'] : [];
  return asList(p.AWS);
}

function conditionKeys(statement: PolicyStatement): readonly string[] {
  return Object.values(statement.Condition ?? {}).flatMap((block) => Object.keys(block).map((k) => k.toLowerCase()));
}

function principalAccount(principal: string): string | null {
  if (/^\d{12}$/.test(principal)) return principal;
  return /^arn:aws[\w-]*:(?:iam|sts)::(\d{12}):/.exec(principal)?.[1] ?? null;
}

function orgView(snapshot: Snapshot): { member: (id: string) => boolean | null } {
  const org = snapshot.organization;
  if (!org.ok || org.value === null) return { member: () => false };
  const info = org.value;
  const ids = info.accounts.ok ? new Set(info.accounts.value.map((a) => a.id)) : null;
  return {
    member: (id) => (id === info.managementAccountId ? true : ids === null ? null : ids.has(id)),
  };
}

/**
 * IAM-005 / CAA-002: a role that another party can assume requires `sts:ExternalId` (confused-deputy
 * protection). Per role whose trust policy lets an AWS principal outside the account assume it:
 * - `Principal: "*"` (anyone) without an `aws:PrincipalOrgID` condition => FAIL;
 * - an account outside the organization without `sts:ExternalId` => FAIL;
 * - an account of the same organization => PASS (not a third party);
 * - an account whose membership cannot be seen (member-account scan) without ExternalId => MANUAL;
 * - with `sts:ExternalId` (or `aws:PrincipalOrgID`) => PASS.
 * Roles trusting only their own account, AWS services or federated IdPs are not reported.
 */
export const iamRoleExternalTrustRequiresExternalId = defineCheck({
  id: 'iam_role_external_trust_requires_external_id',
  title: 'Roles trusted by other AWS accounts require an external ID',
  service: 'iam',
  resourceType: 'AWS::IAM::Role',
  severity: 'high',
  reads: ['iam:GetAccountAuthorizationDetails', 'organizations:DescribeOrganization', 'organizations:ListAccounts'],
  remediation: {
    summary:
      'Add a `sts:ExternalId` condition (a unique value the third party generated) to every role trust statement that lets an account outside your organization assume the role.',
    console: 'IAM > Roles > <role> > Trust relationships > Edit trust policy: add the Condition block below to the cross-account statement.',
    cli: 'aws iam update-assume-role-policy --role-name <role> --policy-document file://trust.json',
    iac: 'AssumeRolePolicyDocument:\n  Statement:\n    - Effect: Allow\n      Principal: { AWS: arn:aws:iam::<third-party-account-id>:root }\n      Action: sts:AssumeRole\n      Condition:\n        StringEquals: { sts:ExternalId: <external-id> }',
    docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html',
  },
  evaluate: (snapshot) => {
    const org = orgView(snapshot);
    return forEachAccount(snapshot, 'iam', (iam, account) => {
      if (!iam.authorizationDetails.ok) return [unknown(accountRef(account), iam.authorizationDetails.error)];
      const out: CheckOutcome[] = [];
      for (const role of iam.authorizationDetails.value.roles) {
        const ref = roleRef(account.accountId, role);
        if (role.trustPolicy === null) {
          out.push(unknown(ref, `The trust policy of role ${role.name} could not be decoded.`));
          continue;
        }
        const trusted: TrustedPrincipal[] = [];
        for (const statement of role.trustPolicy.Statement.filter(allowsAssumeRole)) {
          const keys = conditionKeys(statement);
          const externalId = keys.includes('sts:externalid');
          const orgRestricted = keys.includes('aws:principalorgid');
          for (const principal of awsPrincipals(statement)) {
            const accountId = principal === '*' ? null : principalAccount(principal);
            if (principal !== '*' && accountId === null) continue;
            let trust: Trust;
            if (accountId === null) trust = 'anyone';
            else if (accountId === account.accountId) trust = 'own-account';
            else {
              const member = org.member(accountId);
              trust = member === true ? 'organization' : member === null ? 'maybe-organization' : 'external';
            }
            if (trust !== 'own-account') trusted.push({ principal, accountId, trust, externalId, orgRestricted });
          }
        }
        if (trusted.length === 0) continue;
        const evidence = { trustedPrincipals: trusted };
        const bad = trusted.filter((t) => (t.trust === 'anyone' || t.trust === 'external') && !t.externalId && !t.orgRestricted);
        const unsure = trusted.filter((t) => t.trust === 'maybe-organization' && !t.externalId && !t.orgRestricted);
        if (bad.length > 0) {
          const who = bad.map((t) => (t.trust === 'anyone' ? 'any AWS principal (*)' : `account ${t.accountId ?? ''}`)).join(', ');
          out.push(fail(ref, `Role ${role.name} can be assumed by ${who} without an sts:ExternalId condition.`, evidence));
        } else if (unsure.length > 0) {
          const who = unsure.map((t) => t.accountId ?? '').join(', ');
          out.push(
            manual(
              ref,
              `Role ${role.name} trusts account ${who} without sts:ExternalId; the organization's account list is not visible, so confirm it is one of your accounts (otherwise require an external ID).`,
              evidence,
            ),
          );
        } else {
          out.push(pass(ref, `Every other account that can assume role ${role.name} is in the organization or must present an external ID.`, evidence));
        }
      }
      if (out.length === 0) {
        return [notApplicable(accountRef(account), `No role in account ${account.accountId} trusts an AWS principal outside the account.`)];
      }
      return out;
    });
  },
});
