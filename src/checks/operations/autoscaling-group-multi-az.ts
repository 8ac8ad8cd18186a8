import { defineCheck, fail, forEachRegion, pass, unknown } from '../../core/check.js';

/** Competency 2.8 / RES-006: every Auto Scaling group spans at least two Availability Zones. */
export const autoscalingGroupMultiAz = defineCheck({
  id: 'autoscaling_group_multi_az',
  title: 'Auto Scaling groups span at least two Availability Zones',
  service: 'autoscaling',
  resourceType: 'AWS::AutoScaling::AutoScalingGroup',
  severity: 'medium',
  reads: ['autoscaling:DescribeAutoScalingGroups'],
  remediation: {
    summary: 'Give every Auto Scaling group subnets in at least two Availability Zones so the tier survives the loss of one zone.',
    cli: 'aws autoscaling update-auto-scaling-group --auto-scaling-group-name <name> --vpc-zone-identifier "<subnet-az1>,<subnet-az2>"',
    docs: 'https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-add-az-console.html',
  },
  evaluate: (snapshot) =>
    forEachRegion(snapshot, 'autoscaling', (slice, account, { region }) => {
      if (!slice.groups.ok) {
        return [unknown({ accountId: account.accountId, region, resourceType: 'AWS::::Region', resourceId: `${account.accountId}/${region}` }, slice.groups.error)];
      }
      return slice.groups.value.map((g) => {
        const ref = { accountId: account.accountId, region, resourceType: 'AWS::AutoScaling::AutoScalingGroup', resourceId: g.name, resourceArn: g.arn };
        const zones = [...new Set(g.availabilityZones)];
        const evidence = { availabilityZones: zones, minSize: g.minSize, maxSize: g.maxSize };
        return zones.length >= 2
          ? pass(ref, `Auto Scaling group ${g.name} spans ${zones.length} Availability Zones (${zones.join(', ')}).`, evidence)
          : fail(ref, `Auto Scaling group ${g.name} runs in ${zones.length === 1 ? `one Availability Zone (${zones[0] ?? ''})` : 'no Availability Zone'}; the loss of that zone takes the tier down.`, evidence);
      });
    }),
});
