/**
 * Snapshot slice for CloudWatch Logs (regional): log groups, the subscription filters that forward them,
 * and account-level subscription filter policies. Used to evidence centralised log collection (comp 2.3).
 */
import type { Observed } from '../observed.js';

/** A subscription filter: where a log group's events are forwarded (Kinesis, Firehose, Lambda, a destination). */
export interface LogSubscriptionFilter {
  readonly filterName: string;
  readonly destinationArn: string;
  readonly filterPattern: string | null;
}

export interface LogGroup {
  readonly name: string;
  readonly arn: string | null;
  /** null = never expire. */
  readonly retentionInDays: number | null;
  readonly storedBytes: number | null;
  readonly kmsKeyId: string | null;
  readonly createdAt: string | null;
  /**
   * logs:DescribeSubscriptionFilters for this group; null = not inspected because the region has more log
   * groups than the collector inspects (LOGS_MAX_INSPECTED_GROUPS).
   */
  readonly subscriptionFilters: Observed<readonly LogSubscriptionFilter[]> | null;
}

/** An account-level subscription filter policy (logs:DescribeAccountPolicies, SUBSCRIPTION_FILTER_POLICY). */
export interface LogsAccountSubscriptionPolicy {
  readonly policyName: string;
  /** ALL, or null when unset. */
  readonly scope: string | null;
  readonly selectionCriteria: string | null;
  /** DestinationArn from the policy document, when it parses. */
  readonly destinationArn: string | null;
}

export interface LogsSlice {
  /** logs:DescribeLogGroups. */
  readonly logGroups: Observed<readonly LogGroup[]>;
  /** logs:DescribeAccountPolicies (policyType SUBSCRIPTION_FILTER_POLICY). */
  readonly accountSubscriptionPolicies: Observed<readonly LogsAccountSubscriptionPolicy[]>;
}
