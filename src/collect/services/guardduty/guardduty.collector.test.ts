import { GetDetectorCommand, GuardDutyClient, ListDetectorsCommand } from '@aws-sdk/client-guardduty';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsError, testCollectorContext } from '../../../../test/helpers/collector-context.js';
import { guarddutyCollector } from './guardduty.collector.js';

const gd = mockClient(GuardDutyClient);

describe('guarddutyCollector', () => {
  beforeEach(() => gd.reset());

  it('collects each detector with its status and features', async () => {
    gd.on(ListDetectorsCommand).resolves({ DetectorIds: ['d1'] });
    gd.on(GetDetectorCommand, { DetectorId: 'd1' }).resolves({
      Status: 'ENABLED',
      ServiceRole: 'arn:role',
      FindingPublishingFrequency: 'SIX_HOURS',
      Features: [
        { Name: 'RUNTIME_MONITORING', Status: 'ENABLED', AdditionalConfiguration: [{ Name: 'EC2_AGENT_MANAGEMENT', Status: 'ENABLED' }] },
        { Name: 'S3_DATA_EVENTS', Status: 'DISABLED' },
      ],
    });
    const { ctx } = testCollectorContext();
    const slice = await guarddutyCollector.collect(ctx);

    expect(slice.detectors).toEqual({
      ok: true,
      value: [
        {
          id: 'd1',
          details: {
            ok: true,
            value: {
              status: 'ENABLED',
              findingPublishingFrequency: 'SIX_HOURS',
              features: [
                { name: 'RUNTIME_MONITORING', status: 'ENABLED', additionalConfiguration: [{ name: 'EC2_AGENT_MANAGEMENT', status: 'ENABLED' }] },
                { name: 'S3_DATA_EVENTS', status: 'DISABLED', additionalConfiguration: [] },
              ],
            },
          },
        },
      ],
    });
  });

  it('records "no detector" (GuardDuty not enabled) as an empty list, not an error', async () => {
    gd.on(ListDetectorsCommand).resolves({ DetectorIds: [] });
    const { ctx, recorder } = testCollectorContext();
    const slice = await guarddutyCollector.collect(ctx);

    expect(slice.detectors).toEqual({ ok: true, value: [] });
    expect(recorder.errors).toEqual([]);
  });

  it('keeps the detector list when GetDetector is denied', async () => {
    gd.on(ListDetectorsCommand).resolves({ DetectorIds: ['d1'] });
    gd.on(GetDetectorCommand).rejects(awsError('AccessDeniedException', 'no', 403));
    const { ctx } = testCollectorContext();
    const slice = await guarddutyCollector.collect(ctx);

    const detector = slice.detectors.ok ? slice.detectors.value[0] : undefined;
    expect(detector?.id).toBe('d1');
    expect(detector?.details).toMatchObject({ ok: false, error: { kind: 'access_denied' } });
  });

  it('turns an unsupported-API answer (404) into an error value', async () => {
    gd.on(ListDetectorsCommand).rejects(awsError('404', 'Not Found', 404));
    const { ctx } = testCollectorContext();
    const slice = await guarddutyCollector.collect(ctx);

    expect(slice.detectors.ok ? null : slice.detectors.error.kind).toBe('unsupported');
  });
});
