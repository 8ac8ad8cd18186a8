import { describe, expect, it } from 'vitest';
import type { KmsKey, KmsKeyMetadata } from '../../core/slices/kms.js';
import { inRegion } from '../../../test/helpers/network-fixtures.js';
import { denied, observed } from '../../../test/helpers/snapshot-builder.js';
import { kmsCmkRotationEnabled as check } from './kms-cmk-rotation-enabled.js';

const meta = (o: Partial<KmsKeyMetadata> = {}): KmsKeyMetadata => ({
  keyManager: 'CUSTOMER', keySpec: 'SYMMETRIC_DEFAULT', keyState: 'Enabled', origin: 'AWS_KMS', description: null, ...o,
});
const key = (o: Partial<KmsKey>): KmsKey => ({
  keyId: 'k-1', arn: 'arn:aws:kms:eu-west-1:111111111111:key/k-1', aliases: ['alias/app'], awsManaged: false,
  metadata: observed(meta()), rotationEnabled: observed(true), ...o,
});
const run = (keys: KmsKey[]) => check.evaluate(inRegion({ kms: observed({ keys: observed(keys), aliases: observed([]) }) }));

describe('kms_cmk_rotation_enabled', () => {
  it.each<[string, KmsKey, string]>([
    ['rotation on', key({}), 'PASS'],
    ['rotation off', key({ rotationEnabled: observed(false) }), 'FAIL'],
    ['asymmetric key', key({ metadata: observed(meta({ keySpec: 'RSA_2048' })), rotationEnabled: observed(null) }), 'NOT_APPLICABLE'],
    ['disabled key', key({ metadata: observed(meta({ keyState: 'Disabled' })), rotationEnabled: observed(null) }), 'NOT_APPLICABLE'],
    ['rotation status denied', key({ rotationEnabled: denied('kms', 'GetKeyRotationStatus') }), 'UNKNOWN'],
    ['DescribeKey denied', key({ metadata: denied('kms', 'DescribeKey'), rotationEnabled: denied('kms', 'DescribeKey') }), 'UNKNOWN'],
  ])('%s -> %s', (_name, k, status) => {
    expect(run([k])[0]).toMatchObject({ status, resourceType: 'AWS::KMS::Key', resourceId: 'k-1' });
  });

  it('skips AWS managed keys (including alias/aws/* keys reported as CUSTOMER)', () => {
    expect(run([key({ aliases: ['alias/aws/ebs'], awsManaged: true, rotationEnabled: observed(null) })])).toEqual([]);
  });

  it('explains why rotation does not apply', () => {
    const [outcome] = run([key({ metadata: observed(meta({ origin: 'EXTERNAL' })), rotationEnabled: observed(null) })]);
    expect(outcome?.message).toBe('KMS key k-1 (alias/app) has EXTERNAL key material (rotate it manually).');
  });

  it('reports UNKNOWN for the region when keys could not be listed', () => {
    const [outcome] = check.evaluate(inRegion({ kms: observed({ keys: denied('kms', 'ListKeys'), aliases: observed([]) }) }));
    expect(outcome).toMatchObject({ status: 'UNKNOWN', resourceType: 'AWS::::Region' });
  });
});
