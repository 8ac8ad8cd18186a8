/** Schema of the CloudTrail slice (src/core/slices/cloudtrail.ts). */
import { z } from 'zod';
import { nullableIsoTime, observed, stringList } from '../primitives.js';
import { bucketExposureReadsShape } from './s3.js';

export const trailStatusSchema = z.object({
  isLogging: z.boolean(),
  latestDeliveryTime: nullableIsoTime,
  latestDeliveryError: z.string().nullable(),
});

export const eventSelectorSummarySchema = z.object({
  managementEvents: z.enum(['All', 'ReadOnly', 'WriteOnly', 'None']),
  advanced: z.boolean(),
  excludedManagementSources: stringList,
  /** Absent when no advanced selector records only some management events. */
  partialSelectors: stringList.exactOptional(),
});

export const trailLogBucketSchema = z.object({
  ...bucketExposureReadsShape,
  name: z.string(),
  owner: observed(z.enum(['this-account', 'other-account', 'not-found'])),
});

export const trailDetailsSchema = z.object({
  readInRegion: z.string(),
  status: observed(trailStatusSchema),
  eventSelectors: observed(eventSelectorSummarySchema),
  logBucket: trailLogBucketSchema.nullable(),
});

export const trailSchema = z.object({
  name: z.string(),
  arn: z.string(),
  homeRegion: z.string(),
  isMultiRegion: z.boolean(),
  isOrganizationTrail: z.boolean(),
  ownerAccountId: z.string().nullable(),
  s3BucketName: z.string().nullable(),
  logFileValidationEnabled: z.boolean(),
  kmsKeyId: z.string().nullable(),
  details: trailDetailsSchema.nullable(),
});

export const cloudTrailSliceSchema = z.object({
  trails: observed(z.array(trailSchema)),
});
