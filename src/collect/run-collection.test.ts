/**
 * The runner's own logic with mocked AWS: org fan-out, per-account isolation, credential errors and
 * interruption. Collectors are switched off (`services: []`); their behaviour is tested beside them and
 * against moto in test/e2e.
 */
import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { IAMClient, ListOrganizationsFeaturesCommand } from '@aws-sdk/client-iam';
import { DescribeOrganizationCommand, ListAccountsCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { awsError } from '../../test/helpers/collector-context.js';
import { CredentialsError, UserError } from '../core/errors.js';
import type { AccountShard } from '../core/snapshot.js';
import { runScan, runScanToSink, type AccountDistributor, type ScanOptions } from './run-collection.js';

const sts = mockClient(STSClient);
const orgs = mockClient(OrganizationsClient);
const iam = mockClient(IAMClient);
const ec2 = mockClient(EC2Client);

const MGMT = '123456789012';
const GOOD = '210987654321';
const DENIED = '333333333333';

const base: ScanOptions = {
  org: true,
  roleName: 'FtrReadOnly',
  concurrency: 4,
  maxAttempts: 1,
  services: [],
  endpoint: undefined,
  credentials: { accessKeyId: 'AKIDTESTTESTTEST', secretAccessKey: 'test' },
};

beforeEach(() => {
  sts.on(GetCallerIdentityCommand).resolves({ Arn: `arn:aws:iam::${MGMT}:user/auditor`, Account: MGMT });
  sts.on(AssumeRoleCommand, { RoleArn: `arn:aws:iam::${GOOD}:role/FtrReadOnly` }).resolves({
    Credentials: { AccessKeyId: 'ASIAGOOD', SecretAccessKey: 's', SessionToken: 't', Expiration: new Date(Date.now() + 3_600_000) },
  });
  sts.on(AssumeRoleCommand, { RoleArn: `arn:aws:iam::${DENIED}:role/FtrReadOnly` }).rejects(awsError('AccessDenied', 'not authorized to assume', 403));
  orgs.on(DescribeOrganizationCommand).resolves({ Organization: { Id: 'o-abc', Arn: 'arn:aws:organizations::o-abc', MasterAccountId: MGMT, FeatureSet: 'ALL' } });
  orgs.on(ListAccountsCommand).resolves({
    Accounts: [
      { Id: MGMT, Name: 'management', Email: 'aws@example.com', State: 'ACTIVE' },
      { Id: GOOD, Name: 'prod', Email: 'prod@example.com', State: 'ACTIVE' },
      { Id: DENIED, Name: 'legacy', Email: 'legacy@example.com', State: 'ACTIVE' },
      { Id: '444444444444', Name: 'closed', Email: 'closed@example.com', State: 'SUSPENDED' },
    ],
  });
  iam.on(ListOrganizationsFeaturesCommand).resolves({ EnabledFeatures: ['RootCredentialsManagement'] });
  ec2.on(DescribeRegionsCommand).resolves({
    Regions: [
      { RegionName: 'us-east-1', OptInStatus: 'opt-in-not-required' },
      { RegionName: 'eu-west-1', OptInStatus: 'opt-in-not-required' },
      { RegionName: 'af-south-1', OptInStatus: 'not-opted-in' },
    ],
  });
});

afterEach(() => {
  sts.reset();
  orgs.reset();
  iam.reset();
  ec2.reset();
});

describe('runScan', () => {
  it('scans every active account of the Organization; one denied account does not stop the others', async () => {
    const snapshot = await runScan(base);
    expect(snapshot.mode).toBe('organization');
    expect(snapshot.complete).toBe(true);
    expect(snapshot.accounts.map((a) => a.accountId)).toEqual([MGMT, GOOD, DENIED]);

    const [mgmt, good, denied] = snapshot.accounts;
    expect(mgmt?.access).toEqual({ ok: true, value: { via: 'caller', roleArn: null } });
    expect(good?.access).toEqual({ ok: true, value: { via: 'assumed-role', roleArn: `arn:aws:iam::${GOOD}:role/FtrReadOnly` } });
    expect(denied?.access).toMatchObject({ ok: false, error: { kind: 'access_denied', accountId: DENIED, code: 'AccessDenied' } });
    expect(denied?.regional).toEqual([]);

    // Opt-in regions that are not enabled are listed but not scanned.
    expect(good?.regional.map((r) => r.region)).toEqual(['eu-west-1', 'us-east-1']);
    const regions = good?.regions.ok ? good.regions.value : [];
    expect(regions.find((r) => r.region === 'af-south-1')).toMatchObject({ enabled: false, scanned: false });

    expect(snapshot.organization).toMatchObject({ ok: true, value: { id: 'o-abc', managementAccountId: MGMT, centralizedRootCredentials: { ok: true, value: true } } });
    expect(snapshot.operations).toContainEqual(expect.objectContaining({ accountId: DENIED, operation: 'AssumeRole', outcome: 'access_denied' }));
  });

  it('restricts regions to --regions', async () => {
    const snapshot = await runScan({ ...base, org: false, regions: ['eu-west-1'] });
    expect(snapshot.accounts).toHaveLength(1);
    expect(snapshot.accounts[0]?.regional.map((r) => r.region)).toEqual(['eu-west-1']);
    expect(snapshot.requestedRegions).toEqual(['eu-west-1']);
  });

  it('rejects an unknown region before calling AWS', async () => {
    await expect(runScan({ ...base, regions: ['us-east-7'] })).rejects.toThrow(UserError);
    await expect(runScan({ ...base, regions: ['us-east-7'] })).rejects.toThrow(/Unknown region: us-east-7/);
    expect(sts.calls()).toHaveLength(0);
  });

  it('explains an expired session as a credentials problem', async () => {
    sts.on(GetCallerIdentityCommand).rejects(awsError('ExpiredToken', 'The security token included in the request is expired'));
    await expect(runScan(base)).rejects.toThrow(CredentialsError);
    await expect(runScan(base)).rejects.toThrow(/session has expired/);
  });

  it('explains missing credentials and points to the demo', async () => {
    const noCredentials = () => Promise.reject(Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }));
    await expect(runScan({ ...base, credentials: noCredentials })).rejects.toThrow(/No AWS credentials found.*ftr demo/s);
  });

  it('says --org needs the management account when ListAccounts is denied', async () => {
    orgs.on(ListAccountsCommand).rejects(awsError('AccessDeniedException', 'not management', 403));
    await expect(runScan(base)).rejects.toThrow(/management account or a delegated administrator/);
  });

  it('says --org cannot work outside an Organization', async () => {
    orgs.on(DescribeOrganizationCommand).rejects(awsError('AWSOrganizationsNotInUseException', 'not in org'));
    await expect(runScan(base)).rejects.toThrow(/not in an AWS Organization/);
    const single = await runScan({ ...base, org: false });
    expect(single.organization).toEqual({ ok: true, value: null });
  });

  it('returns what it has, marked incomplete, when interrupted', async () => {
    const interrupt = new AbortController();
    interrupt.abort('interrupted by the user (Ctrl-C)');
    const snapshot = await runScan({ ...base, org: false, signal: interrupt.signal });
    expect(snapshot.complete).toBe(false);
    expect(snapshot.interruption?.reason).toContain('Ctrl-C');
    expect(snapshot.accounts).toHaveLength(1);
  });

  it('distributed: an account a part could not collect, or never returned, is an incomplete shard saying why; the scan ends incomplete', async () => {
    const shards: AccountShard[] = [];
    const distributor: AccountDistributor = {
      wants: () => true,
      run: async (plan) => {
        const good = plan.targets.find((t) => t.id === GOOD);
        if (good) await plan.shard({ complete: true, account: { accountId: GOOD, name: good.name, access: { ok: true, value: { via: 'assumed-role', roleArn: null } }, regions: { ok: true, value: [] }, homeRegion: 'us-east-1', global: {}, regional: [] } as never, errors: [], operations: [] });
        plan.failed(DENIED, 'two scan threads died while collecting it');
        // MGMT: never returned, and the scan was not stopped.
        return { parts: 2, errors: [], operations: [], stats: { requests: 0, attempts: 0, retries: 0, throttles: 0, retriesRefusedByBudget: 0, maxRequestsInFlight: 0 } };
      },
    };
    const trailer = await runScanToSink({ ...base, distribute: distributor }, { start: () => Promise.resolve(), account: (s) => Promise.resolve(void shards.push(s)) });
    expect(trailer.complete).toBe(false);
    expect(trailer.interruption?.reason).toMatch(/^2 account\(s\) could not be collected \(/);
    const byId = new Map(shards.map((s) => [s.account.accountId, s]));
    expect(byId.get(GOOD)?.complete).toBe(true);
    for (const [id, why] of [[DENIED, /two scan threads died/], [MGMT, /no part of the distributed scan returned it/]] as const) {
      const shard = byId.get(id);
      expect(shard?.complete).toBe(false);
      expect(shard?.account.access).toMatchObject({ ok: false, error: { code: 'NotCollected', message: expect.stringMatching(why) as unknown } });
    }
  });
});
