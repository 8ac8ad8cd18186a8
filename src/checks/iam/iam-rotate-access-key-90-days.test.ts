import { describe, expect, it } from 'vitest';
import { aReportUser, anIamSlice, iamSnapshot, reportWith, withKey } from '../../../test/helpers/identity-fixtures.js';
import { denied } from '../../../test/helpers/snapshot-builder.js';
import type { Snapshot } from '../../core/snapshot.js';
import { iamRotateAccessKey90Days } from './iam-rotate-access-key-90-days.js';

const users = (...u: ReturnType<typeof aReportUser>[]) => iamSnapshot(anIamSlice({ credentialReport: reportWith(u) }));

const cases: [string, Snapshot, string[]][] = [
  ['key rotated 30 days ago', users(aReportUser('svc', withKey(30, 1))), ['PASS']],
  ['key rotated 120 days ago', users(aReportUser('svc', withKey(120, 1))), ['FAIL']],
  ['key with no rotation date and no creation date', users(aReportUser('svc', { userCreationTime: null, accessKeys: [{ slot: 1, active: true, lastRotated: null, lastUsed: null }] })), ['UNKNOWN']],
  ['no active keys', users(aReportUser('alice')), ['NOT_APPLICABLE']],
  ['credential report denied', iamSnapshot(anIamSlice({ credentialReport: denied('iam', 'GetCredentialReport') })), ['UNKNOWN']],
];

describe('iam_rotate_access_key_90_days', () => {
  it.each(cases)('%s => %j', (_label, snapshot, statuses) => {
    expect(iamRotateAccessKey90Days.evaluate(snapshot).map((o) => o.status)).toEqual(statuses);
  });

  it('names the stale key and its age', () => {
    const [outcome] = iamRotateAccessKey90Days.evaluate(users(aReportUser('svc', withKey(120, 1))));
    expect(outcome?.message).toContain('key 1 (120 days)');
  });
});
