import { describe, expect, it } from 'vitest';
import { anIamSlice, anIamUser, iamSnapshot } from '../../../test/helpers/identity-fixtures.js';
import { denied, observed } from '../../../test/helpers/snapshot-builder.js';
import type { Snapshot } from '../../core/snapshot.js';
import type { IamUser } from '../../core/slices/iam.js';
import { iamPolicyAttachedOnlyToGroupOrRoles } from './iam-policy-attached-only-to-group-or-roles.js';

const users = (...u: IamUser[]) => iamSnapshot(anIamSlice({ authorizationDetails: observed({ users: u, groups: [], roles: [], policies: [] }) }));

const cases: [string, Snapshot, string[]][] = [
  ['permissions through a group', users(anIamUser('alice', { groups: ['devs'] })), ['PASS']],
  ['managed policy on the user', users(anIamUser('bob', { attachedPolicies: [{ name: 'ReadOnlyAccess', arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }] })), ['FAIL']],
  ['inline policy on the user', users(anIamUser('carol', { inlinePolicies: [{ name: 'extra', document: null }] })), ['FAIL']],
  ['no users', users(), ['NOT_APPLICABLE']],
  ['authorization details denied', iamSnapshot(anIamSlice({ authorizationDetails: denied('iam', 'GetAccountAuthorizationDetails') })), ['UNKNOWN']],
];

describe('iam_policy_attached_only_to_group_or_roles', () => {
  it.each(cases)('%s => %j', (_label, snapshot, statuses) => {
    expect(iamPolicyAttachedOnlyToGroupOrRoles.evaluate(snapshot).map((o) => o.status)).toEqual(statuses);
  });

  it('names the direct policies', () => {
    const [outcome] = iamPolicyAttachedOnlyToGroupOrRoles.evaluate(users(anIamUser('carol', { inlinePolicies: [{ name: 'extra', document: null }] })));
    expect(outcome?.message).toBe('IAM user carol has inline policies extra directly on the user.');
  });
});
