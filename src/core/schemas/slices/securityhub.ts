/** Schema of the Security Hub slice (src/core/slices/securityhub.ts). */
import { z } from 'zod';
import { nullableIsoTime, observed } from '../primitives.js';

export const securityHubHubSchema = z.object({
  hubArn: z.string().nullable(),
  subscribedAt: nullableIsoTime,
  autoEnableControls: z.boolean().nullable(),
});

export const securityHubStandardSchema = z.object({
  standardsArn: z.string(),
  status: z.string().nullable(),
});

export const securityHubSliceSchema = z.object({
  hub: observed(securityHubHubSchema.nullable()),
  enabledStandards: observed(z.array(securityHubStandardSchema).nullable()),
});
