import { describe, expect, it } from 'vitest';
import { aReportUser, anIamSlice, iamSnapshot, reportWith, withKey } from '../../../test/helpers/identity-fixtures.js';
import { denied } from '../../../test/helpers/snapshot-builder.js';
import type { Snapshot } from '../../core/snapshot.js';
import { iamUserAccesskeyUnused } from './iam-user-accesskey-unused.js';

const users = (...u: ReturnType<typeof aReportUser>[]) => iamSnapshot(anIamSlice({ credentialReport: reportWith(u) }));

const cases: [string, Snapshot, string[]][] = [
  ['key used yesterday', users(aReportUser('svc', withKey(200, 1))), ['PASS']],
  ['key used 60 days ago', users(aReportUser('svc', withKey(200, 60))), ['FAIL']],
  ['key never used, created 100 days ago', users(aReportUser('svc', withKey(100, null))), ['FAIL']],
  ['key never used, created 5 days ago', users(aReportUser('svc', withKey(5, null))), ['PASS']],
  ['no active keys', users(aReportUser('alice')), ['NOT_APPLICABLE']],
  ['credential report denied', iamSnapshot(anIamSlice({ credentialReport: denied('iam', 'GetCredentialReport') })), ['UNKNOWN']],
];

describe('iam_user_accesskey_unused', () => {
  it.each(cases)('%s => %j', (_label, snapshot, statuses) => {
    expect(iamUserAccesskeyUnused.evaluate(snapshot).map((o) => o.status)).toEqual(statuses);
  });

  it('says when a key was never used', () => {
    const [outcome] = iamUserAccesskeyUnused.evaluate(users(aReportUser('svc', withKey(100, null))));
    expect(outcome?.message).toContain('never used');
  });
});
