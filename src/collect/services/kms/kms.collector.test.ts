import {
  DescribeKeyCommand,
  GetKeyRotationStatusCommand,
  KMSClient,
  ListAliasesCommand,
  ListKeysCommand,
} from '@aws-sdk/client-kms';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsError, testCollectorContext } from '../../../../test/helpers/collector-context.js';
import { kmsCollector } from './kms.collector.js';

const kms = mockClient(KMSClient);
const arn = (id: string) => `arn:aws:kms:us-east-1:111111111111:key/${id}`;

function keys(): void {
  kms.on(ListKeysCommand).resolves({
    Keys: ['k-cmk', 'k-ebs', 'k-rsa', 'k-off'].map((id) => ({ KeyId: id, KeyArn: arn(id) })),
  });
  kms.on(ListAliasesCommand).resolves({
    Aliases: [
      { AliasName: 'alias/app', TargetKeyId: 'k-cmk' },
      { AliasName: 'alias/aws/ebs', TargetKeyId: 'k-ebs' },
      { AliasName: 'alias/unused' },
    ],
  });
  const meta = (KeyId: string, extra: object) => ({ KeyMetadata: { KeyId, KeyManager: 'CUSTOMER', KeySpec: 'SYMMETRIC_DEFAULT', KeyState: 'Enabled', Origin: 'AWS_KMS', ...extra } });
  kms.on(DescribeKeyCommand, { KeyId: 'k-cmk' }).resolves(meta('k-cmk', { Description: 'app data' }) as never);
  // moto reports the alias/aws/ebs key as CUSTOMER.
  kms.on(DescribeKeyCommand, { KeyId: 'k-ebs' }).resolves(meta('k-ebs', {}) as never);
  kms.on(DescribeKeyCommand, { KeyId: 'k-rsa' }).resolves(meta('k-rsa', { KeySpec: 'RSA_2048' }) as never);
  kms.on(DescribeKeyCommand, { KeyId: 'k-off' }).resolves(meta('k-off', { KeyState: 'Disabled' }) as never);
  kms.on(GetKeyRotationStatusCommand, { KeyId: 'k-cmk' }).resolves({ KeyRotationEnabled: false });
}

describe('kmsCollector', () => {
  beforeEach(() => kms.reset());

  it('asks rotation only for enabled customer-managed symmetric keys', async () => {
    keys();
    const slice = await kmsCollector.collect(testCollectorContext().ctx);
    expect(kms.commandCalls(GetKeyRotationStatusCommand).map((c) => c.args[0].input.KeyId)).toEqual(['k-cmk']);
    const byId = Object.fromEntries((slice.keys.ok ? slice.keys.value : []).map((k) => [k.keyId, k]));
    expect(byId['k-cmk']).toEqual({
      keyId: 'k-cmk', arn: arn('k-cmk'), aliases: ['alias/app'], awsManaged: false,
      metadata: { ok: true, value: { keyManager: 'CUSTOMER', keySpec: 'SYMMETRIC_DEFAULT', keyState: 'Enabled', origin: 'AWS_KMS', description: 'app data' } },
      rotationEnabled: { ok: true, value: false },
    });
    expect(byId['k-ebs']).toMatchObject({ awsManaged: true, rotationEnabled: { ok: true, value: null } });
    expect(byId['k-rsa']).toMatchObject({ awsManaged: false, rotationEnabled: { ok: true, value: null } });
    expect(byId['k-off']).toMatchObject({ rotationEnabled: { ok: true, value: null } });
    expect(slice.aliases.ok && slice.aliases.value).toContainEqual({ aliasName: 'alias/unused', targetKeyId: null });
  });

  it('keeps keys when aliases or one key are denied', async () => {
    keys();
    kms.on(ListAliasesCommand).rejects(awsError('AccessDeniedException'));
    kms.on(DescribeKeyCommand, { KeyId: 'k-rsa' }).rejects(awsError('AccessDeniedException'));
    kms.on(GetKeyRotationStatusCommand, { KeyId: 'k-cmk' }).rejects(awsError('AccessDeniedException'));
    const slice = await kmsCollector.collect(testCollectorContext().ctx);
    expect(slice.aliases).toMatchObject({ ok: false, error: { kind: 'access_denied' } });
    const byId = Object.fromEntries((slice.keys.ok ? slice.keys.value : []).map((k) => [k.keyId, k]));
    expect(byId['k-rsa']?.metadata).toMatchObject({ ok: false, error: { operation: 'DescribeKey' } });
    expect(byId['k-cmk']?.rotationEnabled).toMatchObject({ ok: false, error: { operation: 'GetKeyRotationStatus' } });
    // Without aliases the moto-style ebs key looks customer-managed, so its rotation is asked.
    expect(byId['k-ebs']?.awsManaged).toBe(false);
  });

  it('drops a key deleted between ListKeys and DescribeKey', async () => {
    keys();
    kms.on(DescribeKeyCommand, { KeyId: 'k-off' }).rejects(awsError('NotFoundException'));
    const slice = await kmsCollector.collect(testCollectorContext().ctx);
    expect(slice.keys.ok && slice.keys.value.map((k) => k.keyId)).toEqual(['k-cmk', 'k-ebs', 'k-rsa']);
  });

  it('turns an unsupported-API answer into an error value', async () => {
    kms.on(ListKeysCommand).rejects(awsError('404', 'Not Found', 404));
    kms.on(ListAliasesCommand).resolves({ Aliases: [] });
    const slice = await kmsCollector.collect(testCollectorContext().ctx);
    expect(slice.keys).toMatchObject({ ok: false, error: { kind: 'unsupported' } });
    expect(slice.aliases).toEqual({ ok: true, value: [] });
  });
});
