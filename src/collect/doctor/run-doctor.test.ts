/**
 * The doctor with mocked AWS, for what moto cannot show (it enforces no permission): denied role assumption,
 * SCP and region-restriction denials, Cost Explorer not enabled, members that cannot list the Organization,
 * missing credentials. Accounts are told apart by the credentials each client handle signs with.
 */
import { AccountClient } from '@aws-sdk/client-account';
import { BackupClient } from '@aws-sdk/client-backup';
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { ConfigServiceClient } from '@aws-sdk/client-config-service';
import { CostExplorerClient, GetCostAndUsageCommand, GetCostAndUsageWithResourcesCommand } from '@aws-sdk/client-cost-explorer';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeRegionsCommand, DescribeSecurityGroupsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { GuardDutyClient, ListDetectorsCommand } from '@aws-sdk/client-guardduty';
import { IAMClient } from '@aws-sdk/client-iam';
import { KMSClient } from '@aws-sdk/client-kms';
import {
  DescribeOrganizationCommand,
  ListAccountsCommand,
  ListAWSServiceAccessForOrganizationCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { RDSClient } from '@aws-sdk/client-rds';
import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DescribeHubCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { SSMClient } from '@aws-sdk/client-ssm';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { DescribeSeverityLevelsCommand, SupportClient } from '@aws-sdk/client-support';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { awsError } from '../../../test/helpers/collector-context.js';
import { doctorExitCode, DOCTOR_FAILED_EXIT, formatDoctorReport, lineCost } from '../../cli/commands/doctor.js';
import { UserError } from '../../core/errors.js';
import { getFramework } from '../../frameworks/index.js';
import { scannerActions } from '../../permissions/scanner-policy.js';
import { handleCredentials } from '../account-signing.js';
import { runDoctor, type DoctorOptions } from './run-doctor.js';
import { REGION_SWEEP_READ, SAMPLE_READS } from './sample-reads.js';
import type { DoctorLine, DoctorReport } from './doctor-types.js';

const MGMT = '123456789012';
const GOOD = '210987654321';
const DENIED = '333333333333';
const SCP_DENY = (action: string) =>
  `User: arn:aws:sts::${GOOD}:assumed-role/FtrReadOnly/ftr-ready-scan is not authorized to perform: ${action} with an explicit deny in a service control policy`;

const sts = mockClient(STSClient);
const orgs = mockClient(OrganizationsClient);
const ec2 = mockClient(EC2Client);
const guardduty = mockClient(GuardDutyClient);
const securityhub = mockClient(SecurityHubClient);
const support = mockClient(SupportClient);
const ce = mockClient(CostExplorerClient);
// Sample reads that answer an empty page in every test.
interface AnyMock {
  onAnyCommand(): { resolves(value: object): unknown };
  reset(): void;
}
const quiet: AnyMock[] = [
  mockClient(IAMClient),
  mockClient(S3Client),
  mockClient(AccountClient),
  mockClient(CloudTrailClient),
  mockClient(ConfigServiceClient),
  mockClient(KMSClient),
  mockClient(RDSClient),
  mockClient(DynamoDBClient),
  mockClient(BackupClient),
  mockClient(ElasticLoadBalancingV2Client),
  mockClient(CloudWatchClient),
  mockClient(CloudWatchLogsClient),
  mockClient(SecretsManagerClient),
  mockClient(SSMClient),
];
const all: { reset(): void }[] = [sts, orgs, ec2, guardduty, securityhub, support, ce, ...quiet];

interface ClientLike {
  config: { region: () => Promise<string> };
}

/** Which account and region a mocked call was made for: members' keys are ASIA<account id>. */
async function site(getClient: () => unknown): Promise<{ account: string; region: string }> {
  const client = getClient() as ClientLike;
  // The credentials the client handle signs with (its shared SDK client has none of its own).
  const { accessKeyId } = await handleCredentials(client)();
  return { account: accessKeyId.startsWith('ASIA') ? accessKeyId.slice(4) : MGMT, region: await client.config.region() };
}

const base: DoctorOptions = {
  org: true,
  roleName: 'FtrReadOnly',
  externalId: 'ext-123',
  concurrency: 4,
  maxAttempts: 1,
  endpoint: undefined,
  credentials: { accessKeyId: 'AKIDBASEBASEBASE', secretAccessKey: 'test' },
  now: new Date('2026-03-15T12:00:00Z'),
};

beforeEach(() => {
  for (const m of quiet) m.onAnyCommand().resolves({});
  sts.on(GetCallerIdentityCommand).resolves({ Arn: `arn:aws:sts::${MGMT}:assumed-role/FtrScanner/me`, Account: MGMT });
  sts.on(AssumeRoleCommand).callsFake((input: { RoleArn: string }) => {
    const account = input.RoleArn.split(':')[4] ?? '';
    if (account === DENIED) throw awsError('AccessDenied', SCP_DENY('sts:AssumeRole'), 403);
    return { Credentials: { AccessKeyId: `ASIA${account}`, SecretAccessKey: 's', SessionToken: 't', Expiration: new Date(Date.now() + 3_600_000) } };
  });
  orgs.on(DescribeOrganizationCommand).resolves({ Organization: { Id: 'o-abc', MasterAccountId: MGMT, FeatureSet: 'ALL' } });
  orgs.on(ListAccountsCommand).resolves({
    Accounts: [
      { Id: MGMT, Name: 'management', State: 'ACTIVE' },
      { Id: GOOD, Name: 'prod', State: 'ACTIVE' },
      { Id: DENIED, Name: 'legacy', State: 'ACTIVE' },
      { Id: '444444444444', Name: 'closed', State: 'SUSPENDED' },
    ],
  });
  orgs.on(ListAWSServiceAccessForOrganizationCommand).resolves({ EnabledServicePrincipals: [{ ServicePrincipal: 'account.amazonaws.com' }] });
  ec2.on(DescribeRegionsCommand).resolves({
    Regions: [
      { RegionName: 'us-east-1', OptInStatus: 'opt-in-not-required' },
      { RegionName: 'eu-west-1', OptInStatus: 'opt-in-not-required' },
      { RegionName: 'af-south-1', OptInStatus: 'not-opted-in' },
    ],
  });
  // prod: an SCP region restriction denies eu-west-1.
  ec2.on(DescribeSecurityGroupsCommand).callsFake(async (_input: unknown, getClient: () => unknown) => {
    const { account, region } = await site(getClient);
    if (account === GOOD && region === 'eu-west-1') throw awsError('UnauthorizedOperation', SCP_DENY('ec2:DescribeSecurityGroups'), 403);
    return { SecurityGroups: [] };
  });
  // prod: an SCP denies GuardDuty.
  guardduty.on(ListDetectorsCommand).callsFake(async (_input: unknown, getClient: () => unknown) => {
    const { account } = await site(getClient);
    if (account === GOOD) throw awsError('AccessDeniedException', SCP_DENY('guardduty:ListDetectors'), 403);
    return { DetectorIds: [] };
  });
  securityhub.on(DescribeHubCommand).rejects(awsError('InvalidAccessException', 'Account is not subscribed to AWS Security Hub'));
  support.on(DescribeSeverityLevelsCommand).callsFake(async (_input: unknown, getClient: () => unknown) => {
    const { account } = await site(getClient);
    if (account === GOOD) throw awsError('SubscriptionRequiredException', 'AWS Premium Support Subscription is required');
    return { severityLevels: [{ code: 'low', name: 'Low' }] };
  });
  ce.on(GetCostAndUsageCommand).resolves({ ResultsByTime: [] });
  ce.on(GetCostAndUsageWithResourcesCommand).rejects(awsError('DataUnavailableException', 'Resource level data is not enabled'));
});

afterEach(() => {
  for (const m of all) m.reset();
});

const line = (report: DoctorReport, id: DoctorLine['id']): DoctorLine => {
  const found = report.lines.find((l) => l.id === id);
  if (!found) throw new Error(`no ${id} line in ${report.lines.map((l) => l.id).join(', ')}`);
  return found;
};

describe('ftr doctor (mocked AWS)', () => {
  it('an Organization with a denied role, SCP denials and resource-level costs off: each problem on its line, exit 7', async () => {
    const report = await runDoctor(base);
    expect(report.principal?.accountId).toBe(MGMT);
    expect(report.lines.map((l) => l.id)).toEqual([
      'credentials',
      'organization',
      'trusted-access',
      'member-roles',
      'regions',
      'sample-reads',
      'cost-explorer',
      'resource-costs',
      'support',
    ]);
    expect(line(report, 'credentials').status).toBe('OK');
    expect(line(report, 'organization')).toMatchObject({ status: 'OK' });
    expect(line(report, 'organization').detail).toContain('the management account of o-abc: 3 active account(s)');

    const trusted = line(report, 'trusted-access');
    expect(trusted.status).toBe('WARN');
    expect(trusted.detail).toContain('CloudFormation StackSets');
    expect(trusted.fix).toContain('aws cloudformation activate-organizations-access');

    const roles = line(report, 'member-roles');
    expect(roles.status).toBe('FAIL');
    expect(roles.detail).toContain(`AccessDenied in ${DENIED}`);
    expect(roles.impact.unreachableAccounts).toEqual([DENIED]);
    expect(roles.fix).toContain('SCP');
    expect(roles.fix).toContain('ftr permissions --format stackset');

    const reads = line(report, 'sample-reads');
    expect(reads.status).toBe('FAIL');
    expect([...reads.impact.unreadableActions].sort()).toEqual(['ec2:DescribeSecurityGroups', 'guardduty:ListDetectors']);
    expect(reads.impact.deniedRegions).toEqual(['eu-west-1']);
    expect(reads.detail).toContain('guardduty:ListDetectors in 1 account(s) (us-east-1) by a service control policy (SCP)');
    expect(reads.fix).toContain('Service control policies');
    expect(reads.fix).toContain('arn:aws:iam::*:role/FtrReadOnly');

    expect(line(report, 'regions')).toMatchObject({ status: 'OK' });
    expect(line(report, 'regions').detail).toContain('af-south-1');
    expect(line(report, 'cost-explorer').status).toBe('OK');
    const resources = line(report, 'resource-costs');
    expect(resources.status).toBe('WARN');
    expect(resources.fix).toContain('Resource-level data at daily granularity');
    const supportLine = line(report, 'support');
    expect(supportLine.status).toBe('OK');
    expect(supportLine.detail).toContain(`Basic or Developer support (SubscriptionRequiredException) in ${GOOD}`);

    expect(doctorExitCode(report)).toBe(DOCTOR_FAILED_EXIT);
  });

  it('turns lost reads and accounts into the checks and checklist items that go UNKNOWN', async () => {
    const report = await runDoctor(base);
    const ftr = getFramework('ftr-partner-hosted');
    const reads = lineCost(line(report, 'sample-reads'), ftr);
    expect(reads.checkIds).toContain('guardduty_is_enabled');
    const guarddutyItems = ftr.items.filter((i) => i.checks.some((c) => c.id === 'guardduty_is_enabled' && c.role !== 'advisory')).map((i) => i.id);
    expect(guarddutyItems.length).toBeGreaterThan(0);
    for (const id of guarddutyItems) expect(reads.itemIds).toContain(id);
    expect(reads.text).toContain('every regional check there goes UNKNOWN');

    const roles = lineCost(line(report, 'member-roles'), ftr);
    expect(roles.text).toContain(`every check goes UNKNOWN for 1 account(s) (${DENIED})`);
    expect(roles.itemIds.length).toBe(ftr.items.filter((i) => i.checks.some((c) => c.role !== 'advisory') && !i.notPresentInSource).length);

    const text = formatDoctorReport(report, ftr);
    expect(text).toMatch(/^FAIL +Member role FtrReadOnly/m);
    expect(text).toContain('costs: every check goes UNKNOWN');
    expect(text).toContain('fix:   ');
    expect(text).toContain(`Exit code ${DOCTOR_FAILED_EXIT}`);
  });

  it('all well: every line OK or WARN, exit 0', async () => {
    sts.on(AssumeRoleCommand).callsFake((input: { RoleArn: string }) => ({
      Credentials: { AccessKeyId: `ASIA${input.RoleArn.split(':')[4] ?? ''}`, SecretAccessKey: 's', SessionToken: 't', Expiration: new Date(Date.now() + 3_600_000) },
    }));
    ec2.on(DescribeSecurityGroupsCommand).resolves({ SecurityGroups: [] });
    guardduty.on(ListDetectorsCommand).resolves({ DetectorIds: [] });
    const report = await runDoctor(base);
    expect(report.lines.filter((l) => l.status === 'FAIL')).toEqual([]);
    expect(line(report, 'member-roles').detail).toContain('with the external ID in all 2 member account(s)');
    expect(line(report, 'sample-reads').status).toBe('OK');
    expect(doctorExitCode(report)).toBe(0);
  });

  it('--org from a member account that cannot list the Organization: FAIL with the delegated-administrator fix', async () => {
    orgs.on(DescribeOrganizationCommand).resolves({ Organization: { Id: 'o-abc', MasterAccountId: '999999999999', FeatureSet: 'ALL' } });
    orgs.on(ListAccountsCommand).rejects(awsError('AccessDeniedException', 'You don\'t have permissions to access this resource.', 403));
    const report = await runDoctor(base);
    const org = line(report, 'organization');
    expect(org.status).toBe('FAIL');
    expect(org.fix).toContain('Delegated administrator');
    expect(report.lines.some((l) => l.id === 'member-roles')).toBe(false);
    // Without --org the same account is fine: only it is scanned.
    const single = await runDoctor({ ...base, org: false });
    expect(line(single, 'organization').status).toBe('OK');
  });

  it('--org outside an Organization fails; a stand-alone account without --org is OK', async () => {
    orgs.on(DescribeOrganizationCommand).rejects(awsError('AWSOrganizationsNotInUseException', 'Your account is not a member of an organization.'));
    expect(line(await runDoctor(base), 'organization').status).toBe('FAIL');
    expect(line(await runDoctor({ ...base, org: false }), 'organization')).toMatchObject({ status: 'OK', detail: expect.stringContaining('stand-alone') });
  });

  it('Cost Explorer not enabled is a WARN with the console path; denied is a FAIL naming the permission', async () => {
    ce.on(GetCostAndUsageCommand).rejects(awsError('AccessDeniedException', 'User not enabled for cost explorer access', 400));
    const notEnabled = line(await runDoctor({ ...base, org: false }), 'cost-explorer');
    expect(notEnabled).toMatchObject({ status: 'WARN', fix: expect.stringContaining('Launch Cost Explorer') });
    ce.on(GetCostAndUsageCommand).rejects(awsError('AccessDeniedException', 'User: x is not authorized to perform: ce:GetCostAndUsage', 403));
    const denied = line(await runDoctor({ ...base, org: false }), 'cost-explorer');
    expect(denied).toMatchObject({ status: 'FAIL', fix: expect.stringContaining('ce:GetCostAndUsage') });
  });

  it('no credentials: one FAIL line, nothing else probed', async () => {
    sts.on(GetCallerIdentityCommand).rejects(awsError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403));
    const report = await runDoctor(base);
    expect(report.principal).toBeNull();
    expect(report.lines).toHaveLength(1);
    expect(report.lines[0]).toMatchObject({ id: 'credentials', status: 'FAIL' });
    expect(doctorExitCode(report)).toBe(DOCTOR_FAILED_EXIT);
  });

  it('a --regions region not enabled in an account is a WARN, and only the scanned regions are swept', async () => {
    const report = await runDoctor({ ...base, regions: ['us-east-1', 'af-south-1'] });
    const regions = line(report, 'regions');
    expect(regions.status).toBe('WARN');
    expect(regions.detail).toContain(`af-south-1 in ${MGMT}`);
    const swept = ec2.commandCalls(DescribeSecurityGroupsCommand).length;
    // One account (management) + one member reachable, one region each (af-south-1 is not enabled).
    expect(swept).toBe(2);
  });

  it('a mistyped --regions value is a usage error before any call', async () => {
    await expect(runDoctor({ ...base, regions: ['us-east-9'] })).rejects.toThrow(UserError);
    expect(sts.calls()).toHaveLength(0);
  });

  it('samples only reads the collectors declare (the scanner policy grants them)', () => {
    const declared = new Set(scannerActions());
    expect([...SAMPLE_READS, REGION_SWEEP_READ].map((r) => r.action).filter((a) => !declared.has(a))).toEqual([]);
  });
});
