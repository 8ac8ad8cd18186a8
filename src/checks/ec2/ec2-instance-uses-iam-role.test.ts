import { describe, expect, it } from 'vitest';
import type { Instance } from '../../core/slices/ec2.js';
import { anInstance, ec2Region } from '../../../test/helpers/network-fixtures.js';
import { denied, observed } from '../../../test/helpers/snapshot-builder.js';
import { ec2InstanceUsesIamRole as check } from './ec2-instance-uses-iam-role.js';

describe('ec2_instance_uses_iam_role', () => {
  it.each<[string, Instance, string]>([
    ['with an instance profile', anInstance(), 'PASS'],
    ['without an instance profile', anInstance({ iamInstanceProfileArn: null }), 'FAIL'],
    ['stopped, without an instance profile', anInstance({ state: 'stopped', iamInstanceProfileArn: null }), 'FAIL'],
  ])('%s -> %s', (_name, instance, status) => {
    const [outcome] = check.evaluate(ec2Region({ instances: observed([instance]) }));
    expect(outcome).toMatchObject({ status, resourceType: 'AWS::EC2::Instance', resourceId: 'i-1' });
  });

  it('reports UNKNOWN when instances could not be read', () => {
    expect(check.evaluate(ec2Region({ instances: denied('ec2', 'DescribeInstances') }))[0]?.status).toBe('UNKNOWN');
  });
});
