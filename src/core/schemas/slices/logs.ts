/** Schema of the CloudWatch Logs slice (src/core/slices/logs.ts). */
import { z } from 'zod';
import { nullableIsoTime, observed } from '../primitives.js';

export const logSubscriptionFilterSchema = z.object({
  filterName: z.string(),
  destinationArn: z.string(),
  filterPattern: z.string().nullable(),
});

export const logGroupSchema = z.object({
  name: z.string(),
  arn: z.string().nullable(),
  retentionInDays: z.number().nullable(),
  storedBytes: z.number().nullable(),
  kmsKeyId: z.string().nullable(),
  createdAt: nullableIsoTime,
  subscriptionFilters: observed(z.array(logSubscriptionFilterSchema)).nullable(),
});

export const logsAccountSubscriptionPolicySchema = z.object({
  policyName: z.string(),
  scope: z.string().nullable(),
  selectionCriteria: z.string().nullable(),
  destinationArn: z.string().nullable(),
});

export const logsSliceSchema = z.object({
  logGroups: observed(z.array(logGroupSchema)),
  accountSubscriptionPolicies: observed(z.array(logsAccountSubscriptionPolicySchema)),
});
