import { AccessAnalyzerClient, paginateListAnalyzers } from '@aws-sdk/client-accessanalyzer';
import { collectPages, defineRegionalCollector } from '../../collector.js';

/** IAM Access Analyzer: every analyzer in the region (external access and unused access), with its status. */
export const accessanalyzerCollector = defineRegionalCollector({
  service: 'accessanalyzer',
  scope: 'regional',
  // docs/decisions/0012-region-signal.md
  regionalReads: 'posture',
  operations: [{ operation: 'ListAnalyzers', iamAction: 'access-analyzer:ListAnalyzers' }],
  async collect(ctx) {
    const client = ctx.client(AccessAnalyzerClient);
    const analyzers = await ctx.call('accessanalyzer', 'ListAnalyzers', async () =>
      (await collectPages(paginateListAnalyzers({ client }, {}), (p) => p.analyzers)).map((a) => ({
        name: a.name ?? '',
        arn: a.arn ?? '',
        type: a.type ?? '',
        status: a.status ?? '',
        statusReason: a.statusReason?.code ?? null,
        createdAt: a.createdAt?.toISOString() ?? null,
        lastResourceAnalyzedAt: a.lastResourceAnalyzedAt?.toISOString() ?? null,
      })),
    );
    return { analyzers };
  },
});
