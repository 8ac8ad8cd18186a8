import { defineCheck, fail, forEachRegion, manual, notApplicable, regionRef, unknown } from '../../core/check.js';
import { brief, arnAccount } from './regional-reads.js';

/**
 * Competency 2.3: AWS and application logs are centralised in one system. The API shows whether log groups
 * forward their events (subscription filters, account-level subscription policy); whether the destination
 * is the central system is for a person to confirm, so positive evidence is MANUAL, never PASS.
 */
export const logsCentralizedCollection = defineCheck({
  id: 'logs_centralized_collection',
  title: 'CloudWatch log groups are forwarded to a central log system',
  service: 'logs',
  resourceType: 'AWS::::Region',
  severity: 'medium',
  reads: ['logs:DescribeLogGroups', 'logs:DescribeSubscriptionFilters', 'logs:DescribeAccountPolicies'],
  remediation: {
    summary:
      'Forward AWS and application logs to one central system: an account-level subscription filter policy (or per-group subscription filters) to a Kinesis/Firehose destination in a log-archive account, or CloudWatch cross-account observability. If you centralise another way, suppress this finding with a justification and attest the item.',
    cli: "aws logs put-account-policy --policy-name central --policy-type SUBSCRIPTION_FILTER_POLICY --policy-document '{\"DestinationArn\":\"<arn>\",\"RoleArn\":\"<role>\",\"FilterPattern\":\"\"}' --scope ALL",
    docs: 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CrossAccountSubscriptions.html',
  },
  evaluate: (snapshot) =>
    forEachRegion(snapshot, 'logs', (logs, account, { region }) => {
      const ref = regionRef(account.accountId, region);
      const where = `${account.accountId}/${region}`;
      if (!logs.logGroups.ok) return [unknown(ref, logs.logGroups.error)];
      const groups = logs.logGroups.value;
      const policies = logs.accountSubscriptionPolicies;
      if (policies.ok && policies.value.length > 0) {
        const dests = policies.value.map((p) => p.destinationArn ?? 'an unreadable destination');
        return [
          manual(
            ref,
            `An account-level subscription filter policy (${brief(policies.value.map((p) => p.policyName))}) forwards log groups in ${where} to ${brief(dests)}; confirm this reaches your central log system.`,
            { logGroups: groups.length, accountPolicies: policies.value.map((p) => ({ name: p.policyName, scope: p.scope, destinationArn: p.destinationArn })) },
          ),
        ];
      }
      if (groups.length === 0) return [notApplicable(ref, `No CloudWatch log groups in ${where}.`)];
      const forwarded = groups.filter((g) => g.subscriptionFilters?.ok === true && g.subscriptionFilters.value.length > 0);
      const unreadable = groups.filter((g) => g.subscriptionFilters !== null && !g.subscriptionFilters.ok);
      const inspected = groups.filter((g) => g.subscriptionFilters !== null).length;
      const destinations = [...new Set(forwarded.flatMap((g) => (g.subscriptionFilters?.ok ? g.subscriptionFilters.value.map((f) => f.destinationArn) : [])))];
      const notForwarded = groups.filter((g) => g.subscriptionFilters?.ok === true && g.subscriptionFilters.value.length === 0).map((g) => g.name);
      const evidence = {
        logGroups: groups.length,
        inspected,
        forwarded: forwarded.length,
        destinations,
        crossAccountDestinations: destinations.filter((d) => {
          const owner = arnAccount(d);
          return owner !== null && owner !== account.accountId;
        }),
        notForwarded: notForwarded.slice(0, 20),
      };
      if (forwarded.length > 0) {
        return [
          manual(
            ref,
            `${forwarded.length} of ${inspected} inspected log group(s) in ${where} forward their events (to ${brief(destinations, 3)})${notForwarded.length > 0 ? `; ${notForwarded.length} do not (${brief(notForwarded, 3)})` : ''}. Confirm the central log system receives all AWS and application logs.`,
            evidence,
          ),
        ];
      }
      if (!policies.ok) return [unknown(ref, policies.error, evidence)];
      const firstUnreadable = unreadable[0]?.subscriptionFilters;
      if (firstUnreadable && !firstUnreadable.ok) return [unknown(ref, firstUnreadable.error, evidence)];
      return [
        fail(
          ref,
          `None of the ${inspected} inspected log group(s) in ${where} forwards its events (no subscription filter and no account-level subscription policy). If logs are centralised another way (cross-account observability, an agent), suppress this finding with a justification and attest the item.`,
          evidence,
        ),
      ];
    }),
});
