import { describe, expect, it } from 'vitest';
import type { Finding } from '../core/finding.js';
import type { CostsSlice } from '../core/slices/costs.js';
import { aRegion, anAccount, aSnapshot, ACCOUNT_A, ACCOUNT_B, denied, observed } from '../../test/helpers/snapshot-builder.js';
import { buildCostSummary, buildInventory, parseArn } from './inventory.js';

const costs = (over: Partial<CostsSlice> = {}): CostsSlice => ({
  monthly: observed({
    period: { start: '2026-10-01', end: '2026-11-01' },
    lines: [
      { accountId: ACCOUNT_A, service: 'Amazon Simple Storage Service', amount: 10, currency: 'USD' },
      { accountId: ACCOUNT_A, service: 'AWS Lambda', amount: 2.5, currency: 'USD' },
    ],
  }),
  resources: observed({
    period: { start: '2026-10-19', end: '2026-11-02' },
    lines: [{ accountId: ACCOUNT_A, resourceId: 'i-0abc', service: 'EC2', amount: 14, currency: 'USD' }],
  }),
  ...over,
});

const tagged = (arn: string, tags: Record<string, string>) => ({ arn, tags });

const finding = (over: Partial<Finding>): Finding => ({
  checkId: 's3_bucket_versioning_enabled',
  checkTitle: 'x',
  controlIds: ['BAR-001'],
  status: 'FAIL',
  severity: 'medium',
  accountId: ACCOUNT_A,
  region: 'eu-west-1',
  resourceType: 'AWS::S3::Bucket',
  resourceId: 'data',
  resourceArn: 'arn:aws:s3:::data',
  message: 'm',
  evidence: {},
  ...over,
});

describe('parseArn', () => {
  it.each([
    ['arn:aws:ec2:eu-west-1:111111111111:instance/i-0abc', 'AWS::EC2::Instance', 'i-0abc', 'eu-west-1'],
    ['arn:aws:s3:::data', 'AWS::S3::Bucket', 'data', null],
    ['arn:aws:rds:eu-west-1:111111111111:db:prod', 'AWS::RDS::DBInstance', 'prod', 'eu-west-1'],
    ['arn:aws:lambda:eu-west-1:111111111111:function:fn', 'AWS::Lambda::Function', 'fn', 'eu-west-1'],
    ['arn:aws:sqs:eu-west-1:111111111111:queue-1', 'AWS::SQS::Queue', 'queue-1', 'eu-west-1'],
    ['arn:aws:newsvc:eu-west-1:111111111111:thing-kind/abc', 'AWS::Newsvc::ThingKind', 'abc', 'eu-west-1'],
  ])('%s -> %s', (arn, type, id, region) => {
    expect(parseArn(arn)).toMatchObject({ resourceType: type, resourceId: id, region });
  });
});

describe('buildInventory', () => {
  it('unites tagged resources and finding resources, names them from the Name tag and attaches costs', () => {
    const snapshot = aSnapshot({
      accounts: [
        anAccount({
          global: { costs: observed(costs()) },
          regional: [
            aRegion('eu-west-1', {
              tagging: observed({
                resources: observed([
                  tagged(`arn:aws:ec2:eu-west-1:${ACCOUNT_A}:instance/i-0abc`, { Name: 'api-1', env: 'prod' }),
                  tagged('arn:aws:s3:::data', { owner: 'data-team' }),
                ]),
              }),
            }),
          ],
        }),
      ],
    });
    const inv = buildInventory(snapshot, [
      finding({}),
      finding({ resourceType: 'AWS::::Account', resourceId: ACCOUNT_A, resourceArn: null }),
      finding({ resourceType: 'AWS::EC2::SecurityGroup', resourceId: 'sg-1', resourceArn: `arn:aws:ec2:eu-west-1:${ACCOUNT_A}:security-group/sg-1` }),
    ]);
    expect(inv.map((r) => [r.resourceType, r.resourceId, r.name])).toEqual([
      ['AWS::EC2::Instance', 'i-0abc', 'api-1'],
      ['AWS::EC2::SecurityGroup', 'sg-1', null],
      ['AWS::S3::Bucket', 'data', null],
    ]);
    expect(inv[0]!.cost).toEqual({ status: 'known', monthly: 30, currency: 'USD' }); // 14 over 14 days, scaled to 30
    expect(inv[1]!.cost).toEqual({ status: 'not-itemised' });
    expect(inv[2]!.tags).toEqual({ owner: 'data-team' });
  });

  it('marks costs unknown with the reason when resource-level data is unavailable, never zero', () => {
    const snapshot = aSnapshot({
      accounts: [anAccount({ global: { costs: observed(costs({ resources: denied('ce', 'GetCostAndUsageWithResources', 'not_subscribed') })) } })],
    });
    const [r] = buildInventory(snapshot, [finding({})]);
    expect(r!.cost).toMatchObject({ status: 'unknown', reason: expect.stringContaining('GetCostAndUsageWithResources') });
  });

  it('says costs were not collected when the costs collector did not run', () => {
    const [r] = buildInventory(aSnapshot(), [finding({})]);
    expect(r!.cost).toEqual({ status: 'unknown', reason: 'Costs were not collected in this scan.' });
  });
});

describe('buildCostSummary', () => {
  it('sums the last full month per account and keeps unknown accounts unknown', () => {
    const snapshot = aSnapshot({
      accounts: [
        anAccount({ global: { costs: observed(costs()) } }),
        anAccount({ accountId: ACCOUNT_B, global: { costs: observed(costs({ monthly: denied('ce', 'GetCostAndUsage') })) } }),
      ],
    });
    const summary = buildCostSummary(snapshot);
    expect(summary.period).toEqual({ start: '2026-10-01', end: '2026-11-01' });
    expect(summary.accounts[0]).toMatchObject({ accountId: ACCOUNT_A, status: 'known', total: 12.5 });
    expect(summary.accounts[1]).toMatchObject({ accountId: ACCOUNT_B, status: 'unknown', reason: expect.stringContaining('Access denied') });
  });

  it('uses the management account view for members without their own cost data', () => {
    const mgmt = anAccount({
      global: {
        costs: observed(
          costs({
            monthly: observed({
              period: { start: '2026-10-01', end: '2026-11-01' },
              lines: [
                { accountId: ACCOUNT_A, service: 'S3', amount: 1, currency: 'USD' },
                { accountId: ACCOUNT_B, service: 'S3', amount: 7, currency: 'USD' },
              ],
            }),
          }),
        ),
      },
    });
    const member = anAccount({ accountId: ACCOUNT_B, global: { costs: observed(costs({ monthly: denied('ce', 'GetCostAndUsage') })) } });
    const snapshot = aSnapshot({
      accounts: [mgmt, member],
      organization: observed({
        id: 'o-1',
        arn: 'arn',
        managementAccountId: ACCOUNT_A,
        featureSet: 'ALL',
        accounts: observed([]),
        centralizedRootCredentials: observed(false),
      }),
    });
    expect(buildCostSummary(snapshot).accounts[1]).toMatchObject({ accountId: ACCOUNT_B, status: 'known', total: 7 });
  });
});
