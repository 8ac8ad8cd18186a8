/** Schema of the Well-Architected Tool slice (src/core/slices/wellarchitected.ts). */
import { z } from 'zod';
import { count, nullableIsoTime, observed, stringList } from '../primitives.js';

export const riskCountsSchema = z.record(z.string(), count);

export const pillarSummarySchema = z.object({
  pillarId: z.string(),
  pillarName: z.string().nullable(),
  riskCounts: riskCountsSchema,
});

export const lensReviewSchema = z.object({
  lensAlias: z.string(),
  lensName: z.string().nullable(),
  lensStatus: z.string().nullable(),
  updatedAt: nullableIsoTime,
  riskCounts: riskCountsSchema,
  pillars: observed(z.array(pillarSummarySchema)),
});

export const workloadDetailsSchema = z.object({
  environment: z.string().nullable(),
  reviewOwner: z.string().nullable(),
  updatedAt: nullableIsoTime,
  lenses: stringList,
  riskCounts: riskCountsSchema,
});

export const milestoneSchema = z.object({
  number: z.number().int(),
  name: z.string().nullable(),
  recordedAt: nullableIsoTime,
});

export const workloadSchema = z.object({
  id: z.string(),
  arn: z.string().nullable(),
  name: z.string().nullable(),
  updatedAt: nullableIsoTime,
  owner: z.string().nullable(),
  details: observed(workloadDetailsSchema),
  lensReviews: observed(z.array(lensReviewSchema)),
  milestones: observed(z.array(milestoneSchema)),
});

export const wellArchitectedSliceSchema = z.object({
  workloads: observed(z.array(workloadSchema)),
});
