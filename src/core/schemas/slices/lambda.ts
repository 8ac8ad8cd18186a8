/** Schema of the Lambda slice (src/core/slices/lambda.ts). */
import { z } from 'zod';
import { observed, stringList } from '../primitives.js';
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
});

export const lambdaSliceSchema = z.object({
  functions: observed(z.array(lambdaFunctionSchema)),
});
