import { describe, expect, it } from 'vitest';
import { aRoot, anIamSlice, anOrganization, iamSnapshot, reportWith } from '../../../test/helpers/identity-fixtures.js';
import { ACCOUNT_A, denied, observed } from '../../../test/helpers/snapshot-builder.js';
import type { Snapshot } from '../../core/snapshot.js';
import { iamRootMfaEnabled } from './iam-root-mfa-enabled.js';

const summary = (mfa: boolean) => observed({ accountMfaEnabled: mfa, accountAccessKeysPresent: false, users: 0, roles: 0 });
const central = { organization: observed(anOrganization({ centralizedRootCredentials: observed(true) })) };

const cases: [string, Snapshot, string][] = [
  ['summary says MFA on', iamSnapshot(anIamSlice({ accountSummary: summary(true) })), 'PASS'],
  ['summary says MFA off', iamSnapshot(anIamSlice({ accountSummary: summary(false) })), 'FAIL'],
  [
    'summary denied, report root row has MFA',
    iamSnapshot(anIamSlice({ accountSummary: denied('iam', 'GetAccountSummary'), credentialReport: reportWith([], aRoot({ mfaActive: true })) })),
    'PASS',
  ],
  [
    'summary denied, no root row (moto)',
    iamSnapshot(anIamSlice({ accountSummary: denied('iam', 'GetAccountSummary'), credentialReport: reportWith([], null) })),
    'UNKNOWN',
  ],
  ['whole IAM slice failed', iamSnapshot(denied('iam', 'GetAccountSummary')), 'UNKNOWN'],
  ['member account with centralized root access', iamSnapshot(anIamSlice({ accountSummary: summary(false) }), central), 'PASS'],
  [
    'management account with centralized root access is still checked',
    iamSnapshot(anIamSlice({ accountSummary: summary(false) }), {
      organization: observed(anOrganization({ managementAccountId: ACCOUNT_A, centralizedRootCredentials: observed(true) })),
    }),
    'FAIL',
  ],
];

describe('iam_root_mfa_enabled', () => {
  it.each(cases)('%s => %s', (_label, snapshot, status) => {
    const outcomes = iamRootMfaEnabled.evaluate(snapshot);
    expect(outcomes.map((o) => o.status)).toEqual([status]);
  });

  it('tells virtual from hardware MFA', () => {
    const virtual = iamRootMfaEnabled.evaluate(
      iamSnapshot(anIamSlice({ virtualMfaDevices: observed([{ serialNumber: 'arn:aws:iam::111111111111:mfa/root-account-mfa-device', userArn: 'arn:aws:iam::111111111111:root' }]) })),
    );
    expect(virtual[0]?.evidence.mfaType).toBe('virtual');
    const hardware = iamRootMfaEnabled.evaluate(iamSnapshot(anIamSlice()));
    expect(hardware[0]?.evidence.mfaType).toBe('hardware-or-passkey');
    expect(hardware[0]?.message).toContain(ACCOUNT_A);
  });

  it('names centralized root access as the reason', () => {
    const [outcome] = iamRootMfaEnabled.evaluate(iamSnapshot(anIamSlice({ accountSummary: summary(false) }), central));
    expect(outcome?.message).toMatch(/centrally/);
  });
});
