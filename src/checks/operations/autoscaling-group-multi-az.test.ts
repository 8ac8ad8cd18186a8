import { describe, expect, it } from 'vitest';
import type { AutoScalingGroup, AutoScalingSlice } from '../../core/slices/autoscaling.js';
import type { Observed } from '../../core/observed.js';
import { aRegion, aSnapshot, anAccount, denied, observed } from '../../../test/helpers/snapshot-builder.js';
import { autoscalingGroupMultiAz as check } from './autoscaling-group-multi-az.js';

function asg(name: string, zones: string[]): AutoScalingGroup {
  return { name, arn: `arn:asg:${name}`, minSize: 1, maxSize: 1, desiredCapacity: 1, availabilityZones: zones, vpcSubnetIds: [], instanceCount: 1, tags: {} };
}

function run(slice: Observed<AutoScalingSlice>) {
  return check.evaluate(aSnapshot({ accounts: [anAccount({ regional: [aRegion('eu-west-1', { autoscaling: slice })] })] }));
}

const slice = (groups: AutoScalingSlice['groups']): Observed<AutoScalingSlice> => observed({ groups, policies: observed([]), scheduledActions: observed([]) });

describe('autoscaling_group_multi_az', () => {
  it.each<[string, Observed<AutoScalingSlice>, string, string]>([
    ['two zones', slice(observed([asg('web', ['eu-west-1a', 'eu-west-1b'])])), 'PASS', 'AWS::AutoScaling::AutoScalingGroup'],
    ['one zone', slice(observed([asg('web', ['eu-west-1a'])])), 'FAIL', 'AWS::AutoScaling::AutoScalingGroup'],
    ['groups denied', slice(denied('autoscaling', 'DescribeAutoScalingGroups')), 'UNKNOWN', 'AWS::::Region'],
    ['slice failed', denied('autoscaling', 'DescribeAutoScalingGroups'), 'UNKNOWN', 'AWS::::Region'],
  ])('%s -> %s', (_name, value, status, resourceType) => {
    expect(run(value)[0]).toMatchObject({ status, resourceType, region: 'eu-west-1' });
  });

  it('one outcome per group, none without groups', () => {
    expect(run(slice(observed([asg('a', ['x', 'y']), asg('b', ['x'])]))).map((o) => [o.resourceId, o.status])).toEqual([
      ['a', 'PASS'],
      ['b', 'FAIL'],
    ]);
    expect(run(slice(observed([])))).toEqual([]);
  });
});
