/**
 * The runner with organization posture reads (organization-posture.ts), AWS mocked: in an --org scan the
 * Inspector delegated administrator's answer replaces a member's own BatchGetAccountStatus only where it is
 * the passing state; the other members read themselves; the verdicts equal those of a scan without it; and a
 * part (a scan thread, a queue worker) given a target with its answers skips the same reads.
 */
import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { ListOrganizationsFeaturesCommand, IAMClient } from '@aws-sdk/client-iam';
import { BatchGetAccountStatusCommand, Inspector2Client, type AccountState } from '@aws-sdk/client-inspector2';
import { DescribeOrganizationCommand, ListAccountsCommand, ListDelegatedAdministratorsCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inspector2IsEnabled } from '../checks/inspector2/inspector2-is-enabled.js';
import type { Snapshot } from '../core/snapshot.js';
import { runScan, type ScanOptions, type ScanTarget } from './run-collection.js';
import { inspectorAccountState } from '../../test/helpers/inspector-fixtures.js';

const sts = mockClient(STSClient);
const orgs = mockClient(OrganizationsClient);
const iam = mockClient(IAMClient);
const ec2 = mockClient(EC2Client);
const inspector = mockClient(Inspector2Client);

const MANAGEMENT = '111111111111';
const ADMIN = '222222222222';
const ENABLED_MEMBER = '333333333333';
const DISABLED_MEMBER = '444444444444';

/** Inspector's state of every account, the same whoever asks (as AWS keeps one status per account and region). */
const STATES: Record<string, AccountState> = {
  [MANAGEMENT]: inspectorAccountState(MANAGEMENT, 'ENABLED', { ec2: 'ENABLED', lambda: 'ENABLED' }),
  [ADMIN]: inspectorAccountState(ADMIN, 'ENABLED', { ec2: 'ENABLED', ecr: 'ENABLED' }),
  [ENABLED_MEMBER]: inspectorAccountState(ENABLED_MEMBER, 'ENABLED', { ecr: 'ENABLED' }),
  [DISABLED_MEMBER]: inspectorAccountState(DISABLED_MEMBER, 'DISABLED'),
};

const base: ScanOptions = {
  org: true,
  roleName: 'FtrReadOnly',
  concurrency: 4,
  maxAttempts: 1,
  services: ['inspector2'],
  credentials: { accessKeyId: 'AKIDTESTTESTTEST', secretAccessKey: 'test' },
};

beforeEach(() => {
  sts.on(GetCallerIdentityCommand).resolves({ Arn: `arn:aws:iam::${MANAGEMENT}:user/auditor`, Account: MANAGEMENT });
  sts.on(AssumeRoleCommand).resolves({ Credentials: { AccessKeyId: 'ASIATEST', SecretAccessKey: 's', SessionToken: 't', Expiration: new Date(Date.now() + 3_600_000) } });
  orgs.on(DescribeOrganizationCommand).resolves({ Organization: { Id: 'o-test', Arn: 'arn:aws:organizations::111111111111:organization/o-test', MasterAccountId: MANAGEMENT, FeatureSet: 'ALL' } });
  orgs.on(ListAccountsCommand).resolves({ Accounts: [MANAGEMENT, ADMIN, ENABLED_MEMBER, DISABLED_MEMBER].map((Id) => ({ Id, Name: Id, Email: `${Id}@example.com`, Status: 'ACTIVE' })) });
  orgs.on(ListDelegatedAdministratorsCommand).resolves({ DelegatedAdministrators: [{ Id: ADMIN, Status: 'ACTIVE' }] });
  iam.on(ListOrganizationsFeaturesCommand).resolves({ EnabledFeatures: [] });
  ec2.on(DescribeRegionsCommand).resolves({ Regions: [{ RegionName: 'us-east-1', OptInStatus: 'opt-in-not-required' }, { RegionName: 'eu-west-1', OptInStatus: 'opt-in-not-required' }] });
  inspector.on(BatchGetAccountStatusCommand).callsFake((req: { accountIds?: string[] }) => ({ accounts: (req.accountIds ?? []).flatMap((id) => (STATES[id] ? [STATES[id]] : [])) }));
});

afterEach(() => {
  for (const m of [sts, orgs, iam, ec2, inspector]) m.reset();
});

/** The account ids of every one-account BatchGetAccountStatus: each account's own read. */
const ownReads = () =>
  inspector
    .commandCalls(BatchGetAccountStatusCommand)
    .map((c) => c.args[0].input.accountIds ?? [])
    .filter((ids) => ids.length === 1)
    .map((ids) => ids[0]);

const sliceOf = (s: Snapshot, accountId: string, region: string) => s.accounts.find((a) => a.accountId === accountId)?.regional.find((r) => r.region === region)?.inspector2;
const verdicts = (s: Snapshot) =>
  inspector2IsEnabled
    .evaluate(s)
    .map((o) => `${o.accountId}/${o.region ?? ''}: ${o.status}`)
    .sort();

describe('runScan --org with organization posture reads', () => {
  it('replaces only the passing members own reads, marks where the answer came from, and gives the same verdicts', async () => {
    const withOrg = await runScan(base);
    // The administrator reads itself; the management account and the enabled member are answered for;
    // the disabled member reads itself (a FAIL only ever comes from its own read).
    expect(ownReads().sort()).toEqual([ADMIN, ADMIN, DISABLED_MEMBER, DISABLED_MEMBER]);
    expect(sliceOf(withOrg, ENABLED_MEMBER, 'eu-west-1')).toEqual({
      ok: true,
      value: {
        account: { ok: true, value: { status: 'ENABLED', ec2: 'DISABLED', ecr: 'ENABLED', lambda: 'DISABLED', lambdaCode: 'DISABLED' } },
        source: { kind: 'delegated-administrator', accountId: ADMIN, operation: 'inspector2:BatchGetAccountStatus' },
      },
    });
    expect(sliceOf(withOrg, DISABLED_MEMBER, 'eu-west-1')).toMatchObject({ ok: true, value: { account: { ok: true, value: { status: 'DISABLED' } } } });
    const disabled = sliceOf(withOrg, DISABLED_MEMBER, 'eu-west-1');
    expect(disabled?.ok === true && disabled.value.source).toBeUndefined();
    expect(withOrg.stats?.organizationReads).toEqual([{ service: 'inspector2', administrator: ADMIN, accountRegions: 4, fallbacks: [] }]);
    // Its failures are not the scan's failed reads, and the scan's error list is unchanged.
    expect(withOrg.errors).toEqual([]);
    const pass = inspector2IsEnabled.evaluate(withOrg).find((o) => o.accountId === ENABLED_MEMBER);
    expect(pass?.message).toContain(`read through delegated administrator ${ADMIN}`);

    inspector.resetHistory();
    orgs.on(ListDelegatedAdministratorsCommand).resolves({ DelegatedAdministrators: [] });
    const without = await runScan(base);
    expect(ownReads()).toHaveLength(8);
    expect(without.stats?.organizationReads?.[0]).toMatchObject({ administrator: null, accountRegions: 0 });
    expect(verdicts(withOrg)).toEqual(verdicts(without));
    expect(verdicts(withOrg)).toContain(`${DISABLED_MEMBER}/us-east-1: FAIL`);
  });

  it('a failed organization read leaves every member to its own read, with the same verdicts', async () => {
    inspector.on(BatchGetAccountStatusCommand).callsFake((req: { accountIds?: string[] }) => {
      const ids = req.accountIds ?? [];
      if (ids.length > 1) throw Object.assign(new Error('denied'), { name: 'AccessDeniedException', $metadata: { httpStatusCode: 403 } });
      return { accounts: ids.flatMap((id) => (STATES[id] ? [STATES[id]] : [])) };
    });
    const snapshot = await runScan(base);
    expect(ownReads()).toHaveLength(8);
    expect(snapshot.stats?.organizationReads?.[0]?.fallbacks).toHaveLength(2);
    expect(snapshot.errors).toEqual([]);
    expect(verdicts(snapshot).filter((v) => v.endsWith('PASS'))).toHaveLength(6);
  });

  it('a part (scan thread, queue worker) skips the reads its target carries answers for', async () => {
    const target: ScanTarget = {
      id: ENABLED_MEMBER,
      name: null,
      posture: {
        regional: {
          'us-east-1': {
            inspector2: {
              account: { ok: true, value: { status: 'ENABLED', ec2: 'DISABLED', ecr: 'ENABLED', lambda: 'DISABLED', lambdaCode: 'DISABLED' } },
              source: { kind: 'delegated-administrator', accountId: ADMIN, operation: 'inspector2:BatchGetAccountStatus' },
            },
          },
        },
      },
    };
    let handed = false;
    const snapshot = await runScan({
      ...base,
      part: {
        organization: { managementAccountId: MANAGEMENT, scannedAccountIds: [] },
        next: () => {
          if (handed) return Promise.resolve(null);
          handed = true;
          return Promise.resolve(target);
        },
      },
    });
    // us-east-1 came with the account; eu-west-1 (no answer) is its own read.
    expect(ownReads()).toEqual([ENABLED_MEMBER]);
    expect(sliceOf(snapshot, ENABLED_MEMBER, 'us-east-1')?.ok === true && sliceOf(snapshot, ENABLED_MEMBER, 'us-east-1')).toMatchObject({ value: { source: { accountId: ADMIN } } });
    expect(orgs.commandCalls(ListDelegatedAdministratorsCommand)).toHaveLength(0);
  });
});
