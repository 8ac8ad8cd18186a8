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
  ['anyone restricted to the org', roles([anIamRole('org', trust(assume('*', { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } })))]), ['PASS']],
  ['same organization', roles([anIamRole('sibling', trust(assume('arn:aws:iam::222222222222:root')))], orgWith('222222222222')), ['PASS']],
  ['org management account', roles([anIamRole('mgmt', trust(assume('arn:aws:iam::999999999999:role/Admin')))], orgWith()), ['PASS']],
  [
    'org account list not visible',
    roles([anIamRole('sibling', trust(assume('222222222222')))], {
      organization: observed(anOrganization({ accounts: denied('organizations', 'ListAccounts') })),
    }),
    ['MANUAL'],
  ],
  ['own account and services only', roles([anIamRole('local', trust(assume('arn:aws:iam::111111111111:root'))), anIamRole('ec2')]), ['NOT_APPLICABLE']],
  ['undecodable trust policy', roles([anIamRole('broken', { trustPolicy: null })]), ['UNKNOWN']],
  ['authorization details denied', iamSnapshot(anIamSlice({ authorizationDetails: denied('iam', 'GetAccountAuthorizationDetails') })), ['UNKNOWN']],
];

describe('iam_role_external_trust_requires_external_id', () => {
  it.each(cases)('%s => %j', (_label, snapshot, statuses) => {
    expect(iamRoleExternalTrustRequiresExternalId.evaluate(snapshot).map((o) => o.status)).toEqual(statuses);
  });

  it('names the trusted account', () => {
    const [outcome] = iamRoleExternalTrustRequiresExternalId.evaluate(roles([anIamRole('vendor', trust(assume('444455556666')))]));
    expect(outcome?.message).toContain('account 444455556666');
    expect(outcome?.resourceType).toBe('AWS::IAM::Role');
  });
});
