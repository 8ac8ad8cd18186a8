/** CloudFront collector (global): ListDistributions only; every fact checks need is in the summaries. */
import { CloudFrontClient, paginateListDistributions } from '@aws-sdk/client-cloudfront';
import type { Distribution } from '../../../core/slices/cloudfront.js';
import { collectPages, defineGlobalCollector } from '../../collector.js';

export const cloudfrontCollector = defineGlobalCollector({
  service: 'cloudfront',
  scope: 'global',
  operations: [{ operation: 'ListDistributions', iamAction: 'cloudfront:ListDistributions' }],
  async collect(ctx) {
    // CloudFront's API lives in us-east-1 whatever the home region is.
    const client = ctx.client(CloudFrontClient, 'us-east-1');
    const distributions = await ctx.call('cloudfront', 'ListDistributions', async (): Promise<readonly Distribution[]> => {
      const items = await collectPages(paginateListDistributions({ client }, {}), (p) => p.DistributionList?.Items);
      return items.map((d) => ({
        id: d.Id ?? '',
        arn: d.ARN ?? '',
        domainName: d.DomainName ?? '',
        aliases: d.Aliases?.Items ?? [],
        enabled: d.Enabled ?? false,
        behaviors: [
          { pathPattern: '*', viewerProtocolPolicy: d.DefaultCacheBehavior?.ViewerProtocolPolicy ?? 'unknown' },
          ...(d.CacheBehaviors?.Items ?? []).map((b) => ({
            pathPattern: b.PathPattern ?? '?',
            viewerProtocolPolicy: b.ViewerProtocolPolicy ?? 'unknown',
          })),
        ],
        cloudFrontDefaultCertificate: d.ViewerCertificate?.CloudFrontDefaultCertificate ?? false,
        minimumProtocolVersion: d.ViewerCertificate?.MinimumProtocolVersion ?? null,
        origins: (d.Origins?.Items ?? []).map((o) => ({
          id: o.Id ?? '',
          domainName: o.DomainName ?? '',
          originProtocolPolicy: o.CustomOriginConfig?.OriginProtocolPolicy ?? null,
        })),
      }));
    });
    return { distributions };
  },
});
