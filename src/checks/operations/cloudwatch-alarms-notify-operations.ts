import { accountRef, defineCheck, fail, manual, unknown } from '../../core/check.js';
import { brief, forEachAccountRegions, unseenNote } from './regional-reads.js';

/** An alarm action that tells a person: an SNS topic, an Incident Manager response plan, an OpsItem. */
export function isNotificationAction(arn: string): boolean {
  return /^arn:[^:]+:(sns|ssm-incidents):/.test(arn) || /^arn:[^:]+:ssm:[^:]*:[^:]*:opsitem:/.test(arn);
}

/**
 * Competency 2.4: central monitoring with alarms routed to operations staff. The API shows alarms whose
 * actions notify (SNS, Incident Manager, OpsItems); who receives them is for a person to confirm (MANUAL).
 * No notifying alarm in any scanned region of the account is a FAIL.
 */
export const cloudwatchAlarmsNotifyOperations = defineCheck({
  id: 'cloudwatch_alarms_notify_operations',
  title: 'CloudWatch alarms notify the operations team',
  service: 'cloudwatch',
  resourceType: 'AWS::::Account',
  severity: 'medium',
  reads: ['cloudwatch:DescribeAlarms'],
  remediation: {
    summary:
      'Create CloudWatch alarms on the metrics that show the workload is healthy and route them to the operations team: an SNS topic with the on-call subscriptions, or an Incident Manager response plan. If another monitoring tool pages your team, suppress this finding with a justification and attest the item.',
    cli: 'aws cloudwatch put-metric-alarm --alarm-name <name> --metric-name <metric> --namespace <ns> --statistic Average --period 300 --threshold <n> --comparison-operator GreaterThanThreshold --evaluation-periods 2 --alarm-actions <sns-topic-arn>',
    docs: 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html',
  },
  evaluate: (snapshot) =>
    forEachAccountRegions(snapshot, 'cloudwatch', (account, { seen, unseen }) => {
      const ref = accountRef(account);
      const alarms = seen.flatMap(({ region, value }) => (value.alarms.ok ? value.alarms.value.map((a) => ({ ...a, region })) : []));
      const unreadable = [
        ...unseen,
        ...seen.flatMap(({ region, value }) => (value.alarms.ok ? [] : [{ region, reason: `${value.alarms.error.code}: ${value.alarms.error.message}` }])),
      ];
      const notifying = alarms.filter((a) => a.actionsEnabled && a.alarmActions.some(isNotificationAction));
      const targets = [...new Set(notifying.flatMap((a) => a.alarmActions.filter(isNotificationAction)))];
      const evidence = {
        alarms: alarms.length,
        notifying: notifying.length,
        notificationTargets: targets,
        regions: [...new Set(notifying.map((a) => a.region))],
        unreadableRegions: unreadable.map((u) => u.region),
      };
      if (notifying.length > 0) {
        return [
          manual(
            ref,
            `${notifying.length} of ${alarms.length} CloudWatch alarm(s) in account ${account.accountId} notify ${brief(targets, 3)}; confirm these reach the operations staff (on-call subscriptions, escalation).${unseenNote(unreadable)}`,
            evidence,
          ),
        ];
      }
      if (unreadable.length > 0) {
        return [unknown(ref, `No notifying CloudWatch alarm found in the readable regions of account ${account.accountId}.${unseenNote(unreadable)}`, evidence)];
      }
      const message =
        alarms.length === 0
          ? `Account ${account.accountId} has no CloudWatch alarms in any scanned region, so nothing alerts the operations team.`
          : `None of the ${alarms.length} CloudWatch alarm(s) in account ${account.accountId} notifies anyone (actions disabled, or only scaling/EC2 actions).`;
      return [fail(ref, message, evidence)];
    }),
});
