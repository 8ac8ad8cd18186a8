import { defineCheck, fail, forEachRegion, pass, regionRef, seen } from '../../core/check.js';
import type { CheckOutcome } from '../../core/finding.js';
import { ec2Ref, subnetRouting } from './network-rules.js';

export const vpcSubnetNoPublicIpByDefault = defineCheck({
  id: 'vpc_subnet_no_public_ip_by_default',
  title: 'Subnets do not assign public IP addresses by default',
  service: 'vpc',
  resourceType: 'AWS::EC2::Subnet',
  severity: 'medium',
  reads: ['ec2:DescribeSubnets', 'ec2:DescribeRouteTables'],
  remediation: {
    summary:
      'Turn off "auto-assign public IPv4 address" on subnets so instances are private unless someone deliberately gives them a public address. Default VPC subnets have it on.',
    console: 'VPC console > Subnets > select the subnet > Actions > Edit subnet settings > clear "Enable auto-assign public IPv4 address".',
    cli: 'aws ec2 modify-subnet-attribute --subnet-id <subnet-id> --no-map-public-ip-on-launch',
    iac: [
      '# CloudFormation',
      'PrivateSubnet:',
      '  Type: AWS::EC2::Subnet',
      '  Properties:',
      '    VpcId: !Ref Vpc',
      '    CidrBlock: 10.0.1.0/24',
      '    MapPublicIpOnLaunch: false',
    ].join('\n'),
    docs: 'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-15',
  },
  evaluate: (snapshot) =>
    forEachRegion(snapshot, 'ec2', (ec2, account, { region }) => {
      const out: CheckOutcome[] = [];
      const subnets = seen(ec2.subnets, regionRef(account.accountId, region), out);
      if (!subnets) return out;
      // Routes only enrich the message; the verdict rests on the subnet attribute.
      const routing = ec2.routeTables.ok ? subnetRouting(subnets.value, ec2.routeTables.value) : null;
      for (const s of subnets.value) {
        const ref = ec2Ref(snapshot, account.accountId, region, 'AWS::EC2::Subnet', 'subnet', s.subnetId);
        const label = `Subnet ${s.subnetId}${s.name ? ` (${s.name})` : ''} in ${s.vpcId}`;
        const route = routing?.get(s.subnetId);
        const evidence = {
          vpcId: s.vpcId,
          cidrBlock: s.cidrBlock,
          defaultForAz: s.defaultForAz,
          mapPublicIpOnLaunch: s.mapPublicIpOnLaunch,
          routesToInternetGateway: route ? route.public : null,
        };
        if (!s.mapPublicIpOnLaunch) {
          out.push(pass(ref, `${label} does not assign public IPs on launch.`, evidence));
          continue;
        }
        const kind = s.defaultForAz ? ' (a default subnet)' : '';
        const where =
          route === undefined ? '' : route.public ? ' and routes to an internet gateway' : ' although it has no route to an internet gateway';
        out.push(fail(ref, `${label}${kind} assigns a public IP to every instance launched in it${where}.`, evidence));
      }
      return out;
    }),
});
