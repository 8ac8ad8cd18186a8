import { accountRef, defineCheck, fail, forEachAccount, manual, notApplicable, pass, unknown } from '../../core/check.js';
import type { CheckOutcome } from '../../core/finding.js';
import { roleRef } from './iam-helpers.js';
import { analyzeRoleTrust, type TrustedParty } from './trust-analysis.js';

const names = (parties: readonly TrustedParty[]): string => [...new Set(parties.map((p) => p.party))].join(', ');

/**
 * IAM-005 / CAA-002: a role that another party can assume requires `sts:ExternalId` (confused-deputy
 * protection). Who can assume a role, and under which conditions, comes from simulating sts:AssumeRole
 * against its trust policy (trust-analysis.ts). Per role that a principal outside the account can assume:
 * - `Principal: "*"` not pinned to an account or organization by an exact condition => FAIL, whatever else
 *   it requires (an external ID alone does not stop the whole world from trying);
 * - an account or organization outside the scanned organization without an exact, fixed sts:ExternalId
 *   (`StringEquals`; not `StringLike "*"`, `Null false` or `...IfExists`) => FAIL;
 * - an account whose membership cannot be seen (organization or account list unreadable) without one =>
 *   MANUAL: it may be one of yours;
 * - otherwise (same organization, or every third party needs the external ID) => PASS.
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
  evaluate: (snapshot) =>
    forEachAccount(snapshot, 'iam', (iam, account) => {
      if (!iam.authorizationDetails.ok) return [unknown(accountRef(account), iam.authorizationDetails.error)];
      const roles = iam.authorizationDetails.value.roles;
      const trusts = analyzeRoleTrust(snapshot, account.accountId, roles);
      const out: CheckOutcome[] = [];
      roles.forEach((role, i) => {
        const ref = roleRef(account.accountId, role);
        const trust = trusts[i];
        if (trust === undefined || !trust.ok) {
          out.push(unknown(ref, `Who can assume role ${role.name} could not be worked out: ${trust?.reason ?? 'no answer'}.`));
          return;
        }
        if (trust.parties.length === 0) return;
        const evidence = { trustedParties: trust.parties };
        const anyone = trust.parties.filter((p) => p.kind === 'anyone');
        const third = trust.parties.filter((p) => p.kind === 'external' && !p.externalId);
        const unsure = trust.parties.filter((p) => p.kind === 'maybe-organization' && !p.externalId);
        if (anyone.length > 0) {
          out.push(
            fail(
              ref,
              `Role ${role.name} trusts any AWS principal (*) without an exact aws:PrincipalOrgID / aws:PrincipalAccount condition${anyone.some((p) => p.externalId) ? ' (an external ID alone does not limit who may try)' : ''}.`,
              evidence,
            ),
          );
        } else if (third.length > 0) {
          out.push(fail(ref, `Role ${role.name} can be assumed by ${names(third)} without an exact sts:ExternalId condition.`, evidence));
        } else if (unsure.length > 0) {
          out.push(
            manual(
              ref,
              `Role ${role.name} trusts ${names(unsure)} without an exact sts:ExternalId; the organization's accounts are not visible, so confirm it is one of yours (otherwise require an external ID).`,
              evidence,
            ),
          );
        } else {
          out.push(pass(ref, `Every other party that can assume role ${role.name} is in the organization or must present an exact external ID.`, evidence));
        }
      });
      if (out.length === 0) {
        return [notApplicable(accountRef(account), `No role in account ${account.accountId} trusts an AWS principal outside the account.`)];
      }
      return out;
    }),
});
