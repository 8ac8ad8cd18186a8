/** FTR ARC-001..005 (+ legacy ARC-002), ACOM-001/002 and their competency twins 1.1, 1.2. */
import { observed } from '../../../src/core/observed.js';
import { aContact, aRoot, aSummary, NO_ROOT_CREDENTIALS } from '../../helpers/identity-fixtures.js';
import { deniedRead, global, snapshotWith } from '../mutations.js';
import { attest, COMP, FTR, type Scenario } from '../scenario.js';
import { iam, iamDenied, organization } from '../fixtures.js';
import { standard } from './standard.js';

const daysAgoIso = (n: number): string => new Date(Date.parse('2026-11-01T10:00:00Z') - n * 86_400_000).toISOString();

const rootUsedLastWeek = iam((s) => ({ ...s, credentialReport: observed({ generatedAt: daysAgoIso(0), root: aRoot({ passwordLastUsed: daysAgoIso(6), accessKeys: [{ slot: 1, active: true, lastRotated: daysAgoIso(300), lastUsed: daysAgoIso(3) }, { slot: 2, active: false, lastRotated: null, lastUsed: null }] }), users: [] }) }));
const rootKeyUnused = iam((s) => ({
  ...s,
  accountSummary: observed(aSummary({ accountAccessKeysPresent: true })),
  credentialReport: observed({ generatedAt: daysAgoIso(0), root: aRoot({ accessKeys: [{ slot: 1, active: true, lastRotated: daysAgoIso(900), lastUsed: null }, { slot: 2, active: false, lastRotated: null, lastUsed: null }] }), users: [] }),
}));
const rootKeyActive = iam((s) => ({
  ...s,
  accountSummary: observed(aSummary({ accountAccessKeysPresent: true })),
  credentialReport: observed({ generatedAt: daysAgoIso(0), root: aRoot({ accessKeys: [{ slot: 1, active: true, lastRotated: daysAgoIso(900), lastUsed: daysAgoIso(2) }, { slot: 2, active: false, lastRotated: null, lastUsed: null }] }), users: [] }),
}));
const noRootMfa = iam((s) => ({ ...s, accountSummary: observed(aSummary({ accountMfaEnabled: false })), credentialReport: observed({ generatedAt: daysAgoIso(0), root: aRoot({ mfaActive: false }), users: [] }) }));
const rootUnreadable = [iamDenied('accountSummary', 'GetAccountSummary'), iamDenied('credentialReport', 'GetCredentialReport')];
const centralized = organization((o) => ({ ...o, centralizedRootCredentials: observed(true) }));
const noRootCredentials = iam((s) => ({ ...s, accountSummary: observed(aSummary(NO_ROOT_CREDENTIALS)), credentialReport: observed({ generatedAt: daysAgoIso(0), root: aRoot({ mfaActive: false }), users: [] }) }));

export const scenarios: Scenario[] = [
  ...standard(FTR, 'ARC-001'),
  { framework: FTR, item: 'ARC-001', kind: 'not-met', name: 'root signed in last week and its access key was used 3 days ago', mutations: [rootUsedLastWeek], reason: 'iam_avoid_root_usage' },
  { framework: FTR, item: 'ARC-001', kind: 'unknown', name: 'credential report denied', mutations: rootUnreadable },

  ...standard(FTR, 'ARC-003'),
  { framework: FTR, item: 'ARC-003', kind: 'not-met', name: 'root has a password and no MFA', mutations: [noRootMfa], reason: 'has no MFA device' },
  { framework: FTR, item: 'ARC-003', kind: 'unknown', name: 'GetAccountSummary and the credential report denied', mutations: rootUnreadable },
  {
    framework: FTR, item: 'ARC-003', kind: 'unknown',
    name: 'issue 7 §2.1: centralized root access, but the root credentials could not be read (no PASS on centralization alone)',
    mutations: [centralized, ...rootUnreadable],
  },
  {
    framework: FTR, item: 'ARC-003', kind: 'needs-evidence',
    name: 'issue 7 §2.1: centralized root access, but the root user still has a password and no MFA',
    mutations: [centralized, noRootMfa], reason: 'still has credentials',
  },
  { framework: FTR, item: 'ARC-003', kind: 'met', name: 'centralized root access and the root user has no credentials at all', mutations: [centralized, noRootCredentials] },
  {
    framework: FTR, item: 'ARC-003', kind: 'needs-evidence',
    name: 'issue 7 §2: Organization-created member account whose root password was never recovered (MANUAL, not FAIL)',
    mutations: [noRootCredentials], reason: 'created by AWS Organizations',
  },
  {
    framework: FTR, item: 'ARC-003', kind: 'met',
    name: 'Organization-created member account, root mailbox control attested',
    mutations: [noRootCredentials], attest: attest('ARC-003'),
  },

  ...standard(FTR, 'ARC-004'),
  { framework: FTR, item: 'ARC-004', kind: 'not-met', name: 'root has an active access key', mutations: [rootKeyActive], reason: 'iam_no_root_access_key' },
  { framework: FTR, item: 'ARC-004', kind: 'unknown', name: 'root credentials could not be read', mutations: rootUnreadable },
  { framework: FTR, item: 'ARC-004', kind: 'unknown', name: 'issue 7 §2.1: centralized root access without reading the credentials', mutations: [centralized, ...rootUnreadable] },

  ...standard(FTR, 'ARC-005'),

  ...standard(FTR, 'ARC-002'),
  {
    framework: FTR, item: 'ARC-002', kind: 'alternative',
    name: 'a standalone account (no Organization), separation of environments attested another way',
    mutations: [snapshotWith((s) => ({ ...s, organization: observed(null) }))],
  },
  { framework: FTR, item: 'ARC-002', kind: 'unseen', name: 'DescribeOrganization denied', mutations: [snapshotWith((s) => ({ ...s, organization: deniedRead('organizations', 'DescribeOrganization') }))], attest: null },

  ...standard(FTR, 'ACOM-001'),
  {
    framework: FTR, item: 'ACOM-001', kind: 'not-met', name: 'no security alternate contact',
    mutations: [global('account', (a) => ({ ...a, alternateContacts: { ...a.alternateContacts, SECURITY: observed(null) } }))], reason: 'account_alternate_contacts_configured',
  },
  {
    framework: FTR, item: 'ACOM-001', kind: 'unknown', name: 'GetAlternateContact denied',
    mutations: [global('account', (a) => ({ ...a, alternateContacts: { ...a.alternateContacts, SECURITY: deniedRead('account', 'GetAlternateContact') } }))],
  },

  ...standard(FTR, 'ACOM-002'),
  {
    framework: FTR, item: 'ACOM-002', kind: 'not-met', name: 'the security contact is a personal gmail.com address',
    mutations: [global('account', (a) => ({ ...a, alternateContacts: { ...a.alternateContacts, SECURITY: observed(aContact('jane.doe@gmail.com')) } }))], reason: 'account_contacts_company_owned',
  },
  { framework: FTR, item: 'ACOM-002', kind: 'unknown', name: 'the account slice could not be read', mutations: [snapshotWith((s) => s), global('account', () => deniedRead('account', 'GetAlternateContact'))] },

  ...standard(COMP, '1.1'),
  { framework: COMP, item: '1.1', kind: 'not-met', name: 'root access key used 3 days ago', mutations: [rootUsedLastWeek] },
  { framework: COMP, item: '1.1', kind: 'alternative', name: 'an unused root access key kept in a vault, explained in the attestation', mutations: [rootKeyUnused] },
  { framework: COMP, item: '1.1', kind: 'unknown', name: 'credential report denied', mutations: rootUnreadable },

  ...standard(COMP, '1.2'),
  { framework: COMP, item: '1.2', kind: 'not-met', name: 'root has a password and no MFA', mutations: [noRootMfa] },
  { framework: COMP, item: '1.2', kind: 'unknown', name: 'root MFA could not be read', mutations: rootUnreadable },
];
