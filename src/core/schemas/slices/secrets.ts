/** Schema of the secret stores slice (src/core/slices/secrets.ts) and of secret findings. */
import { z } from 'zod';
import { SECRET_KINDS } from '../../slices/secrets.js';
import { nullableIsoTime, observed } from '../primitives.js';


export const secretFindingSchema = z.object({
  location: z.string(),
  kind: z.enum(SECRET_KINDS),
  hint: z.string(),
});

export const managedSecretSchema = z.object({
  name: z.string(),
  arn: z.string(),
  kmsKeyId: z.string().nullable(),
  rotationEnabled: z.boolean(),
  lastAccessedDate: nullableIsoTime,
  lastRotatedDate: nullableIsoTime,
});

export const ssmParameterSchema = z.object({
  name: z.string(),
  type: z.string(),
  keyId: z.string().nullable(),
  lastModifiedDate: nullableIsoTime,
});

export const secretsSliceSchema = z.object({
  secrets: observed(z.array(managedSecretSchema)),
  parameters: observed(z.array(ssmParameterSchema)),
});
