/**
 * The organization posture step (organization-posture.ts), AWS mocked with answers shaped like the API
 * reference: the delegated administrator's BatchGetAccountStatus replaces a member's read only when it says
 * ENABLED with a scan type ENABLED; every other answer, a failed read or no usable administrator leaves the
 * member to read itself.
 */
import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { BatchGetAccountStatusCommand, Inspector2Client, type AccountState } from '@aws-sdk/client-inspector2';
import { ListDelegatedAdministratorsCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { mockClient } from 'aws-sdk-client-mock';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inspector2IsEnabled } from '../checks/inspector2/inspector2-is-enabled.js';
import { observed } from '../core/observed.js';
import type { Inspector2Slice } from '../core/slices/inspector2.js';
import type { ClientFactory } from './clients.js';
import type { ClientConstructor } from './collector.js';
import { organizationSlice } from './member-posture.js';
import { inspector2FromAdministrator, readOrganizationPosture, type OrganizationPostureInput } from './organization-posture.js';
import { accountStatusOf } from './services/inspector2/inspector2.collector.js';
import { aRegion, aSnapshot, anAccount } from '../../test/helpers/snapshot-builder.js';
import { inspectorAccountState, inspectorState } from '../../test/helpers/inspector-fixtures.js';

const orgs = mockClient(OrganizationsClient);
const ec2 = mockClient(EC2Client);
const inspector = mockClient(Inspector2Client);

const MANAGEMENT = '111111111111';
const ADMIN = '222222222222';
const ENABLED_MEMBER = '333333333333';
const DISABLED_MEMBER = '444444444444';
const FAILED_MEMBER = '555555555555';
const NO_SCAN_MEMBER = '666666666666';

const st = inspectorState;
const state = inspectorAccountState;

const fakeClients = (): ClientFactory =>
  Object.assign(<C>(ctor: ClientConstructor<C>, region?: string): C => new ctor({ region, credentials: { accessKeyId: 'AKID', secretAccessKey: 's' } }), { release: () => undefined });

function input(change: Partial<OrganizationPostureInput> = {}): OrganizationPostureInput {
  return {
    callerAccountId: MANAGEMENT,
    partition: 'aws',
    homeRegion: 'us-east-1',
    targetIds: [MANAGEMENT, ADMIN, ENABLED_MEMBER, DISABLED_MEMBER, FAILED_MEMBER, NO_SCAN_MEMBER],
    requestedRegions: null,
    services: () => true,
    signal: new AbortController().signal,
    clientsOf: () => ({ clients: fakeClients(), release: () => undefined }),
    ...change,
  };
}

beforeEach(() => {
  orgs.on(ListDelegatedAdministratorsCommand, { ServicePrincipal: 'inspector2.amazonaws.com' }).resolves({ DelegatedAdministrators: [{ Id: ADMIN, Status: 'ACTIVE' }] });
  ec2.on(DescribeRegionsCommand).resolves({ Regions: [{ RegionName: 'us-east-1', OptInStatus: 'opt-in-not-required' }, { RegionName: 'eu-west-1', OptInStatus: 'opt-in-not-required' }, { RegionName: 'af-south-1', OptInStatus: 'not-opted-in' }] });
  inspector.on(BatchGetAccountStatusCommand).callsFake((req: { accountIds?: string[] }) => {
    const ids = req.accountIds ?? [];
    const known: Record<string, AccountState> = {
      [MANAGEMENT]: state(MANAGEMENT, 'ENABLED', { ec2: 'ENABLED', lambda: 'ENABLED' }),
      [ENABLED_MEMBER]: state(ENABLED_MEMBER, 'ENABLED', { ecr: 'ENABLED' }),
      [DISABLED_MEMBER]: state(DISABLED_MEMBER, 'DISABLED'),
      [NO_SCAN_MEMBER]: state(NO_SCAN_MEMBER, 'ENABLED'),
    };
    return {
      accounts: ids.flatMap((id) => (known[id] ? [known[id]] : [])),
      failedAccounts: ids.filter((id) => !known[id]).map((id) => ({ accountId: id, errorCode: 'ACCESS_DENIED', errorMessage: 'not an associated member' })),
    };
  });
});

afterEach(() => {
  for (const m of [orgs, ec2, inspector]) m.reset();
});

describe('inspector2FromAdministrator (the verdict rule)', () => {
  it('keeps only ENABLED with a scan type ENABLED, in the collector own mapping, marked with its source', () => {
    const slice = inspector2FromAdministrator(state(ENABLED_MEMBER, 'ENABLED', { ec2: 'ENABLED' }), ADMIN);
    expect(slice).toEqual({
      account: observed({ status: 'ENABLED', ec2: 'ENABLED', ecr: 'DISABLED', lambda: 'DISABLED', lambdaCode: 'DISABLED' }),
      source: { kind: 'delegated-administrator', accountId: ADMIN, operation: 'inspector2:BatchGetAccountStatus' },
    });
    for (const s of ['DISABLED', 'ENABLING', 'SUSPENDED', 'SUSPENDING', 'DISABLING']) expect(inspector2FromAdministrator(state(ENABLED_MEMBER, s, { ec2: 'ENABLED' }), ADMIN)).toBeNull();
    expect(inspector2FromAdministrator(state(ENABLED_MEMBER, 'ENABLED'), ADMIN)).toBeNull();
    expect(inspector2FromAdministrator({ accountId: ENABLED_MEMBER, state: st('ENABLED') } as AccountState, ADMIN)).toBeNull();
    expect(inspector2FromAdministrator({ state: st('ENABLED'), resourceState: state('', 'ENABLED', { ec2: 'ENABLED' }).resourceState } as AccountState, ADMIN)).toBeNull();
  });

  it('replaces a read only where the member own read would PASS, with the same verdict (property)', () => {
    const status = fc.constantFrom('ENABLED', 'ENABLING', 'DISABLED', 'DISABLING', 'SUSPENDED', 'SUSPENDING', undefined);
    const verdictOf = (slice: Inspector2Slice) => inspector2IsEnabled.evaluate(aSnapshot({ accounts: [anAccount({ regional: [aRegion('us-east-1', { inspector2: observed(slice) })] })] }))[0]?.status;
    fc.assert(
      fc.property(status, status, status, status, status, (account, ec2s, ecr, lambda, lambdaCode) => {
        const s: AccountState = {
          accountId: ENABLED_MEMBER,
          state: account ? st(account) : undefined,
          resourceState: { ec2: ec2s ? st(ec2s) : undefined, ecr: ecr ? st(ecr) : undefined, lambda: lambda ? st(lambda) : undefined, lambdaCode: lambdaCode ? st(lambdaCode) : undefined },
        };
        const fromAdmin = inspector2FromAdministrator(s, ADMIN);
        const own = verdictOf({ account: observed(accountStatusOf(s)) });
        if (fromAdmin === null) return; // the member reads itself: its verdict is its own
        expect(own).toBe('PASS');
        expect(verdictOf(fromAdmin)).toBe('PASS');
      }),
      { numRuns: 300 },
    );
  });
});

describe('readOrganizationPosture', () => {
  it('asks the delegated administrator in each of its enabled regions, 10 accounts a call, and keeps only the positive answers', async () => {
    const many = Array.from({ length: 12 }, (_, i) => String(900000000000 + i));
    const result = await readOrganizationPosture(input({ targetIds: [...input().targetIds, ...many] }));
    const calls = inspector.commandCalls(BatchGetAccountStatusCommand);
    // 17 members (the administrator is not asked about itself) in 2 enabled regions: 2 calls each.
    expect(calls).toHaveLength(4);
    for (const c of calls) expect((c.args[0].input.accountIds ?? []).length).toBeLessThanOrEqual(10);
    expect(calls.flatMap((c) => c.args[0].input.accountIds ?? [])).not.toContain(ADMIN);
    expect([...result.members.keys()].sort()).toEqual([MANAGEMENT, ENABLED_MEMBER]);
    const member = result.members.get(ENABLED_MEMBER);
    expect(Object.keys(member?.regional ?? {}).sort()).toEqual(['eu-west-1', 'us-east-1']);
    expect(organizationSlice(member, 'us-east-1', 'inspector2')).toEqual(
      observed({
        account: observed({ status: 'ENABLED', ec2: 'DISABLED', ecr: 'ENABLED', lambda: 'DISABLED', lambdaCode: 'DISABLED' }),
        source: { kind: 'delegated-administrator', accountId: ADMIN, operation: 'inspector2:BatchGetAccountStatus' },
      }),
    );
    // Fallbacks: DISABLED, ENABLED without a scan type, failedAccounts, a region the administrator has not enabled.
    for (const id of [DISABLED_MEMBER, NO_SCAN_MEMBER, FAILED_MEMBER]) expect(result.members.has(id)).toBe(false);
    expect(organizationSlice(member, 'af-south-1', 'inspector2')).toBeUndefined();
    expect(organizationSlice(member, 'us-east-1', 'guardduty')).toBeUndefined();
    expect(result.summary).toEqual([{ service: 'inspector2', administrator: ADMIN, accountRegions: 4, fallbacks: [] }]);
  });

  it('a failed read in one region leaves those members to read themselves there, and says so', async () => {
    inspector.on(BatchGetAccountStatusCommand).callsFake(async (req: { accountIds?: string[] }, getClient: () => Inspector2Client) => {
      if ((await getClient().config.region()) === 'eu-west-1') throw Object.assign(new Error('denied'), { name: 'AccessDeniedException', $metadata: { httpStatusCode: 403 } });
      return { accounts: (req.accountIds ?? []).map((id) => state(id, 'ENABLED', { ec2: 'ENABLED' })) };
    });
    const result = await readOrganizationPosture(input());
    const member = result.members.get(ENABLED_MEMBER);
    expect(organizationSlice(member, 'us-east-1', 'inspector2')).toBeDefined();
    expect(organizationSlice(member, 'eu-west-1', 'inspector2')).toBeUndefined();
    expect(result.summary[0]?.fallbacks).toEqual(['eu-west-1: inspector2:BatchGetAccountStatus failed (AccessDeniedException): those members read themselves']);
  });

  it.each([
    ['no delegated administrator', () => orgs.on(ListDelegatedAdministratorsCommand).resolves({ DelegatedAdministrators: [] }), 'no delegated administrator'],
    ['an administrator the scan does not collect', () => orgs.on(ListDelegatedAdministratorsCommand).resolves({ DelegatedAdministrators: [{ Id: '999999999999', Status: 'ACTIVE' }] }), 'not among the scanned accounts'],
    ['ListDelegatedAdministrators denied', () => orgs.on(ListDelegatedAdministratorsCommand).rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException', $metadata: { httpStatusCode: 400 } })), 'ListDelegatedAdministrators failed (AccessDeniedException)'],
    ['the administrator regions unreadable', () => ec2.on(DescribeRegionsCommand).rejects(Object.assign(new Error('denied'), { name: 'UnauthorizedOperation', $metadata: { httpStatusCode: 403 } })), 'DescribeRegions'],
  ])('%s: every member reads itself', async (_name, arrange, why) => {
    arrange();
    const result = await readOrganizationPosture(input());
    expect(result.members.size).toBe(0);
    expect(result.summary[0]?.accountRegions).toBe(0);
    expect(result.summary[0]?.fallbacks.join(' ')).toContain(why);
  });

  it('does nothing for a scan without the inspector2 collector', async () => {
    const result = await readOrganizationPosture(input({ services: (s) => s !== 'inspector2' }));
    expect(result).toEqual({ members: new Map(), summary: [] });
    expect(orgs.commandCalls(ListDelegatedAdministratorsCommand)).toHaveLength(0);
  });
});
