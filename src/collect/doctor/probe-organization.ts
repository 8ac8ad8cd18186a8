/**
 * Where the doctor runs from: the Organization's management account, a delegated administrator, a member or a
 * stand-alone account; and whether trusted access for AWS Account Management and CloudFormation StackSets
 * is on (needed to fix alternate contacts of members centrally, and to deploy the member role to every account).
 */
import {
  DescribeOrganizationCommand,
  OrganizationsClient,
  paginateListAccounts,
  paginateListAWSServiceAccessForOrganization,
} from '@aws-sdk/client-organizations';
import { describeCollectionError } from '../../core/observed.js';
import { collectPages, type CollectorContext } from '../collector.js';
import { impact, NO_IMPACT, type DoctorLine } from './doctor-types.js';

export interface MemberAccount {
  readonly id: string;
  readonly name: string;
}

export type CallerRole = 'management' | 'delegated-administrator' | 'member' | 'standalone' | 'unknown';

export interface OrganizationProbe {
  readonly line: DoctorLine;
  readonly callerRole: CallerRole;
  /** Present when the Organization's accounts could be listed (management account or delegated admin). */
  readonly trustedAccess: DoctorLine | null;
  /** Active accounts other than the caller's, when they could be listed. */
  readonly members: readonly MemberAccount[] | null;
}

const ACCOUNT_MANAGEMENT = 'account.amazonaws.com';
const STACKSETS = 'member.org.stacksets.cloudformation.amazonaws.com';

export async function probeOrganization(ctx: CollectorContext, callerAccountId: string, org: boolean): Promise<OrganizationProbe> {
  const client = ctx.client(OrganizationsClient);
  const described = await ctx.call('organizations', 'DescribeOrganization', () => client.send(new DescribeOrganizationCommand({})), {
    notFoundCodes: ['AWSOrganizationsNotInUseException'],
  });
  const line = (status: DoctorLine['status'], detail: string, fix: string | null, lost = NO_IMPACT): DoctorLine => ({
    id: 'organization',
    title: 'Organization access',
    status,
    detail,
    impact: lost,
    fix,
  });

  if (!described.ok) {
    const detail = `organizations:DescribeOrganization failed: ${describeCollectionError(described.error)}`;
    const lost = impact({ unreadableActions: ['organizations:DescribeOrganization'] });
    return {
      line: line(org ? 'FAIL' : 'WARN', detail, 'Allow organizations:DescribeOrganization to the scanning principal (ftr permissions --format iam-policy).', lost),
      callerRole: 'unknown',
      trustedAccess: null,
      members: null,
    };
  }
  const organization = described.value?.Organization;
  if (!organization?.Id) {
    return {
      line: org
        ? line('FAIL', `Account ${callerAccountId} is not in an AWS Organization, so --org has nothing to scan.`, 'Scan without --org, or run from the management account of your Organization.')
        : line('OK', `Account ${callerAccountId} is a stand-alone account (no AWS Organization).`, null),
      callerRole: 'standalone',
      trustedAccess: null,
      members: null,
    };
  }

  const isManagement = organization.MasterAccountId === callerAccountId;
  const accounts = await ctx.call('organizations', 'ListAccounts', () =>
    collectPages(paginateListAccounts({ client }, {}), (p) => p.Accounts),
  );
  const features = organization.FeatureSet === 'ALL' ? '' : ` Its feature set is ${organization.FeatureSet ?? 'unknown'}, not ALL.`;
  const featureFix =
    organization.FeatureSet === 'ALL'
      ? null
      : 'Enable all features (AWS Organizations console > Settings > Begin process to enable all features); service-managed StackSets and SCPs need them.';

  if (!accounts.ok) {
    const detail =
      `Account ${callerAccountId} is a member of ${organization.Id} (management account ${organization.MasterAccountId ?? 'unknown'}), ` +
      `not allowed to list its accounts (${accounts.error.code}).${features}`;
    return {
      line: org
        ? line(
            'FAIL',
            `${detail} --org needs the management account or a delegated administrator.`,
            'Run from the management account, or delegate Organizations read access to this account: AWS Organizations console > Settings > Delegated administrator for AWS Organizations > Delegate (a resource policy allowing organizations:ListAccounts and organizations:DescribeOrganization).',
            impact({ unreadableActions: ['organizations:ListAccounts'] }),
          )
        : line('OK', `${detail} Without --org only this account is scanned.`, null),
      callerRole: 'member',
      trustedAccess: null,
      members: null,
    };
  }

  const active = accounts.value.filter((a) => (a.State ?? a.Status) === 'ACTIVE' && a.Id);
  const role = isManagement ? 'the management account' : 'a delegated administrator';
  const detail = `Account ${callerAccountId} is ${role} of ${organization.Id}: ${active.length} active account(s).${features}`;
  const scopeNote = org ? '' : ' Without --org only this account is scanned.';
  return {
    line: line(featureFix ? 'WARN' : 'OK', `${detail}${scopeNote}`, featureFix),
    callerRole: isManagement ? 'management' : 'delegated-administrator',
    trustedAccess: await probeTrustedAccess(ctx),
    members: active.filter((a) => a.Id !== callerAccountId).map((a) => ({ id: a.Id ?? '', name: a.Name ?? '' })),
  };
}

async function probeTrustedAccess(ctx: CollectorContext): Promise<DoctorLine> {
  const client = ctx.client(OrganizationsClient);
  const access = await ctx.call('organizations', 'ListAWSServiceAccessForOrganization', () =>
    collectPages(paginateListAWSServiceAccessForOrganization({ client }, {}), (p) => p.EnabledServicePrincipals),
  );
  const title = 'Trusted access (Account Management, StackSets)';
  if (!access.ok) {
    return {
      id: 'trusted-access',
      title,
      status: 'WARN',
      detail: `Could not list the services with trusted access: ${describeCollectionError(access.error)}`,
      impact: impact({ note: 'Nothing for the scan itself; the fixes below may or may not be needed.' }),
      fix: 'Allow organizations:ListAWSServiceAccessForOrganization to the scanning principal (ftr permissions --format iam-policy).',
    };
  }
  const enabled = new Set(access.value.map((s) => s.ServicePrincipal ?? ''));
  const missing: string[] = [];
  const fixes: string[] = [];
  const losses: string[] = [];
  if (!enabled.has(ACCOUNT_MANAGEMENT)) {
    missing.push('AWS Account Management');
    fixes.push(
      'AWS Organizations console > Services > AWS Account Management > Enable trusted access (or: aws organizations enable-aws-service-access --service-principal account.amazonaws.com)',
    );
    losses.push('alternate contacts of members (ACOM-001) cannot be set from the management account (aws account put-alternate-contact --account-id)');
  }
  if (!enabled.has(STACKSETS)) {
    missing.push('CloudFormation StackSets');
    fixes.push('CloudFormation console > StackSets > Activate trusted access with AWS Organizations (or: aws cloudformation activate-organizations-access)');
    losses.push('the member role cannot be deployed with a service-managed StackSet (ftr permissions --format stackset)');
  }
  if (missing.length === 0) {
    return {
      id: 'trusted-access',
      title,
      status: 'OK',
      detail: 'Trusted access is on for AWS Account Management (alternate contacts of members) and CloudFormation StackSets.',
      impact: NO_IMPACT,
      fix: null,
    };
  }
  return {
    id: 'trusted-access',
    title,
    status: 'WARN',
    detail: `Trusted access is off for ${missing.join(' and ')}.`,
    impact: impact({
      note: `No item goes UNKNOWN (the scan reads each account with its own role), but ${losses.join(', and ')}.`,
    }),
    fix: fixes.join('; '),
  };
}
