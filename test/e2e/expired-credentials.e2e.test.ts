/**
 * Expired sessions cannot be represented in moto (it never checks token expiry), so this suite drives
 * runScan with aws-sdk-client-mock: an ExpiredToken on the starting credentials is a CredentialsError
 * (exit 3 in the CLI), and an expired token while assuming a member role costs only that account.
 * Every client also points at a closed local port, so an unmocked call can never reach AWS.
 */
import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { IAMClient, ListOrganizationsFeaturesCommand } from '@aws-sdk/client-iam';
import { DescribeOrganizationCommand, ListAccountsCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { handleCredentials } from '../../src/collect/account-signing.js';
import { runScan, type ScanOptions } from '../../src/collect/run-collection.js';
import { CredentialsError, EXIT } from '../../src/core/errors.js';
import { awsError } from '../helpers/collector-context.js';

const MANAGEMENT = '123456789012';
const MEMBER = '210987654321';

const sts = mockClient(STSClient);
const orgs = mockClient(OrganizationsClient);
const iam = mockClient(IAMClient);
const ec2 = mockClient(EC2Client);

afterEach(() => {
  sts.reset();
  orgs.reset();
  iam.reset();
  ec2.reset();
});

const baseOptions: ScanOptions = {
  org: false,
  roleName: 'FtrReadOnly',
  concurrency: 2,
  maxAttempts: 1,
  endpoint: 'http://127.0.0.1:9',
  regions: ['us-east-1'],
  services: [],
  credentials: { accessKeyId: 'ASIAFAKEFAKEFAKEFAKE', secretAccessKey: 'fake', sessionToken: 'fake-session' },
};

describe('expired sessions', () => {
  it.each([
    ['ExpiredToken', 'The security token included in the request is expired'],
    ['ExpiredTokenException', 'The security token included in the request is expired'],
    ['RequestExpired', 'Request has expired.'],
  ])('%s on the starting credentials is a CredentialsError (exit 3) that says so', async (code, message) => {
    sts.on(GetCallerIdentityCommand).rejects(awsError(code, message, 400));
    const scan = runScan(baseOptions);
    await expect(scan).rejects.toBeInstanceOf(CredentialsError);
    await expect(scan).rejects.toMatchObject({ exitCode: EXIT.credentials, message: expect.stringMatching(/session has expired/i) });
  });

  it('an expired token while assuming a member role costs only that account', async () => {
    sts
      .on(GetCallerIdentityCommand)
      // The mock replaces `send`, so resolve the client's credentials as the real signer would: for a member
      // account that runs the scanner's AssumeRole provider, which gets the expired-token error below.
      .callsFake(async (_input, getClient) => {
        await handleCredentials(getClient())();
        return { Account: MANAGEMENT, Arn: `arn:aws:iam::${MANAGEMENT}:user/scanner`, UserId: 'AIDAFAKE' };
      })
      .on(AssumeRoleCommand)
      .rejects(awsError('ExpiredToken', 'The security token included in the request is expired', 400));
    orgs
      .on(DescribeOrganizationCommand)
      .resolves({ Organization: { Id: 'o-fake1234', Arn: 'arn:aws:organizations::123456789012:organization/o-fake1234', MasterAccountId: MANAGEMENT, FeatureSet: 'ALL' } })
      .on(ListAccountsCommand)
      .resolves({
        Accounts: [
          { Id: MANAGEMENT, Name: 'management', Email: 'root@anycompany.example', State: 'ACTIVE' },
          { Id: MEMBER, Name: 'member', Email: 'member@anycompany.example', State: 'ACTIVE' },
        ],
      });
    iam.on(ListOrganizationsFeaturesCommand).resolves({ EnabledFeatures: [] });
    ec2.on(DescribeRegionsCommand).resolves({ Regions: [{ RegionName: 'us-east-1', OptInStatus: 'opt-in-not-required' }] });

    const snapshot = await runScan({ ...baseOptions, org: true });

    expect(snapshot.accounts.map((a) => a.accountId)).toEqual([MANAGEMENT, MEMBER]);
    const [management, member] = snapshot.accounts;
    expect(management?.access.ok).toBe(true);
    expect(management?.regional.map((r) => r.region)).toEqual(['us-east-1']);
    expect(member?.access).toMatchObject({ ok: false, error: { kind: 'expired_credentials', code: 'ExpiredToken', accountId: MEMBER } });
    expect(member?.regional).toEqual([]);
    expect(snapshot.errors.some((e) => e.accountId === MEMBER && e.kind === 'expired_credentials')).toBe(true);
  });
});
