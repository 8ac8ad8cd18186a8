import { describe, expect, it } from 'vitest';
import { aRoot, anIamSlice, anOrganization, iamSnapshot, reportWith } from '../../../test/helpers/identity-fixtures.js';
import { denied, observed } from '../../../test/helpers/snapshot-builder.js';
import type { Snapshot } from '../../core/snapshot.js';
import { iamNoRootAccessKey } from './iam-no-root-access-key.js';

const summary = (keys: boolean) => observed({ accountMfaEnabled: true, accountAccessKeysPresent: keys, users: 0, roles: 0 });
const activeRootKey = aRoot({ accessKeys: [{ slot: 1, active: true, lastRotated: null, lastUsed: null }] });

const cases: [string, Snapshot, string][] = [
  ['no root keys', iamSnapshot(anIamSlice({ accountSummary: summary(false) })), 'PASS'],
  ['root keys present', iamSnapshot(anIamSlice({ accountSummary: summary(true) })), 'FAIL'],
  [
    'summary denied, report shows an active root key',
    iamSnapshot(anIamSlice({ accountSummary: denied('iam', 'GetAccountSummary'), credentialReport: reportWith([], activeRootKey) })),
    'FAIL',
  ],
  [
    'summary and report both unreadable',
    iamSnapshot(anIamSlice({ accountSummary: denied('iam', 'GetAccountSummary'), credentialReport: denied('iam', 'GetCredentialReport') })),
    'UNKNOWN',
  ],
  [
    'member account with centralized root access',
    iamSnapshot(anIamSlice({ accountSummary: summary(true) }), {
      organization: observed(anOrganization({ centralizedRootCredentials: observed(true) })),
    }),
    'PASS',
  ],
  [
    'centralized root access unreadable falls back to the account',
    iamSnapshot(anIamSlice({ accountSummary: summary(true) }), {
      organization: observed(anOrganization({ centralizedRootCredentials: denied('iam', 'ListOrganizationsFeatures') })),
    }),
    'FAIL',
  ],
];

describe('iam_no_root_access_key', () => {
  it.each(cases)('%s => %s', (_label, snapshot, status) => {
    expect(iamNoRootAccessKey.evaluate(snapshot).map((o) => o.status)).toEqual([status]);
  });
});
