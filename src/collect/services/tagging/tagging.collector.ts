/**
 * Resource Groups Tagging API collector (regional): every resource of the region that carries tags, with
 * them, in one paginated read. The report's inventory takes names (`Name` tag) and tags from here.
 */
import {
  paginateGetResources,
  ResourceGroupsTaggingAPIClient,
} from '@aws-sdk/client-resource-groups-tagging-api';
import { collectPages, defineRegionalCollector } from '../../collector.js';
import type { TaggedResource } from '../../../core/slices/tagging.js';

export const taggingCollector = defineRegionalCollector({
  service: 'tagging',
  scope: 'regional',
  // docs/decisions/0012-region-signal.md: the region-read signal uses its list too
  regionalReads: 'posture',
  operations: [{ operation: 'GetResources', iamAction: 'tag:GetResources' }],
  async collect(ctx) {
    const client = ctx.client(ResourceGroupsTaggingAPIClient);
    const resources = await ctx.call('tagging', 'GetResources', async () => {
      const mappings = await collectPages(
        paginateGetResources({ client, pageSize: 100 }, { ResourcesPerPage: 100 }),
        (page) => page.ResourceTagMappingList,
      );
      return mappings
        .filter((m): m is typeof m & { ResourceARN: string } => typeof m.ResourceARN === 'string')
        .map((m): TaggedResource => ({
          arn: m.ResourceARN,
          tags: Object.fromEntries((m.Tags ?? []).map((t) => [t.Key ?? '', t.Value ?? ''])),
        }));
    });
    return { resources };
  },
});
