import { DescribeSeverityLevelsCommand, SupportClient } from '@aws-sdk/client-support';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsError, testCollectorContext } from '../../../../test/helpers/collector-context.js';
import { supportCollector, supportRegion } from './support.collector.js';

const support = mockClient(SupportClient);

const levels = (...codes: string[]) => ({ severityLevels: codes.map((code) => ({ code, name: code })) });

describe('support collector', () => {
  beforeEach(() => support.reset());

  it.each([
    [['low', 'normal', 'high', 'urgent'], 'business-or-higher'],
    [['low', 'normal', 'high', 'urgent', 'critical'], 'enterprise'],
  ])('severity levels %j => %s', async (codes, tier) => {
    support.on(DescribeSeverityLevelsCommand).resolves(levels(...codes));
    const { ctx } = testCollectorContext({ region: 'eu-west-1' });
    const slice = await supportCollector.collect(ctx);
    expect(slice.plan).toEqual({ ok: true, value: { tier, severityLevels: codes, region: 'us-east-1' } });
  });

  it('calls the Support API in us-east-1 whatever the home region', async () => {
    support.on(DescribeSeverityLevelsCommand).resolves(levels('urgent'));
    const { ctx } = testCollectorContext({ region: 'eu-west-1' });
    await supportCollector.collect(ctx);
    const client = support.commandCalls(DescribeSeverityLevelsCommand)[0]?.thisValue as SupportClient;
    expect(await client.config.region()).toBe('us-east-1');
  });

  it('records SubscriptionRequiredException as the basic-or-developer plan, not as an error', async () => {
    support.on(DescribeSeverityLevelsCommand).rejects(awsError('SubscriptionRequiredException', 'AWS Premium Support Subscription is required'));
    const { ctx, recorder } = testCollectorContext();
    const slice = await supportCollector.collect(ctx);
    expect(slice.plan).toEqual({ ok: true, value: { tier: 'basic-or-developer', severityLevels: [], region: 'us-east-1' } });
    expect(recorder.errors).toEqual([]);
  });

  it('keeps AccessDenied as an error value', async () => {
    support.on(DescribeSeverityLevelsCommand).rejects(awsError('AccessDeniedException', 'denied', 403));
    const { ctx } = testCollectorContext();
    const slice = await supportCollector.collect(ctx);
    expect(slice.plan).toMatchObject({ ok: false, error: { kind: 'access_denied', region: 'us-east-1' } });
  });

  it('turns the emulator 500 into an error value', async () => {
    support.on(DescribeSeverityLevelsCommand).rejects(awsError('500', 'Internal Server Error', 500));
    const { ctx } = testCollectorContext();
    const slice = await supportCollector.collect(ctx);
    expect(slice.plan).toMatchObject({ ok: false, error: { kind: 'unsupported', code: '500' } });
  });

  it('knows the Support endpoint region per partition', () => {
    expect(supportRegion('aws')).toBe('us-east-1');
    expect(supportRegion('aws-us-gov')).toBe('us-gov-west-1');
    expect(supportRegion('aws-cn')).toBeNull();
  });
});
