import {
  GetAutomatedDiscoveryConfigurationCommand,
  GetMacieSessionCommand,
  ListClassificationJobsCommand,
  Macie2Client,
} from '@aws-sdk/client-macie2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsError, testCollectorContext } from '../../../../test/helpers/collector-context.js';
import { isMacieNotEnabled, macieCollector } from './macie.collector.js';

const macie = mockClient(Macie2Client);

describe('macieCollector', () => {
  beforeEach(() => macie.reset());

  it('collects the session, classification jobs and automated discovery status', async () => {
    macie.on(GetMacieSessionCommand).resolves({ status: 'ENABLED', createdAt: new Date('2026-01-01T00:00:00Z') });
    macie.on(ListClassificationJobsCommand).resolves({
      items: [{ jobId: 'j1', name: 'weekly-pii', jobType: 'SCHEDULED', jobStatus: 'RUNNING', createdAt: new Date('2026-02-01T00:00:00Z') }],
    });
    macie.on(GetAutomatedDiscoveryConfigurationCommand).resolves({ status: 'ENABLED' });
    const { ctx } = testCollectorContext();
    const slice = await macieCollector.collect(ctx);

    expect(slice).toEqual({
      session: { ok: true, value: { status: 'ENABLED', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: null } },
      classificationJobs: {
        ok: true,
        value: [{ id: 'j1', name: 'weekly-pii', jobType: 'SCHEDULED', status: 'RUNNING', createdAt: '2026-02-01T00:00:00.000Z' }],
      },
      automatedDiscoveryStatus: { ok: true, value: 'ENABLED' },
    });
  });

  it.each([
    ['AccessDeniedException "Macie is not enabled."', awsError('AccessDeniedException', 'Macie is not enabled.', 403)],
    ['ResourceNotFoundException', awsError('ResourceNotFoundException', 'Macie is not enabled for this account', 404)],
  ])('records %s as "not enabled" data, without an error', async (_label, error) => {
    macie.on(GetMacieSessionCommand).rejects(error);
    const { ctx, recorder } = testCollectorContext();
    const slice = await macieCollector.collect(ctx);

    expect(slice).toEqual({
      session: { ok: true, value: null },
      classificationJobs: { ok: true, value: null },
      automatedDiscoveryStatus: { ok: true, value: null },
    });
    expect(recorder.errors).toEqual([]);
    expect(macie.commandCalls(ListClassificationJobsCommand)).toHaveLength(0);
  });

  it('keeps an IAM permission denial as an access_denied error, not as "not enabled"', async () => {
    macie.on(GetMacieSessionCommand).rejects(
      awsError('AccessDeniedException', 'User: arn:aws:sts::111111111111:assumed-role/Ftr/x is not authorized to perform: macie2:GetMacieSession', 403),
    );
    const { ctx, recorder } = testCollectorContext();
    const slice = await macieCollector.collect(ctx);

    expect(slice.session.ok ? null : slice.session.error.kind).toBe('access_denied');
    expect(slice.classificationJobs.ok).toBe(false);
    expect(recorder.errors).toHaveLength(1);
  });

  it('keeps the session when ListClassificationJobs is denied', async () => {
    macie.on(GetMacieSessionCommand).resolves({ status: 'PAUSED' });
    macie.on(ListClassificationJobsCommand).rejects(awsError('AccessDeniedException', 'is not authorized to perform', 403));
    macie.on(GetAutomatedDiscoveryConfigurationCommand).resolves({ status: 'DISABLED' });
    const { ctx } = testCollectorContext();
    const slice = await macieCollector.collect(ctx);

    expect(slice.session.ok && slice.session.value?.status).toBe('PAUSED');
    expect(slice.classificationJobs.ok ? null : slice.classificationJobs.error.operation).toBe('ListClassificationJobs');
    expect(slice.automatedDiscoveryStatus).toEqual({ ok: true, value: 'DISABLED' });
  });

  it('turns an unsupported-API answer (404) into an error value', async () => {
    macie.on(GetMacieSessionCommand).rejects(awsError('404', 'Not Found', 404));
    const { ctx } = testCollectorContext();
    const slice = await macieCollector.collect(ctx);

    expect(slice.session.ok ? null : slice.session.error.kind).toBe('unsupported');
  });

  it('recognises only the Macie "not enabled" answers', () => {
    expect(isMacieNotEnabled(awsError('AccessDeniedException', 'Macie is not enabled.'))).toBe(true);
    expect(isMacieNotEnabled(awsError('AccessDeniedException', 'not authorized to perform: macie2:GetMacieSession'))).toBe(false);
    expect(isMacieNotEnabled(awsError('ThrottlingException', 'Macie is not enabled.'))).toBe(false);
  });
});
