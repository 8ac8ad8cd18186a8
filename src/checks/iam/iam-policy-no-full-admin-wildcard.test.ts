import { describe, expect, it } from 'vitest';
import { anIamRole, anIamSlice, anIamUser, iamSnapshot } from '../../../test/helpers/identity-fixtures.js';
import { denied, observed } from '../../../test/helpers/snapshot-builder.js';
import type { Snapshot } from '../../core/snapshot.js';
import type { AuthorizationDetails, PolicyDocument } from '../../core/slices/iam.js';
import { iamPolicyNoFullAdminWildcard } from './iam-policy-no-full-admin-wildcard.js';

const ADMIN: PolicyDocument = { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
const SCOPED: PolicyDocument = { Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::bucket/*' }] };
const STAR_STAR: PolicyDocument = { Statement: [{ Effect: 'Allow', Action: ['*:*'], Resource: ['*'] }] };
const DENY_ALL: PolicyDocument = { Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] };

const details = (d: Partial<AuthorizationDetails>) =>
  iamSnapshot(anIamSlice({ authorizationDetails: observed({ users: [], groups: [], roles: [], policies: [], ...d }) }));
const policy = (name: string, document: PolicyDocument | null, attachmentCount = 1) => ({
  name,
  arn: `arn:aws:iam::111111111111:policy/${name}`,
  attachmentCount,
  document,
});

const cases: [string, Snapshot, string[]][] = [
  ['scoped customer policy', details({ policies: [policy('read', SCOPED)] }), ['PASS']],
  ['customer policy with * on *', details({ policies: [policy('god', ADMIN)] }), ['FAIL']],
  ['unattached *:* policy', details({ policies: [policy('god', STAR_STAR, 0)] }), ['FAIL']],
  ['deny * is fine', details({ policies: [policy('deny', DENY_ALL)] }), ['PASS']],
  ['inline admin on a role', details({ roles: [anIamRole('app', { inlinePolicies: [{ name: 'all', document: ADMIN }] })] }), ['FAIL']],
  ['undecodable policy', details({ policies: [policy('odd', null)] }), ['UNKNOWN']],
  [
    'AWS AdministratorAccess attached',
    details({ users: [anIamUser('alice', { attachedPolicies: [{ name: 'AdministratorAccess', arn: 'arn:aws:iam::aws:policy/AdministratorAccess' }] })] }),
    ['MANUAL'],
  ],
  ['no policies', details({}), ['NOT_APPLICABLE']],
  ['authorization details denied', iamSnapshot(anIamSlice({ authorizationDetails: denied('iam', 'GetAccountAuthorizationDetails') })), ['UNKNOWN']],
];

describe('iam_policy_no_full_admin_wildcard', () => {
  it.each(cases)('%s => %j', (_label, snapshot, statuses) => {
    expect(iamPolicyNoFullAdminWildcard.evaluate(snapshot).map((o) => o.status)).toEqual(statuses);
  });

  it('identifies inline policies by owner', () => {
    const [outcome] = iamPolicyNoFullAdminWildcard.evaluate(details({ roles: [anIamRole('app', { inlinePolicies: [{ name: 'all', document: ADMIN }] })] }));
    expect(outcome).toMatchObject({ resourceId: 'role/app/all', resourceType: 'AWS::IAM::Policy' });
  });
});
