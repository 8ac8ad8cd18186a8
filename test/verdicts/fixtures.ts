/**
 * Domain-level changes to the well-run account, named the way a reviewer would say them. Each is a
 * Mutation (mutations.ts) built from the shared fixture builders in test/helpers.
 */
import type { CredentialReportUser, IamRole, IamSlice, IamUser, ManagedPolicy, PolicyDocument } from '../../src/core/slices/iam.js';
import type { S3Bucket } from '../../src/core/slices/s3.js';
import type { Ec2Slice, SecurityGroup } from '../../src/core/slices/ec2.js';
import type { AccountSnapshot, OrganizationInfo } from '../../src/core/snapshot.js';
import { observed } from '../../src/core/observed.js';
import { aReportUser, anIamRole, anIamUser, anOrganization } from '../helpers/identity-fixtures.js';
import { aBucket } from '../helpers/storage-fixtures.js';
import { ACCOUNT_B } from '../helpers/snapshot-builder.js';
import { deniedRead, global, regional, snapshotWith, type Mutation } from './mutations.js';
import { WORKLOAD } from './well-run-account.js';

export function iam(fn: (iam: IamSlice) => IamSlice): Mutation {
  return global('iam', fn);
}

export const iamDenied = (field: keyof IamSlice, operation: string): Mutation => iam((s) => ({ ...s, [field]: deniedRead('iam', operation) }));

/** Adds IAM users: their credential-report rows and their authorization details. */
export function withUsers(rows: readonly CredentialReportUser[], users: readonly IamUser[] = rows.map((r) => anIamUser(r.user))): Mutation {
  return iam((s) => {
    const report = s.credentialReport.ok ? s.credentialReport.value : null;
    const details = s.authorizationDetails.ok ? s.authorizationDetails.value : null;
    return {
      ...s,
      credentialReport: report ? observed({ ...report, users: [...report.users, ...rows] }) : s.credentialReport,
      authorizationDetails: details ? observed({ ...details, users: [...details.users, ...users] }) : s.authorizationDetails,
    };
  });
}

export function withRoles(...roles: IamRole[]): Mutation {
  return iam((s) => (s.authorizationDetails.ok ? { ...s, authorizationDetails: observed({ ...s.authorizationDetails.value, roles: [...s.authorizationDetails.value.roles, ...roles] }) } : s));
}

export function withPolicies(...policies: ManagedPolicy[]): Mutation {
  return iam((s) => (s.authorizationDetails.ok ? { ...s, authorizationDetails: observed({ ...s.authorizationDetails.value, policies: [...s.authorizationDetails.value.policies, ...policies] }) } : s));
}

export function detailsWith(fn: (d: Extract<IamSlice['authorizationDetails'], { ok: true }>['value']) => Extract<IamSlice['authorizationDetails'], { ok: true }>['value']): Mutation {
  return iam((s) => (s.authorizationDetails.ok ? { ...s, authorizationDetails: observed(fn(s.authorizationDetails.value)) } : s));
}

export const consoleUser = (name: string, overrides: Partial<CredentialReportUser> = {}): CredentialReportUser =>
  aReportUser(name, { passwordEnabled: true, passwordLastUsed: '2026-10-30T09:00:00.000Z', passwordLastChanged: '2026-09-01T00:00:00.000Z', mfaActive: true, ...overrides });

/** A role whose trust policy is `trust` (one statement), with the given managed policies attached. */
export function trustedRole(name: string, statement: Record<string, unknown>, attached: readonly string[] = ['ReadOnlyAccess']): IamRole {
  return anIamRole(name, {
    trustPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', ...statement }] },
    attachedPolicies: attached.map((p) => ({ name: p, arn: `arn:aws:iam::aws:policy/${p}` })),
  });
}

export function customerPolicy(name: string, document: PolicyDocument, attachmentCount = 1): ManagedPolicy {
  return { name, arn: `arn:aws:iam::111111111111:policy/${name}`, attachmentCount, document };
}

export function organization(fn: (o: OrganizationInfo) => OrganizationInfo): Mutation {
  return snapshotWith((s) => ({ ...s, organization: observed(fn(s.organization.ok && s.organization.value ? s.organization.value : anOrganization())) }));
}

/** Changes one bucket of the well-run account (by name), or adds it. */
export function bucket(name: string, overrides: Partial<S3Bucket> = {}): Mutation {
  return global('s3', (s3) => {
    const buckets = s3.buckets.ok ? s3.buckets.value : [];
    const existing = buckets.find((b) => b.name === name);
    const next = { ...(existing ?? aBucket(name, { region: observed(WORKLOAD) })), ...overrides };
    return { ...s3, buckets: observed(existing ? buckets.map((b) => (b.name === name ? next : b)) : [...buckets, next]) };
  });
}

export function ec2(fn: (ec2: Ec2Slice) => Ec2Slice, regions: readonly string[] = [WORKLOAD]): Mutation {
  return regional('ec2', fn, regions);
}

/** Adds a security group (and marks it attached, as DescribeNetworkInterfaces would show). */
export function withSecurityGroup(group: SecurityGroup): Mutation {
  return ec2((s) => ({
    ...s,
    securityGroups: observed([...(s.securityGroups.ok ? s.securityGroups.value : []), group]),
    attachedSecurityGroupIds: observed([...(s.attachedSecurityGroupIds.ok ? s.attachedSecurityGroupIds.value : []), group.groupId]),
  }));
}

/**
 * A second member account (shared services) scanned next to the well-run one: a copy of it with its own id,
 * changed by `fn` (default: no Well-Architected workload of its own).
 */
export function withSecondAccount(fn: (a: AccountSnapshot) => AccountSnapshot = withoutWorkloads): Mutation {
  return snapshotWith((s) => {
    const first = s.accounts[0];
    if (!first) return s;
    const second = fn({ ...first, accountId: ACCOUNT_B, name: 'shared-services' });
    return { ...s, accounts: [...s.accounts, second] };
  });
}

function withoutWorkloads(a: AccountSnapshot): AccountSnapshot {
  return { ...a, regional: a.regional.map((r) => ({ ...r, wellarchitected: observed({ workloads: observed([]) }) })) };
}
