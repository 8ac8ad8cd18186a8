import {
  CostExplorerClient,
  GetCostAndUsageCommand,
  GetCostAndUsageWithResourcesCommand,
} from '@aws-sdk/client-cost-explorer';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { awsError, testCollectorContext } from '../../../../test/helpers/collector-context.js';
import { createCostsCollector, lastDays, lastFullMonth, monthBefore, payerInScan } from './costs.collector.js';

const ce = mockClient(CostExplorerClient);
const NOW = new Date('2026-11-15T08:00:00Z');
const collector = createCostsCollector({ now: () => NOW });

afterEach(() => ce.reset());

const money = (amount: string) => ({ UnblendedCost: { Amount: amount, Unit: 'USD' } });

describe('periods', () => {
  it('takes the last full calendar month, end exclusive', () => {
    expect(lastFullMonth(NOW)).toEqual({ start: '2026-10-01', end: '2026-11-01' });
    expect(lastFullMonth(new Date('2026-01-03T00:00:00Z'))).toEqual({ start: '2025-12-01', end: '2026-01-01' });
  });
  it('takes the month before for the month-over-month change', () => {
    expect(monthBefore({ start: '2026-10-01', end: '2026-11-01' })).toEqual({ start: '2026-09-01', end: '2026-10-01' });
    expect(monthBefore({ start: '2026-01-01', end: '2026-02-01' })).toEqual({ start: '2025-12-01', end: '2026-01-01' });
  });
  it('takes the last 14 days for resource-level data', () => {
    expect(lastDays(NOW, 14)).toEqual({ start: '2026-11-02', end: '2026-11-15' });
  });
});

describe('costs collector', () => {
  it('sums service costs per linked account over pages and asks resource-level costs for those services', async () => {
    ce.on(GetCostAndUsageCommand)
      .resolvesOnce({
        ResultsByTime: [
          {
            Groups: [
              { Keys: ['111111111111', 'Amazon Simple Storage Service'], Metrics: money('12.50') },
              { Keys: ['222222222222', 'AWS Lambda'], Metrics: money('0.00') },
            ],
          },
        ],
        NextPageToken: 'p2',
      })
      .resolvesOnce({
        ResultsByTime: [{ Groups: [{ Keys: ['111111111111', 'Amazon Simple Storage Service'], Metrics: money('2.5') }] }],
      });
    ce.on(GetCostAndUsageWithResourcesCommand).resolves({
      ResultsByTime: [
        { Groups: [{ Keys: ['arn:aws:s3:::logs-bucket', 'Amazon Simple Storage Service'], Metrics: money('1.25') }] },
        { Groups: [{ Keys: ['arn:aws:s3:::logs-bucket', 'Amazon Simple Storage Service'], Metrics: money('0.75') }] },
      ],
    });
    const { ctx } = testCollectorContext();
    const slice = await collector.collect(ctx);

    expect(slice.monthly).toEqual({
      ok: true,
      value: {
        period: { start: '2026-10-01', end: '2026-11-01' },
        lines: [
          { accountId: '111111111111', service: 'Amazon Simple Storage Service', amount: 15, currency: 'USD' },
          { accountId: '222222222222', service: 'AWS Lambda', amount: 0, currency: 'USD' },
        ],
      },
    });
    expect(slice.resources.ok && slice.resources.value?.lines).toEqual([
      { accountId: '111111111111', resourceId: 'arn:aws:s3:::logs-bucket', service: 'Amazon Simple Storage Service', amount: 2, currency: 'USD' },
    ]);
    const monthlyInput = ce.commandCalls(GetCostAndUsageCommand)[0]!.args[0].input;
    expect(monthlyInput.GroupBy).toEqual([
      { Type: 'DIMENSION', Key: 'LINKED_ACCOUNT' },
      { Type: 'DIMENSION', Key: 'SERVICE' },
    ]);
    const resourceInput = ce.commandCalls(GetCostAndUsageWithResourcesCommand)[0]!.args[0].input;
    expect(resourceInput.Filter).toEqual({ Dimensions: { Key: 'SERVICE', Values: ['Amazon Simple Storage Service'] } });
    expect(resourceInput.TimePeriod).toEqual({ Start: '2026-11-02', End: '2026-11-15' });
  });

  it('keeps the opt-out of resource-level data as an error, not as zero', async () => {
    ce.on(GetCostAndUsageCommand).resolves({ ResultsByTime: [{ Groups: [] }] });
    ce.on(GetCostAndUsageWithResourcesCommand).rejects(
      awsError('DataUnavailableException', 'Resource-level data is not enabled for this account'),
    );
    const { ctx } = testCollectorContext();
    const slice = await collector.collect(ctx);
    expect(slice.monthly.ok).toBe(true);
    expect(slice.resources).toMatchObject({ ok: false, error: { kind: 'not_subscribed', code: 'DataUnavailableException' } });
  });

  it('records AccessDenied on the monthly read and still tries the resource-level read', async () => {
    ce.on(GetCostAndUsageCommand).rejects(awsError('AccessDeniedException', 'not authorized to perform ce:GetCostAndUsage'));
    ce.on(GetCostAndUsageWithResourcesCommand).rejects(awsError('AccessDeniedException'));
    const { ctx } = testCollectorContext();
    const slice = await collector.collect(ctx);
    expect(slice.monthly.ok ? 'ok' : slice.monthly.error.kind).toBe('access_denied');
    expect(slice.resources.ok ? 'ok' : slice.resources.error.kind).toBe('access_denied');
    expect(ce.commandCalls(GetCostAndUsageWithResourcesCommand)[0]!.args[0].input.Filter).toEqual({
      Dimensions: { Key: 'SERVICE', Values: ['Amazon Elastic Compute Cloud - Compute'] },
    });
  });

  it('turns an unsupported API (emulator 404) into an error value', async () => {
    ce.on(GetCostAndUsageCommand).rejects(awsError('404', 'Not Found', 404));
    ce.on(GetCostAndUsageWithResourcesCommand).rejects(awsError('404', 'Not Found', 404));
    const { ctx } = testCollectorContext();
    const slice = await collector.collect(ctx);
    expect(slice.monthly.ok).toBe(false);
    expect(slice.resources.ok).toBe(false);
  });
});

describe('one read per Organization, from the payer', () => {
  const org = (scannedAccountIds: string[]) => ({ managementAccountId: '111111111111', scannedAccountIds });

  it('reads both months in one request from the management account and splits them by bucket', async () => {
    // Shaped like the GetCostAndUsage reference: one ResultByTime per MONTHLY bucket, Groups keyed [LINKED_ACCOUNT, SERVICE].
    ce.on(GetCostAndUsageCommand).resolves({
      GroupDefinitions: [
        { Type: 'DIMENSION', Key: 'LINKED_ACCOUNT' },
        { Type: 'DIMENSION', Key: 'SERVICE' },
      ],
      ResultsByTime: [
        {
          TimePeriod: { Start: '2026-09-01', End: '2026-10-01' },
          Total: {},
          Groups: [{ Keys: ['222222222222', 'AWS Lambda'], Metrics: money('8.00') }],
          Estimated: false,
        },
        {
          TimePeriod: { Start: '2026-10-01', End: '2026-11-01' },
          Total: {},
          Groups: [
            { Keys: ['111111111111', 'AWS CloudTrail'], Metrics: money('1.00') },
            { Keys: ['222222222222', 'AWS Lambda'], Metrics: money('10.00') },
          ],
          Estimated: false,
        },
      ],
      DimensionValueAttributes: [],
    });
    ce.on(GetCostAndUsageWithResourcesCommand).resolves({ ResultsByTime: [] });
    const { ctx } = testCollectorContext({ accountId: '111111111111' });
    const slice = await collector.collect({ ...ctx, scanOrganization: org(['111111111111', '222222222222']) });

    expect(ce.commandCalls(GetCostAndUsageCommand)).toHaveLength(1);
    expect(ce.commandCalls(GetCostAndUsageCommand)[0]!.args[0].input.TimePeriod).toEqual({ Start: '2026-09-01', End: '2026-11-01' });
    expect(slice.monthly).toEqual({
      ok: true,
      value: {
        period: { start: '2026-10-01', end: '2026-11-01' },
        lines: [
          { accountId: '111111111111', service: 'AWS CloudTrail', amount: 1, currency: 'USD' },
          { accountId: '222222222222', service: 'AWS Lambda', amount: 10, currency: 'USD' },
        ],
        previous: {
          period: { start: '2026-09-01', end: '2026-10-01' },
          lines: [{ accountId: '222222222222', service: 'AWS Lambda', amount: 8, currency: 'USD' }],
        },
      },
    });
  });

  it('makes no billed request from a member whose management account is in the same scan', async () => {
    const { ctx } = testCollectorContext({ accountId: '222222222222' });
    const member = { ...ctx, scanOrganization: org(['111111111111', '222222222222']) };
    expect(payerInScan(member)).toBe('111111111111');
    const slice = await collector.collect(member);
    expect(slice).toEqual({ monthly: { ok: true, value: null }, resources: { ok: true, value: null } });
    expect(ce.commandCalls(GetCostAndUsageCommand)).toHaveLength(0);
    expect(ce.commandCalls(GetCostAndUsageWithResourcesCommand)).toHaveLength(0);
  });

  it("reads a member's own costs when its management account is not scanned", async () => {
    ce.on(GetCostAndUsageCommand).resolves({ ResultsByTime: [] });
    ce.on(GetCostAndUsageWithResourcesCommand).resolves({ ResultsByTime: [] });
    const { ctx } = testCollectorContext({ accountId: '222222222222' });
    const member = { ...ctx, scanOrganization: org(['222222222222']) };
    expect(payerInScan(member)).toBeNull();
    await collector.collect(member);
    expect(ce.commandCalls(GetCostAndUsageCommand)).toHaveLength(1);
  });
});
