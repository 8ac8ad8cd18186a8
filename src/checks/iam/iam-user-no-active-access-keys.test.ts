import { describe, expect, it } from 'vitest';
import { aReportUser, anIamSlice, iamSnapshot, reportWith, withKey } from '../../../test/helpers/identity-fixtures.js';
import { denied } from '../../../test/helpers/snapshot-builder.js';
import type { Snapshot } from '../../core/snapshot.js';
import { iamUserNoActiveAccessKeys } from './iam-user-no-active-access-keys.js';

const users = (...u: ReturnType<typeof aReportUser>[]) => iamSnapshot(anIamSlice({ credentialReport: reportWith(u) }));

const cases: [string, Snapshot, string[]][] = [
  ['user without keys', users(aReportUser('alice', { passwordEnabled: true })), ['PASS']],
  ['console user with keys', users(aReportUser('bob', { passwordEnabled: true, ...withKey(10, 1) })), ['FAIL']],
  ['programmatic user with keys', users(aReportUser('legacy-sync', withKey(10, 1))), ['MANUAL']],
  ['no IAM users at all', users(), ['PASS']],
  ['credential report denied', iamSnapshot(anIamSlice({ credentialReport: denied('iam', 'GetCredentialReport') })), ['UNKNOWN']],
];

describe('iam_user_no_active_access_keys', () => {
  it.each(cases)('%s => %j', (_label, snapshot, statuses) => {
    expect(iamUserNoActiveAccessKeys.evaluate(snapshot).map((o) => o.status)).toEqual(statuses);
  });

  it('never puts key ids in the evidence', () => {
    const [outcome] = iamUserNoActiveAccessKeys.evaluate(users(aReportUser('legacy-sync', withKey(10, 1))));
    expect(JSON.stringify(outcome?.evidence)).not.toMatch(/AKIA/);
    expect(outcome?.evidence.activeAccessKeys).toHaveLength(1);
  });
});
