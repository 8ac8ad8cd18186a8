/** Schema of the IAM Access Analyzer slice (src/core/slices/accessanalyzer.ts). */
import { z } from 'zod';
import { nullableIsoTime, observed } from '../primitives.js';

export const accessAnalyzerSchema = z.object({
  name: z.string(),
  arn: z.string(),
  type: z.string(),
  status: z.string(),
  statusReason: z.string().nullable(),
  createdAt: nullableIsoTime,
  lastResourceAnalyzedAt: nullableIsoTime,
});

export const accessAnalyzerSliceSchema = z.object({
  analyzers: observed(z.array(accessAnalyzerSchema)),
});
