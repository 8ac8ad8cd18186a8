/**
 * AWS Support collector (global). The Support API only answers in us-east-1 (us-gov-west-1 in GovCloud)
 * and only on Business or higher plans: SubscriptionRequiredException is the answer "Basic or Developer",
 * recorded as data, not as an error.
 */
import { DescribeSeverityLevelsCommand, SupportClient } from '@aws-sdk/client-support';
import { defineGlobalCollector } from '../../collector.js';
import { notObserved, observed } from '../../../core/observed.js';
import type { SupportPlan, SupportSlice } from '../../../core/slices/support.js';

const SUBSCRIPTION_REQUIRED = ['SubscriptionRequiredException'];

/** The Support API endpoint region of a partition; null where the API does not exist (China). */
export function supportRegion(partition: string): string | null {
  if (partition === 'aws-us-gov') return 'us-gov-west-1';
  if (partition.startsWith('aws-cn')) return null;
  return 'us-east-1';
}

export const supportCollector = defineGlobalCollector({
  service: 'support',
  scope: 'global',
  operations: [
    { operation: 'DescribeSeverityLevels', iamAction: 'support:DescribeSeverityLevels', notFoundCodes: SUBSCRIPTION_REQUIRED },
  ],
  async collect(ctx): Promise<SupportSlice> {
    const region = supportRegion(ctx.partition);
    if (region === null) {
      return {
        plan: notObserved({
          kind: 'unsupported',
          accountId: ctx.accountId,
          region: ctx.region,
          service: 'support',
          operation: 'DescribeSeverityLevels',
          code: 'UnsupportedPartition',
          message: `The AWS Support API is not available in partition ${ctx.partition}.`,
        }),
      };
    }
    const client = ctx.client(SupportClient, region);
    const levels = await ctx.call(
      'support',
      'DescribeSeverityLevels',
      async () => {
        const out = await client.send(new DescribeSeverityLevelsCommand({ language: 'en' }), { abortSignal: ctx.signal });
        return (out.severityLevels ?? []).map((l) => (l.code ?? '').toLowerCase()).filter((c) => c !== '');
      },
      { notFoundCodes: SUBSCRIPTION_REQUIRED, region },
    );
    if (!levels.ok) return { plan: levels };
    if (levels.value === null) return { plan: observed<SupportPlan>({ tier: 'basic-or-developer', severityLevels: [], region }) };
    const tier = levels.value.includes('critical') ? 'enterprise' : 'business-or-higher';
    return { plan: observed<SupportPlan>({ tier, severityLevels: levels.value, region }) };
  },
});
