import { describe, expect, it } from 'vitest';
import type { CostsSlice } from '../core/slices/costs.js';
import { anIamSlice, anOrganization } from '../../test/helpers/identity-fixtures.js';
import { anAccount, aSnapshot, ACCOUNT_A, ACCOUNT_B, denied, observed } from '../../test/helpers/snapshot-builder.js';
import { buildAccountNames } from './account-names.js';
import { buildCostSummary, buildInventory } from './inventory.js';

const PAYER = ACCOUNT_A;
const MEMBER = ACCOUNT_B;
const org = observed(
  anOrganization({
    managementAccountId: PAYER,
    accounts: observed([
      { id: PAYER, name: 'Management', email: 'm@example.com', status: 'ACTIVE', joinedMethod: 'CREATED' },
      { id: MEMBER, name: 'Workload prod', email: 'p@example.com', status: 'ACTIVE', joinedMethod: 'INVITED' },
    ]),
  }),
);

const payerRead: CostsSlice = {
  monthly: observed({
    period: { start: '2026-10-01', end: '2026-11-01' },
    lines: [
      { accountId: PAYER, service: 'AWS CloudTrail', amount: 1, currency: 'USD' },
      { accountId: MEMBER, service: 'AWS Lambda', amount: 12, currency: 'USD' },
    ],
    previous: { period: { start: '2026-09-01', end: '2026-10-01' }, lines: [{ accountId: MEMBER, service: 'AWS Lambda', amount: 10, currency: 'USD' }] },
  }),
  resources: denied('ce', 'GetCostAndUsageWithResources', 'not_subscribed'),
};
const leftToPayer: CostsSlice = { monthly: observed(null), resources: observed(null) };

describe('costs read once from the payer', () => {
  it("answers every member from the management account's read, with its source and the month before", () => {
    const snapshot = aSnapshot({
      organization: org,
      accounts: [anAccount({ accountId: PAYER, global: { costs: observed(payerRead) } }), anAccount({ accountId: MEMBER, global: { costs: observed(leftToPayer) } })],
    });
    const summary = buildCostSummary(snapshot);
    expect(summary.previousPeriod).toEqual({ start: '2026-09-01', end: '2026-10-01' });
    expect(summary.accounts).toEqual([
      expect.objectContaining({ accountId: PAYER, status: 'known', total: 1, previousTotal: 0, source: { kind: 'management-account', accountId: PAYER } }),
      expect.objectContaining({ accountId: MEMBER, status: 'known', total: 12, previousTotal: 10, source: { kind: 'management-account', accountId: PAYER } }),
    ]);
  });

  it("marks the members unknown with the payer's reason when the payer's read failed (no made-up zero)", () => {
    const failed: CostsSlice = { monthly: denied('ce', 'GetCostAndUsage'), resources: denied('ce', 'GetCostAndUsageWithResources') };
    const snapshot = aSnapshot({
      organization: org,
      accounts: [anAccount({ accountId: PAYER, global: { costs: observed(failed) } }), anAccount({ accountId: MEMBER, global: { costs: observed(leftToPayer) } })],
    });
    const [payer, member] = buildCostSummary(snapshot).accounts;
    expect(payer).toMatchObject({ status: 'unknown', reason: expect.stringMatching(/Access denied to ce:GetCostAndUsage/) });
    expect(member).toMatchObject({
      status: 'unknown',
      reason: expect.stringMatching(new RegExp(`management account ${PAYER}, which failed: Access denied`)),
      source: { kind: 'management-account', accountId: PAYER },
    });
    const resources = buildInventory(snapshot, [
      { accountId: MEMBER, region: 'us-east-1', resourceType: 'AWS::S3::Bucket', resourceId: 'b', resourceArn: 'arn:aws:s3:::b' },
    ]);
    expect(resources[0]?.cost).toMatchObject({ status: 'unknown' });
  });

  it("uses a member's own read when its payer is not in the scan", () => {
    const own: CostsSlice = {
      monthly: observed({ period: { start: '2026-10-01', end: '2026-11-01' }, lines: [{ accountId: MEMBER, service: 'AWS Lambda', amount: 3, currency: 'USD' }] }),
      resources: denied('ce', 'GetCostAndUsageWithResources', 'not_subscribed'),
    };
    const snapshot = aSnapshot({ organization: org, accounts: [anAccount({ accountId: MEMBER, global: { costs: observed(own) } })] });
    expect(buildCostSummary(snapshot).accounts[0]).toMatchObject({ status: 'known', total: 3, previousTotal: null, source: { kind: 'own-account', accountId: MEMBER } });
  });
});

describe('account names', () => {
  it('takes the Organizations name, else the IAM alias, else none', () => {
    const snapshot = aSnapshot({
      organization: org,
      accounts: [
        anAccount({ accountId: PAYER }),
        anAccount({ accountId: MEMBER, name: 'Workload prod' }),
        anAccount({ accountId: '333333333333', global: { iam: observed(anIamSlice({ accountAlias: observed('legacy-sandbox') })) } }),
        anAccount({ accountId: '444444444444', global: { iam: observed(anIamSlice({ accountAlias: denied('iam', 'ListAccountAliases') })) } }),
      ],
    });
    expect(buildAccountNames(snapshot)).toEqual([
      { accountId: PAYER, name: 'Management', source: 'organizations' },
      { accountId: MEMBER, name: 'Workload prod', source: 'organizations' },
      { accountId: '333333333333', name: 'legacy-sandbox', source: 'iam-alias' },
    ]);
  });
});
