import { defineCheck, notReadOutcome, fail, forEachRegion, notApplicable, pass, regionRef, seen, unknown } from '../../core/check.js';
import { describeCollectionError } from '../../core/observed.js';
import type { CheckOutcome } from '../../core/finding.js';
import { ec2Ref, subnetRouting } from './network-rules.js';

/**
 * NETSEC-002: public subnets (a route to an internet gateway, decided from the route tables) that give every
 * instance launched in them a public IP and hold instances. The setting only affects instances, so a
 * subnet without one is NOT_APPLICABLE (the default VPC's untouched subnets), and a subnet without a route
 * to an internet gateway PASSes (its public IPs are not reachable).
 */
export const vpcSubnetNoPublicIpByDefault = defineCheck({
  id: 'vpc_subnet_no_public_ip_by_default',
  title: 'Public subnets that hold instances do not assign public IP addresses by default',
  service: 'vpc',
  resourceType: 'AWS::EC2::Subnet',
  severity: 'medium',
  reads: ['ec2:DescribeSubnets', 'ec2:DescribeRouteTables', 'ec2:DescribeInstances'],
  remediation: {
    summary:
      'Turn off "auto-assign public IPv4 address" on subnets so instances are private unless someone deliberately gives them a public address. Default VPC subnets have it on.',
    console: 'VPC console > Subnets > select the subnet > Actions > Edit subnet settings > clear "Enable auto-assign public IPv4 address".',
    cli: 'aws ec2 modify-subnet-attribute --subnet-id <subnet-id> --no-map-public-ip-on-launch',
    docs: 'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-15',
  },
  evaluate: (snapshot) =>
    forEachRegion(snapshot, 'ec2', (ec2, account, { region }) => {
      const out: CheckOutcome[] = [];
      const subnets = seen(ec2.subnets, regionRef(account.accountId, region), out);
      if (!subnets) return out;
      const routing = ec2.routeTables.ok ? subnetRouting(subnets.value, ec2.routeTables.value) : null;
      const instancesBySubnet = new Map<string, string[]>();
      if (ec2.instances.ok) {
        for (const i of ec2.instances.value) if (i.subnetId) instancesBySubnet.set(i.subnetId, [...(instancesBySubnet.get(i.subnetId) ?? []), i.instanceId]);
      }
      for (const s of subnets.value) {
        const ref = ec2Ref(snapshot, account.accountId, region, 'AWS::EC2::Subnet', 'subnet', s.subnetId);
        const label = `Subnet ${s.subnetId}${s.name ? ` (${s.name})` : ''} in ${s.vpcId}`;
        const kind = s.defaultForAz ? ' (a default subnet)' : '';
        const route = routing?.get(s.subnetId);
        const instanceIds = instancesBySubnet.get(s.subnetId) ?? [];
        const evidence = {
          vpcId: s.vpcId,
          cidrBlock: s.cidrBlock,
          defaultForAz: s.defaultForAz,
          mapPublicIpOnLaunch: s.mapPublicIpOnLaunch,
          routesToInternetGateway: route ? route.public : null,
          instanceIds: ec2.instances.ok ? instanceIds : null,
        };
        if (!s.mapPublicIpOnLaunch) {
          out.push(pass(ref, `${label} does not assign public IPs on launch.`, evidence));
          continue;
        }
        // The setting only gives addresses to instances launched in the subnet: without one, nothing is exposed.
        // A posture-only region: AWS Config counts no instance there (docs/decisions/0012-region-signal.md).
        if (!ec2.instances.ok && ec2.instances.error.kind === 'not_read') {
          out.push(notReadOutcome(ref, ec2.instances.error, evidence));
          continue;
        }
        if (!ec2.instances.ok) {
          out.push(unknown(ref, `${label}${kind} assigns public IPs on launch, but the instances in it could not be listed: ${describeCollectionError(ec2.instances.error)}`, evidence));
          continue;
        }
        if (instanceIds.length === 0) {
          out.push(notApplicable(ref, `${label}${kind} assigns public IPs on launch but holds no instance, so nothing in it is exposed.`, evidence));
          continue;
        }
        // Public means a route to an internet gateway (never the subnet flag: see moto-notes).
        if (!routing) {
          const error = ec2.routeTables.ok ? null : ec2.routeTables.error;
          out.push(unknown(ref, `${label}${kind} assigns public IPs to its ${instanceIds.length} instance(s), but its routes could not be read${error ? `: ${describeCollectionError(error)}` : '.'}`, evidence));
          continue;
        }
        if (!route) {
          out.push(unknown(ref, `${label}${kind} assigns public IPs on launch, but no route table applies to it in the snapshot.`, evidence));
          continue;
        }
        if (!route.public) {
          out.push(pass(ref, `${label}${kind} assigns public IPs on launch, but it has no route to an internet gateway, so they are not reachable from the internet.`, evidence));
          continue;
        }
        const shown = instanceIds.slice(0, 5).join(', ') + (instanceIds.length > 5 ? ', ...' : '');
        out.push(
          fail(
            ref,
            `${label}${kind} routes to an internet gateway and assigns a public IP to every instance launched in it; it holds ${instanceIds.length} instance(s): ${shown}.`,
            evidence,
          ),
        );
      }
      return out;
    }),
});
