import { ListSecretsCommand, SecretsManagerClient, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { DescribeParametersCommand, GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsError, testCollectorContext } from '../../../../test/helpers/collector-context.js';
import { secretsCollector } from './secrets.collector.js';

const sm = mockClient(SecretsManagerClient);
const ssm = mockClient(SSMClient);

function happyPath(): void {
  sm.on(ListSecretsCommand).resolves({
    SecretList: [
      { Name: 'prod/db', ARN: 'arn:aws:secretsmanager:us-east-1:111111111111:secret:prod/db-abc', RotationEnabled: true, KmsKeyId: 'alias/app', LastAccessedDate: new Date('2026-10-01T00:00:00Z'), LastRotatedDate: new Date('2026-09-01T00:00:00Z') },
      { Name: 'prod/api', ARN: 'arn:aws:secretsmanager:us-east-1:111111111111:secret:prod/api-def' },
    ],
  });
  ssm.on(DescribeParametersCommand).resolves({
    Parameters: [
      { Name: '/prod/db/password', Type: 'SecureString', KeyId: 'alias/aws/ssm', LastModifiedDate: new Date('2026-08-01T00:00:00Z') },
      { Name: '/prod/api_token', Type: 'String' },
    ],
  });
}

describe('secretsCollector', () => {
  beforeEach(() => {
    sm.reset();
    ssm.reset();
  });

  it('collects secret and parameter metadata without reading any value', async () => {
    happyPath();
    const slice = await secretsCollector.collect(testCollectorContext().ctx);
    expect(slice.secrets).toEqual({
      ok: true,
      value: [
        { name: 'prod/db', arn: 'arn:aws:secretsmanager:us-east-1:111111111111:secret:prod/db-abc', kmsKeyId: 'alias/app', rotationEnabled: true, lastAccessedDate: '2026-10-01T00:00:00.000Z', lastRotatedDate: '2026-09-01T00:00:00.000Z' },
        { name: 'prod/api', arn: 'arn:aws:secretsmanager:us-east-1:111111111111:secret:prod/api-def', kmsKeyId: null, rotationEnabled: false, lastAccessedDate: null, lastRotatedDate: null },
      ],
    });
    expect(slice.parameters).toEqual({
      ok: true,
      value: [
        { name: '/prod/db/password', type: 'SecureString', keyId: 'alias/aws/ssm', lastModifiedDate: '2026-08-01T00:00:00.000Z' },
        { name: '/prod/api_token', type: 'String', keyId: null, lastModifiedDate: null },
      ],
    });
    expect(sm.commandCalls(GetSecretValueCommand)).toHaveLength(0);
    expect(ssm.commandCalls(GetParameterCommand)).toHaveLength(0);
  });

  it('keeps parameters when ListSecrets is denied', async () => {
    happyPath();
    sm.on(ListSecretsCommand).rejects(awsError('AccessDeniedException'));
    const slice = await secretsCollector.collect(testCollectorContext().ctx);
    expect(slice.secrets).toMatchObject({ ok: false, error: { kind: 'access_denied', service: 'secretsmanager', operation: 'ListSecrets' } });
    expect(slice.parameters.ok).toBe(true);
  });

  it('reads a region without secrets or parameters as empty lists', async () => {
    sm.on(ListSecretsCommand).resolves({});
    ssm.on(DescribeParametersCommand).resolves({});
    const slice = await secretsCollector.collect(testCollectorContext().ctx);
    expect(slice).toEqual({ secrets: { ok: true, value: [] }, parameters: { ok: true, value: [] } });
  });

  it('turns an unsupported-API answer into an error value', async () => {
    happyPath();
    ssm.on(DescribeParametersCommand).rejects(awsError('404', 'Not Found', 404));
    const slice = await secretsCollector.collect(testCollectorContext().ctx);
    expect(slice.parameters).toMatchObject({ ok: false, error: { kind: 'unsupported', service: 'ssm' } });
    expect(slice.secrets.ok).toBe(true);
  });
});
