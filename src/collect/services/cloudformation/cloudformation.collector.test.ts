import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsError, testCollectorContext } from '../../../../test/helpers/collector-context.js';
import { cloudformationCollector } from './cloudformation.collector.js';

const cfn = mockClient(CloudFormationClient);

describe('cloudformationCollector', () => {
  beforeEach(() => cfn.reset());

  it('collects stacks with drift status and tags, skipping deleted ones', async () => {
    cfn.on(DescribeStacksCommand).resolves({
      Stacks: [
        {
          StackName: 'app',
          StackId: 'arn:aws:cloudformation:us-east-1:111111111111:stack/app/1',
          StackStatus: 'UPDATE_COMPLETE',
          CreationTime: new Date('2026-01-01T00:00:00Z'),
          LastUpdatedTime: new Date('2026-02-01T00:00:00Z'),
          DriftInformation: { StackDriftStatus: 'DRIFTED', LastCheckTimestamp: new Date('2026-02-02T00:00:00Z') },
          Tags: [{ Key: 'Workload', Value: 'plant-a' }],
        },
        { StackName: 'old', StackId: 'arn:old', StackStatus: 'DELETE_COMPLETE', CreationTime: new Date('2025-01-01T00:00:00Z') },
      ],
    });
    const { ctx } = testCollectorContext();
    const slice = await cloudformationCollector.collect(ctx);

    expect(slice.stacks).toEqual({
      ok: true,
      value: [
        {
          stackName: 'app',
          stackId: 'arn:aws:cloudformation:us-east-1:111111111111:stack/app/1',
          status: 'UPDATE_COMPLETE',
          createdAt: '2026-01-01T00:00:00.000Z',
          lastUpdatedAt: '2026-02-01T00:00:00.000Z',
          parentId: null,
          driftStatus: 'DRIFTED',
          lastDriftCheckAt: '2026-02-02T00:00:00.000Z',
          tags: { Workload: 'plant-a' },
        },
      ],
    });
  });

  it('turns AccessDenied into an error value', async () => {
    cfn.on(DescribeStacksCommand).rejects(awsError('AccessDenied', 'no', 403));
    const { ctx } = testCollectorContext();
    const slice = await cloudformationCollector.collect(ctx);
    expect(slice.stacks).toMatchObject({ ok: false, error: { kind: 'access_denied', operation: 'DescribeStacks' } });
  });

  it('turns an unsupported-API answer (404) into an error value', async () => {
    cfn.on(DescribeStacksCommand).rejects(awsError('404', 'Not Found', 404));
    const { ctx } = testCollectorContext();
    const slice = await cloudformationCollector.collect(ctx);
    expect(slice.stacks.ok ? null : slice.stacks.error.kind).toBe('unsupported');
  });
});
