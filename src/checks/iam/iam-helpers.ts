/** Shared helpers of the IAM checks: resource refs, ages against the scan time, policy statement reading. */
import { accountRef, forEachAccount, notApplicable, unknown } from '../../core/check.js';
import type { CheckOutcome, ResourceRef } from '../../core/finding.js';
import type { AccountSnapshot, Snapshot } from '../../core/snapshot.js';
import type { CredentialReportUser, IamSlice, PolicyDocument, PolicyStatement } from '../../core/slices/iam.js';

const DAY_MS = 86_400_000;

/** Whole days from `iso` to the scan start (the scan's "now", so results are reproducible). */
export function daysBefore(snapshot: Snapshot, iso: string): number {
  return Math.floor((Date.parse(snapshot.startedAt) - Date.parse(iso)) / DAY_MS);
}

export function userRef(accountId: string, user: { readonly user?: string; readonly name?: string; readonly arn: string }): ResourceRef {
  return {
    accountId,
    region: null,
    resourceType: 'AWS::IAM::User',
    resourceId: user.user ?? user.name ?? user.arn,
    resourceArn: user.arn || null,
  };
}

export function roleRef(accountId: string, role: { readonly name: string; readonly arn: string }): ResourceRef {
  return { accountId, region: null, resourceType: 'AWS::IAM::Role', resourceId: role.name, resourceArn: role.arn || null };
}

/** A managed policy (`AWS::IAM::ManagedPolicy`, with its ARN) or an inline policy (`AWS::IAM::Policy`, no ARN). */
export function policyRef(accountId: string, id: string, arn: string | null): ResourceRef {
  const resourceType = arn === null ? 'AWS::IAM::Policy' : 'AWS::IAM::ManagedPolicy';
  return { accountId, region: null, resourceType, resourceId: id, resourceArn: arn };
}

/** Active access key slots of a credential-report user. */
export function activeKeys(user: CredentialReportUser): CredentialReportUser['accessKeys'] {
  return user.accessKeys.filter((k) => k.active);
}

/**
 * Why root credentials do not exist in this account, when the organization uses centralized root access
 * and the account is a member (not the management account); null otherwise.
 */
export function centralizedRootReason(snapshot: Snapshot, account: AccountSnapshot): string | null {
  const org = snapshot.organization;
  if (!org.ok || org.value === null) return null;
  const central = org.value.centralizedRootCredentials;
  if (!central.ok || !central.value) return null;
  if (account.accountId === org.value.managementAccountId) return null;
  return `Organization ${org.value.id} manages root credentials centrally, so member account ${account.accountId} has no root password, keys or MFA to manage.`;
}

export function asList(value: string | readonly string[] | undefined): readonly string[] {
  if (value === undefined) return [];
  return typeof value === 'string' ? [value] : value;
}

/** An Allow statement granting every action on every resource (`*` / `*:*` on `*`). */
export function isFullAdminStatement(statement: PolicyStatement): boolean {
  if (statement.Effect !== 'Allow') return false;
  const actions = asList(statement.Action);
  const resources = asList(statement.Resource);
  return actions.some((a) => a === '*' || a === '*:*') && resources.includes('*');
}

export function hasFullAdminStatement(document: PolicyDocument): boolean {
  return document.Statement.some(isFullAdminStatement);
}

export const ADMINISTRATOR_ACCESS_SUFFIX = ':iam::aws:policy/AdministratorAccess';

/**
 * Runs `rule` per account with the IAM slice, except member accounts of an organization with centralized
 * root access, which get `central(ref, reason)` whatever the IAM slice holds.
 */
export function forEachAccountRoot(
  snapshot: Snapshot,
  central: (account: AccountSnapshot, reason: string) => CheckOutcome,
  rule: (iam: IamSlice, account: AccountSnapshot) => readonly CheckOutcome[],
): CheckOutcome[] {
  return snapshot.accounts.flatMap((account) => {
    const reason = account.access.ok ? centralizedRootReason(snapshot, account) : null;
    if (reason !== null) return [central(account, reason)];
    return forEachAccount({ ...snapshot, accounts: [account] }, 'iam', rule);
  });
}

/**
 * One outcome per IAM user with an active access key (from the credential report); NOT_APPLICABLE for an
 * account without such users, UNKNOWN when the report could not be read.
 */
export function forEachUserWithActiveKeys(
  snapshot: Snapshot,
  rule: (user: CredentialReportUser, account: AccountSnapshot) => CheckOutcome,
): CheckOutcome[] {
  return forEachAccount(snapshot, 'iam', (iam, account) => {
    if (!iam.credentialReport.ok) return [unknown(accountRef(account), iam.credentialReport.error)];
    const withKeys = iam.credentialReport.value.users.filter((u) => activeKeys(u).length > 0);
    if (withKeys.length === 0) {
      return [notApplicable(accountRef(account), `Account ${account.accountId} has no IAM users with active access keys.`)];
    }
    return withKeys.map((u) => rule(u, account));
  });
}
