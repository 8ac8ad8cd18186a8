import { describe, expect, it } from 'vitest';
import { anIamSlice, anIamUser, iamSnapshot } from '../../../test/helpers/identity-fixtures.js';
import { denied, observed } from '../../../test/helpers/snapshot-builder.js';
import type { Snapshot } from '../../core/snapshot.js';
import type { IamUser, PolicyDocument } from '../../core/slices/iam.js';
import { iamPolicyAttachedOnlyToGroupOrRoles } from './iam-policy-attached-only-to-group-or-roles.js';

/** The inline policy the SES console attaches to an SMTP user (as GetAccountAuthorizationDetails returns it, decoded). */
const SES_SENDING: PolicyDocument = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ses:SendRawEmail', Resource: '*' }] };
const users = (...u: IamUser[]) => iamSnapshot(anIamSlice({ authorizationDetails: observed({ users: u, groups: [], roles: [], policies: [] }) }));

const cases: [string, Snapshot, string[]][] = [
  ['permissions through a group', users(anIamUser('alice', { groups: ['devs'] })), ['PASS']],
  ['managed policy on the user', users(anIamUser('bob', { attachedPolicies: [{ name: 'ReadOnlyAccess', arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }] })), ['FAIL']],
  ['inline policy on the user', users(anIamUser('carol', { inlinePolicies: [{ name: 'extra', document: null }] })), ['FAIL']],
  // issue 7 §1: the SMTP users the SES console creates must not FAIL IAM-006.
  ['SES SMTP user as the console creates it', users(anIamUser('ses-smtp-user.20240115-103045', { inlinePolicies: [{ name: 'AmazonSesSendingAccess', document: SES_SENDING }] })), ['NOT_APPLICABLE']],
  ['SES SMTP user with a wildcard that expands to SendRawEmail only', users(anIamUser('ses-smtp-user.20240115-103045', { inlinePolicies: [{ name: 'send', document: { Statement: [{ Effect: 'Allow', Action: 'ses:SendRaw*', Resource: '*' }] } }] })), ['NOT_APPLICABLE']],
  ['SES-named user with broader rights', users(anIamUser('ses-smtp-user.20240115-103045', { inlinePolicies: [{ name: 'send', document: { Statement: [{ Effect: 'Allow', Action: 'ses:*', Resource: '*' }] } }] })), ['FAIL']],
  ['SES-named user with a managed policy', users(anIamUser('ses-smtp-user.20240115-103045', { attachedPolicies: [{ name: 'AmazonSESFullAccess', arn: 'arn:aws:iam::aws:policy/AmazonSESFullAccess' }] })), ['FAIL']],
  ['SendRawEmail inline policy on an ordinary user', users(anIamUser('mailer', { inlinePolicies: [{ name: 'AmazonSesSendingAccess', document: SES_SENDING }] })), ['FAIL']],
  ['no users', users(), ['NOT_APPLICABLE']],
  ['authorization details denied', iamSnapshot(anIamSlice({ authorizationDetails: denied('iam', 'GetAccountAuthorizationDetails') })), ['UNKNOWN']],
];

describe('iam_policy_attached_only_to_group_or_roles', () => {
  it.each(cases)('%s', (_label, snapshot, statuses) => {
    expect(iamPolicyAttachedOnlyToGroupOrRoles.evaluate(snapshot).map((o) => o.status)).toEqual(statuses);
  });

  it('names the direct policies', () => {
    const [outcome] = iamPolicyAttachedOnlyToGroupOrRoles.evaluate(users(anIamUser('carol', { inlinePolicies: [{ name: 'extra', document: null }] })));
    expect(outcome?.message).toBe('IAM user carol has inline policies extra directly on the user.');
  });
});
