/** Schema of the S3 slice (src/core/slices/s3.ts), and the bucket reads the CloudTrail slice shares. */
import { z } from 'zod';
import { nullableIsoTime, observed, tagMap } from '../primitives.js';

export const publicAccessBlockSchema = z.object({
  blockPublicAcls: z.boolean(),
  ignorePublicAcls: z.boolean(),
  blockPublicPolicy: z.boolean(),
  restrictPublicBuckets: z.boolean(),
});

export const aclGrantSchema = z.object({
  granteeType: z.string(),
  groupUri: z.string().nullable(),
  canonicalId: z.string().nullable(),
  permission: z.string(),
});

export const bucketAclSchema = z.object({
  ownerCanonicalId: z.string().nullable(),
  grants: z.array(aclGrantSchema),
});

export const bucketVersioningSchema = z.object({
  status: z.enum(['Enabled', 'Suspended']).nullable(),
  mfaDelete: z.enum(['Enabled', 'Disabled']).nullable(),
});

export const bucketEncryptionSchema = z.object({
  sseAlgorithm: z.string(),
  kmsMasterKeyId: z.string().nullable(),
  bucketKeyEnabled: z.boolean().nullable(),
});

/** BucketExposureReads: spread into the bucket and trail log-bucket schemas. */
export const bucketExposureReadsShape = {
  publicAccessBlock: observed(publicAccessBlockSchema.nullable()),
  policy: observed(z.string().nullable()),
  policyIsPublic: observed(z.boolean().nullable()),
  acl: observed(bucketAclSchema),
  versioning: observed(bucketVersioningSchema),
  /** Optional here: CloudTrail log buckets of older snapshots lack it (buckets always have it). */
  objectOwnership: observed(z.string().nullable()).exactOptional(),
};

export const s3BucketSchema = z.object({
  ...bucketExposureReadsShape,
  name: z.string(),
  arn: z.string(),
  createdAt: nullableIsoTime,
  region: observed(z.string()),
  inScannedRegion: z.boolean().nullable(),
  objectOwnership: observed(z.string().nullable()),
  encryption: observed(bucketEncryptionSchema.nullable()),
  tags: observed(tagMap.nullable()),
});

export const s3SliceSchema = z.object({
  accountPublicAccessBlock: observed(publicAccessBlockSchema.nullable()),
  buckets: observed(z.array(s3BucketSchema)),
});
