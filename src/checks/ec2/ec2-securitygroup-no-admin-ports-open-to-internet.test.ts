import { describe, expect, it } from 'vitest';
import type { SecurityGroupRule } from '../../core/slices/ec2.js';
import { aRule, aSecurityGroup, ec2Region } from '../../../test/helpers/network-fixtures.js';
import { denied, observed } from '../../../test/helpers/snapshot-builder.js';
import { ec2SecuritygroupNoAdminPortsOpenToInternet as check } from './ec2-securitygroup-no-admin-ports-open-to-internet.js';

const world = { ipv4Ranges: ['0.0.0.0/0'] };

describe('ec2_securitygroup_no_admin_ports_open_to_internet', () => {
  it.each<[string, SecurityGroupRule[], string]>([
    ['no rules', [], 'PASS'],
    ['HTTPS from the internet', [aRule({ ...world })], 'PASS'],
    ['SSH from a private range', [aRule({ fromPort: 22, toPort: 22, ipv4Ranges: ['10.0.0.0/8'] })], 'PASS'],
    ['SSH from another security group', [aRule({ fromPort: 22, toPort: 22, referencedGroupIds: ['sg-bastion'] })], 'PASS'],
    ['UDP range covering 22', [aRule({ protocol: 'udp', fromPort: 0, toPort: 65535, ...world })], 'PASS'],
    ['SSH from 0.0.0.0/0', [aRule({ fromPort: 22, toPort: 22, ...world })], 'FAIL'],
    ['RDP from ::/0', [aRule({ fromPort: 3389, toPort: 3389, ipv6Ranges: ['::/0'] })], 'FAIL'],
    ['all traffic from the internet', [aRule({ protocol: '-1', fromPort: null, toPort: null, ...world })], 'FAIL'],
    ['TCP range 1-1024', [aRule({ fromPort: 1, toPort: 1024, ...world })], 'FAIL'],
    ['protocol number 6 range 3000-4000', [aRule({ protocol: '6', fromPort: 3000, toPort: 4000, ...world })], 'FAIL'],
  ])('%s -> %s', (_name, ingress, status) => {
    const [outcome] = check.evaluate(ec2Region({ securityGroups: observed([aSecurityGroup({ ingress })]) }));
    expect(outcome?.status).toBe(status);
    expect(outcome?.resourceArn).toBe('arn:aws:ec2:eu-west-1:111111111111:security-group/sg-1');
  });

  it('names the port and source, and whether the group is in use', () => {
    const [outcome] = check.evaluate(
      ec2Region({
        securityGroups: observed([aSecurityGroup({ ingress: [aRule({ fromPort: 22, toPort: 22, ...world })] })]),
        attachedSecurityGroupIds: observed(['sg-1']),
      }),
    );
    expect(outcome?.message).toBe('Security group sg-1 (web) allows SSH (22) from 0.0.0.0/0.');
    expect(outcome?.evidence).toMatchObject({ attached: true, openRules: [{ port: 22, ports: 'tcp 22', sources: ['0.0.0.0/0'] }] });
  });

  it('reports UNKNOWN for the region when security groups could not be read', () => {
    const [outcome] = check.evaluate(ec2Region({ securityGroups: denied('ec2', 'DescribeSecurityGroups') }));
    expect(outcome).toMatchObject({ status: 'UNKNOWN', resourceType: 'AWS::::Region' });
  });

  it('reports UNKNOWN when the whole ec2 slice failed', () => {
    expect(check.evaluate(ec2Region(denied('ec2', 'collect')))[0]?.status).toBe('UNKNOWN');
  });
});
