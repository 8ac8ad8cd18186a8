import { describe, expect, it } from 'vitest';
import { anOrganization } from '../../../test/helpers/identity-fixtures.js';
import { ACCOUNT_A, ACCOUNT_B, aSnapshot, anAccount, denied, observed } from '../../../test/helpers/snapshot-builder.js';
import type { Snapshot } from '../../core/snapshot.js';
import { organizationsAccountPartOfOrganization } from './organizations-account-part-of-organization.js';

const cases: [string, Snapshot, string[]][] = [
  ['member of an organization', aSnapshot({ organization: observed(anOrganization()) }), ['PASS']],
  ['standalone account', aSnapshot({ organization: observed(null) }), ['FAIL']],
  ['organization unreadable', aSnapshot({ organization: denied('organizations', 'DescribeOrganization') }), ['UNKNOWN']],
  [
    'organization scan: one outcome per account',
    aSnapshot({
      organization: observed(anOrganization({ managementAccountId: ACCOUNT_A })),
      accounts: [anAccount({ accountId: ACCOUNT_A }), anAccount({ accountId: ACCOUNT_B })],
    }),
    ['PASS', 'PASS'],
  ],
];

describe('organizations_account_part_of_organization', () => {
  it.each(cases)('%s => %j', (_label, snapshot, statuses) => {
    expect(organizationsAccountPartOfOrganization.evaluate(snapshot).map((o) => o.status)).toEqual(statuses);
  });

  it('tells the management account from members', () => {
    const outcomes = organizationsAccountPartOfOrganization.evaluate(
      aSnapshot({
        organization: observed(anOrganization({ managementAccountId: ACCOUNT_A })),
        accounts: [anAccount({ accountId: ACCOUNT_A }), anAccount({ accountId: ACCOUNT_B })],
      }),
    );
    expect(outcomes.map((o) => o.evidence.role)).toEqual(['the management account', 'a member account']);
  });
});
