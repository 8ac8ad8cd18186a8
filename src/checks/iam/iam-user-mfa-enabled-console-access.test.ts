import { describe, expect, it } from 'vitest';
import { aReportUser, anIamSlice, iamSnapshot, reportWith } from '../../../test/helpers/identity-fixtures.js';
import { denied } from '../../../test/helpers/snapshot-builder.js';
import type { Snapshot } from '../../core/snapshot.js';
import { iamUserMfaEnabledConsoleAccess } from './iam-user-mfa-enabled-console-access.js';

const users = (...u: ReturnType<typeof aReportUser>[]) => iamSnapshot(anIamSlice({ credentialReport: reportWith(u) }));

const cases: [string, Snapshot, string[]][] = [
  ['console user with MFA', users(aReportUser('alice', { passwordEnabled: true, mfaActive: true })), ['PASS']],
  ['console user without MFA', users(aReportUser('bob', { passwordEnabled: true, mfaActive: false })), ['FAIL']],
  [
    'programmatic user is not reported',
    users(aReportUser('ci-bot'), aReportUser('alice', { passwordEnabled: true, mfaActive: true })),
    ['PASS'],
  ],
  ['no console users', users(aReportUser('ci-bot')), ['NOT_APPLICABLE']],
  ['credential report denied', iamSnapshot(anIamSlice({ credentialReport: denied('iam', 'GetCredentialReport') })), ['UNKNOWN']],
];

describe('iam_user_mfa_enabled_console_access', () => {
  it.each(cases)('%s => %j', (_label, snapshot, statuses) => {
    expect(iamUserMfaEnabledConsoleAccess.evaluate(snapshot).map((o) => o.status)).toEqual(statuses);
  });

  it('reports the user as the resource', () => {
    const [outcome] = iamUserMfaEnabledConsoleAccess.evaluate(users(aReportUser('bob', { passwordEnabled: true })));
    expect(outcome).toMatchObject({ resourceType: 'AWS::IAM::User', resourceId: 'bob', resourceArn: 'arn:aws:iam::111111111111:user/bob' });
    expect(outcome?.message).toContain('bob');
  });
});
