import { describe, expect, it } from 'vitest';
import { anIamGroup, anIamRole, anIamSlice, anIamUser, iamSnapshot } from '../../../test/helpers/identity-fixtures.js';
import { denied, observed } from '../../../test/helpers/snapshot-builder.js';
import type { Snapshot } from '../../core/snapshot.js';
import type { AuthorizationDetails, PolicyDocument } from '../../core/slices/iam.js';
import { iamPolicyNoFullAdminWildcard } from './iam-policy-no-full-admin-wildcard.js';

const ADMIN: PolicyDocument = { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
const SCOPED: PolicyDocument = { Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::bucket/*' }] };
const STAR_STAR: PolicyDocument = { Statement: [{ Effect: 'Allow', Action: ['*:*'], Resource: ['*'] }] };
const DENY_ALL: PolicyDocument = { Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] };
// Administrator-equivalent without the literal "Action": "*" (issue 7 §2.6).
const NOT_ACTION: PolicyDocument = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', NotAction: 's3:DeleteBucket', Resource: '*' }] };
const NOT_RESOURCE: PolicyDocument = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', NotResource: 'arn:aws:s3:::audit-logs/*' }] };
const ADMIN_WITH_MFA: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: '*', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }],
};
// The AWS PowerUserAccess shape: everything except IAM, Organizations and Account.
const POWER_USER: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: '*' }],
};
const IAM_ALL: PolicyDocument = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:*', Resource: '*' }] };
const ADMIN_ACCESS = { name: 'AdministratorAccess', arn: 'arn:aws:iam::aws:policy/AdministratorAccess' };

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
  ['*:* policy attached', details({ policies: [policy('god', STAR_STAR)] }), ['FAIL']],
  // issue 7 §1: an unattached policy grants nothing.
  ['unattached *:* policy', details({ policies: [policy('god', STAR_STAR, 0)] }), ['NOT_APPLICABLE']],
  ['admin written with NotAction', details({ policies: [policy('almost-all', NOT_ACTION)] }), ['FAIL']],
  ['admin written with NotResource', details({ policies: [policy('all-but-audit', NOT_RESOURCE)] }), ['FAIL']],
  ['admin behind an MFA condition is still admin', details({ policies: [policy('mfa-admin', ADMIN_WITH_MFA)] }), ['FAIL']],
  ['PowerUserAccess shape is not admin', details({ policies: [policy('power', POWER_USER)] }), ['PASS']],
  ['iam:* on * can grant itself anything', details({ policies: [policy('iam-all', IAM_ALL)] }), ['MANUAL']],
  ['deny * is fine', details({ policies: [policy('deny', DENY_ALL)] }), ['PASS']],
  ['inline admin on a role', details({ roles: [anIamRole('app', { inlinePolicies: [{ name: 'all', document: ADMIN }] })] }), ['FAIL']],
  ['undecodable policy', details({ policies: [policy('odd', null)] }), ['UNKNOWN']],
  [
    'AWS AdministratorAccess attached',
    details({ users: [anIamUser('alice', { attachedPolicies: [{ name: 'AdministratorAccess', arn: 'arn:aws:iam::aws:policy/AdministratorAccess' }] })] }),
    ['MANUAL'],
  ],
  [
    'AdministratorAccess on a role a third-party account can assume',
    details({
      roles: [
        anIamRole('vendor-admin', {
          trustPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': 'x1' } } }] },
          attachedPolicies: [ADMIN_ACCESS],
        }),
      ],
    }),
    ['FAIL', 'MANUAL'],
  ],
  ['AdministratorAccess on a role only the account itself can assume', details({ roles: [anIamRole('ops-admin', { trustPolicy: { Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 'sts:AssumeRole' }] }, attachedPolicies: [ADMIN_ACCESS] })] }), ['MANUAL']],
  ['no policies', details({}), ['NOT_APPLICABLE']],
  ['authorization details denied', iamSnapshot(anIamSlice({ authorizationDetails: denied('iam', 'GetAccountAuthorizationDetails') })), ['UNKNOWN']],
];

describe('iam_policy_no_full_admin_wildcard', () => {
  it.each(cases)('%s', (_label, snapshot, statuses) => {
    expect(iamPolicyNoFullAdminWildcard.evaluate(snapshot).map((o) => o.status)).toEqual(statuses);
  });

  it('identifies inline policies by owner', () => {
    const [outcome] = iamPolicyNoFullAdminWildcard.evaluate(details({ roles: [anIamRole('app', { inlinePolicies: [{ name: 'all', document: ADMIN }] })] }));
    expect(outcome).toMatchObject({ resourceId: 'role/app/all', resourceType: 'AWS::IAM::Policy' });
  });

  it('names the users an admin group policy reaches', () => {
    const snapshot = details({
      users: [anIamUser('alice', { groups: ['admins'] }), anIamUser('bob', { groups: ['admins'] }), anIamUser('carol')],
      groups: [anIamGroup('admins', { attachedPolicies: [{ name: 'god', arn: 'arn:aws:iam::111111111111:policy/god' }], inlinePolicies: [{ name: 'more', document: NOT_ACTION }] })],
      policies: [policy('god', ADMIN)],
    });
    const outcomes = iamPolicyNoFullAdminWildcard.evaluate(snapshot);
    expect(outcomes.map((o) => o.status)).toEqual(['FAIL', 'FAIL']);
    expect(outcomes[0]?.message).toContain('group/admins (users alice, bob)');
    expect(outcomes[1]?.message).toContain('reaching users alice, bob');
  });

  it('lists group holders of AdministratorAccess with their users', () => {
    const snapshot = details({ users: [anIamUser('alice', { groups: ['ops'] })], groups: [anIamGroup('ops', { attachedPolicies: [ADMIN_ACCESS] })] });
    const [outcome] = iamPolicyNoFullAdminWildcard.evaluate(snapshot);
    expect(outcome).toMatchObject({ status: 'MANUAL', evidence: { attachedTo: ['group/ops (users alice)'] } });
  });

  it('names the third party of an admin role', () => {
    const role = anIamRole('vendor-admin', { trustPolicy: { Statement: [{ Effect: 'Allow', Principal: { AWS: '444455556666' }, Action: 'sts:AssumeRole' }] }, attachedPolicies: [ADMIN_ACCESS] });
    const [outcome] = iamPolicyNoFullAdminWildcard.evaluate(details({ roles: [role] }));
    expect(outcome).toMatchObject({ status: 'FAIL', resourceType: 'AWS::IAM::Role', resourceId: 'vendor-admin' });
    expect(outcome?.message).toContain('account 444455556666');
  });
});
