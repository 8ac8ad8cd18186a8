/** Schema of the DynamoDB slice (src/core/slices/dynamodb.ts). */
import { z } from 'zod';
import { observed } from '../primitives.js';

export const dynamoDbTableDetailsSchema = z.object({
  arn: z.string().nullable(),
  status: z.string().nullable(),
  billingMode: z.string().nullable(),
  sse: z.object({ status: z.string().nullable(), sseType: z.string().nullable(), kmsKeyArn: z.string().nullable() }).nullable(),
});

export const dynamoDbContinuousBackupsSchema = z.object({
  continuousBackupsStatus: z.string().nullable(),
  pitrStatus: z.string().nullable(),
  recoveryPeriodInDays: z.number().nullable(),
});

export const dynamoDbTableSchema = z.object({
  name: z.string(),
  details: observed(dynamoDbTableDetailsSchema.nullable()),
  continuousBackups: observed(dynamoDbContinuousBackupsSchema.nullable()),
});

export const dynamoDbSliceSchema = z.object({
  tables: observed(z.array(dynamoDbTableSchema)),
});
