import { describe, expect, it } from 'vitest';
import type { Ec2Slice, Instance, RouteTable } from '../../core/slices/ec2.js';
import { aRule, aSecurityGroup, aSubnet, anInstance, ec2Region } from '../../../test/helpers/network-fixtures.js';
import { denied, observed } from '../../../test/helpers/snapshot-builder.js';
import { ec2InstancePublicExposureReviewed as check } from './ec2-instance-public-exposure-reviewed.js';

const rt = (o: Partial<RouteTable>): RouteTable => ({ routeTableId: 'rtb-main', vpcId: 'vpc-1', isMain: true, subnetIds: [], internetGatewayRoutes: [], ...o });
const publicMain = rt({ internetGatewayRoutes: ['0.0.0.0/0'] });
const privateExplicit = rt({ routeTableId: 'rtb-private', isMain: false, subnetIds: ['subnet-1'] });
const web = aSecurityGroup({ ingress: [aRule({ ipv4Ranges: ['0.0.0.0/0'] })] });
const closed = aSecurityGroup({ ingress: [aRule({ referencedGroupIds: ['sg-alb'] })] });

function run(instance: Instance, o: Partial<Ec2Slice> = {}) {
  return check.evaluate(
    ec2Region({
      instances: observed([instance]),
      subnets: observed([aSubnet()]),
      routeTables: observed([publicMain]),
      securityGroups: observed([web]),
      ...o,
    }),
  );
}

describe('ec2_instance_public_exposure_reviewed', () => {
  it.each<[string, Instance, Partial<Ec2Slice>, string]>([
    ['no public IP', anInstance(), {}, 'PASS'],
    ['no public IP, routes unreadable', anInstance(), { routeTables: denied('ec2', 'DescribeRouteTables') }, 'PASS'],
    ['public IP in a subnet explicitly routed privately', anInstance({ publicIpAddress: '203.0.113.5' }), { routeTables: observed([publicMain, privateExplicit]) }, 'PASS'],
    ['public IP in a public subnet (main route table)', anInstance({ publicIpAddress: '203.0.113.5' }), {}, 'MANUAL'],
    ['stopped with an Elastic IP in a public subnet', anInstance({ state: 'stopped', publicIpAddress: '203.0.113.5' }), {}, 'MANUAL'],
    ['public IP, route tables unreadable', anInstance({ publicIpAddress: '203.0.113.5' }), { routeTables: denied('ec2', 'DescribeRouteTables') }, 'UNKNOWN'],
    ['public IP, subnet without any route table', anInstance({ publicIpAddress: '203.0.113.5', subnetId: 'subnet-9' }), {}, 'UNKNOWN'],
  ])('%s -> %s', (_name, instance, o, status) => {
    expect(run(instance, o)[0]?.status).toBe(status);
  });

  it('gives the reviewer what the internet can reach', () => {
    const [outcome] = run(anInstance({ publicIpAddress: '203.0.113.5' }));
    expect(outcome?.message).toBe(
      'Instance i-1 (app-1) (running) has public IP 203.0.113.5 in public subnet subnet-1; the internet can reach tcp 443. Justify that it must take public traffic, or move it to a private subnet.',
    );
    expect(outcome?.evidence).toMatchObject({
      publicIpAddress: '203.0.113.5',
      routeTableId: 'rtb-main',
      internetGatewayRoutes: ['0.0.0.0/0'],
      internetIngress: [{ securityGroupId: 'sg-1', ports: 'tcp 443', sources: ['0.0.0.0/0'] }],
      tags: { Name: 'app-1' },
    });
  });

  it('says when nothing is open to the internet, so the instance could move to a private subnet', () => {
    const [outcome] = run(anInstance({ publicIpAddress: '203.0.113.5' }), { securityGroups: observed([closed]) });
    expect(outcome?.status).toBe('MANUAL');
    expect(outcome?.message).toContain('allow no inbound traffic from the internet');
  });

  it('reports UNKNOWN for the region when instances could not be read', () => {
    expect(check.evaluate(ec2Region({ instances: denied('ec2', 'DescribeInstances') }))[0]?.status).toBe('UNKNOWN');
  });
});
