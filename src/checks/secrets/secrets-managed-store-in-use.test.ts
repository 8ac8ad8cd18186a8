import { describe, expect, it } from 'vitest';
import type { ManagedSecret, SecretsSlice, SsmParameter } from '../../core/slices/secrets.js';
import { aRegion, aSnapshot, anAccount, denied, observed } from '../../../test/helpers/snapshot-builder.js';
import { secretsManagedStoreInUse as check } from './secrets-managed-store-in-use.js';

const secret = (name: string, rotationEnabled = false): ManagedSecret => ({
  name, arn: `arn:aws:secretsmanager:eu-west-1:111111111111:secret:${name}`, kmsKeyId: null, rotationEnabled, lastAccessedDate: null, lastRotatedDate: null,
});
const param = (name: string, type: string): SsmParameter => ({ name, type, keyId: null, lastModifiedDate: null });
const slice = (secrets: SecretsSlice['secrets'], parameters: SecretsSlice['parameters']) => observed<SecretsSlice>({ secrets, parameters });

describe('secrets_managed_store_in_use', () => {
  it('is MANUAL with counts per account when secrets are found', () => {
    const snapshot = aSnapshot({
      accounts: [
        anAccount({
          regional: [
            aRegion('eu-west-1', { secrets: slice(observed([secret('db', true), secret('api')]), observed([param('/db/pw', 'SecureString'), param('/cfg', 'String')])) }),
            aRegion('us-east-1', { secrets: slice(observed([]), observed([])) }),
          ],
        }),
      ],
    });
    const [outcome] = check.evaluate(snapshot);
    expect(outcome).toMatchObject({ status: 'MANUAL', resourceType: 'AWS::::Account' });
    expect(outcome?.message).toBe(
      'Account 111111111111 has 2 Secrets Manager secret(s) (1 with rotation) and 1 SecureString parameter(s); confirm every application credential is stored there.',
    );
    expect(outcome?.evidence).toEqual({
      secretsManagerSecrets: 2,
      secretsWithRotation: 1,
      secureStringParameters: 1,
      byRegion: { 'eu-west-1': { secrets: 2, secureStringParameters: 1 } },
      unreadable: [],
    });
  });

  it('is MANUAL asking where credentials live when no managed store is used', () => {
    const snapshot = aSnapshot({ accounts: [anAccount({ regional: [aRegion('eu-west-1', { secrets: slice(observed([]), observed([param('/cfg', 'String')])) })] })] });
    const [outcome] = check.evaluate(snapshot);
    expect(outcome?.status).toBe('MANUAL');
    expect(outcome?.message).toContain('No Secrets Manager secrets or SecureString parameters found');
  });

  it('notes partial reads without hiding what was seen', () => {
    const snapshot = aSnapshot({
      accounts: [anAccount({ regional: [aRegion('eu-west-1', { secrets: slice(observed([secret('db')]), denied('ssm', 'DescribeParameters')) })] })],
    });
    const [outcome] = check.evaluate(snapshot);
    expect(outcome?.status).toBe('MANUAL');
    expect(outcome?.message).toContain('1 read(s) failed');
    expect(outcome?.evidence).toMatchObject({ byRegion: { 'eu-west-1': { secrets: 1, secureStringParameters: null } } });
  });

  it('is UNKNOWN when nothing could be read', () => {
    const snapshot = aSnapshot({
      accounts: [anAccount({ regional: [aRegion('eu-west-1', { secrets: slice(denied('secretsmanager', 'ListSecrets'), denied('ssm', 'DescribeParameters')) })] })],
    });
    expect(check.evaluate(snapshot)[0]?.status).toBe('UNKNOWN');
  });

  it('is UNKNOWN when the account could not be entered', () => {
    const snapshot = aSnapshot({ accounts: [anAccount({ access: denied('sts', 'AssumeRole') })] });
    expect(check.evaluate(snapshot)[0]?.status).toBe('UNKNOWN');
  });
});
