import { accountRef, defineCheck, manual, unknown } from '../../core/check.js';
import { brief, forEachAccountRegions, unseenNote } from './regional-reads.js';

/**
 * Competency 2.2: scaling matches business needs (auto scaling at each tier, or documented and tested
 * manual scaling). The API shows EC2 Auto Scaling groups and their policies; whether every tier scales is
 * for a person to confirm, so this check is MANUAL with the evidence (UNKNOWN when nothing could be read).
 */
export const autoscalingInUse = defineCheck({
  id: 'autoscaling_in_use',
  title: 'Workload tiers scale automatically',
  service: 'autoscaling',
  resourceType: 'AWS::::Account',
  severity: 'low',
  reads: ['autoscaling:DescribeAutoScalingGroups', 'autoscaling:DescribePolicies', 'autoscaling:DescribeScheduledActions'],
  remediation: {
    summary:
      'Scale every tier with demand: target-tracking policies on Auto Scaling groups, ECS service auto scaling, DynamoDB on-demand or auto scaling, serverless services; or document and test a manual scaling procedure.',
    docs: 'https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-scaling-target-tracking.html',
  },
  evaluate: (snapshot) =>
    forEachAccountRegions(snapshot, 'autoscaling', (account, { seen, unseen }) => {
      const ref = accountRef(account);
      const unreadable = [
        ...unseen,
        ...seen.flatMap(({ region, value }) => (value.groups.ok ? [] : [{ region, reason: `${value.groups.error.code}: ${value.groups.error.message}` }])),
      ];
      const groups = seen.flatMap(({ region, value }) => {
        if (!value.groups.ok) return [];
        const policies = value.policies.ok ? value.policies.value : null;
        const scheduled = value.scheduledActions.ok ? value.scheduledActions.value : null;
        return value.groups.value.map((g) => ({
          region,
          name: g.name,
          minSize: g.minSize,
          maxSize: g.maxSize,
          policies: policies === null ? null : policies.filter((p) => p.groupName === g.name && p.enabled).map((p) => p.policyName),
          schedules: scheduled === null ? null : scheduled.filter((a) => a.groupName === g.name).map((a) => a.name),
        }));
      });
      const scaling = groups.filter((g) => (g.policies?.length ?? 0) > 0 || (g.schedules?.length ?? 0) > 0);
      const fixed = groups.filter((g) => g.minSize === g.maxSize && g.policies?.length === 0 && g.schedules?.length === 0);
      const evidence = { groups: groups.slice(0, 50), scalingGroups: scaling.length, fixedSizeGroups: fixed.map((g) => `${g.region}/${g.name}`), unreadableRegions: unreadable.map((u) => u.region) };
      if (groups.length === 0 && unreadable.length > 0) {
        return [unknown(ref, `No Auto Scaling group found in the readable regions of account ${account.accountId}.${unseenNote(unreadable)}`, evidence)];
      }
      if (groups.length === 0) {
        return [
          manual(
            ref,
            `Account ${account.accountId} has no EC2 Auto Scaling groups. Describe how each tier scales (ECS, Lambda, DynamoDB and other services are not inspected) or attach the documented and tested manual scaling procedure.`,
            evidence,
          ),
        ];
      }
      const fixedNote = fixed.length > 0 ? ` Fixed size: ${brief(fixed.map((g) => g.name), 3)}.` : '';
      return [
        manual(
          ref,
          `${scaling.length} of ${groups.length} Auto Scaling group(s) in account ${account.accountId} have scaling policies or schedules.${fixedNote} Confirm every tier scales with business demand (ECS, Lambda and database tiers are not inspected).${unseenNote(unreadable)}`,
          evidence,
        ),
      ];
    }),
});
