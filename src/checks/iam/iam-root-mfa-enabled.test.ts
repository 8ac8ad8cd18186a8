import { describe, expect, it } from 'vitest';
import { NO_ROOT_CREDENTIALS, aRoot, aSummary, anIamSlice, anOrganization, iamSnapshot, reportWith } from '../../../test/helpers/identity-fixtures.js';
import { ACCOUNT_A, denied, observed } from '../../../test/helpers/snapshot-builder.js';
import type { Snapshot } from '../../core/snapshot.js';
import { iamRootMfaEnabled } from './iam-root-mfa-enabled.js';

const summary = (mfa: boolean) => observed(aSummary({ accountMfaEnabled: mfa }));
const central = { organization: observed(anOrganization({ centralizedRootCredentials: observed(true) })) };
/** The organization lists the scanned account (ACCOUNT_A) as created by Organizations. */
const createdMember = (centralized: boolean) => ({
  organization: observed(
    anOrganization({
      centralizedRootCredentials: observed(centralized),
      accounts: observed([{ id: ACCOUNT_A, name: 'workload', email: 'aws-workload@example.com', status: 'ACTIVE', joinedMethod: 'CREATED' }]),
    }),
  ),
});
const noRootCredentials = observed(aSummary(NO_ROOT_CREDENTIALS));

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
  // issue 7 §2.1: centralization does not delete existing root credentials; read them first.
  ['centralized root access, root credentials shown absent', iamSnapshot(anIamSlice({ accountSummary: noRootCredentials }), central), 'PASS'],
  ['centralized root access, but a root password without MFA remains', iamSnapshot(anIamSlice({ accountSummary: summary(false) }), central), 'MANUAL'],
  ['centralized root access, root MFA on', iamSnapshot(anIamSlice({ accountSummary: summary(true) }), central), 'PASS'],
  ['centralized root access, summary and report unreadable', iamSnapshot(anIamSlice({ accountSummary: denied('iam', 'GetAccountSummary'), credentialReport: denied('iam', 'GetCredentialReport') }), central), 'UNKNOWN'],
  // issue 7 §2 "Also": ARC-003 excuses Organization-created accounts whose root password was never recovered.
  ['Organization-created member, root password never recovered', iamSnapshot(anIamSlice({ accountSummary: noRootCredentials }), createdMember(false)), 'MANUAL'],
  ['Organization-created member whose root password was recovered, no MFA', iamSnapshot(anIamSlice({ accountSummary: summary(false) }), createdMember(false)), 'FAIL'],
  ['older snapshot without AccountPasswordPresent, no MFA', iamSnapshot(anIamSlice({ accountSummary: observed(aSummary({ accountMfaEnabled: false, accountPasswordPresent: null })) }), createdMember(false)), 'FAIL'],
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
    const [outcome] = iamRootMfaEnabled.evaluate(iamSnapshot(anIamSlice({ accountSummary: noRootCredentials }), central));
    expect(outcome?.message).toMatch(/centraliz/);
  });

  it('says why a never-recovered root password is excused and what to confirm', () => {
    const [outcome] = iamRootMfaEnabled.evaluate(iamSnapshot(anIamSlice({ accountSummary: noRootCredentials }), createdMember(false)));
    expect(outcome?.message).toContain('created by AWS Organizations');
    expect(outcome?.message).toContain('ARC-003');
    expect(outcome?.evidence).toMatchObject({ accountPasswordPresent: false, joinedMethod: 'CREATED' });
  });
});
