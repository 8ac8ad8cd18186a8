/**
 * KMS collector (regional): ListKeys + ListAliases, DescribeKey per key, and GetKeyRotationStatus only for
 * enabled customer-managed symmetric keys with KMS-generated material (the only keys rotation applies to).
 */
import {
  DescribeKeyCommand,
  GetKeyRotationStatusCommand,
  KMSClient,
  paginateListAliases,
  paginateListKeys,
} from '@aws-sdk/client-kms';
import pLimit from 'p-limit';
import { observed, type Observed } from '../../../core/observed.js';
import type { KmsKey, KmsKeyMetadata } from '../../../core/slices/kms.js';
import { collectPages, defineRegionalCollector } from '../../collector.js';

const SERVICE = 'kms';
const KEY_CONCURRENCY = 5;
const KEY_NOT_FOUND = ['NotFoundException'];

/** Whether automatic rotation applies to a key (and so whether to ask for its status). */
function rotationApplies(meta: KmsKeyMetadata, awsManaged: boolean): boolean {
  return (
    !awsManaged &&
    meta.keyState === 'Enabled' &&
    (meta.keySpec ?? 'SYMMETRIC_DEFAULT') === 'SYMMETRIC_DEFAULT' &&
    (meta.origin ?? 'AWS_KMS') === 'AWS_KMS'
  );
}

export const kmsCollector = defineRegionalCollector({
  service: 'kms',
  scope: 'regional',
  // docs/decisions/0012-region-signal.md
  regionalReads: 'resources',
  configResourceTypes: ['AWS::KMS::Key'],
  operations: [
    { operation: 'ListKeys', iamAction: 'kms:ListKeys' },
    { operation: 'ListAliases', iamAction: 'kms:ListAliases' },
    { operation: 'DescribeKey', iamAction: 'kms:DescribeKey', notFoundCodes: KEY_NOT_FOUND },
    { operation: 'GetKeyRotationStatus', iamAction: 'kms:GetKeyRotationStatus', notFoundCodes: KEY_NOT_FOUND },
  ],
  async collect(ctx) {
    const client = ctx.client(KMSClient);
    const [listedKeys, listedAliases] = await Promise.all([
      ctx.call(SERVICE, 'ListKeys', () => collectPages(paginateListKeys({ client }, {}), (p) => p.Keys)),
      ctx.call(SERVICE, 'ListAliases', async () =>
        (await collectPages(paginateListAliases({ client }, {}), (p) => p.Aliases)).map((a) => ({
          aliasName: a.AliasName ?? '',
          targetKeyId: a.TargetKeyId ?? null,
        })),
      ),
    ]);
    if (!listedKeys.ok) return { keys: listedKeys, aliases: listedAliases };

    const aliasesByKey = new Map<string, string[]>();
    for (const a of listedAliases.ok ? listedAliases.value : []) {
      if (!a.targetKeyId) continue;
      aliasesByKey.set(a.targetKeyId, [...(aliasesByKey.get(a.targetKeyId) ?? []), a.aliasName]);
    }

    const limit = pLimit(KEY_CONCURRENCY);
    const keys = await Promise.all(
      listedKeys.value.map((k) =>
        limit(async (): Promise<KmsKey | null> => {
          const keyId = k.KeyId ?? '';
          const aliases = aliasesByKey.get(keyId) ?? [];
          const described = await ctx.call(SERVICE, 'DescribeKey', () => client.send(new DescribeKeyCommand({ KeyId: keyId })), {
            notFoundCodes: KEY_NOT_FOUND,
          });
          const base = { keyId, arn: k.KeyArn ?? '', aliases };
          const byAlias = aliases.some((a) => a.startsWith('alias/aws/'));
          if (!described.ok) return { ...base, awsManaged: byAlias, metadata: described, rotationEnabled: described };
          const m = described.value?.KeyMetadata;
          if (!m) return null; // deleted since ListKeys
          const metadata: KmsKeyMetadata = {
            keyManager: m.KeyManager ?? 'CUSTOMER',
            keySpec: m.KeySpec ?? null,
            keyState: m.KeyState ?? 'unknown',
            origin: m.Origin ?? null,
            description: m.Description ?? null,
          };
          const awsManaged = byAlias || metadata.keyManager === 'AWS';
          let rotationEnabled: Observed<boolean | null> = observed(null);
          if (rotationApplies(metadata, awsManaged)) {
            const status = await ctx.call(
              SERVICE,
              'GetKeyRotationStatus',
              () => client.send(new GetKeyRotationStatusCommand({ KeyId: keyId })),
              { notFoundCodes: KEY_NOT_FOUND },
            );
            rotationEnabled = status.ok ? observed(status.value ? (status.value.KeyRotationEnabled ?? false) : null) : status;
          }
          return { ...base, awsManaged, metadata: observed(metadata), rotationEnabled };
        }),
      ),
    );
    return { keys: observed(keys.filter((k): k is KmsKey => k !== null)), aliases: listedAliases };
  },
});
