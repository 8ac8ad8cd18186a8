import { describe, expect, it } from 'vitest';
import type { AutoScalingGroup, AutoScalingSlice } from '../../core/slices/autoscaling.js';
import type { Observed } from '../../core/observed.js';
import { aRegion, aSnapshot, anAccount, denied, observed } from '../../../test/helpers/snapshot-builder.js';
import { autoscalingInUse as check } from './autoscaling-in-use.js';

function asg(name: string, zones: string[], min = 1, max = 1): AutoScalingGroup {
  return { name, arn: `arn:asg:${name}`, minSize: min, maxSize: max, desiredCapacity: min, availabilityZones: zones, vpcSubnetIds: [], instanceCount: min, tags: {} };
}

function run(slice: Observed<AutoScalingSlice>) {
  return check.evaluate(aSnapshot({ accounts: [anAccount({ regional: [aRegion('eu-west-1', { autoscaling: slice })] })] }));
}

describe('autoscaling_in_use', () => {
  it.each<[string, Observed<AutoScalingSlice>, string, RegExp]>([
    [
      'a group with a target-tracking policy',
      observed({ groups: observed([asg('web', ['a', 'b'], 2, 6)]), policies: observed([{ groupName: 'web', policyName: 'cpu', policyType: 'TargetTrackingScaling', enabled: true }]), scheduledActions: observed([]) }),
      'MANUAL',
      /1 of 1 Auto Scaling group\(s\)/,
    ],
    ['a fixed-size group', observed({ groups: observed([asg('batch', ['a'])]), policies: observed([]), scheduledActions: observed([]) }), 'MANUAL', /Fixed size: batch/],
    ['no groups', observed({ groups: observed([]), policies: observed([]), scheduledActions: observed([]) }), 'MANUAL', /no EC2 Auto Scaling groups/],
    ['groups denied', observed({ groups: denied('autoscaling', 'DescribeAutoScalingGroups'), policies: observed([]), scheduledActions: observed([]) }), 'UNKNOWN', /readable regions/],
    ['slice failed', denied('autoscaling', 'DescribeAutoScalingGroups'), 'UNKNOWN', /Could not read eu-west-1/],
  ])('%s -> %s', (_name, slice, status, message) => {
    const [outcome] = run(slice);
    expect(outcome).toMatchObject({ status, resourceType: 'AWS::::Account' });
    expect(outcome?.message).toMatch(message);
  });
});
