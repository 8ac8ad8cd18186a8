/** Schema of the Cost Explorer slice (src/core/slices/costs.ts): ISO 4217 currencies, calendar-day periods. */
import { z } from 'zod';
import { currencyCode, isoDate, observed } from '../primitives.js';

export const costPeriodSchema = z.object({ start: isoDate, end: isoDate });

export const serviceCostSchema = z.object({
  accountId: z.string(),
  service: z.string(),
  amount: z.number(),
  currency: currencyCode,
});

export const resourceCostLineSchema = z.object({
  accountId: z.string(),
  resourceId: z.string(),
  service: z.string(),
  amount: z.number(),
  currency: currencyCode,
});

export const costsSliceSchema = z.object({
  monthly: observed(
    z
      .object({
        period: costPeriodSchema,
        lines: z.array(serviceCostSchema),
        previous: z.object({ period: costPeriodSchema, lines: z.array(serviceCostSchema) }).exactOptional(),
      })
      .nullable(),
  ),
  resources: observed(z.object({ period: costPeriodSchema, lines: z.array(resourceCostLineSchema) }).nullable()),
});
