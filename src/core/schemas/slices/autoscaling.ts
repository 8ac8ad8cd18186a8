/** Schema of the EC2 Auto Scaling slice (src/core/slices/autoscaling.ts). */
import { z } from 'zod';
import { count, observed, stringList, tagMap } from '../primitives.js';

export const autoScalingGroupSchema = z.object({
  name: z.string(),
  arn: z.string().nullable(),
  minSize: count,
  maxSize: count,
  desiredCapacity: count,
  availabilityZones: stringList,
  vpcSubnetIds: stringList,
  instanceCount: count,
  tags: tagMap,
});

export const autoScalingPolicySchema = z.object({
  groupName: z.string(),
  policyName: z.string(),
  policyType: z.string().nullable(),
  enabled: z.boolean(),
});

export const autoScalingScheduledActionSchema = z.object({
  groupName: z.string(),
  name: z.string(),
  recurrence: z.string().nullable(),
});

export const autoScalingSliceSchema = z.object({
  groups: observed(z.array(autoScalingGroupSchema)),
  policies: observed(z.array(autoScalingPolicySchema)),
  scheduledActions: observed(z.array(autoScalingScheduledActionSchema)),
});
