/** Schema of the Elastic Load Balancing v2 slice (src/core/slices/elbv2.ts). */
import { z } from 'zod';
import { observed, stringList } from '../primitives.js';

export const listenerActionSchema = z.object({
  type: z.string(),
  redirectProtocol: z.string().nullable(),
  redirectPort: z.string().nullable(),
});

export const listenerRuleSchema = z.object({
  priority: z.string(),
  isDefault: z.boolean(),
  actions: z.array(listenerActionSchema),
});

export const listenerSchema = z.object({
  listenerArn: z.string(),
  port: z.number().int().nullable(),
  protocol: z.string(),
  sslPolicy: z.string().nullable(),
  defaultActions: z.array(listenerActionSchema),
  /** Absent for listeners whose rules were not read, and in older snapshots. */
  rules: observed(z.array(listenerRuleSchema)).exactOptional(),
});

export const loadBalancerSchema = z.object({
  arn: z.string(),
  name: z.string(),
  type: z.string(),
  scheme: z.string(),
  vpcId: z.string().nullable(),
  availabilityZones: stringList,
  dnsName: z.string().nullable(),
  listeners: observed(z.array(listenerSchema)),
});

export const elbv2SliceSchema = z.object({
  loadBalancers: observed(z.array(loadBalancerSchema)),
});
