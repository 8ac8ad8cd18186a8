import { describe, expect, it } from 'vitest';
import { NO_ROOT_CREDENTIALS, aRoot, aSummary, anIamSlice, anOrganization, daysAgo, iamSnapshot, reportWith } from '../../../test/helpers/identity-fixtures.js';
import { denied, observed } from '../../../test/helpers/snapshot-builder.js';
import type { Snapshot } from '../../core/snapshot.js';
import { iamAvoidRootUsage } from './iam-avoid-root-usage.js';

const withRoot = (root: Parameters<typeof aRoot>[0] | null) =>
  iamSnapshot(anIamSlice({ credentialReport: reportWith([], root === null ? null : aRoot(root)) }));

const cases: [string, Snapshot, string][] = [
  ['root never used', withRoot({}), 'PASS'],
  ['root signed in 200 days ago', withRoot({ passwordLastUsed: daysAgo(200) }), 'PASS'],
  ['root signed in 3 days ago', withRoot({ passwordLastUsed: daysAgo(3) }), 'MANUAL'],
  ['root key used 10 days ago', withRoot({ accessKeys: [{ slot: 1, active: true, lastRotated: daysAgo(500), lastUsed: daysAgo(10) }] }), 'FAIL'],
  ['no root row (moto)', withRoot(null), 'UNKNOWN'],
  ['credential report denied', iamSnapshot(anIamSlice({ credentialReport: denied('iam', 'GetCredentialReport') })), 'UNKNOWN'],
  // issue 7 §2.1: centralization alone proves nothing about root use; the report and summary decide.
  [
    'centralized root access, root signed in 3 days ago',
    iamSnapshot(anIamSlice({ credentialReport: reportWith([], aRoot({ passwordLastUsed: daysAgo(3) })) }), {
      organization: observed(anOrganization({ centralizedRootCredentials: observed(true) })),
    }),
    'MANUAL',
  ],
  [
    'centralized root access, no root row, root credentials shown absent',
    iamSnapshot(anIamSlice({ credentialReport: reportWith([], null), accountSummary: observed(aSummary(NO_ROOT_CREDENTIALS)) }), {
      organization: observed(anOrganization({ centralizedRootCredentials: observed(true) })),
    }),
    'PASS',
  ],
  [
    'centralized root access, no root row, root password present',
    iamSnapshot(anIamSlice({ credentialReport: reportWith([], null) }), {
      organization: observed(anOrganization({ centralizedRootCredentials: observed(true) })),
    }),
    'UNKNOWN',
  ],
];

describe('iam_avoid_root_usage', () => {
  it.each(cases)('%s => %s', (_label, snapshot, status) => {
    expect(iamAvoidRootUsage.evaluate(snapshot).map((o) => o.status)).toEqual([status]);
  });

  it('says how long ago root signed in', () => {
    const [outcome] = iamAvoidRootUsage.evaluate(withRoot({ passwordLastUsed: daysAgo(3) }));
    expect(outcome?.message).toContain('3 days ago');
  });
});
