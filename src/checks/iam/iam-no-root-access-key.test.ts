import { describe, expect, it } from 'vitest';
import { NO_ROOT_CREDENTIALS, aRoot, aSummary, anIamSlice, anOrganization, iamSnapshot, reportWith } from '../../../test/helpers/identity-fixtures.js';
import { denied, observed } from '../../../test/helpers/snapshot-builder.js';
import type { Snapshot } from '../../core/snapshot.js';
import { iamNoRootAccessKey } from './iam-no-root-access-key.js';

const summary = (keys: boolean) => observed(aSummary({ accountAccessKeysPresent: keys }));
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
  // issue 7 §2.1: centralized root access does not delete keys that already exist.
  [
    'centralized root access, but root keys remain',
    iamSnapshot(anIamSlice({ accountSummary: summary(true) }), {
      organization: observed(anOrganization({ centralizedRootCredentials: observed(true) })),
    }),
    'FAIL',
  ],
  [
    'centralized root access, root credentials shown absent',
    iamSnapshot(anIamSlice({ accountSummary: observed(aSummary(NO_ROOT_CREDENTIALS)) }), {
      organization: observed(anOrganization({ centralizedRootCredentials: observed(true) })),
    }),
    'PASS',
  ],
  [
    'centralized root access, nothing readable',
    iamSnapshot(anIamSlice({ accountSummary: denied('iam', 'GetAccountSummary'), credentialReport: denied('iam', 'GetCredentialReport') }), {
      organization: observed(anOrganization({ centralizedRootCredentials: observed(true) })),
    }),
    'UNKNOWN',
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
