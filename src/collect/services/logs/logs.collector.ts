/**
 * CloudWatch Logs (regional): log groups, each group's subscription filters (one call per group, for at
 * most LOGS_MAX_INSPECTED_GROUPS groups) and the account-level subscription filter policies.
 */
import {
  CloudWatchLogsClient,
  DescribeAccountPoliciesCommand,
  DescribeSubscriptionFiltersCommand,
  paginateDescribeLogGroups,
  type AccountPolicy,
  type LogGroup as SdkLogGroup,
} from '@aws-sdk/client-cloudwatch-logs';
import pLimit from 'p-limit';
import type { Observed } from '../../../core/observed.js';
import type { LogGroup, LogsAccountSubscriptionPolicy, LogSubscriptionFilter } from '../../../core/slices/logs.js';
import { collectPages, defineRegionalCollector } from '../../collector.js';

/** Subscription filters are read for at most this many log groups per region (one call each). */
export const LOGS_MAX_INSPECTED_GROUPS = 100;

const iso = (ms: number | undefined): string | null => (ms === undefined ? null : new Date(ms).toISOString());

function destinationOf(policyDocument: string | undefined): string | null {
  if (!policyDocument) return null;
  try {
    const doc = JSON.parse(policyDocument) as { DestinationArn?: unknown };
    return typeof doc.DestinationArn === 'string' ? doc.DestinationArn : null;
  } catch {
    return null;
  }
}

function toPolicy(p: AccountPolicy): LogsAccountSubscriptionPolicy {
  return {
    policyName: p.policyName ?? '',
    scope: p.scope ?? null,
    selectionCriteria: p.selectionCriteria ?? null,
    destinationArn: destinationOf(p.policyDocument),
  };
}

export const logsCollector = defineRegionalCollector({
  service: 'logs',
  scope: 'regional',
  // docs/decisions/0012-region-signal.md: log groups are not counted by the signal and account policies are posture: always read
  regionalReads: 'resources',
  operations: [
    { operation: 'DescribeLogGroups', iamAction: 'logs:DescribeLogGroups' },
    { operation: 'DescribeSubscriptionFilters', iamAction: 'logs:DescribeSubscriptionFilters', notFoundCodes: ['ResourceNotFoundException'] },
    { operation: 'DescribeAccountPolicies', iamAction: 'logs:DescribeAccountPolicies' },
  ],
  async collect(ctx) {
    const client = ctx.client(CloudWatchLogsClient);
    const groups = await ctx.call('logs', 'DescribeLogGroups', () =>
      collectPages(paginateDescribeLogGroups({ client }, {}), (p) => p.logGroups),
    );
    const limit = pLimit(5);
    const readFilters = async (group: SdkLogGroup, index: number): Promise<LogGroup> => {
      const name = group.logGroupName ?? '';
      let subscriptionFilters: Observed<readonly LogSubscriptionFilter[]> | null = null;
      if (index < LOGS_MAX_INSPECTED_GROUPS) {
        const filters = await ctx.call(
          'logs',
          'DescribeSubscriptionFilters',
          () => client.send(new DescribeSubscriptionFiltersCommand({ logGroupName: name })),
          { notFoundCodes: ['ResourceNotFoundException'] },
        );
        subscriptionFilters = filters.ok
          ? {
              ok: true,
              value: (filters.value?.subscriptionFilters ?? []).map((f) => ({
                filterName: f.filterName ?? '',
                destinationArn: f.destinationArn ?? '',
                filterPattern: f.filterPattern ?? null,
              })),
            }
          : filters;
      }
      return {
        name,
        arn: group.arn ?? null,
        retentionInDays: group.retentionInDays ?? null,
        storedBytes: group.storedBytes ?? null,
        kmsKeyId: group.kmsKeyId ?? null,
        createdAt: iso(group.creationTime),
        subscriptionFilters,
      };
    };
    const logGroups: Observed<readonly LogGroup[]> = groups.ok
      ? { ok: true, value: await Promise.all(groups.value.map((g, i) => limit(() => readFilters(g, i)))) }
      : groups;

    const policies = await ctx.call('logs', 'DescribeAccountPolicies', () =>
      client.send(new DescribeAccountPoliciesCommand({ policyType: 'SUBSCRIPTION_FILTER_POLICY' })),
    );
    const accountSubscriptionPolicies: Observed<readonly LogsAccountSubscriptionPolicy[]> = policies.ok
      ? { ok: true, value: (policies.value.accountPolicies ?? []).map(toPolicy) }
      : policies;

    return { logGroups, accountSubscriptionPolicies };
  },
});
