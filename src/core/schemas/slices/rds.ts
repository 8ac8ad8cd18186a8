/** Schema of the RDS slice (src/core/slices/rds.ts). */
import { z } from 'zod';
import { observed, stringList, tagMap } from '../primitives.js';

export const rdsInstanceSchema = z.object({
  id: z.string(),
  arn: z.string().nullable(),
  engine: z.string().nullable(),
  status: z.string().nullable(),
  clusterId: z.string().nullable(),
  readReplicaSourceId: z.string().nullable(),
  backupRetentionPeriod: z.number().nullable(),
  storageEncrypted: z.boolean().nullable(),
  multiAz: z.boolean().nullable(),
  publiclyAccessible: z.boolean().nullable(),
  tags: tagMap,
});

export const rdsClusterSchema = z.object({
  id: z.string(),
  arn: z.string().nullable(),
  engine: z.string().nullable(),
  status: z.string().nullable(),
  backupRetentionPeriod: z.number().nullable(),
  storageEncrypted: z.boolean().nullable(),
  multiAz: z.boolean().nullable(),
  memberIds: stringList,
  tags: tagMap,
});

export const rdsSliceSchema = z.object({
  instances: observed(z.array(rdsInstanceSchema)),
  clusters: observed(z.array(rdsClusterSchema)),
});
