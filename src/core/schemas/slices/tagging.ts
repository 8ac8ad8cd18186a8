/** Schema of the Resource Groups Tagging API slice (src/core/slices/tagging.ts). */
import { z } from 'zod';
import { observed, tagMap } from '../primitives.js';

export const taggedResourceSchema = z.object({
  arn: z.string(),
  tags: tagMap,
});

export const taggingSliceSchema = z.object({
  resources: observed(z.array(taggedResourceSchema)),
});
