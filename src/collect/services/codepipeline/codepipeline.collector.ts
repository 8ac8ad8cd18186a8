/**
 * CodePipeline (regional): pipelines (one paginated call) and the latest execution of each (one call per
 * pipeline, for at most CODEPIPELINE_MAX_INSPECTED pipelines).
 */
import { CodePipelineClient, ListPipelineExecutionsCommand, paginateListPipelines, type PipelineSummary } from '@aws-sdk/client-codepipeline';
import pLimit from 'p-limit';
import type { Observed } from '../../../core/observed.js';
import type { CodePipelineSlice, Pipeline, PipelineExecution } from '../../../core/slices/codepipeline.js';
import { collectPages, defineRegionalCollector } from '../../collector.js';

export const CODEPIPELINE_MAX_INSPECTED = 50;

const iso = (d: Date | undefined): string | null => (d ? d.toISOString() : null);

export const codepipelineCollector = defineRegionalCollector({
  service: 'codepipeline',
  scope: 'regional',
  // docs/decisions/0012-region-signal.md
  regionalReads: 'resources',
  configResourceTypes: ['AWS::CodePipeline::Pipeline'],
  operations: [
    { operation: 'ListPipelines', iamAction: 'codepipeline:ListPipelines' },
    { operation: 'ListPipelineExecutions', iamAction: 'codepipeline:ListPipelineExecutions', notFoundCodes: ['PipelineNotFoundException'] },
  ],
  async collect(ctx): Promise<CodePipelineSlice> {
    const client = ctx.client(CodePipelineClient);
    const list = await ctx.call('codepipeline', 'ListPipelines', () => collectPages(paginateListPipelines({ client }, {}), (p) => p.pipelines));
    if (!list.ok) return { pipelines: list };
    const limit = pLimit(5);
    const inspect = async (p: PipelineSummary, index: number): Promise<Pipeline> => {
      const name = p.name ?? '';
      let latestExecution: Observed<PipelineExecution | null> | null = null;
      if (index < CODEPIPELINE_MAX_INSPECTED) {
        const read = await ctx.call(
          'codepipeline',
          'ListPipelineExecutions',
          () => client.send(new ListPipelineExecutionsCommand({ pipelineName: name, maxResults: 1 })),
          { notFoundCodes: ['PipelineNotFoundException'] },
        );
        if (read.ok) {
          const e = read.value?.pipelineExecutionSummaries?.[0];
          latestExecution = { ok: true, value: e ? { status: e.status ?? null, startedAt: iso(e.startTime), lastUpdatedAt: iso(e.lastUpdateTime) } : null };
        } else {
          latestExecution = read;
        }
      }
      return {
        name,
        arn: `arn:${ctx.partition}:codepipeline:${ctx.region}:${ctx.accountId}:${name}`,
        pipelineType: p.pipelineType ?? null,
        createdAt: iso(p.created),
        updatedAt: iso(p.updated),
        latestExecution,
      };
    };
    const pipelines = await Promise.all(list.value.map((p, i) => limit(() => inspect(p, i))));
    return { pipelines: { ok: true as const, value: pipelines } };
  },
});
