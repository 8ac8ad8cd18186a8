import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsError, testCollectorContext } from '../../../../test/helpers/collector-context.js';
import { cloudwatchCollector } from './cloudwatch.collector.js';

const cw = mockClient(CloudWatchClient);

describe('cloudwatchCollector', () => {
  beforeEach(() => cw.reset());

  it('collects metric and composite alarms with their actions, across pages', async () => {
    cw.on(DescribeAlarmsCommand)
      .resolvesOnce({
        MetricAlarms: [
          { AlarmName: 'cpu', AlarmArn: 'arn:cw:cpu', ActionsEnabled: true, AlarmActions: ['arn:aws:sns:us-east-1:111111111111:ops'], StateValue: 'OK', Namespace: 'AWS/EC2', MetricName: 'CPUUtilization' },
        ],
        NextToken: 't',
      })
      .resolvesOnce({ CompositeAlarms: [{ AlarmName: 'svc', AlarmArn: 'arn:cw:svc', ActionsEnabled: false, AlarmActions: [], StateValue: 'ALARM' }] });
    const { ctx } = testCollectorContext();
    const slice = await cloudwatchCollector.collect(ctx);

    expect(slice.alarms).toEqual({
      ok: true,
      value: [
        { name: 'cpu', arn: 'arn:cw:cpu', kind: 'metric', actionsEnabled: true, alarmActions: ['arn:aws:sns:us-east-1:111111111111:ops'], state: 'OK', namespace: 'AWS/EC2', metricName: 'CPUUtilization' },
        { name: 'svc', arn: 'arn:cw:svc', kind: 'composite', actionsEnabled: false, alarmActions: [], state: 'ALARM', namespace: null, metricName: null },
      ],
    });
  });

  it('no alarms is an empty list', async () => {
    cw.on(DescribeAlarmsCommand).resolves({});
    const { ctx, recorder } = testCollectorContext();
    expect((await cloudwatchCollector.collect(ctx)).alarms).toEqual({ ok: true, value: [] });
    expect(recorder.errors).toEqual([]);
  });

  it('turns AccessDenied into an error value', async () => {
    cw.on(DescribeAlarmsCommand).rejects(awsError('AccessDenied', 'no', 403));
    const { ctx, recorder } = testCollectorContext();
    const slice = await cloudwatchCollector.collect(ctx);
    expect(slice.alarms).toMatchObject({ ok: false, error: { kind: 'access_denied', service: 'cloudwatch', operation: 'DescribeAlarms' } });
    expect(recorder.errors).toHaveLength(1);
  });

  it('turns an unsupported-API answer (404) into an error value', async () => {
    cw.on(DescribeAlarmsCommand).rejects(awsError('404', 'Not Found', 404));
    const { ctx } = testCollectorContext();
    const slice = await cloudwatchCollector.collect(ctx);
    expect(slice.alarms.ok ? null : slice.alarms.error.kind).toBe('unsupported');
  });
});
