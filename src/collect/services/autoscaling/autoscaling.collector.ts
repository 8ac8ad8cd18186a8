/**
 * EC2 Auto Scaling (regional): groups, scaling policies and scheduled actions (three paginated calls; one where
 * the region has no group).
 */
import {
  AutoScalingClient,
  paginateDescribeAutoScalingGroups,
  paginateDescribePolicies,
  paginateDescribeScheduledActions,
} from '@aws-sdk/client-auto-scaling';
import { observed, type Observed } from '../../../core/observed.js';
import type { AutoScalingGroup, AutoScalingPolicy, AutoScalingScheduledAction } from '../../../core/slices/autoscaling.js';
import { collectPages, defineRegionalCollector } from '../../collector.js';

function mapObserved<A, B>(o: Observed<A[]>, f: (a: A) => B): Observed<readonly B[]> {
  return o.ok ? { ok: true, value: o.value.map(f) } : o;
}

export const autoscalingCollector = defineRegionalCollector({
  service: 'autoscaling',
  scope: 'regional',
  // docs/decisions/0012-region-signal.md: policies and scheduled actions belong to groups
  regionalReads: 'resources',
  configResourceTypes: ['AWS::AutoScaling::AutoScalingGroup'],
  operations: [
    { operation: 'DescribeAutoScalingGroups', iamAction: 'autoscaling:DescribeAutoScalingGroups' },
    { operation: 'DescribePolicies', iamAction: 'autoscaling:DescribePolicies' },
    { operation: 'DescribeScheduledActions', iamAction: 'autoscaling:DescribeScheduledActions' },
  ],
  async collect(ctx) {
    const client = ctx.client(AutoScalingClient);
    const groups = await ctx.call('autoscaling', 'DescribeAutoScalingGroups', () =>
      collectPages(paginateDescribeAutoScalingGroups({ client }, {}), (p) => p.AutoScalingGroups),
    );
    // A scaling policy and a scheduled action belong to a group, and deleting a group deletes them: with no
    // group (read, not failed) both lists are empty without asking. Two requests fewer in every region without
    // Auto Scaling, which is most of an Organization's account-regions (issue 10).
    const noGroups = groups.ok && groups.value.length === 0;
    const policies = noGroups
      ? observed([])
      : await ctx.call('autoscaling', 'DescribePolicies', () => collectPages(paginateDescribePolicies({ client }, {}), (p) => p.ScalingPolicies));
    const scheduled = noGroups
      ? observed([])
      : await ctx.call('autoscaling', 'DescribeScheduledActions', () =>
          collectPages(paginateDescribeScheduledActions({ client }, {}), (p) => p.ScheduledUpdateGroupActions),
        );
    return {
      groups: mapObserved(groups, (g): AutoScalingGroup => ({
        name: g.AutoScalingGroupName ?? '',
        arn: g.AutoScalingGroupARN ?? null,
        minSize: g.MinSize ?? 0,
        maxSize: g.MaxSize ?? 0,
        desiredCapacity: g.DesiredCapacity ?? 0,
        availabilityZones: g.AvailabilityZones ?? [],
        vpcSubnetIds: (g.VPCZoneIdentifier ?? '').split(',').map((s) => s.trim()).filter((s) => s !== ''),
        instanceCount: g.Instances?.length ?? 0,
        tags: Object.fromEntries((g.Tags ?? []).filter((t) => t.Key !== undefined).map((t) => [t.Key ?? '', t.Value ?? ''])),
      })),
      policies: mapObserved(policies, (p): AutoScalingPolicy => ({
        groupName: p.AutoScalingGroupName ?? '',
        policyName: p.PolicyName ?? '',
        policyType: p.PolicyType ?? null,
        enabled: p.Enabled ?? true,
      })),
      scheduledActions: mapObserved(scheduled, (a): AutoScalingScheduledAction => ({
        groupName: a.AutoScalingGroupName ?? '',
        name: a.ScheduledActionName ?? '',
        recurrence: a.Recurrence ?? null,
      })),
    };
  },
});
