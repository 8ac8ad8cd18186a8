import {
  ConfigServiceClient,
  DescribeConfigurationRecorderStatusCommand,
  DescribeConfigurationRecordersCommand,
  DescribeDeliveryChannelsCommand,
  paginateDescribeConfigRules,
} from '@aws-sdk/client-config-service';
import { collectPages, defineRegionalCollector } from '../../collector.js';

/** AWS Config: configuration recorders (what they record), their status, delivery channels and rules. */
export const configCollector = defineRegionalCollector({
  service: 'config',
  scope: 'regional',
  // docs/decisions/0012-region-signal.md
  regionalReads: 'posture',
  operations: [
    { operation: 'DescribeConfigurationRecorders', iamAction: 'config:DescribeConfigurationRecorders' },
    { operation: 'DescribeConfigurationRecorderStatus', iamAction: 'config:DescribeConfigurationRecorderStatus' },
    { operation: 'DescribeDeliveryChannels', iamAction: 'config:DescribeDeliveryChannels' },
    { operation: 'DescribeConfigRules', iamAction: 'config:DescribeConfigRules' },
  ],
  async collect(ctx) {
    const client = ctx.client(ConfigServiceClient);
    const [recorders, recorderStatuses, deliveryChannels, rules] = await Promise.all([
      ctx.call('config', 'DescribeConfigurationRecorders', async () =>
        ((await client.send(new DescribeConfigurationRecordersCommand({}))).ConfigurationRecorders ?? []).map((r) => {
          const group = r.recordingGroup;
          return {
            name: r.name ?? '',
            roleArn: r.roleARN ?? null,
            allSupported: group?.allSupported ?? false,
            includeGlobalResourceTypes: group?.includeGlobalResourceTypes ?? false,
            resourceTypes: group?.resourceTypes ?? [],
            excludedResourceTypes: group?.exclusionByResourceTypes?.resourceTypes ?? [],
            recordingStrategy: group?.recordingStrategy?.useOnly ?? null,
          };
        }),
      ),
      ctx.call('config', 'DescribeConfigurationRecorderStatus', async () =>
        ((await client.send(new DescribeConfigurationRecorderStatusCommand({}))).ConfigurationRecordersStatus ?? []).map((s) => ({
          name: s.name ?? '',
          recording: s.recording ?? false,
          lastStatus: s.lastStatus ?? null,
          lastStatusChangeTime: s.lastStatusChangeTime?.toISOString() ?? null,
          lastErrorCode: s.lastErrorCode ?? null,
        })),
      ),
      ctx.call('config', 'DescribeDeliveryChannels', async () =>
        ((await client.send(new DescribeDeliveryChannelsCommand({}))).DeliveryChannels ?? []).map((c) => ({
          name: c.name ?? '',
          s3BucketName: c.s3BucketName ?? null,
          snsTopicArn: c.snsTopicARN ?? null,
        })),
      ),
      ctx.call('config', 'DescribeConfigRules', async () =>
        (await collectPages(paginateDescribeConfigRules({ client }, {}), (p) => p.ConfigRules)).map((r) => ({
          name: r.ConfigRuleName ?? '',
          arn: r.ConfigRuleArn ?? null,
          state: r.ConfigRuleState ?? null,
          sourceOwner: r.Source?.Owner ?? null,
          sourceIdentifier: r.Source?.SourceIdentifier ?? null,
        })),
      ),
    ]);
    return { recorders, recorderStatuses, deliveryChannels, rules };
  },
});
