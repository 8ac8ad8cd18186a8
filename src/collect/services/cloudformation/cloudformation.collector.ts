/** CloudFormation (regional): every stack that is not deleted, with drift status and tags, in one paginated call. */
import { CloudFormationClient, paginateDescribeStacks, type Stack } from '@aws-sdk/client-cloudformation';
import type { Observed } from '../../../core/observed.js';
import type { CloudFormationStack } from '../../../core/slices/cloudformation.js';
import { collectPages, defineRegionalCollector } from '../../collector.js';

const iso = (d: Date | undefined): string | null => (d ? d.toISOString() : null);

function toStack(s: Stack): CloudFormationStack {
  return {
    stackName: s.StackName ?? '',
    stackId: s.StackId ?? '',
    status: s.StackStatus ?? 'UNKNOWN',
    createdAt: iso(s.CreationTime),
    lastUpdatedAt: iso(s.LastUpdatedTime),
    parentId: s.ParentId ?? null,
    driftStatus: s.DriftInformation?.StackDriftStatus ?? null,
    lastDriftCheckAt: iso(s.DriftInformation?.LastCheckTimestamp),
    tags: Object.fromEntries((s.Tags ?? []).filter((t) => t.Key !== undefined).map((t) => [t.Key ?? '', t.Value ?? ''])),
  };
}

export const cloudformationCollector = defineRegionalCollector({
  service: 'cloudformation',
  scope: 'regional',
  // docs/decisions/0012-region-signal.md: StackSets (Control Tower) put stacks in every governed region; one call: always read
  regionalReads: 'resources',
  operations: [{ operation: 'DescribeStacks', iamAction: 'cloudformation:DescribeStacks' }],
  async collect(ctx) {
    const client = ctx.client(CloudFormationClient);
    const read = await ctx.call('cloudformation', 'DescribeStacks', () => collectPages(paginateDescribeStacks({ client }, {}), (p) => p.Stacks));
    const stacks: Observed<readonly CloudFormationStack[]> = read.ok
      ? { ok: true, value: read.value.filter((s) => s.StackStatus !== 'DELETE_COMPLETE').map(toStack) }
      : read;
    return { stacks };
  },
});
