import { GetResourcesCommand, ResourceGroupsTaggingAPIClient } from '@aws-sdk/client-resource-groups-tagging-api';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { awsError, testCollectorContext } from '../../../../test/helpers/collector-context.js';
import { taggingCollector } from './tagging.collector.js';

const tagging = mockClient(ResourceGroupsTaggingAPIClient);
afterEach(() => tagging.reset());

describe('tagging collector', () => {
  it('lists every tagged resource over all pages, tags as a map', async () => {
    tagging
      .on(GetResourcesCommand)
      .resolvesOnce({
        ResourceTagMappingList: [
          { ResourceARN: 'arn:aws:ec2:us-east-1:111111111111:instance/i-1', Tags: [{ Key: 'Name', Value: 'web-1' }] },
        ],
        PaginationToken: 'next',
      })
      .resolvesOnce({
        ResourceTagMappingList: [
          { ResourceARN: 'arn:aws:s3:::data', Tags: [{ Key: 'env', Value: '<script>alert(1)</script>' }] },
          { Tags: [{ Key: 'orphan', Value: 'no arn' }] },
        ],
        PaginationToken: '',
      });
    const { ctx } = testCollectorContext();
    const slice = await taggingCollector.collect(ctx);
    expect(slice.resources).toEqual({
      ok: true,
      value: [
        { arn: 'arn:aws:ec2:us-east-1:111111111111:instance/i-1', tags: { Name: 'web-1' } },
        { arn: 'arn:aws:s3:::data', tags: { env: '<script>alert(1)</script>' } },
      ],
    });
  });

  it('keeps AccessDenied as an error value', async () => {
    tagging.on(GetResourcesCommand).rejects(awsError('AccessDeniedException'));
    const { ctx } = testCollectorContext();
    const slice = await taggingCollector.collect(ctx);
    expect(slice.resources.ok ? 'ok' : slice.resources.error.kind).toBe('access_denied');
  });

  it('turns an unsupported API (emulator 404) into an error value', async () => {
    tagging.on(GetResourcesCommand).rejects(awsError('404', 'Not Found', 404));
    const { ctx } = testCollectorContext();
    const slice = await taggingCollector.collect(ctx);
    expect(slice.resources.ok).toBe(false);
  });
});
