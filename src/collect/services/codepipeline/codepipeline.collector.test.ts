import { CodePipelineClient, ListPipelineExecutionsCommand, ListPipelinesCommand } from '@aws-sdk/client-codepipeline';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsError, testCollectorContext } from '../../../../test/helpers/collector-context.js';
import { codepipelineCollector } from './codepipeline.collector.js';

const cp = mockClient(CodePipelineClient);

describe('codepipelineCollector', () => {
  beforeEach(() => cp.reset());

  it('collects pipelines with their latest execution', async () => {
    cp.on(ListPipelinesCommand).resolves({
      pipelines: [
        { name: 'deploy', pipelineType: 'V2', created: new Date('2026-01-01T00:00:00Z'), updated: new Date('2026-02-01T00:00:00Z') },
        { name: 'never-run' },
      ],
    });
    cp.on(ListPipelineExecutionsCommand, { pipelineName: 'deploy' })
      .resolves({
        pipelineExecutionSummaries: [{ status: 'Succeeded', startTime: new Date('2026-03-01T10:00:00Z'), lastUpdateTime: new Date('2026-03-01T10:05:00Z') }],
      })
      .on(ListPipelineExecutionsCommand, { pipelineName: 'never-run' })
      .resolves({ pipelineExecutionSummaries: [] });
    const { ctx } = testCollectorContext({ accountId: '111111111111', region: 'eu-west-1' });
    const slice = await codepipelineCollector.collect(ctx);

    expect(slice.pipelines).toEqual({
      ok: true,
      value: [
        {
          name: 'deploy',
          arn: 'arn:aws:codepipeline:eu-west-1:111111111111:deploy',
          pipelineType: 'V2',
          createdAt: '2026-01-01T00:00:00.000Z',
          updatedAt: '2026-02-01T00:00:00.000Z',
          latestExecution: { ok: true, value: { status: 'Succeeded', startedAt: '2026-03-01T10:00:00.000Z', lastUpdatedAt: '2026-03-01T10:05:00.000Z' } },
        },
        {
          name: 'never-run',
          arn: 'arn:aws:codepipeline:eu-west-1:111111111111:never-run',
          pipelineType: null,
          createdAt: null,
          updatedAt: null,
          latestExecution: { ok: true, value: null },
        },
      ],
    });
  });

  it('keeps the pipeline when its executions are denied; a deleted pipeline is not an error', async () => {
    cp.on(ListPipelinesCommand).resolves({ pipelines: [{ name: 'a' }, { name: 'gone' }] });
    cp.on(ListPipelineExecutionsCommand, { pipelineName: 'a' })
      .rejects(awsError('AccessDeniedException', 'no', 400))
      .on(ListPipelineExecutionsCommand, { pipelineName: 'gone' })
      .rejects(awsError('PipelineNotFoundException'));
    const { ctx, recorder } = testCollectorContext();
    const slice = await codepipelineCollector.collect(ctx);
    const [a, gone] = slice.pipelines.ok ? slice.pipelines.value : [];
    expect(a?.latestExecution).toMatchObject({ ok: false, error: { kind: 'access_denied', operation: 'ListPipelineExecutions' } });
    expect(gone?.latestExecution).toEqual({ ok: true, value: null });
    expect(recorder.errors).toHaveLength(1);
  });

  it('turns an unsupported-API answer (404) into an error value', async () => {
    cp.on(ListPipelinesCommand).rejects(awsError('404', 'Not Found', 404));
    const { ctx } = testCollectorContext();
    const slice = await codepipelineCollector.collect(ctx);
    expect(slice.pipelines.ok ? null : slice.pipelines.error.kind).toBe('unsupported');
  });
});
