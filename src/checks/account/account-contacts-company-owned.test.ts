import { describe, expect, it } from 'vitest';
import { aContact, anAccountSlice, anOrganization } from '../../../test/helpers/identity-fixtures.js';
import { ACCOUNT_A, aSnapshot, anAccount, denied, observed } from '../../../test/helpers/snapshot-builder.js';
import type { Observed } from '../../core/observed.js';
import type { Snapshot } from '../../core/snapshot.js';
import type { AccountSlice } from '../../core/slices/account.js';
import { accountContactsCompanyOwned, isFreeMailDomain } from './account-contacts-company-owned.js';

const snap = (slice: AccountSlice | Observed<AccountSlice>, overrides: Partial<Snapshot> = {}) =>
  aSnapshot({ accounts: [anAccount({ global: { account: 'ok' in slice ? slice : observed(slice) } })], ...overrides });
const DENIED = denied<null>('account', 'GetAlternateContact');

const cases: [string, Snapshot, string][] = [
  ['company domain => a person confirms', snap(anAccountSlice()), 'MANUAL'],
  ['gmail security contact', snap(anAccountSlice({ SECURITY: observed(aContact('jane.doe@gmail.com')) })), 'FAIL'],
  ['yahoo country domain', snap(anAccountSlice({ BILLING: observed(aContact('pay@yahoo.co.uk')) })), 'FAIL'],
  [
    'root email on hotmail (org account list)',
    snap(anAccountSlice(), {
      organization: observed(anOrganization({ accounts: observed([{ id: ACCOUNT_A, name: 'prod', email: 'founder@hotmail.com', status: 'ACTIVE', joinedMethod: 'INVITED' }]) })),
    }),
    'FAIL',
  ],
  ['no contacts set', snap(anAccountSlice({ BILLING: observed(null), OPERATIONS: observed(null), SECURITY: observed(null) })), 'MANUAL'],
  ['every contact unreadable', snap(anAccountSlice({ BILLING: DENIED, OPERATIONS: DENIED, SECURITY: DENIED }, denied('account', 'GetContactInformation'))), 'UNKNOWN'],
  ['collector failed', snap(denied('account', 'GetAlternateContact')), 'UNKNOWN'],
];

describe('account_contacts_company_owned', () => {
  it.each(cases)('%s => %s', (_label, snapshot, status) => {
    expect(accountContactsCompanyOwned.evaluate(snapshot).map((o) => o.status)).toEqual([status]);
  });

  it('never passes on the heuristic and lists the domains', () => {
    const [outcome] = accountContactsCompanyOwned.evaluate(snap(anAccountSlice()));
    expect(outcome?.status).not.toBe('PASS');
    expect(outcome?.evidence.domains).toEqual(['example.com']);
  });

  it.each([
    ['gmail.com', true],
    ['outlook.com', true],
    ['hotmail.fr', true],
    ['proton.me', true],
    ['example.com', false],
    ['corp-outlook.com', false],
  ])('isFreeMailDomain(%s) = %s', (domain, expected) => {
    expect(isFreeMailDomain(domain)).toBe(expected);
  });
});
