/** Schema of the CodePipeline slice (src/core/slices/codepipeline.ts). */
import { z } from 'zod';
import { nullableIsoTime, observed } from '../primitives.js';

export const pipelineExecutionSchema = z.object({
  status: z.string().nullable(),
  startedAt: nullableIsoTime,
  lastUpdatedAt: nullableIsoTime,
});

export const pipelineSchema = z.object({
  name: z.string(),
  arn: z.string(),
  pipelineType: z.string().nullable(),
  createdAt: nullableIsoTime,
  updatedAt: nullableIsoTime,
  latestExecution: observed(pipelineExecutionSchema.nullable()).nullable(),
});

export const codePipelineSliceSchema = z.object({
  pipelines: observed(z.array(pipelineSchema)),
});
