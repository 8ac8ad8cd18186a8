import { defineCheck, forEachRegion, manual, pass, regionRef, seen, unknown } from '../../core/check.js';
import type { CheckOutcome } from '../../core/finding.js';
import { describeCollectionError } from '../../core/observed.js';
import { describePorts, ec2Ref, prefixListLookup, rulesExposure, subnetRouting } from './network-rules.js';

export const ec2InstancePublicExposureReviewed = defineCheck({
  id: 'ec2_instance_public_exposure_reviewed',
  title: 'Instances reachable from the internet are justified',
  service: 'ec2',
  resourceType: 'AWS::EC2::Instance',
  severity: 'medium',
  reads: [
    'ec2:DescribeInstances',
    'ec2:DescribeSubnets',
    'ec2:DescribeRouteTables',
    'ec2:DescribeSecurityGroups',
  ],
  remediation: {
    summary:
      'Keep only resources that must take public traffic (load balancers, NAT gateways, bastions you cannot avoid) in public subnets. Move application and data instances to private subnets behind a load balancer, and record why each remaining public instance needs to be public.',
    console:
      'EC2 console > Instances > select the instance > Networking: check the public IPv4 address and subnet. Launch a replacement in a private subnet (no route to an internet gateway) behind an ALB, or disassociate the Elastic IP.',
    cli: [
      'aws ec2 describe-instances --filters Name=instance-state-name,Values=running --query "Reservations[].Instances[?PublicIpAddress].[InstanceId,PublicIpAddress,SubnetId]"',
      'aws ec2 disassociate-address --association-id <eipassoc-id>',
    ].join('\n'),
    iac: [
      '# Terraform: application instances in a private subnet, without a public address',
      'resource "aws_instance" "app" {',
      '  subnet_id                   = aws_subnet.private_a.id',
      '  associate_public_ip_address = false',
      '}',
    ].join('\n'),
    docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/configure-subnets.html',
  },
  evaluate: (snapshot) =>
    forEachRegion(snapshot, 'ec2', (ec2, account, { region }) => {
      const out: CheckOutcome[] = [];
      const instances = seen(ec2.instances, regionRef(account.accountId, region), out);
      if (!instances) return out;
      const routing = ec2.subnets.ok && ec2.routeTables.ok ? subnetRouting(ec2.subnets.value, ec2.routeTables.value) : null;
      const groups = ec2.securityGroups.ok ? new Map(ec2.securityGroups.value.map((g) => [g.groupId, g])) : null;
      const prefixLists = prefixListLookup(ec2);

      for (const i of instances.value) {
        const ref = ec2Ref(snapshot, account.accountId, region, 'AWS::EC2::Instance', 'instance', i.instanceId);
        const label = `Instance ${i.instanceId}${i.name ? ` (${i.name})` : ''}`;
        const base = { name: i.name, state: i.state, subnetId: i.subnetId, publicIpAddress: i.publicIpAddress };
        if (!i.publicIpAddress) {
          out.push(pass(ref, `${label} has no public IP address.`, base));
          continue;
        }
        if (!routing) {
          const failed = !ec2.subnets.ok ? ec2.subnets.error : !ec2.routeTables.ok ? ec2.routeTables.error : null;
          out.push(
            unknown(ref, `${label} has public IP ${i.publicIpAddress}, but its subnet's routes could not be read: ${failed ? describeCollectionError(failed) : 'no data'}`, base),
          );
          continue;
        }
        const route = i.subnetId ? routing.get(i.subnetId) : undefined;
        if (!route) {
          out.push(unknown(ref, `${label} has public IP ${i.publicIpAddress}, but no route table was found for subnet ${i.subnetId ?? '(none)'}.`, base));
          continue;
        }
        const evidence = { ...base, routeTableId: route.routeTableId, internetGatewayRoutes: route.internetGatewayRoutes };
        if (!route.public) {
          out.push(pass(ref, `${label} has public IP ${i.publicIpAddress}, but subnet ${i.subnetId ?? ''} has no route to an internet gateway.`, evidence));
          continue;
        }
        // What a reviewer needs to judge "must take public traffic": what the internet can reach, and who runs it.
        const internetIngress = groups
          ? i.securityGroupIds.flatMap((id) =>
              (groups.get(id)?.ingress ?? []).flatMap((r) => {
                const exposure = rulesExposure([r], prefixLists);
                return exposure.state === 'open' ? [{ securityGroupId: id, ports: describePorts(r), sources: exposure.sources }] : [];
              }),
            )
          : null;
        const reach =
          internetIngress === null
            ? 'its security group rules could not be read'
            : internetIngress.length === 0
              ? 'its security groups allow no inbound traffic from the internet, so it likely does not need to be in a public subnet'
              : `the internet can reach ${[...new Set(internetIngress.map((r) => r.ports))].join(', ')}`;
        out.push(
          manual(
            ref,
            `${label} (${i.state}) has public IP ${i.publicIpAddress} in public subnet ${i.subnetId ?? ''}; ${reach}. Justify that it must take public traffic, or move it to a private subnet.`,
            { ...evidence, securityGroupIds: i.securityGroupIds, internetIngress, iamInstanceProfileArn: i.iamInstanceProfileArn, tags: i.tags },
          ),
        );
      }
      return out;
    }),
});
