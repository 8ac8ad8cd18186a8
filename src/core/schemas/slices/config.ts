/** Schema of the AWS Config slice (src/core/slices/config.ts). */
import { z } from 'zod';
import { nullableIsoTime, observed, stringList } from '../primitives.js';

export const configRecorderSchema = z.object({
  name: z.string(),
  roleArn: z.string().nullable(),
  allSupported: z.boolean(),
  includeGlobalResourceTypes: z.boolean(),
  resourceTypes: stringList,
  excludedResourceTypes: stringList,
  recordingStrategy: z.string().nullable(),
});

export const configRecorderStatusSchema = z.object({
  name: z.string(),
  recording: z.boolean(),
  lastStatus: z.string().nullable(),
  lastStatusChangeTime: nullableIsoTime,
  lastErrorCode: z.string().nullable(),
});

export const configDeliveryChannelSchema = z.object({
  name: z.string(),
  s3BucketName: z.string().nullable(),
  snsTopicArn: z.string().nullable(),
});

export const configRuleSchema = z.object({
  name: z.string(),
  arn: z.string().nullable(),
  state: z.string().nullable(),
  sourceOwner: z.string().nullable(),
  sourceIdentifier: z.string().nullable(),
});

export const configSliceSchema = z.object({
  recorders: observed(z.array(configRecorderSchema)),
  recorderStatuses: observed(z.array(configRecorderStatusSchema)),
  deliveryChannels: observed(z.array(configDeliveryChannelSchema)),
  rules: observed(z.array(configRuleSchema)),
});
