import { describe, expect, it } from 'vitest';
import { aReportUser, anIamSlice, iamSnapshot, reportWith, withKey } from '../../../test/helpers/identity-fixtures.js';
import { denied } from '../../../test/helpers/snapshot-builder.js';
import type { Snapshot } from '../../core/snapshot.js';
import { iamNoSharedGenericUsers, isGenericUserName } from './iam-no-shared-generic-users.js';

const users = (...u: ReturnType<typeof aReportUser>[]) => iamSnapshot(anIamSlice({ credentialReport: reportWith(u) }));

const cases: [string, Snapshot, string[]][] = [
  ['generic console user', users(aReportUser('admin', { passwordEnabled: true })), ['FAIL']],
  ['generic programmatic user', users(aReportUser('ci-deploy', withKey(10, 1))), ['MANUAL']],
  ['only personal names', users(aReportUser('alice.smith', { passwordEnabled: true })), ['MANUAL']],
  ['no IAM users', users(), ['MANUAL']],
  ['mixed', users(aReportUser('alice'), aReportUser('shared', { passwordEnabled: true }), aReportUser('user1')), ['FAIL', 'MANUAL']],
  ['credential report denied', iamSnapshot(anIamSlice({ credentialReport: denied('iam', 'GetCredentialReport') })), ['UNKNOWN']],
];

describe('iam_no_shared_generic_users', () => {
  it.each(cases)('%s => %j', (_label, snapshot, statuses) => {
    expect(iamNoSharedGenericUsers.evaluate(snapshot).map((o) => o.status)).toEqual(statuses);
  });

  it.each([
    ['admin', true],
    ['Administrator', true],
    ['user1', true],
    ['dev-team', true],
    ['shared_admin', true],
    ['test', true],
    ['alice-admin', false],
    ['jsmith', false],
    ['12345', false],
  ])('isGenericUserName(%s) = %s', (name, expected) => {
    expect(isGenericUserName(name)).toBe(expected);
  });
});
