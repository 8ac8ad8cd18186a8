import { accountRef, defineCheck, fail, forEachAccount, manual, notApplicable, pass, unknown } from '../../core/check.js';
import type { CheckOutcome } from '../../core/finding.js';
import type { AuthorizationDetails, IamRole } from '../../core/slices/iam.js';
import {
  ADMINISTRATOR_ACCESS_ARN_SUFFIX,
  adminVerdicts,
  documentPolicySet,
  rolePolicySet,
  type AdminVerdict,
  type PolicySet,
} from './admin-analysis.js';
import { policyRef, roleRef } from './iam-helpers.js';
import { analyzeRoleTrust } from './trust-analysis.js';

/** `user/alice`, `group/admins (users alice, bob)`, `role/deploy`: who holds a managed policy. */
function holdersOf(details: AuthorizationDetails, matches: (arn: string) => boolean): string[] {
  return [
    ...details.users.filter((u) => u.attachedPolicies.some((p) => matches(p.arn))).map((u) => `user/${u.name}`),
    ...details.groups.filter((g) => g.attachedPolicies.some((p) => matches(p.arn))).map((g) => groupWithUsers(details, g.name)),
    ...details.roles.filter((r) => r.attachedPolicies.some((p) => matches(p.arn))).map((r) => `role/${r.name}`),
  ];
}

/** The users a group reaches (a group grants nothing by itself): `users alice, bob` or `no users`. */
function usersOf(details: AuthorizationDetails, group: string): string {
  const users = details.users.filter((u) => u.groups.includes(group)).map((u) => u.name);
  return users.length > 0 ? `users ${users.join(', ')}` : 'no users';
}

const groupWithUsers = (details: AuthorizationDetails, group: string): string => `group/${group} (${usersOf(details, group)})`;

function grantText(v: AdminVerdict): string {
  return v.level === 'admin'
    ? 'administrator-equivalent access (every probed high-impact action on any resource)'
    : `the means to grant itself any permission (${v.allowed.filter((a) => a.startsWith('iam:')).join(', ')} on any resource)`;
}

/** FAIL for admin, MANUAL for "can escalate", PASS for scoped, UNKNOWN when the simulator refused the document. */
function verdictOutcome(ref: Parameters<typeof pass>[0], label: string, holders: string, v: AdminVerdict, evidence: Record<string, unknown>): CheckOutcome {
  const ev = { ...evidence, level: v.level, allowedProbes: v.allowed, notAllowedProbes: v.notAllowed, conditions: v.conditions };
  switch (v.level) {
    case 'admin':
      return fail(ref, `${label} grants ${grantText(v)}${holders}.`, ev);
    case 'can-escalate':
      return manual(ref, `${label} grants ${grantText(v)}${holders}; confirm it belongs to an audited administration or deployment role.`, ev);
    case 'scoped':
      return pass(ref, `${label} does not grant administrator-equivalent access.`, ev);
    case 'unknown':
      return unknown(ref, `${label} could not be evaluated by the policy simulator (${v.errors.join('; ')}).`, ev);
  }
}

/**
 * IAM-006: no customer-managed or inline policy grants administrator-equivalent access. "Equivalent" is
 * decided by the IAM policy simulator (admin-analysis.ts), so `NotAction`, `NotResource` and wildcard
 * spellings of "everything" are caught, not only the literal `"Action": "*"`.
 * - per customer-managed policy: admin and attached => FAIL naming who it reaches (a group's users);
 *   attached to nothing => NOT_APPLICABLE (it grants nothing; deleting it is hygiene, not IAM-006);
 *   can grant itself any permission => MANUAL; otherwise PASS;
 * - per inline policy of a user, group (naming its users) or role: the same without the unattached case;
 * - per role with administrator-equivalent permissions (AdministratorAccess included) that a third-party
 *   account, or anyone, can assume => FAIL: a vendor with full admin is not least privilege;
 * - AWS-managed AdministratorAccess attachments: one MANUAL per account listing the holders (groups with
 *   their users), since a few audited admin or break-glass roles are legitimate.
 */
export const iamPolicyNoFullAdminWildcard = defineCheck({
  id: 'iam_policy_no_full_admin_wildcard',
  title: 'No custom IAM policy grants full "*:*" administrator access',
  service: 'iam',
  resourceType: 'AWS::IAM::ManagedPolicy',
  severity: 'high',
  reads: ['iam:GetAccountAuthorizationDetails', 'organizations:DescribeOrganization', 'organizations:ListAccounts'],
  remediation: {
    summary:
      'Replace "Action": "*" on "Resource": "*" with the actions and resources each workload needs (IAM Access Analyzer policy generation helps); keep full admin for a few audited roles only.',
    console: 'IAM > Policies > <policy> > Edit (or the inline policy under the user/group/role > Permissions) and scope actions and resources.',
    cli: 'aws iam create-policy-version --policy-arn <policy-arn> --policy-document file://least-privilege.json --set-as-default',
    docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
  },
  evaluate: (snapshot) =>
    forEachAccount(snapshot, 'iam', (iam, account) => {
      if (!iam.authorizationDetails.ok) return [unknown(accountRef(account), iam.authorizationDetails.error)];
      const details = iam.authorizationDetails.value;
      const id = account.accountId;
      const out: CheckOutcome[] = [];

      // One simulator batch: every decodable customer-managed policy, every inline policy, every role.
      const sets: PolicySet[] = [];
      const managed = details.policies.map((policy) => (policy.document === null ? -1 : sets.push(documentPolicySet(policy.name, policy.document, id)) - 1));
      const inlineOwners = [
        ...details.users.map((u) => ({ kind: 'user', name: u.name, holders: '', policies: u.inlinePolicies })),
        ...details.groups.map((g) => ({ kind: 'group', name: g.name, holders: `, reaching ${usersOf(details, g.name)}`, policies: g.inlinePolicies })),
        ...details.roles.map((r) => ({ kind: 'role', name: r.name, holders: '', policies: r.inlinePolicies })),
      ];
      const inline = inlineOwners.map((owner) =>
        owner.policies.map((policy) => (policy.document === null ? -1 : sets.push(documentPolicySet(policy.name, policy.document, id)) - 1)),
      );
      const roleIndex = details.roles.map((role) => sets.push(rolePolicySet(details, role)) - 1);
      const verdicts = adminVerdicts(id, sets);

      details.policies.forEach((policy, i) => {
        const ref = policyRef(id, policy.name, policy.arn);
        const verdict = verdicts[managed[i] ?? -1];
        if (verdict === undefined) {
          out.push(unknown(ref, `The default version of policy ${policy.name} could not be decoded.`));
          return;
        }
        const holders = holdersOf(details, (arn) => arn === policy.arn);
        const evidence = { attachmentCount: policy.attachmentCount, attachedTo: holders };
        if (policy.attachmentCount === 0 && holders.length === 0 && verdict.level !== 'scoped' && verdict.level !== 'unknown') {
          out.push(
            notApplicable(ref, `Customer-managed policy ${policy.name} would grant ${grantText(verdict)} but is attached to nothing, so it grants nothing; consider deleting it.`, {
              ...evidence,
              level: verdict.level,
            }),
          );
          return;
        }
        const where = holders.length > 0 ? `, attached to ${holders.join(', ')}` : `, attached to ${policy.attachmentCount} principals`;
        out.push(verdictOutcome(ref, `Customer-managed policy ${policy.name}`, where, verdict, evidence));
      });

      inlineOwners.forEach((owner, o) => {
        owner.policies.forEach((policy, p) => {
          const ref = policyRef(id, `${owner.kind}/${owner.name}/${policy.name}`, null);
          const evidence = { inline: true, ownerType: owner.kind, owner: owner.name };
          const verdict = verdicts[inline[o]?.[p] ?? -1];
          if (verdict === undefined) out.push(unknown(ref, `Inline policy ${policy.name} of ${owner.kind} ${owner.name} could not be decoded.`, evidence));
          else out.push(verdictOutcome(ref, `Inline policy ${policy.name} of ${owner.kind} ${owner.name}`, owner.holders, verdict, evidence));
        });
      });

      out.push(...thirdPartyAdminRoles(snapshot, id, details.roles, roleIndex.map((i) => verdicts[i])));

      const adminHolders = holdersOf(details, (arn) => arn.endsWith(ADMINISTRATOR_ACCESS_ARN_SUFFIX));
      if (adminHolders.length > 0) {
        out.push(
          manual(
            policyRef(id, 'AdministratorAccess', 'arn:aws:iam::aws:policy/AdministratorAccess'),
            `The AWS-managed AdministratorAccess policy is attached to ${adminHolders.join(', ')} in account ${id}; confirm each needs full administrator access.`,
            { attachedTo: adminHolders },
          ),
        );
      }
      if (out.length === 0) {
        return [notApplicable(accountRef(account), `Account ${id} has no customer-managed or inline policies.`)];
      }
      return out;
    }),
});

/** FAIL per administrator-equivalent role that a party outside the organization (or anyone) can assume. */
function thirdPartyAdminRoles(snapshot: Parameters<typeof analyzeRoleTrust>[0], account: string, roles: readonly IamRole[], verdicts: readonly (AdminVerdict | undefined)[]): CheckOutcome[] {
  const adminRoles = roles.filter((_r, i) => verdicts[i]?.level === 'admin');
  const trusts = analyzeRoleTrust(snapshot, account, adminRoles);
  return adminRoles.flatMap((role, i) => {
    const trust = trusts[i];
    if (trust === undefined || !trust.ok) return [];
    const outsiders = trust.parties.filter((p) => p.kind === 'external' || p.kind === 'anyone');
    if (outsiders.length === 0) return [];
    const who = [...new Set(outsiders.map((p) => p.party))].join(', ');
    return [
      fail(roleRef(account, role), `Role ${role.name} has administrator-equivalent permissions and can be assumed by ${who}, outside the organization; give third parties only the actions they need.`, {
        trustedParties: outsiders,
        policies: role.attachedPolicies.map((p) => p.name).concat(role.inlinePolicies.map((p) => p.name)),
      }),
    ];
  });
}
