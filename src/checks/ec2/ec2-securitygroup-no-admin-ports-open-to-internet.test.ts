import { describe, expect, it } from 'vitest';
import type { SecurityGroupRule } from '../../core/slices/ec2.js';
import { aPrefixList, aRule, aSecurityGroup, ec2Region } from '../../../test/helpers/network-fixtures.js';
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
    ['SSH from 0.0.0.0/1 (half the internet)', [aRule({ fromPort: 22, toPort: 22, ipv4Ranges: ['0.0.0.0/1'] })], 'FAIL'],
    ['SSH from 128.0.0.0/2', [aRule({ fromPort: 22, toPort: 22, ipv4Ranges: ['128.0.0.0/2'] })], 'FAIL'],
    ['SSH from 0.0.0.0/0 split over two rules', [aRule({ fromPort: 22, toPort: 22, ipv4Ranges: ['0.0.0.0/1'] }), aRule({ fromPort: 20, toPort: 25, ipv4Ranges: ['128.0.0.0/1'] })], 'FAIL'],
    ['RDP from 2000::/3 (all IPv6 global unicast)', [aRule({ fromPort: 3389, toPort: 3389, ipv6Ranges: ['2000::/3'] })], 'FAIL'],
    ['SSH from an office /24 and a partner /16', [aRule({ fromPort: 22, toPort: 22, ipv4Ranges: ['198.51.100.0/24', '52.94.0.0/16'] })], 'PASS'],
    ['SSH from every private range', [aRule({ fromPort: 22, toPort: 22, ipv4Ranges: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'], ipv6Ranges: ['fc00::/7'] })], 'PASS'],
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

  it('FAILs SSH from a customer-managed prefix list that holds the whole internet', () => {
    const ingress = [aRule({ fromPort: 22, toPort: 22, prefixListIds: ['pl-0123456789abcdef0'] })];
    const [outcome] = check.evaluate(
      ec2Region({
        securityGroups: observed([aSecurityGroup({ ingress })]),
        prefixLists: observed([aPrefixList('pl-0123456789abcdef0', 'anywhere', observed(['0.0.0.0/1', '128.0.0.0/1']))]),
      }),
    );
    expect(outcome?.status).toBe('FAIL');
    expect(outcome?.message).toContain('pl-0123456789abcdef0 (anywhere)');
  });

  it('PASSes SSH from a prefix list of office ranges, and is UNKNOWN when its entries could not be read', () => {
    const ingress = [aRule({ fromPort: 22, toPort: 22, prefixListIds: ['pl-office'] })];
    const run = (entries: Parameters<typeof aPrefixList>[2]) =>
      check.evaluate(ec2Region({ securityGroups: observed([aSecurityGroup({ ingress })]), prefixLists: observed([aPrefixList('pl-office', 'office', entries)]) }))[0];
    expect(run(observed(['198.51.100.0/24', '2001:db8:1::/48']))?.status).toBe('PASS');
    expect(run(denied('ec2', 'GetManagedPrefixListEntries'))?.status).toBe('UNKNOWN');
  });

  it('is UNKNOWN for a rule with a prefix list when the snapshot has no prefix lists (older snapshot)', () => {
    const ingress = [aRule({ fromPort: 22, toPort: 22, prefixListIds: ['pl-office'] })];
    expect(check.evaluate(ec2Region({ securityGroups: observed([aSecurityGroup({ ingress })]) }))[0]?.status).toBe('UNKNOWN');
  });

  it('still FAILs on 0.0.0.0/0 when a prefix list of the same group could not be read', () => {
    const ingress = [aRule({ fromPort: 22, toPort: 22, ...world }), aRule({ fromPort: 22, toPort: 22, prefixListIds: ['pl-x'] })];
    expect(check.evaluate(ec2Region({ securityGroups: observed([aSecurityGroup({ ingress })]), prefixLists: denied('ec2', 'DescribeManagedPrefixLists') }))[0]?.status).toBe('FAIL');
  });

  it('reports UNKNOWN for the region when security groups could not be read', () => {
    const [outcome] = check.evaluate(ec2Region({ securityGroups: denied('ec2', 'DescribeSecurityGroups') }));
    expect(outcome).toMatchObject({ status: 'UNKNOWN', resourceType: 'AWS::::Region' });
  });

  it('reports UNKNOWN when the whole ec2 slice failed', () => {
    expect(check.evaluate(ec2Region(denied('ec2', 'collect')))[0]?.status).toBe('UNKNOWN');
  });
});
