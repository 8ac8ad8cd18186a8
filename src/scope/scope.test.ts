import { describe, expect, it } from 'vitest';
import { ScopeFileError } from '../attest/errors.js';
import { ACCOUNT_A, ACCOUNT_B, aRegion, aSnapshot, anAccount, collectionError, denied, observed } from '../../test/helpers/snapshot-builder.js';
import type { RegionalSlices } from '../core/slices/index.js';
import { applyScope } from './apply-scope.js';
import { parseScopes, selectScope } from './parse.js';
import type { Scope } from './types.js';

const FILE = `version: "1"
scopes:
  plant-a:
    description: Case study 1, Acme plant monitoring
    accounts: ["${ACCOUNT_A}", "012345678901"]
    regions: [eu-west-1]
    tags:
      Workload: plant-a
      Env: [prod, staging]
    stacks: [plant-a-core]
    caseStudy:
      customer: Acme
      productionDate: 2025-06-01
      publicUrl: https://example.com/acme
  whole-org:
    accounts:
      - "${ACCOUNT_A}"
      - "${ACCOUNT_B}"
`;

function scope(overrides: Partial<Scope> = {}): Scope {
  return { name: 's', description: null, accounts: [ACCOUNT_A], regions: null, tags: null, stacks: null, caseStudy: null, ...overrides };
}

describe('parseScopes', () => {
  it('reads several named scopes (case studies)', () => {
    const scopes = parseScopes(FILE, 'scopes.yaml');
    expect(scopes.map((s) => s.name)).toEqual(['plant-a', 'whole-org']);
    expect(scopes[0]).toEqual({
      name: 'plant-a',
      description: 'Case study 1, Acme plant monitoring',
      accounts: [ACCOUNT_A, '012345678901'],
      regions: ['eu-west-1'],
      tags: { Workload: ['plant-a'], Env: ['prod', 'staging'] },
      stacks: ['plant-a-core'],
      caseStudy: { customer: 'Acme', productionDate: '2025-06-01', publicUrl: 'https://example.com/acme', description: null },
    });
    expect(scopes[1]?.regions).toBeNull();
    expect(selectScope(scopes, 'whole-org', 'scopes.yaml').accounts).toEqual([ACCOUNT_A, ACCOUNT_B]);
  });

  it.each([
    ['a bad account id', FILE.replace('"012345678901"', '"12345"'), 5, 32, /12 digits/],
    ['a bad region', FILE.replace('regions: [eu-west-1]', 'regions: [europe]'), 6, 15, /not a region name/],
    ['a wrong date', FILE.replace('2025-06-01', '2025-13-01'), 13, 23, /productionDate must be a real date/],
    ['an unknown field', FILE.replace('    stacks: [plant-a-core]', '    stack: [plant-a-core]'), 10, 5, /unknown field "stack"/],
    ['no accounts', FILE.replace(`    accounts: ["${ACCOUNT_A}", "012345678901"]\n`, ''), 3, 3, /required field "accounts" is missing/],
    ['a syntax error', FILE.replace('regions: [eu-west-1]', 'regions: [eu-west-1'), 7, 5, /YAML syntax error/],
    ['a duplicate account', FILE.replace('"012345678901"', `"${ACCOUNT_A}"`), 5, 32, /listed twice/],
  ])('%s gives a ScopeFileError at the exact position', (_name, text, line, column, message) => {
    let error: unknown;
    try {
      parseScopes(text, 'scopes.yaml');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ScopeFileError);
    const e = error as ScopeFileError;
    expect(e.exitCode).toBe(2);
    expect([e.first.line, e.first.column]).toEqual([line, column]);
    expect(e.first.message).toMatch(message);
  });

  it('an unknown scope name lists the defined ones', () => {
    expect(() => selectScope(parseScopes(FILE, 'scopes.yaml'), 'plant-b', 'scopes.yaml')).toThrow(/no scope named "plant-b" \(defined: plant-a, whole-org\)/);
  });
});

describe('applyScope', () => {
  // Slices are placeholders for some services; build tagged records through a cast so the filter is tested
  // on the shape convention (a `tags` field) rather than on one service's type.
  const tagged = (value: unknown) => observed(value) as unknown as NonNullable<RegionalSlices['ec2']>;
  const taggedStacks = (value: unknown) => observed(value) as unknown as NonNullable<RegionalSlices['cloudformation']>;
  const snapshot = aSnapshot({
    accounts: [
      anAccount({
        accountId: ACCOUNT_A,
        regional: [
          aRegion('eu-west-1', {
            ec2: tagged({
              instances: [
                { id: 'i-in', tags: { Workload: 'plant-a', Env: 'prod', 'aws:cloudformation:stack-name': 'plant-a-core' } },
                { id: 'i-other', tags: { Workload: 'plant-b', Env: 'prod' } },
                { id: 'i-untagged', tags: {} },
                { id: 'i-kv', tags: [{ Key: 'Workload', Value: 'plant-a' }, { Key: 'Env', Value: 'staging' }, { Key: 'aws:cloudformation:stack-name', Value: 'plant-a-core' }] },
                { id: 'i-denied', tags: denied('ec2', 'DescribeTags') },
                { id: 'i-no-tag-data' },
              ],
              ebsDefaultEncryption: observed(true),
            }),
            cloudformation: taggedStacks({ stacks: observed([{ stackName: 'plant-a-core', stackId: 's1', tags: {} }, { stackName: 'other', stackId: 's2', tags: {} }]) }),
          }),
          aRegion('us-east-1', {}),
        ],
      }),
      anAccount({ accountId: ACCOUNT_B, regional: [aRegion('eu-west-1', {})] }),
    ],
    errors: [
      collectionError('ec2', 'DescribeInstances', 'access_denied', { accountId: ACCOUNT_A, region: 'us-east-1' }),
      collectionError('ec2', 'DescribeInstances', 'access_denied', { accountId: ACCOUNT_A, region: 'eu-west-2' }),
      collectionError('ec2', 'DescribeInstances', 'access_denied', { accountId: ACCOUNT_A, region: 'eu-west-1' }),
      collectionError('iam', 'GetCredentialReport', 'access_denied', { accountId: ACCOUNT_A, region: 'global' }),
      collectionError('iam', 'GetCredentialReport', 'access_denied', { accountId: ACCOUNT_B, region: 'global' }),
    ],
  });

  it('keeps only the scope accounts and regions, and marks other regions as not scanned', () => {
    const out = applyScope(snapshot, scope({ regions: ['eu-west-1'] }));
    expect(out.accounts.map((a) => a.accountId)).toEqual([ACCOUNT_A]);
    expect(out.accounts[0]?.regional.map((r) => r.region)).toEqual(['eu-west-1']);
    const regions = out.accounts[0]?.regions;
    expect(regions?.ok && regions.value.map((r) => [r.region, r.scanned])).toEqual([
      ['eu-west-1', true],
      ['us-east-1', false],
    ]);
    // us-east-1 is the home region (global services) and stays; eu-west-2 was not in scope; account B is gone.
    expect(out.errors.map((e) => `${e.accountId}/${e.region}`)).toEqual([`${ACCOUNT_A}/us-east-1`, `${ACCOUNT_A}/eu-west-1`, `${ACCOUNT_A}/global`]);
    expect(snapshot.accounts).toHaveLength(2);
  });

  it('filters tagged resource records by tags and stacks, keeps unreadable and untagged-data records', () => {
    const out = applyScope(snapshot, scope({ tags: { Workload: ['plant-a'], Env: ['prod', 'staging'] }, stacks: ['plant-a-core'] }));
    const ec2 = out.accounts[0]?.regional[0]?.ec2 as unknown as { ok: true; value: { instances: { id: string }[]; ebsDefaultEncryption: unknown } };
    expect(ec2.value.instances.map((i) => i.id)).toEqual(['i-in', 'i-kv', 'i-denied', 'i-no-tag-data']);
    expect(ec2.value.ebsDefaultEncryption).toEqual(observed(true));
    const cfn = out.accounts[0]?.regional[0]?.cloudformation as unknown as { value: { stacks: { value: { stackName: string }[] } } };
    expect(cfn.value.stacks.value.map((s) => s.stackName)).toEqual(['plant-a-core']);
  });

  it('a tag filter alone keeps every matching record', () => {
    const out = applyScope(snapshot, scope({ tags: { Env: ['prod'] } }));
    const ec2 = out.accounts[0]?.regional[0]?.ec2 as unknown as { value: { instances: { id: string }[] } };
    expect(ec2.value.instances.map((i) => i.id)).toEqual(['i-in', 'i-other', 'i-denied', 'i-no-tag-data']);
  });

  it('without filters the snapshot is unchanged apart from the accounts', () => {
    const out = applyScope(snapshot, scope({ accounts: [ACCOUNT_A, ACCOUNT_B] }));
    expect(out.accounts).toEqual(snapshot.accounts);
  });
});
