/** Schema of the CloudFront slice (src/core/slices/cloudfront.ts). */
import { z } from 'zod';
import { observed, stringList } from '../primitives.js';

export const cacheBehaviorProtocolSchema = z.object({
  pathPattern: z.string(),
  viewerProtocolPolicy: z.string(),
});

export const distributionOriginSchema = z.object({
  id: z.string(),
  domainName: z.string(),
  originProtocolPolicy: z.string().nullable(),
});

export const distributionSchema = z.object({
  id: z.string(),
  arn: z.string(),
  domainName: z.string(),
  aliases: stringList,
  enabled: z.boolean(),
  behaviors: z.array(cacheBehaviorProtocolSchema),
  cloudFrontDefaultCertificate: z.boolean(),
  minimumProtocolVersion: z.string().nullable(),
  origins: z.array(distributionOriginSchema),
});

export const cloudFrontSliceSchema = z.object({
  distributions: observed(z.array(distributionSchema)),
});
