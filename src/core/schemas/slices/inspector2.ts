/** Schema of the Amazon Inspector slice (src/core/slices/inspector2.ts). */
import { z } from 'zod';
import { accountId, observed } from '../primitives.js';

export const inspector2AccountStatusSchema = z.object({
  status: z.string(),
  ec2: z.string().nullable(),
  ecr: z.string().nullable(),
  lambda: z.string().nullable(),
  lambdaCode: z.string().nullable(),
});

export const delegatedAdministratorReadSchema = z.object({
  kind: z.literal('delegated-administrator'),
  accountId,
  operation: z.string(),
});

export const inspector2SliceSchema = z.object({
  account: observed(inspector2AccountStatusSchema),
  // Optional: absent in snapshots written before organization reads, and for every account's own read.
  source: delegatedAdministratorReadSchema.optional(),
});
