import { DescribeHubCommand, SecurityHubClient, paginateGetEnabledStandards } from '@aws-sdk/client-securityhub';
import { collectPages, defineRegionalCollector } from '../../collector.js';
import { observed, type Observed } from '../../../core/observed.js';
import type { SecurityHubStandard } from '../../../core/slices/securityhub.js';

/**
 * Security Hub answers DescribeHub with InvalidAccessException ("Account ... is not subscribed to AWS
 * Security Hub") when it is not enabled, and ResourceNotFoundException for a missing hub: both are data.
 * A permission denial is AccessDeniedException and stays an error.
 */
const HUB_NOT_ENABLED = ['InvalidAccessException', 'ResourceNotFoundException'];

/** Security Hub: is the hub enabled in the region, and which standards are enabled. */
export const securityhubCollector = defineRegionalCollector({
  service: 'securityhub',
  scope: 'regional',
  // docs/decisions/0012-region-signal.md
  regionalReads: 'posture',
  operations: [
    { operation: 'DescribeHub', iamAction: 'securityhub:DescribeHub', notFoundCodes: HUB_NOT_ENABLED },
    { operation: 'GetEnabledStandards', iamAction: 'securityhub:GetEnabledStandards' },
  ],
  async collect(ctx) {
    const client = ctx.client(SecurityHubClient);
    const hub = await ctx.call(
      'securityhub',
      'DescribeHub',
      async () => {
        const h = await client.send(new DescribeHubCommand({}));
        return {
          hubArn: h.HubArn ?? null,
          subscribedAt: h.SubscribedAt ?? null,
          autoEnableControls: h.AutoEnableControls ?? null,
        };
      },
      { notFoundCodes: HUB_NOT_ENABLED },
    );
    let enabledStandards: Observed<readonly SecurityHubStandard[] | null> = observed(null);
    if (hub.ok && hub.value !== null) {
      enabledStandards = await ctx.call('securityhub', 'GetEnabledStandards', async () =>
        (await collectPages(paginateGetEnabledStandards({ client }, {}), (p) => p.StandardsSubscriptions)).map((s) => ({
          standardsArn: s.StandardsArn ?? '',
          status: s.StandardsStatus ?? null,
        })),
      );
    }
    return { hub, enabledStandards };
  },
});
