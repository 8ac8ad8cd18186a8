import {
  ConfigServiceClient,
  DescribeConfigRulesCommand,
  DescribeConfigurationRecorderStatusCommand,
  DescribeConfigurationRecordersCommand,
  DescribeDeliveryChannelsCommand,
} from '@aws-sdk/client-config-service';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsError, testCollectorContext } from '../../../../test/helpers/collector-context.js';
import { configCollector } from './config.collector.js';

const config = mockClient(ConfigServiceClient);

describe('configCollector', () => {
  beforeEach(() => {
    config.reset();
    config.on(DescribeConfigurationRecordersCommand).resolves({ ConfigurationRecorders: [] });
    config.on(DescribeConfigurationRecorderStatusCommand).resolves({ ConfigurationRecordersStatus: [] });
    config.on(DescribeDeliveryChannelsCommand).resolves({ DeliveryChannels: [] });
    config.on(DescribeConfigRulesCommand).resolves({ ConfigRules: [] });
  });

  it('collects recorders, their status, delivery channels and rule source identifiers', async () => {
    config.on(DescribeConfigurationRecordersCommand).resolves({
      ConfigurationRecorders: [
        {
          name: 'default',
          roleARN: 'arn:aws:iam::111111111111:role/config',
          recordingGroup: { allSupported: true, includeGlobalResourceTypes: true, recordingStrategy: { useOnly: 'ALL_SUPPORTED_RESOURCE_TYPES' } },
        },
      ],
    });
    config.on(DescribeConfigurationRecorderStatusCommand).resolves({
      ConfigurationRecordersStatus: [{ name: 'default', recording: true, lastStatus: 'Success', lastStatusChangeTime: new Date('2026-10-30T00:00:00Z') }],
    });
    config.on(DescribeDeliveryChannelsCommand).resolves({ DeliveryChannels: [{ name: 'default', s3BucketName: 'config-bucket' }] });
    config.on(DescribeConfigRulesCommand).resolves({
      ConfigRules: [
        {
          ConfigRuleName: 's3-bucket-public-read-prohibited',
          ConfigRuleState: 'ACTIVE',
          Source: { Owner: 'AWS', SourceIdentifier: 'S3_BUCKET_PUBLIC_READ_PROHIBITED' },
        },
      ],
    });
    const { ctx } = testCollectorContext();
    const slice = await configCollector.collect(ctx);

    expect(slice).toEqual({
      recorders: {
        ok: true,
        value: [
          {
            name: 'default',
            roleArn: 'arn:aws:iam::111111111111:role/config',
            allSupported: true,
            includeGlobalResourceTypes: true,
            resourceTypes: [],
            excludedResourceTypes: [],
            recordingStrategy: 'ALL_SUPPORTED_RESOURCE_TYPES',
          },
        ],
      },
      recorderStatuses: {
        ok: true,
        value: [{ name: 'default', recording: true, lastStatus: 'Success', lastStatusChangeTime: '2026-10-30T00:00:00.000Z', lastErrorCode: null }],
      },
      deliveryChannels: { ok: true, value: [{ name: 'default', s3BucketName: 'config-bucket', snsTopicArn: null }] },
      rules: {
        ok: true,
        value: [
          { name: 's3-bucket-public-read-prohibited', arn: null, state: 'ACTIVE', sourceOwner: 'AWS', sourceIdentifier: 'S3_BUCKET_PUBLIC_READ_PROHIBITED' },
        ],
      },
    });
  });

  it('records "no recorder" as an empty list, not an error', async () => {
    const { ctx, recorder } = testCollectorContext();
    const slice = await configCollector.collect(ctx);

    expect(slice.recorders).toEqual({ ok: true, value: [] });
    expect(recorder.errors).toEqual([]);
  });

  it('keeps the recorders when DescribeConfigRules is denied', async () => {
    config.on(DescribeConfigurationRecordersCommand).resolves({ ConfigurationRecorders: [{ name: 'default' }] });
    config.on(DescribeConfigRulesCommand).rejects(awsError('AccessDeniedException', 'no', 400));
    const { ctx } = testCollectorContext();
    const slice = await configCollector.collect(ctx);

    expect(slice.recorders.ok && slice.recorders.value[0]).toMatchObject({ name: 'default', allSupported: false });
    expect(slice.rules.ok ? null : slice.rules.error.kind).toBe('access_denied');
  });

  it('turns an unsupported-API answer (404) into an error value', async () => {
    config.on(DescribeConfigurationRecorderStatusCommand).rejects(awsError('404', 'Not Found', 404));
    const { ctx } = testCollectorContext();
    const slice = await configCollector.collect(ctx);

    expect(slice.recorderStatuses.ok ? null : slice.recorderStatuses.error.kind).toBe('unsupported');
    expect(slice.deliveryChannels.ok).toBe(true);
  });
});
