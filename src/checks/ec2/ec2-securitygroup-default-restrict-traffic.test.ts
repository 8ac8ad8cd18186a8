import { describe, expect, it } from 'vitest';
import type { SecurityGroup } from '../../core/slices/ec2.js';
import { aRule, aSecurityGroup, ec2Region } from '../../../test/helpers/network-fixtures.js';
import { denied, observed } from '../../../test/helpers/snapshot-builder.js';
import { ec2SecuritygroupDefaultRestrictTraffic as check } from './ec2-securitygroup-default-restrict-traffic.js';

const defaultSg = (o: Partial<SecurityGroup>) => aSecurityGroup({ groupId: 'sg-def', groupName: 'default', isDefault: true, ...o });

describe('ec2_securitygroup_default_restrict_traffic', () => {
  it.each<[string, SecurityGroup, string]>([
    ['no rules', defaultSg({}), 'PASS'],
    ['AWS out-of-the-box self ingress', defaultSg({ ingress: [aRule({ protocol: '-1', fromPort: null, toPort: null, referencedGroupIds: ['sg-def'] })] }), 'FAIL'],
    ['only egress to anywhere', defaultSg({ egress: [aRule({ protocol: '-1', fromPort: null, toPort: null, ipv4Ranges: ['0.0.0.0/0'] })] }), 'FAIL'],
  ])('%s -> %s', (_name, sg, status) => {
    const outcomes = check.evaluate(ec2Region({ securityGroups: observed([sg, aSecurityGroup({ ingress: [aRule()] })]) }));
    // Only the default group is evaluated.
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]?.status).toBe(status);
    expect(outcomes[0]?.resourceId).toBe('sg-def');
  });

  it('lists the rules to remove', () => {
    const [outcome] = check.evaluate(
      ec2Region({ securityGroups: observed([defaultSg({ egress: [aRule({ protocol: '-1', fromPort: null, toPort: null })] })]) }),
    );
    expect(outcome?.message).toBe('Default security group sg-def of vpc-1 has 0 inbound and 1 outbound rule(s); it should have none.');
    expect(outcome?.evidence).toMatchObject({ rules: ['outbound all traffic'] });
  });

  it('reports UNKNOWN when security groups could not be read', () => {
    expect(check.evaluate(ec2Region({ securityGroups: denied('ec2', 'DescribeSecurityGroups') }))[0]?.status).toBe('UNKNOWN');
  });
});
