import { describe, expect, it } from 'vitest';
import type { Ec2Slice, Subnet } from '../../core/slices/ec2.js';
import { aSubnet, anInstance, ec2Region } from '../../../test/helpers/network-fixtures.js';
import { denied, observed } from '../../../test/helpers/snapshot-builder.js';
import { vpcSubnetNoPublicIpByDefault as check } from './vpc-subnet-no-public-ip-by-default.js';

const publicMain = { routeTableId: 'rtb-1', vpcId: 'vpc-1', isMain: true, subnetIds: [], internetGatewayRoutes: ['0.0.0.0/0'] };
const privateMain = { ...publicMain, internetGatewayRoutes: [] };
const web = anInstance({ instanceId: 'i-web', subnetId: 'subnet-1', publicIpAddress: '203.0.113.10' });
const defaultSubnet = aSubnet({ mapPublicIpOnLaunch: true, defaultForAz: true, cidrBlock: '172.31.0.0/20' });

describe('vpc_subnet_no_public_ip_by_default', () => {
  it.each<[string, Subnet, Partial<Ec2Slice>, string]>([
    ['auto-assign off', aSubnet(), {}, 'PASS'],
    ['auto-assign on, public, holds an instance', defaultSubnet, { routeTables: observed([publicMain]), instances: observed([web]) }, 'FAIL'],
    // The default VPC's subnets map public IPs out of the box: an unused one exposes nothing (NETSEC-002 is about resources).
    ['empty default subnet of the default VPC', defaultSubnet, { routeTables: observed([publicMain]), instances: observed([]) }, 'NOT_APPLICABLE'],
    ['instance in another subnet only', defaultSubnet, { routeTables: observed([publicMain]), instances: observed([{ ...web, subnetId: 'subnet-2' }]) }, 'NOT_APPLICABLE'],
    ['auto-assign on, no route to an internet gateway', defaultSubnet, { routeTables: observed([privateMain]), instances: observed([web]) }, 'PASS'],
    ['auto-assign on, holds an instance, routes unreadable', defaultSubnet, { routeTables: denied('ec2', 'DescribeRouteTables'), instances: observed([web]) }, 'UNKNOWN'],
    ['auto-assign on, instances unreadable', defaultSubnet, { routeTables: observed([publicMain]), instances: denied('ec2', 'DescribeInstances') }, 'UNKNOWN'],
  ])('%s -> %s', (_name, subnet, o, status) => {
    expect(check.evaluate(ec2Region({ subnets: observed([subnet]), ...o }))[0]?.status).toBe(status);
  });

  it('names the instances of a public default subnet that assigns public IPs', () => {
    const [outcome] = check.evaluate(ec2Region({ subnets: observed([defaultSubnet]), routeTables: observed([publicMain]), instances: observed([web]) }));
    expect(outcome?.message).toBe(
      'Subnet subnet-1 in vpc-1 (a default subnet) routes to an internet gateway and assigns a public IP to every instance launched in it; it holds 1 instance(s): i-web.',
    );
    expect(outcome?.evidence).toMatchObject({ routesToInternetGateway: true, defaultForAz: true, instanceIds: ['i-web'] });
  });

  it('reports UNKNOWN when subnets could not be read', () => {
    expect(check.evaluate(ec2Region({ subnets: denied('ec2', 'DescribeSubnets') }))[0]?.status).toBe('UNKNOWN');
  });
});
