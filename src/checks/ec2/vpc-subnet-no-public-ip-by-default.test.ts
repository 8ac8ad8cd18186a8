import { describe, expect, it } from 'vitest';
import type { Ec2Slice, Subnet } from '../../core/slices/ec2.js';
import { aSubnet, ec2Region } from '../../../test/helpers/network-fixtures.js';
import { denied, observed } from '../../../test/helpers/snapshot-builder.js';
import { vpcSubnetNoPublicIpByDefault as check } from './vpc-subnet-no-public-ip-by-default.js';

const publicMain = { routeTableId: 'rtb-1', vpcId: 'vpc-1', isMain: true, subnetIds: [], internetGatewayRoutes: ['0.0.0.0/0'] };

describe('vpc_subnet_no_public_ip_by_default', () => {
  it.each<[string, Subnet, Partial<Ec2Slice>, string]>([
    ['auto-assign off', aSubnet(), {}, 'PASS'],
    ['auto-assign on, public', aSubnet({ mapPublicIpOnLaunch: true, defaultForAz: true }), { routeTables: observed([publicMain]) }, 'FAIL'],
    ['auto-assign on, routes unreadable', aSubnet({ mapPublicIpOnLaunch: true }), { routeTables: denied('ec2', 'DescribeRouteTables') }, 'FAIL'],
  ])('%s -> %s', (_name, subnet, o, status) => {
    expect(check.evaluate(ec2Region({ subnets: observed([subnet]), ...o }))[0]?.status).toBe(status);
  });

  it('explains a default subnet that routes to the internet', () => {
    const [outcome] = check.evaluate(
      ec2Region({ subnets: observed([aSubnet({ mapPublicIpOnLaunch: true, defaultForAz: true })]), routeTables: observed([publicMain]) }),
    );
    expect(outcome?.message).toBe(
      'Subnet subnet-1 in vpc-1 (a default subnet) assigns a public IP to every instance launched in it and routes to an internet gateway.',
    );
    expect(outcome?.evidence).toMatchObject({ routesToInternetGateway: true, defaultForAz: true });
  });

  it('reports UNKNOWN when subnets could not be read', () => {
    expect(check.evaluate(ec2Region({ subnets: denied('ec2', 'DescribeSubnets') }))[0]?.status).toBe('UNKNOWN');
  });
});
