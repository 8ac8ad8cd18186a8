import { describe, expect, it } from 'vitest';
import type { CloudWatchAlarm, CloudWatchSlice } from '../../core/slices/cloudwatch.js';
import type { Observed } from '../../core/observed.js';
import { aRegion, aSnapshot, anAccount, denied, observed } from '../../../test/helpers/snapshot-builder.js';
import { cloudwatchAlarmsNotifyOperations as check, isNotificationAction } from './cloudwatch-alarms-notify-operations.js';

function alarm(actions: string[], actionsEnabled = true): CloudWatchAlarm {
  return { name: 'a', arn: null, kind: 'metric', actionsEnabled, alarmActions: actions, state: 'OK', namespace: null, metricName: null };
}

const sns = 'arn:aws:sns:eu-west-1:111111111111:ops';

function run(regions: Observed<CloudWatchSlice>[]) {
  const regional = regions.map((cw, i) => aRegion(['eu-west-1', 'us-east-1'][i] ?? 'eu-central-1', { cloudwatch: cw }));
  return check.evaluate(aSnapshot({ accounts: [anAccount({ regional })] }));
}

describe('cloudwatch_alarms_notify_operations', () => {
  it.each<[string, Observed<CloudWatchSlice>[], string]>([
    ['an alarm notifying an SNS topic', [observed({ alarms: observed([alarm([sns])]) })], 'MANUAL'],
    ['no alarms at all', [observed({ alarms: observed([]) })], 'FAIL'],
    ['alarms with actions disabled or scaling actions only', [observed({ alarms: observed([alarm([sns], false), alarm(['arn:aws:autoscaling:eu-west-1:111111111111:scalingPolicy:x'])]) })], 'FAIL'],
    ['alarms denied', [observed({ alarms: denied('cloudwatch', 'DescribeAlarms') })], 'UNKNOWN'],
    ['one region denied, none found elsewhere', [observed({ alarms: observed([]) }), denied('cloudwatch', 'DescribeAlarms')], 'UNKNOWN'],
    ['one region denied, a notifying alarm elsewhere', [observed({ alarms: observed([alarm([sns])]) }), denied('cloudwatch', 'DescribeAlarms')], 'MANUAL'],
  ])('%s -> %s', (_name, regions, status) => {
    const outcomes = run(regions);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ status, resourceType: 'AWS::::Account' });
  });

  it('an account without scanned regions is UNKNOWN', () => {
    expect(check.evaluate(aSnapshot({ accounts: [anAccount({ regional: [] })] }))[0]?.status).toBe('UNKNOWN');
  });

  it.each([
    [sns, true],
    ['arn:aws:ssm-incidents::111111111111:response-plan/p', true],
    ['arn:aws:ssm:eu-west-1:111111111111:opsitem:3', true],
    ['arn:aws:automate:eu-west-1:ec2:stop', false],
  ])('%s notifies a person: %s', (arn, expected) => {
    expect(isNotificationAction(arn)).toBe(expected);
  });
});
