/** Schema of the Amazon Macie slice (src/core/slices/macie.ts). */
import { z } from 'zod';
import { nullableIsoTime, observed } from '../primitives.js';

export const macieSessionSchema = z.object({
  status: z.string(),
  createdAt: nullableIsoTime,
  updatedAt: nullableIsoTime,
});

export const macieClassificationJobSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  jobType: z.string().nullable(),
  status: z.string().nullable(),
  createdAt: nullableIsoTime,
});

export const macieSliceSchema = z.object({
  session: observed(macieSessionSchema.nullable()),
  classificationJobs: observed(z.array(macieClassificationJobSchema).nullable()),
  automatedDiscoveryStatus: observed(z.string().nullable()),
});
