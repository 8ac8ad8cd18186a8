/** Shared helpers of the IAM checks: resource refs, ages against the scan time, root credential context. */
import { accountRef, forEachAccount, notApplicable, unknown } from '../../core/check.js';
import type { CheckOutcome, ResourceRef } from '../../core/finding.js';
import type { AccountSnapshot, Snapshot } from '../../core/snapshot.js';
import type { CredentialReportUser, IamSlice } from '../../core/slices/iam.js';

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

/** Where the account stands for root credentials: organization membership and centralized root access. */
export interface RootContext {
  /** The organization id when the account is a member (not the management account). */
  readonly memberOf: string | null;
  /** The organization manages member root credentials centrally (iam:ListOrganizationsFeatures). */
  readonly centralized: boolean;
  /** How the account joined (`CREATED` / `INVITED`), when the organization's account list was visible. */
  readonly joinedMethod: string | null;
}

export function rootContext(snapshot: Snapshot, account: AccountSnapshot): RootContext {
  const org = snapshot.organization;
  if (!org.ok || org.value === null || account.accountId === org.value.managementAccountId) {
    return { memberOf: null, centralized: false, joinedMethod: null };
  }
  const info = org.value;
  const listed = info.accounts.ok ? info.accounts.value.find((a) => a.id === account.accountId) : undefined;
  return {
    memberOf: info.id,
    centralized: info.centralizedRootCredentials.ok && info.centralizedRootCredentials.value,
    joinedMethod: listed?.joinedMethod ?? null,
  };
}

/**
 * Whether the root user holds any credential, from iam:GetAccountSummary: `absent` only when the summary
 * says no password (AccountPasswordPresent = 0), no access keys and no signing certificates.
 */
export function rootCredentialState(iam: IamSlice): 'absent' | 'present' | 'unknown' {
  if (!iam.accountSummary.ok) return 'unknown';
  const s = iam.accountSummary.value;
  if (s.accountAccessKeysPresent || s.accountPasswordPresent === true || s.accountSigningCertificatesPresent === true) return 'present';
  return s.accountPasswordPresent === false ? 'absent' : 'unknown';
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
