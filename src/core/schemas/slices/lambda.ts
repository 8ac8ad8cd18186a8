/** Schema of the Lambda slice (src/core/slices/lambda.ts). */
import { z } from 'zod';
import { collectionErrorSchema, count, observed, stringList } from '../primitives.js';
import { secretFindingSchema } from './secrets.js';

export const lambdaEnvironmentScanSchema = z.object({
  variableNames: stringList,
  secretFindings: z.array(secretFindingSchema),
});

export const lambdaFunctionSchema = z.object({
  name: z.string(),
  arn: z.string(),
  runtime: z.string().nullable(),
  role: z.string(),
  packageType: z.string().nullable(),
  environment: observed(lambdaEnvironmentScanSchema.nullable()),
  /** Absent in snapshots written before published versions were read. */
  publishedVersions: z
    .object({
      count,
      withSecrets: z.array(z.object({ version: z.string(), secretFindings: z.array(secretFindingSchema) })),
      unreadable: z.array(z.object({ version: z.string(), error: collectionErrorSchema })),
    })
    .exactOptional(),
});

export const lambdaSliceSchema = z.object({
  functions: observed(z.array(lambdaFunctionSchema)),
});
