/** Snapshot slice for CloudWatch alarms (regional): metric and composite alarms with their actions. */
import type { Observed } from '../observed.js';

export interface CloudWatchAlarm {
  readonly name: string;
  readonly arn: string | null;
  readonly kind: 'metric' | 'composite';
  /** False when the alarm's actions are disabled: it changes state but notifies nobody. */
  readonly actionsEnabled: boolean;
  /** ARNs run on ALARM: SNS topics, Auto Scaling policies, EC2 actions, Systems Manager OpsItems/incidents. */
  readonly alarmActions: readonly string[];
  /** OK | ALARM | INSUFFICIENT_DATA */
  readonly state: string | null;
  readonly namespace: string | null;
  readonly metricName: string | null;
}

export interface CloudWatchSlice {
  /** cloudwatch:DescribeAlarms (MetricAlarm and CompositeAlarm). */
  readonly alarms: Observed<readonly CloudWatchAlarm[]>;
}
