import { describe, expect, it } from 'vitest';
import type { Instance } from '../../core/slices/ec2.js';
import type { SecretKind } from '../../core/slices/secrets.js';
import { anInstance, ec2Region } from '../../../test/helpers/network-fixtures.js';
import { denied, observed } from '../../../test/helpers/snapshot-builder.js';
import { ec2InstanceUsesIamRole as check } from './ec2-instance-uses-iam-role.js';

/** A user-data scan with one finding per kind (where and what kind only, as the collector stores it). */
const userData = (...kinds: SecretKind[]): Instance['userData'] =>
  observed({ bytes: 512, gzip: false, secretFindings: kinds.map((kind, i) => ({ location: `userData:line ${i + 2}`, kind, hint: '********' })) });

describe('ec2_instance_uses_iam_role', () => {
  it.each<[string, Instance, string]>([
    ['with an instance profile', anInstance(), 'PASS'],
    // issue 7 §1: no role is not proof of static keys (an appliance may make no AWS calls at all).
    ['without an instance profile, no user data', anInstance({ iamInstanceProfileArn: null }), 'MANUAL'],
    ['stopped, without an instance profile', anInstance({ state: 'stopped', iamInstanceProfileArn: null }), 'MANUAL'],
    ['without an instance profile, a database password in user data', anInstance({ iamInstanceProfileArn: null, userData: userData('password-assignment') }), 'MANUAL'],
    ['without an instance profile, AWS access keys in user data', anInstance({ iamInstanceProfileArn: null, userData: userData('aws-access-key-id', 'aws-secret-access-key') }), 'FAIL'],
    ['without an instance profile, user data unreadable', anInstance({ iamInstanceProfileArn: null, userData: denied('ec2', 'DescribeInstanceAttribute') }), 'MANUAL'],
    ['with an instance profile and keys in user data (another check reports the secret)', anInstance({ userData: userData('aws-access-key-id') }), 'PASS'],
  ])('%s -> %s', (_name, instance, status) => {
    const [outcome] = check.evaluate(ec2Region({ instances: observed([instance]) }));
    expect(outcome).toMatchObject({ status, resourceType: 'AWS::EC2::Instance', resourceId: 'i-1' });
  });

  it('reports UNKNOWN when instances could not be read', () => {
    expect(check.evaluate(ec2Region({ instances: denied('ec2', 'DescribeInstances') }))[0]?.status).toBe('UNKNOWN');
  });
});
