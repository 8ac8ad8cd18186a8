/** CloudWatch (regional): metric and composite alarms with their actions, in one paginated call. */
import { CloudWatchClient, paginateDescribeAlarms } from '@aws-sdk/client-cloudwatch';
import type { Observed } from '../../../core/observed.js';
import type { CloudWatchAlarm } from '../../../core/slices/cloudwatch.js';
import { defineRegionalCollector } from '../../collector.js';

export const cloudwatchCollector = defineRegionalCollector({
  service: 'cloudwatch',
  scope: 'regional',
  // docs/decisions/0012-region-signal.md
  regionalReads: 'resources',
  configResourceTypes: ['AWS::CloudWatch::Alarm'],
  operations: [{ operation: 'DescribeAlarms', iamAction: 'cloudwatch:DescribeAlarms' }],
  async collect(ctx) {
    const client = ctx.client(CloudWatchClient);
    const read = await ctx.call('cloudwatch', 'DescribeAlarms', async () => {
      const out: CloudWatchAlarm[] = [];
      for await (const page of paginateDescribeAlarms({ client }, { AlarmTypes: ['MetricAlarm', 'CompositeAlarm'] })) {
        for (const a of page.MetricAlarms ?? []) {
          out.push({
            name: a.AlarmName ?? '',
            arn: a.AlarmArn ?? null,
            kind: 'metric',
            actionsEnabled: a.ActionsEnabled ?? true,
            alarmActions: a.AlarmActions ?? [],
            state: a.StateValue ?? null,
            namespace: a.Namespace ?? null,
            metricName: a.MetricName ?? null,
          });
        }
        for (const a of page.CompositeAlarms ?? []) {
          out.push({
            name: a.AlarmName ?? '',
            arn: a.AlarmArn ?? null,
            kind: 'composite',
            actionsEnabled: a.ActionsEnabled ?? true,
            alarmActions: a.AlarmActions ?? [],
            state: a.StateValue ?? null,
            namespace: null,
            metricName: null,
          });
        }
      }
      return out;
    });
    const alarms: Observed<readonly CloudWatchAlarm[]> = read;
    return { alarms };
  },
});
