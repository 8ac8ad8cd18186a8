import { describe, expect, it } from 'vitest';
import type { SecurityGroupRule } from '../../core/slices/ec2.js';
import { aRule, aSecurityGroup, ec2Region } from '../../../test/helpers/network-fixtures.js';
import { denied, observed } from '../../../test/helpers/snapshot-builder.js';
import { ec2SecuritygroupNoAllPortsOpenToInternet as check } from './ec2-securitygroup-no-all-ports-open-to-internet.js';

const world = { ipv4Ranges: ['0.0.0.0/0'] };

describe('ec2_securitygroup_no_all_ports_open_to_internet', () => {
  it.each<[string, SecurityGroupRule[], string]>([
    ['HTTPS from the internet', [aRule({ ...world })], 'PASS'],
    ['all traffic from a private range', [aRule({ protocol: '-1', fromPort: null, toPort: null, ipv4Ranges: ['10.0.0.0/8'] })], 'PASS'],
    ['ICMP from the internet', [aRule({ protocol: 'icmp', fromPort: -1, toPort: -1, ...world })], 'PASS'],
    ['all traffic from 0.0.0.0/0', [aRule({ protocol: '-1', fromPort: null, toPort: null, ...world })], 'FAIL'],
    ['all traffic from ::/0', [aRule({ protocol: '-1', fromPort: null, toPort: null, ipv6Ranges: ['::/0'] })], 'FAIL'],
    ['TCP 0-65535', [aRule({ fromPort: 0, toPort: 65535, ...world })], 'FAIL'],
    ['all traffic from 0.0.0.0/1', [aRule({ protocol: '-1', fromPort: null, toPort: null, ipv4Ranges: ['0.0.0.0/1'] })], 'FAIL'],
    ['all traffic from a partner /16', [aRule({ protocol: '-1', fromPort: null, toPort: null, ipv4Ranges: ['52.94.0.0/16'] })], 'PASS'],
    ['UDP 1-65535', [aRule({ protocol: 'udp', fromPort: 1, toPort: 65535, ...world })], 'FAIL'],
  ])('%s -> %s', (_name, ingress, status) => {
    const [outcome] = check.evaluate(ec2Region({ securityGroups: observed([aSecurityGroup({ ingress })]) }));
    expect(outcome?.status).toBe(status);
  });

  it('reports UNKNOWN when security groups could not be read', () => {
    expect(check.evaluate(ec2Region({ securityGroups: denied('ec2', 'DescribeSecurityGroups') }))[0]?.status).toBe('UNKNOWN');
  });
});
