/** Schema of the AWS Support slice (src/core/slices/support.ts). */
import { z } from 'zod';
import { observed, stringList } from '../primitives.js';

export const supportPlanSchema = z.object({
  tier: z.enum(['basic-or-developer', 'business-or-higher', 'enterprise']),
  severityLevels: stringList,
  region: z.string(),
});

export const supportSliceSchema = z.object({
  plan: observed(supportPlanSchema),
});
