/**
 * Fixture builders for the IAM, account and support slices (identity checks' tests). Dates are relative to
 * the snapshot builder's `startedAt` (2026-11-01T10:00:00Z), which the checks use as "now".
 */
import { observed, type Observed } from '../../src/core/observed.js';
import type { AccountSlice, AlternateContact } from '../../src/core/slices/account.js';
import type { AccountSummary, CredentialReportUser, IamGroup, IamRole, IamSlice, IamUser, RootCredentials } from '../../src/core/slices/iam.js';
import type { OrganizationInfo, Snapshot } from '../../src/core/snapshot.js';
import { ACCOUNT_A, aSnapshot, anAccount } from './snapshot-builder.js';

const NOW = Date.parse('2026-11-01T10:00:00.000Z');

/** ISO date `n` days before the fixture scan time. */
export function daysAgo(n: number): string {
  return new Date(NOW - n * 86_400_000).toISOString();
}

export function aReportUser(user: string, overrides: Partial<CredentialReportUser> = {}): CredentialReportUser {
  return {
    user,
    arn: `arn:aws:iam::${ACCOUNT_A}:user/${user}`,
    userCreationTime: daysAgo(400),
    passwordEnabled: false,
    passwordLastUsed: null,
    passwordLastChanged: null,
    mfaActive: false,
    accessKeys: [
      { slot: 1, active: false, lastRotated: null, lastUsed: null },
      { slot: 2, active: false, lastRotated: null, lastUsed: null },
    ],
    ...overrides,
  };
}

/** One active key in slot 1. */
export function withKey(lastRotatedDaysAgo: number, lastUsedDaysAgo: number | null): Pick<CredentialReportUser, 'accessKeys'> {
  return {
    accessKeys: [
      { slot: 1, active: true, lastRotated: daysAgo(lastRotatedDaysAgo), lastUsed: lastUsedDaysAgo === null ? null : daysAgo(lastUsedDaysAgo) },
      { slot: 2, active: false, lastRotated: null, lastUsed: null },
    ],
  };
}

export function aRoot(overrides: Partial<RootCredentials> = {}): RootCredentials {
  return {
    arn: `arn:aws:iam::${ACCOUNT_A}:root`,
    passwordLastUsed: null,
    mfaActive: true,
    accessKeys: [
      { slot: 1, active: false, lastRotated: null, lastUsed: null },
      { slot: 2, active: false, lastRotated: null, lastUsed: null },
    ],
    ...overrides,
  };
}

export function anIamUser(name: string, overrides: Partial<IamUser> = {}): IamUser {
  return { name, arn: `arn:aws:iam::${ACCOUNT_A}:user/${name}`, createDate: daysAgo(400), attachedPolicies: [], inlinePolicies: [], groups: [], ...overrides };
}

export function anIamGroup(name: string, overrides: Partial<IamGroup> = {}): IamGroup {
  return { name, arn: `arn:aws:iam::${ACCOUNT_A}:group/${name}`, attachedPolicies: [], inlinePolicies: [], ...overrides };
}

export function anIamRole(name: string, overrides: Partial<IamRole> = {}): IamRole {
  return {
    name,
    arn: `arn:aws:iam::${ACCOUNT_A}:role/${name}`,
    path: '/',
    createDate: daysAgo(400),
    trustPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
    attachedPolicies: [],
    inlinePolicies: [],
    lastUsed: null,
    ...overrides,
  };
}

/**
 * iam:GetAccountSummary flags as the collector stores them. Default: root has a password with MFA, no keys
 * and no signing certificates (a standalone account looked after by hand).
 */
export function aSummary(overrides: Partial<AccountSummary> = {}): AccountSummary {
  return {
    accountMfaEnabled: true,
    accountAccessKeysPresent: false,
    accountPasswordPresent: true,
    accountSigningCertificatesPresent: false,
    users: 0,
    roles: 0,
    ...overrides,
  };
}

/** What GetAccountSummary says for a member account whose root user has no credentials at all. */
export const NO_ROOT_CREDENTIALS: Partial<AccountSummary> = {
  accountMfaEnabled: false,
  accountAccessKeysPresent: false,
  accountPasswordPresent: false,
  accountSigningCertificatesPresent: false,
};

/** An IAM slice where everything was read and nothing is configured; override what a test needs. */
export function anIamSlice(overrides: Partial<IamSlice> = {}): IamSlice {
  return {
    credentialReport: observed({ generatedAt: daysAgo(0), root: aRoot(), users: [] }),
    accountSummary: observed(aSummary()),
    passwordPolicy: observed(null),
    authorizationDetails: observed({ users: [], groups: [], roles: [], policies: [] }),
    virtualMfaDevices: observed([]),
    samlProviders: observed([]),
    oidcProviders: observed([]),
    ...overrides,
  };
}

export function reportWith(users: CredentialReportUser[], root: RootCredentials | null = aRoot()): IamSlice['credentialReport'] {
  return observed({ generatedAt: daysAgo(0), root, users });
}

/** A snapshot with one account holding the given IAM slice (or Observed error). */
export function iamSnapshot(iam: IamSlice | Observed<IamSlice>, overrides: Partial<Snapshot> = {}): Snapshot {
  const slice = 'ok' in iam ? iam : observed(iam);
  return aSnapshot({ accounts: [anAccount({ global: { iam: slice } })], ...overrides });
}

export function aContact(email: string): AlternateContact {
  return { name: 'Team', title: 'Team', emailAddress: email, phoneNumber: '+1 555 0100' };
}

export function anAccountSlice(overrides: Partial<AccountSlice['alternateContacts']> = {}, contactInformation: AccountSlice['contactInformation'] = observed(null)): AccountSlice {
  return {
    alternateContacts: {
      BILLING: observed(aContact('billing@example.com')),
      OPERATIONS: observed(aContact('ops@example.com')),
      SECURITY: observed(aContact('security@example.com')),
      ...overrides,
    },
    contactInformation,
  };
}

export function anOrganization(overrides: Partial<OrganizationInfo> = {}): OrganizationInfo {
  return {
    id: 'o-abc123',
    arn: 'arn:aws:organizations::999999999999:organization/o-abc123',
    managementAccountId: '999999999999',
    featureSet: 'ALL',
    accounts: observed([]),
    centralizedRootCredentials: observed(false),
    ...overrides,
  };
}
