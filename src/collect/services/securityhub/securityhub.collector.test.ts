import { DescribeHubCommand, GetEnabledStandardsCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsError, testCollectorContext } from '../../../../test/helpers/collector-context.js';
import { securityhubCollector } from './securityhub.collector.js';

const sh = mockClient(SecurityHubClient);
const FSBP = 'arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0';

describe('securityhubCollector', () => {
  beforeEach(() => sh.reset());

  it('collects the hub and its enabled standards', async () => {
    sh.on(DescribeHubCommand).resolves({ HubArn: 'arn:hub', SubscribedAt: '2026-01-01T00:00:00.000Z', AutoEnableControls: true });
    sh.on(GetEnabledStandardsCommand).resolves({
      StandardsSubscriptions: [
        { StandardsArn: FSBP, StandardsSubscriptionArn: 'arn:sub', StandardsInput: {}, StandardsStatus: 'READY' },
      ],
    });
    const { ctx } = testCollectorContext();
    const slice = await securityhubCollector.collect(ctx);

    expect(slice).toEqual({
      hub: { ok: true, value: { hubArn: 'arn:hub', subscribedAt: '2026-01-01T00:00:00.000Z', autoEnableControls: true } },
      enabledStandards: { ok: true, value: [{ standardsArn: FSBP, status: 'READY' }] },
    });
  });

  it('records "not subscribed" (InvalidAccessException) as a hub that is not enabled, without an error', async () => {
    sh.on(DescribeHubCommand).rejects(awsError('InvalidAccessException', 'Account 111111111111 is not subscribed to AWS Security Hub'));
    const { ctx, recorder } = testCollectorContext();
    const slice = await securityhubCollector.collect(ctx);

    expect(slice).toEqual({ hub: { ok: true, value: null }, enabledStandards: { ok: true, value: null } });
    expect(recorder.errors).toEqual([]);
    expect(sh.commandCalls(GetEnabledStandardsCommand)).toHaveLength(0);
  });

  it('keeps a permission denial on DescribeHub as an error, not as "not enabled"', async () => {
    sh.on(DescribeHubCommand).rejects(awsError('AccessDeniedException', 'User is not authorized to perform securityhub:DescribeHub', 403));
    const { ctx } = testCollectorContext();
    const slice = await securityhubCollector.collect(ctx);

    expect(slice.hub.ok ? null : slice.hub.error.kind).toBe('access_denied');
  });

  it('keeps the hub when GetEnabledStandards is unsupported (emulator 404)', async () => {
    sh.on(DescribeHubCommand).resolves({ HubArn: 'arn:hub' });
    sh.on(GetEnabledStandardsCommand).rejects(awsError('404', 'Not Found', 404));
    const { ctx } = testCollectorContext();
    const slice = await securityhubCollector.collect(ctx);

    expect(slice.hub.ok && slice.hub.value?.hubArn).toBe('arn:hub');
    expect(slice.enabledStandards.ok ? null : slice.enabledStandards.error.kind).toBe('unsupported');
  });
});
