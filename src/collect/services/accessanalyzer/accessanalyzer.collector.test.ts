import { AccessAnalyzerClient, ListAnalyzersCommand } from '@aws-sdk/client-accessanalyzer';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsError, testCollectorContext } from '../../../../test/helpers/collector-context.js';
import { accessanalyzerCollector } from './accessanalyzer.collector.js';

const aa = mockClient(AccessAnalyzerClient);

describe('accessanalyzerCollector', () => {
  beforeEach(() => aa.reset());

  it('collects every analyzer with its type and status', async () => {
    aa.on(ListAnalyzersCommand).resolves({
      analyzers: [
        { name: 'org', arn: 'arn:aa:org', type: 'ORGANIZATION', status: 'ACTIVE', createdAt: new Date('2026-01-01T00:00:00Z') },
        { name: 'unused', arn: 'arn:aa:unused', type: 'ACCOUNT_UNUSED_ACCESS', status: 'FAILED', createdAt: new Date('2026-01-02T00:00:00Z'), statusReason: { code: 'SERVICE_LINKED_ROLE_CREATION_FAILED' } },
      ],
    });
    const { ctx } = testCollectorContext();
    const slice = await accessanalyzerCollector.collect(ctx);

    expect(slice.analyzers).toEqual({
      ok: true,
      value: [
        { name: 'org', arn: 'arn:aa:org', type: 'ORGANIZATION', status: 'ACTIVE', statusReason: null, createdAt: '2026-01-01T00:00:00.000Z', lastResourceAnalyzedAt: null },
        { name: 'unused', arn: 'arn:aa:unused', type: 'ACCOUNT_UNUSED_ACCESS', status: 'FAILED', statusReason: 'SERVICE_LINKED_ROLE_CREATION_FAILED', createdAt: '2026-01-02T00:00:00.000Z', lastResourceAnalyzedAt: null },
      ],
    });
  });

  it('records "no analyzer" as an empty list, not an error', async () => {
    aa.on(ListAnalyzersCommand).resolves({ analyzers: [] });
    const { ctx, recorder } = testCollectorContext();
    const slice = await accessanalyzerCollector.collect(ctx);

    expect(slice.analyzers).toEqual({ ok: true, value: [] });
    expect(recorder.errors).toEqual([]);
  });

  it('turns AccessDenied into an error value', async () => {
    aa.on(ListAnalyzersCommand).rejects(awsError('AccessDeniedException', 'no', 403));
    const { ctx } = testCollectorContext();
    const slice = await accessanalyzerCollector.collect(ctx);

    expect(slice.analyzers.ok ? null : slice.analyzers.error).toMatchObject({ kind: 'access_denied', operation: 'ListAnalyzers' });
  });

  it('turns an unsupported-API answer (404) into an error value', async () => {
    aa.on(ListAnalyzersCommand).rejects(awsError('404', 'Not Found', 404));
    const { ctx } = testCollectorContext();
    const slice = await accessanalyzerCollector.collect(ctx);

    expect(slice.analyzers.ok ? null : slice.analyzers.error.kind).toBe('unsupported');
  });
});
