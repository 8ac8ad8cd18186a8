import { describe, expect, it } from 'vitest';
import { aReportUser, anIamSlice, daysAgo, iamSnapshot, reportWith } from '../../../test/helpers/identity-fixtures.js';
import { denied } from '../../../test/helpers/snapshot-builder.js';
import type { Snapshot } from '../../core/snapshot.js';
import { iamUserConsoleAccessUnused } from './iam-user-console-access-unused.js';

const users = (...u: ReturnType<typeof aReportUser>[]) => iamSnapshot(anIamSlice({ credentialReport: reportWith(u) }));

const cases: [string, Snapshot, string[]][] = [
  ['signed in 2 days ago', users(aReportUser('alice', { passwordEnabled: true, passwordLastUsed: daysAgo(2) })), ['PASS']],
  ['signed in 100 days ago', users(aReportUser('bob', { passwordEnabled: true, passwordLastUsed: daysAgo(100) })), ['FAIL']],
  ['never signed in, password set 60 days ago', users(aReportUser('carol', { passwordEnabled: true, passwordLastChanged: daysAgo(60) })), ['FAIL']],
  ['never signed in, password set 3 days ago', users(aReportUser('dave', { passwordEnabled: true, passwordLastChanged: daysAgo(3) })), ['PASS']],
  ['no dates at all', users(aReportUser('eve', { passwordEnabled: true, userCreationTime: null })), ['UNKNOWN']],
  ['no console users', users(aReportUser('ci')), ['NOT_APPLICABLE']],
  ['credential report denied', iamSnapshot(anIamSlice({ credentialReport: denied('iam', 'GetCredentialReport') })), ['UNKNOWN']],
];

describe('iam_user_console_access_unused', () => {
  it.each(cases)('%s => %j', (_label, snapshot, statuses) => {
    expect(iamUserConsoleAccessUnused.evaluate(snapshot).map((o) => o.status)).toEqual(statuses);
  });
});
