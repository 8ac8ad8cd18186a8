/** Schema of the CloudWatch alarms slice (src/core/slices/cloudwatch.ts). */
import { z } from 'zod';
import { observed, stringList } from '../primitives.js';

export const cloudWatchAlarmSchema = z.object({
  name: z.string(),
  arn: z.string().nullable(),
  kind: z.enum(['metric', 'composite']),
  actionsEnabled: z.boolean(),
  alarmActions: stringList,
  state: z.string().nullable(),
  namespace: z.string().nullable(),
  metricName: z.string().nullable(),
});

export const cloudWatchSliceSchema = z.object({
  alarms: observed(z.array(cloudWatchAlarmSchema)),
});
