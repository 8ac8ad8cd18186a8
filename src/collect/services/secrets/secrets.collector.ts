/**
 * Secret stores collector (regional): Secrets Manager ListSecrets and SSM DescribeParameters. Metadata only:
 * GetSecretValue / GetParameter are never called, so no secret value can reach the snapshot.
 */
import { SecretsManagerClient, paginateListSecrets } from '@aws-sdk/client-secrets-manager';
import { SSMClient, paginateDescribeParameters } from '@aws-sdk/client-ssm';
import type { ManagedSecret, SsmParameter } from '../../../core/slices/secrets.js';
import { collectPages, defineRegionalCollector } from '../../collector.js';

export const secretsCollector = defineRegionalCollector({
  service: 'secrets',
  scope: 'regional',
  // docs/decisions/0012-region-signal.md: SSM parameters have no AWS Config type: always read
  regionalReads: 'resources',
  operations: [
    { operation: 'ListSecrets', iamAction: 'secretsmanager:ListSecrets' },
    { operation: 'DescribeParameters', iamAction: 'ssm:DescribeParameters' },
  ],
  async collect(ctx) {
    const sm = ctx.client(SecretsManagerClient);
    const ssm = ctx.client(SSMClient);
    const [secrets, parameters] = await Promise.all([
      ctx.call('secretsmanager', 'ListSecrets', async (): Promise<readonly ManagedSecret[]> =>
        (await collectPages(paginateListSecrets({ client: sm }, {}), (p) => p.SecretList)).map((s) => ({
          name: s.Name ?? '',
          arn: s.ARN ?? '',
          kmsKeyId: s.KmsKeyId ?? null,
          rotationEnabled: s.RotationEnabled ?? false,
          lastAccessedDate: s.LastAccessedDate?.toISOString() ?? null,
          lastRotatedDate: s.LastRotatedDate?.toISOString() ?? null,
        })),
      ),
      ctx.call('ssm', 'DescribeParameters', async (): Promise<readonly SsmParameter[]> =>
        (await collectPages(paginateDescribeParameters({ client: ssm }, {}), (p) => p.Parameters)).map((p) => ({
          name: p.Name ?? '',
          type: p.Type ?? 'String',
          keyId: p.KeyId ?? null,
          lastModifiedDate: p.LastModifiedDate?.toISOString() ?? null,
        })),
      ),
    ]);
    return { secrets, parameters };
  },
});
