import { describe, expect, it } from 'vitest';
import { anIamRole, anIamSlice, anOrganization, iamSnapshot } from '../../../test/helpers/identity-fixtures.js';
import { denied, observed } from '../../../test/helpers/snapshot-builder.js';
import type { Snapshot } from '../../core/snapshot.js';
import type { IamRole, PolicyStatement } from '../../core/slices/iam.js';
import { iamRoleExternalTrustRequiresExternalId } from './iam-role-external-trust-requires-external-id.js';

const trust = (...Statement: PolicyStatement[]): Pick<IamRole, 'trustPolicy'> => ({ trustPolicy: { Version: '2012-10-17', Statement } });
const assume = (aws: string | string[], Condition?: PolicyStatement['Condition']): PolicyStatement => ({
  Effect: 'Allow',
  Principal: { AWS: aws },
  Action: 'sts:AssumeRole',
  ...(Condition ? { Condition } : {}),
});
const roles = (r: IamRole[], overrides: Partial<Snapshot> = {}) =>
  iamSnapshot(anIamSlice({ authorizationDetails: observed({ users: [], groups: [], roles: r, policies: [] }) }), overrides);
const orgWith = (...ids: string[]) => ({
  organization: observed(anOrganization({ accounts: observed(ids.map((id) => ({ id, name: id, email: `${id}@example.com`, status: 'ACTIVE', joinedMethod: 'CREATED' }))) })),
});

const cases: [string, Snapshot, string[]][] = [
  ['third party with ExternalId', roles([anIamRole('vendor', trust(assume('arn:aws:iam::444455556666:root', { StringEquals: { 'sts:ExternalId': 'x1' } })))]), ['PASS']],
  ['third party without ExternalId', roles([anIamRole('vendor', trust(assume('444455556666')))]), ['FAIL']],
  ['anyone (*)', roles([anIamRole('open', { trustPolicy: { Statement: [{ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' }] } })]), ['FAIL']],
  // The organization id must be the scanned organization's (o-abc123 in the fixture), not just any organization.
  ['anyone restricted to our org', roles([anIamRole('org', trust(assume('*', { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } })))], orgWith()), ['PASS']],
  ['same organization', roles([anIamRole('sibling', trust(assume('arn:aws:iam::222222222222:root')))], orgWith('222222222222')), ['PASS']],
  ['org management account', roles([anIamRole('mgmt', trust(assume('arn:aws:iam::999999999999:role/Admin')))], orgWith()), ['PASS']],
  [
    'org account list not visible',
    roles([anIamRole('sibling', trust(assume('222222222222')))], {
      organization: observed(anOrganization({ accounts: denied('organizations', 'ListAccounts') })),
    }),
    ['MANUAL'],
  ],
  // issue 7 §2.5: conditions a caller can satisfy by choosing a value restrict nothing.
  ['* with only an exact ExternalId', roles([anIamRole('open', trust(assume('*', { StringEquals: { 'sts:ExternalId': 'x1' } })))]), ['FAIL']],
  ['account with StringLike ExternalId "*"', roles([anIamRole('vendor', trust(assume('444455556666', { StringLike: { 'sts:ExternalId': '*' } })))]), ['FAIL']],
  ['account with Null ExternalId false', roles([anIamRole('vendor', trust(assume('444455556666', { Null: { 'sts:ExternalId': 'false' } })))]), ['FAIL']],
  ['account with StringEqualsIfExists ExternalId', roles([anIamRole('vendor', trust(assume('444455556666', { StringEqualsIfExists: { 'sts:ExternalId': 'x1' } })))]), ['FAIL']],
  ['account with ForAllValues ExternalId (true when absent)', roles([anIamRole('vendor', trust(assume('444455556666', { 'ForAllValues:StringEquals': { 'sts:ExternalId': ['x1'] } })))]), ['FAIL']],
  ['account with ForAnyValue exact ExternalId', roles([anIamRole('vendor', trust(assume('444455556666', { 'ForAnyValue:StringEquals': { 'sts:ExternalId': ['x1', 'x2'] } })))]), ['PASS']],
  ['* pinned to an account of the organization', roles([anIamRole('org', trust(assume('*', { StringEquals: { 'aws:PrincipalAccount': '222222222222' } })))], orgWith('222222222222')), ['PASS']],
  ['* pinned to a foreign organization', roles([anIamRole('org', trust(assume('*', { StringEquals: { 'aws:PrincipalOrgID': 'o-other99' } })))]), ['FAIL']],
  ['* with StringLike PrincipalOrgID "*"', roles([anIamRole('org', trust(assume('*', { StringLike: { 'aws:PrincipalOrgID': 'o-*' } })))]), ['FAIL']],
  [
    'third party denied by an explicit Deny',
    roles([anIamRole('vendor', trust(assume('444455556666'), { Effect: 'Deny', Principal: { AWS: '444455556666' }, Action: 'sts:AssumeRole' }))]),
    ['NOT_APPLICABLE'],
  ],
  [
    'ExternalId required by a Deny StringNotEquals statement',
    roles([
      anIamRole(
        'vendor',
        trust(assume('444455556666'), { Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole', Condition: { StringNotEquals: { 'sts:ExternalId': 'x1' } } }),
      ),
    ]),
    ['PASS'],
  ],
  [
    'DescribeOrganization denied: a named account may be ours',
    roles([anIamRole('sibling', trust(assume('222222222222')))], { organization: denied('organizations', 'DescribeOrganization') }),
    ['MANUAL'],
  ],
  [
    'DescribeOrganization denied: * pinned to an organization id we cannot verify',
    roles([anIamRole('org', trust(assume('*', { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } })))], { organization: denied('organizations', 'DescribeOrganization') }),
    ['MANUAL'],
  ],
  ['own account and services only', roles([anIamRole('local', trust(assume('arn:aws:iam::111111111111:root'))), anIamRole('ec2')]), ['NOT_APPLICABLE']],
  ['undecodable trust policy', roles([anIamRole('broken', { trustPolicy: null })]), ['UNKNOWN']],
  ['authorization details denied', iamSnapshot(anIamSlice({ authorizationDetails: denied('iam', 'GetAccountAuthorizationDetails') })), ['UNKNOWN']],
];

describe('iam_role_external_trust_requires_external_id', () => {
  it.each(cases)('%s', (_label, snapshot, statuses) => {
    expect(iamRoleExternalTrustRequiresExternalId.evaluate(snapshot).map((o) => o.status)).toEqual(statuses);
  });

  it('names the trusted account', () => {
    const [outcome] = iamRoleExternalTrustRequiresExternalId.evaluate(roles([anIamRole('vendor', trust(assume('444455556666')))]));
    expect(outcome?.message).toContain('account 444455556666');
    expect(outcome?.resourceType).toBe('AWS::IAM::Role');
  });
});
