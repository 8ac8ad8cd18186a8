import { describe, expect, it } from 'vitest';
import type { Observed } from '../../core/observed.js';
import type { UserDataScan } from '../../core/slices/ec2.js';
import { anInstance, ec2Region } from '../../../test/helpers/network-fixtures.js';
import { denied, observed } from '../../../test/helpers/snapshot-builder.js';
import { ec2InstanceNoSecretsInUserData as check } from './ec2-instance-no-secrets-in-user-data.js';

const finding = { location: 'userData:line 3', kind: 'password-assignment', hint: 'DB_PASSWORD set to a 12-character literal' } as const;

describe('ec2_instance_no_secrets_in_user_data', () => {
  it.each<[string, Observed<UserDataScan | null>, string]>([
    ['no user data', observed(null), 'PASS'],
    ['clean user data', observed({ bytes: 120, gzip: false, secretFindings: [] }), 'PASS'],
    ['a password in user data', observed({ bytes: 120, gzip: false, secretFindings: [finding] }), 'FAIL'],
    ['user data not readable', denied('ec2', 'DescribeInstanceAttribute'), 'UNKNOWN'],
  ])('%s -> %s', (_name, userData, status) => {
    const [outcome] = check.evaluate(ec2Region({ instances: observed([anInstance({ userData })]) }));
    expect(outcome?.status).toBe(status);
  });

  it('carries the redacted findings as evidence', () => {
    const [outcome] = check.evaluate(
      ec2Region({ instances: observed([anInstance({ userData: observed({ bytes: 120, gzip: false, secretFindings: [finding] }) })]) }),
    );
    expect(outcome?.message).toBe('Instance i-1 (app-1) user data contains 1 likely secret(s) (password-assignment); rotate them and load them from a secret store.');
    expect(outcome?.evidence).toEqual({ name: 'app-1', secretFindings: [finding] });
  });

  it('reports UNKNOWN for the region when instances could not be read', () => {
    expect(check.evaluate(ec2Region({ instances: denied('ec2', 'DescribeInstances') }))[0]?.status).toBe('UNKNOWN');
  });
});
