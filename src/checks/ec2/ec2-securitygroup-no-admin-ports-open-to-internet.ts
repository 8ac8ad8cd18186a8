import { defineCheck, fail, pass } from '../../core/check.js';
import type { SecurityGroupRule } from '../../core/slices/ec2.js';
import { unknownBecause } from '../s3/s3-helpers.js';
import { ADMIN_PORTS, describePorts, forEachSecurityGroup, ruleCoversTcpPort, rulesExposure } from './network-rules.js';

/**
 * NETSEC-001: no security group admits SSH or RDP from the internet. "The internet" is any set of sources
 * (CIDRs and the entries of referenced prefix lists, across every rule covering the port) that holds an
 * IPv4 /8 or IPv6 /16 worth of public addresses (internet-ranges.ts), not only 0.0.0.0/0 and ::/0.
 */
export const ec2SecuritygroupNoAdminPortsOpenToInternet = defineCheck({
  id: 'ec2_securitygroup_no_admin_ports_open_to_internet',
  title: 'Security groups do not allow SSH (22) or RDP (3389) from the internet',
  service: 'ec2',
  resourceType: 'AWS::EC2::SecurityGroup',
  severity: 'high',
  reads: ['ec2:DescribeSecurityGroups', 'ec2:DescribeNetworkInterfaces', 'ec2:DescribeManagedPrefixLists', 'ec2:GetManagedPrefixListEntries'],
  remediation: {
    summary:
      'Remove inbound rules that allow the internet (0.0.0.0/0, ::/0, or any set of sources or prefix lists holding at least an IPv4 /8 or IPv6 /16 of public addresses, such as 0.0.0.0/1) to port 22 or 3389 (including all-traffic rules and port ranges that cover them). Use Session Manager, EC2 Instance Connect Endpoint or a VPN/bastion restricted to known addresses instead.',
    console: 'EC2 console > Security Groups > select the group > Inbound rules > Edit inbound rules > delete or narrow the rule.',
    cli: 'aws ec2 revoke-security-group-ingress --group-id <sg-id> --ip-permissions IpProtocol=tcp,FromPort=22,ToPort=22,IpRanges=[{CidrIp=0.0.0.0/0}]',
    docs: 'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-13',
  },
  evaluate: (snapshot) =>
    forEachSecurityGroup(snapshot, ({ sg, ref, attached, prefixLists }) => {
      const label = `Security group ${sg.groupId} (${sg.groupName})`;
      const perPort = ADMIN_PORTS.map(({ port, name }) => {
        const covering = (rule: SecurityGroupRule) => ruleCoversTcpPort(rule, port);
        return { port, name, covering: sg.ingress.filter(covering), exposure: rulesExposure(sg.ingress, prefixLists, covering) };
      });
      const evidence = { groupName: sg.groupName, vpcId: sg.vpcId, attached };
      const open = perPort.flatMap(({ port, name, covering, exposure }) =>
        exposure.state === 'open'
          ? [{ port, name, ports: [...new Set(covering.map(describePorts))].join(', '), sources: exposure.sources, publicAddresses: exposure.publicAddresses }]
          : [],
      );
      if (open.length > 0) {
        const what = open.map((o) => `${o.name} (${o.port}) from ${o.sources.join(' and ')}`).join('; ');
        const use = attached === false ? ' It is not attached to any network interface now.' : '';
        return fail(ref, `${label} allows ${what}.${use}`, { ...evidence, openRules: open });
      }
      const unresolved = perPort.flatMap(({ name, port, exposure }) => (exposure.state === 'unknown' ? [{ name, port, reason: exposure.reason }] : []));
      const first = unresolved[0];
      if (first) {
        const ports = unresolved.map((u) => `${u.name} (${u.port})`).join(' and ');
        return unknownBecause(ref, `${label} admits ${ports} from a prefix list whose addresses could not be read.`, [first.reason], evidence);
      }
      return pass(ref, `${label} does not allow SSH or RDP from the internet.`, evidence);
    }),
});
