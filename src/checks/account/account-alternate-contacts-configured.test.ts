import { describe, expect, it } from 'vitest';
import { anAccountSlice } from '../../../test/helpers/identity-fixtures.js';
import { aSnapshot, anAccount, denied, observed } from '../../../test/helpers/snapshot-builder.js';
import type { Observed } from '../../core/observed.js';
import type { AccountSlice } from '../../core/slices/account.js';
import { accountAlternateContactsConfigured } from './account-alternate-contacts-configured.js';

const snap = (slice: AccountSlice | Observed<AccountSlice>) =>
  aSnapshot({ accounts: [anAccount({ global: { account: 'ok' in slice ? slice : observed(slice) } })] });

const cases: [string, AccountSlice | Observed<AccountSlice>, string][] = [
  ['all three set', anAccountSlice(), 'PASS'],
  ['security contact missing', anAccountSlice({ SECURITY: observed(null) }), 'FAIL'],
  ['one missing, one denied', anAccountSlice({ BILLING: observed(null), OPERATIONS: denied('account', 'GetAlternateContact') }), 'FAIL'],
  ['one denied, rest set', anAccountSlice({ OPERATIONS: denied('account', 'GetAlternateContact') }), 'UNKNOWN'],
  ['collector failed', denied('account', 'GetAlternateContact'), 'UNKNOWN'],
];

describe('account_alternate_contacts_configured', () => {
  it.each(cases)('%s => %s', (_label, slice, status) => {
    expect(accountAlternateContactsConfigured.evaluate(snap(slice)).map((o) => o.status)).toEqual([status]);
  });

  it('names the missing contacts', () => {
    const [outcome] = accountAlternateContactsConfigured.evaluate(snap(anAccountSlice({ BILLING: observed(null), SECURITY: observed(null) })));
    expect(outcome?.message).toBe('Account 111111111111 has no BILLING, SECURITY alternate contact.');
    expect(outcome?.evidence.missing).toEqual(['BILLING', 'SECURITY']);
  });
});
