import { describe, expect, it } from 'vitest';
import type { CodePipelineSlice, Pipeline } from '../../core/slices/codepipeline.js';
import type { Observed } from '../../core/observed.js';
import { aRegion, aSnapshot, anAccount, denied, observed } from '../../../test/helpers/snapshot-builder.js';
import { deploymentPipelineInUse as check } from './deployment-pipeline-in-use.js';

const pipeline: Pipeline = {
  name: 'deploy',
  arn: 'arn:aws:codepipeline:eu-west-1:111111111111:deploy',
  pipelineType: 'V2',
  createdAt: null,
  updatedAt: null,
  latestExecution: observed({ status: 'Succeeded', startedAt: '2026-03-01T10:00:00.000Z', lastUpdatedAt: null }),
};

function run(slice: Observed<CodePipelineSlice>) {
  return check.evaluate(aSnapshot({ accounts: [anAccount({ regional: [aRegion('eu-west-1', { codepipeline: slice })] })] }));
}

describe('deployment_pipeline_in_use', () => {
  it.each<[string, Observed<CodePipelineSlice>, string, RegExp]>([
    ['a pipeline that ran', observed({ pipelines: observed([pipeline]) }), 'MANUAL', /1 CodePipeline pipeline\(s\).*last run 2026-03-01/],
    ['no pipelines', observed({ pipelines: observed([]) }), 'MANUAL', /no CodePipeline pipelines/],
    ['pipelines denied', observed({ pipelines: denied('codepipeline', 'ListPipelines') }), 'UNKNOWN', /readable regions/],
    ['slice failed', denied('codepipeline', 'ListPipelines'), 'UNKNOWN', /Could not read/],
  ])('%s -> %s', (_name, slice, status, message) => {
    const [outcome] = run(slice);
    expect(outcome).toMatchObject({ status, resourceType: 'AWS::::Account' });
    expect(outcome?.message).toMatch(message);
  });
});
