/** Schema of the KMS slice (src/core/slices/kms.ts). */
import { z } from 'zod';
import { observed, stringList } from '../primitives.js';

export const kmsKeyMetadataSchema = z.object({
  keyManager: z.string(),
  keySpec: z.string().nullable(),
  keyState: z.string(),
  origin: z.string().nullable(),
  description: z.string().nullable(),
});

export const kmsKeySchema = z.object({
  keyId: z.string(),
  arn: z.string(),
  aliases: stringList,
  awsManaged: z.boolean(),
  metadata: observed(kmsKeyMetadataSchema),
  rotationEnabled: observed(z.boolean().nullable()),
});

export const kmsSliceSchema = z.object({
  keys: observed(z.array(kmsKeySchema)),
  aliases: observed(z.array(z.object({ aliasName: z.string(), targetKeyId: z.string().nullable() }))),
});
