import {
  CloudWatchLogsClient,
  DescribeAccountPoliciesCommand,
  DescribeLogGroupsCommand,
  DescribeSubscriptionFiltersCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsError, testCollectorContext } from '../../../../test/helpers/collector-context.js';
import { logsCollector } from './logs.collector.js';

const logs = mockClient(CloudWatchLogsClient);

describe('logsCollector', () => {
  beforeEach(() => logs.reset());

  it('collects log groups, their subscription filters and the account subscription policy', async () => {
    logs.on(DescribeLogGroupsCommand).resolves({
      logGroups: [
        { logGroupName: '/app/api', arn: 'arn:aws:logs:us-east-1:111111111111:log-group:/app/api:*', retentionInDays: 30, storedBytes: 10, creationTime: Date.UTC(2026, 0, 1) },
        { logGroupName: '/aws/lambda/x' },
      ],
    });
    logs
      .on(DescribeSubscriptionFiltersCommand, { logGroupName: '/app/api' })
      .resolves({ subscriptionFilters: [{ filterName: 'central', destinationArn: 'arn:aws:logs:us-east-1:999999999999:destination:central', filterPattern: '' }] })
      .on(DescribeSubscriptionFiltersCommand, { logGroupName: '/aws/lambda/x' })
      .resolves({ subscriptionFilters: [] });
    logs.on(DescribeAccountPoliciesCommand).resolves({
      accountPolicies: [{ policyName: 'all-to-central', scope: 'ALL', policyDocument: '{"DestinationArn":"arn:aws:firehose:us-east-1:999999999999:deliverystream/c"}' }],
    });
    const { ctx, recorder } = testCollectorContext();
    const slice = await logsCollector.collect(ctx);

    expect(slice.logGroups).toEqual({
      ok: true,
      value: [
        {
          name: '/app/api',
          arn: 'arn:aws:logs:us-east-1:111111111111:log-group:/app/api:*',
          retentionInDays: 30,
          storedBytes: 10,
          kmsKeyId: null,
          createdAt: '2026-01-01T00:00:00.000Z',
          subscriptionFilters: { ok: true, value: [{ filterName: 'central', destinationArn: 'arn:aws:logs:us-east-1:999999999999:destination:central', filterPattern: '' }] },
        },
        { name: '/aws/lambda/x', arn: null, retentionInDays: null, storedBytes: null, kmsKeyId: null, createdAt: null, subscriptionFilters: { ok: true, value: [] } },
      ],
    });
    expect(slice.accountSubscriptionPolicies).toEqual({
      ok: true,
      value: [{ policyName: 'all-to-central', scope: 'ALL', selectionCriteria: null, destinationArn: 'arn:aws:firehose:us-east-1:999999999999:deliverystream/c' }],
    });
    expect(recorder.errors).toEqual([]);
  });

  it('keeps going after AccessDenied on one group and on the account policies', async () => {
    logs.on(DescribeLogGroupsCommand).resolves({ logGroups: [{ logGroupName: 'a' }, { logGroupName: 'b' }] });
    logs
      .on(DescribeSubscriptionFiltersCommand, { logGroupName: 'a' })
      .rejects(awsError('AccessDeniedException', 'no', 400))
      .on(DescribeSubscriptionFiltersCommand, { logGroupName: 'b' })
      .resolves({ subscriptionFilters: [] });
    logs.on(DescribeAccountPoliciesCommand).rejects(awsError('AccessDeniedException', 'no', 400));
    const { ctx } = testCollectorContext();
    const slice = await logsCollector.collect(ctx);

    const groups = slice.logGroups.ok ? slice.logGroups.value : [];
    expect(groups[0]?.subscriptionFilters).toMatchObject({ ok: false, error: { kind: 'access_denied', operation: 'DescribeSubscriptionFilters' } });
    expect(groups[1]?.subscriptionFilters).toEqual({ ok: true, value: [] });
    expect(slice.accountSubscriptionPolicies).toMatchObject({ ok: false, error: { kind: 'access_denied' } });
  });

  it('a log group deleted meanwhile (ResourceNotFoundException) has no filters, not an error', async () => {
    logs.on(DescribeLogGroupsCommand).resolves({ logGroups: [{ logGroupName: 'gone' }] });
    logs.on(DescribeSubscriptionFiltersCommand).rejects(awsError('ResourceNotFoundException'));
    logs.on(DescribeAccountPoliciesCommand).resolves({ accountPolicies: [] });
    const { ctx, recorder } = testCollectorContext();
    const slice = await logsCollector.collect(ctx);

    expect(slice.logGroups.ok && slice.logGroups.value[0]?.subscriptionFilters).toEqual({ ok: true, value: [] });
    expect(recorder.errors).toEqual([]);
  });

  it('turns an unsupported-API answer (404) into error values', async () => {
    logs.on(DescribeLogGroupsCommand).rejects(awsError('404', 'Not Found', 404));
    logs.on(DescribeAccountPoliciesCommand).rejects(awsError('404', 'Not Found', 404));
    const { ctx } = testCollectorContext();
    const slice = await logsCollector.collect(ctx);

    expect(slice.logGroups.ok ? null : slice.logGroups.error.kind).toBe('unsupported');
    expect(slice.accountSubscriptionPolicies.ok ? null : slice.accountSubscriptionPolicies.error.kind).toBe('unsupported');
  });
});
