/** Schema of the GuardDuty slice (src/core/slices/guardduty.ts). */
import { z } from 'zod';
import { observed } from '../primitives.js';

export const guardDutyFeatureSchema = z.object({
  name: z.string(),
  status: z.string().nullable(),
  additionalConfiguration: z.array(z.object({ name: z.string(), status: z.string().nullable() })),
});

export const guardDutyDetectorDetailsSchema = z.object({
  status: z.string(),
  findingPublishingFrequency: z.string().nullable(),
  features: z.array(guardDutyFeatureSchema),
});

export const guardDutyDetectorSchema = z.object({
  id: z.string(),
  details: observed(guardDutyDetectorDetailsSchema),
});

export const guardDutySliceSchema = z.object({
  detectors: observed(z.array(guardDutyDetectorSchema)),
});
