import {
  AutoScalingClient,
  DescribeAutoScalingGroupsCommand,
  DescribePoliciesCommand,
  DescribeScheduledActionsCommand,
} from '@aws-sdk/client-auto-scaling';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsError, testCollectorContext } from '../../../../test/helpers/collector-context.js';
import { autoscalingCollector } from './autoscaling.collector.js';

const asg = mockClient(AutoScalingClient);

describe('autoscalingCollector', () => {
  beforeEach(() => asg.reset());

  it('collects groups, policies and scheduled actions', async () => {
    asg.on(DescribeAutoScalingGroupsCommand).resolves({
      AutoScalingGroups: [
        {
          AutoScalingGroupName: 'web',
          AutoScalingGroupARN: 'arn:asg:web',
          MinSize: 2,
          MaxSize: 6,
          DesiredCapacity: 2,
          DefaultCooldown: 300,
          HealthCheckType: 'EC2',
          CreatedTime: new Date('2026-01-01T00:00:00Z'),
          AvailabilityZones: ['us-east-1a', 'us-east-1b'],
          VPCZoneIdentifier: 'subnet-1, subnet-2',
          Instances: [{ InstanceId: 'i-1', AvailabilityZone: 'us-east-1a', LifecycleState: 'InService', HealthStatus: 'Healthy', ProtectedFromScaleIn: false }],
          Tags: [{ Key: 'Workload', Value: 'plant-a' }],
        },
      ],
    });
    asg.on(DescribePoliciesCommand).resolves({ ScalingPolicies: [{ AutoScalingGroupName: 'web', PolicyName: 'cpu50', PolicyType: 'TargetTrackingScaling', Enabled: true }] });
    asg.on(DescribeScheduledActionsCommand).resolves({ ScheduledUpdateGroupActions: [{ AutoScalingGroupName: 'web', ScheduledActionName: 'night', Recurrence: '0 20 * * *' }] });
    const { ctx } = testCollectorContext();
    const slice = await autoscalingCollector.collect(ctx);

    expect(slice).toEqual({
      groups: {
        ok: true,
        value: [
          {
            name: 'web',
            arn: 'arn:asg:web',
            minSize: 2,
            maxSize: 6,
            desiredCapacity: 2,
            availabilityZones: ['us-east-1a', 'us-east-1b'],
            vpcSubnetIds: ['subnet-1', 'subnet-2'],
            instanceCount: 1,
            tags: { Workload: 'plant-a' },
          },
        ],
      },
      policies: { ok: true, value: [{ groupName: 'web', policyName: 'cpu50', policyType: 'TargetTrackingScaling', enabled: true }] },
      scheduledActions: { ok: true, value: [{ groupName: 'web', name: 'night', recurrence: '0 20 * * *' }] },
    });
  });

  it('keeps the groups when the policies read is denied', async () => {
    asg.on(DescribeAutoScalingGroupsCommand).resolves({ AutoScalingGroups: [{ AutoScalingGroupName: 'web', MinSize: 1, MaxSize: 2 }] as never });
    asg.on(DescribePoliciesCommand).rejects(awsError('AccessDenied', 'no', 403));
    asg.on(DescribeScheduledActionsCommand).resolves({});
    const { ctx, recorder } = testCollectorContext();
    const slice = await autoscalingCollector.collect(ctx);
    expect(slice.groups).toMatchObject({ ok: true, value: [{ name: 'web' }] });
    expect(slice.policies).toMatchObject({ ok: false, error: { kind: 'access_denied', operation: 'DescribePolicies' } });
    expect(slice.scheduledActions).toEqual({ ok: true, value: [] });
    expect(recorder.errors).toHaveLength(1);
  });

  it('does not ask for policies or scheduled actions in a region without groups (they belong to groups)', async () => {
    asg.on(DescribeAutoScalingGroupsCommand).resolves({ AutoScalingGroups: [] });
    const { ctx, recorder } = testCollectorContext();
    const slice = await autoscalingCollector.collect(ctx);
    expect(slice).toEqual({ groups: { ok: true, value: [] }, policies: { ok: true, value: [] }, scheduledActions: { ok: true, value: [] } });
    expect(asg.commandCalls(DescribePoliciesCommand)).toHaveLength(0);
    expect(asg.commandCalls(DescribeScheduledActionsCommand)).toHaveLength(0);
    expect(recorder.errors).toHaveLength(0);
  });

  it('still asks for policies and scheduled actions when the groups could not be read', async () => {
    asg.on(DescribeAutoScalingGroupsCommand).rejects(awsError('AccessDenied', 'no', 403));
    asg.on(DescribePoliciesCommand).resolves({ ScalingPolicies: [] });
    asg.on(DescribeScheduledActionsCommand).resolves({ ScheduledUpdateGroupActions: [] });
    const { ctx } = testCollectorContext();
    const slice = await autoscalingCollector.collect(ctx);
    expect(slice.groups.ok).toBe(false);
    expect(asg.commandCalls(DescribePoliciesCommand)).toHaveLength(1);
    expect(asg.commandCalls(DescribeScheduledActionsCommand)).toHaveLength(1);
  });

  it('turns an unsupported-API answer (404) into an error value', async () => {
    asg.on(DescribeAutoScalingGroupsCommand).rejects(awsError('404', 'Not Found', 404));
    asg.on(DescribePoliciesCommand).resolves({});
    asg.on(DescribeScheduledActionsCommand).resolves({});
    const { ctx } = testCollectorContext();
    const slice = await autoscalingCollector.collect(ctx);
    expect(slice.groups.ok ? null : slice.groups.error.kind).toBe('unsupported');
  });
});
