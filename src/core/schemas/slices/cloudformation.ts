/** Schema of the CloudFormation slice (src/core/slices/cloudformation.ts). */
import { z } from 'zod';
import { nullableIsoTime, observed, tagMap } from '../primitives.js';

export const cloudFormationStackSchema = z.object({
  stackName: z.string(),
  stackId: z.string(),
  status: z.string(),
  createdAt: nullableIsoTime,
  lastUpdatedAt: nullableIsoTime,
  parentId: z.string().nullable(),
  driftStatus: z.string().nullable(),
  lastDriftCheckAt: nullableIsoTime,
  tags: tagMap,
});

export const cloudFormationSliceSchema = z.object({
  stacks: observed(z.array(cloudFormationStackSchema)),
});
