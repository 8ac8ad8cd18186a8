import { defineCheck, fail, pass } from '../../core/check.js';
import { unknownBecause } from '../s3/s3-helpers.js';
import { describePorts, forEachSecurityGroup, ruleOpensAllPorts, ruleSources, rulesExposure } from './network-rules.js';

export const ec2SecuritygroupNoAllPortsOpenToInternet = defineCheck({
  id: 'ec2_securitygroup_no_all_ports_open_to_internet',
  title: 'Security groups do not allow all ports from the internet',
  service: 'ec2',
  resourceType: 'AWS::EC2::SecurityGroup',
  severity: 'high',
  reads: ['ec2:DescribeSecurityGroups', 'ec2:DescribeNetworkInterfaces', 'ec2:DescribeManagedPrefixLists', 'ec2:GetManagedPrefixListEntries'],
  remediation: {
    summary:
      'Replace inbound rules that allow all traffic (protocol -1, or TCP/UDP 0-65535) from the internet (0.0.0.0/0, ::/0, or sources and prefix lists holding at least an IPv4 /8 or IPv6 /16 of public addresses) with rules for the specific ports the workload serves.',
    console: 'EC2 console > Security Groups > select the group > Inbound rules > Edit inbound rules > replace "All traffic" with specific ports.',
    cli: 'aws ec2 revoke-security-group-ingress --group-id <sg-id> --ip-permissions IpProtocol=-1,IpRanges=[{CidrIp=0.0.0.0/0}]',
    docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
  },
  evaluate: (snapshot) =>
    forEachSecurityGroup(snapshot, ({ sg, ref, attached, prefixLists }) => {
      const label = `Security group ${sg.groupId} (${sg.groupName})`;
      const evidence = { groupName: sg.groupName, vpcId: sg.vpcId, attached };
      const covering = sg.ingress.filter(ruleOpensAllPorts);
      const exposure = rulesExposure(covering, prefixLists);
      if (exposure.state === 'open') {
        const ports = [...new Set(covering.map(describePorts))].join(', ');
        return fail(ref, `${label} allows ${ports} from ${exposure.sources.join(' and ')}.`, {
          ...evidence,
          openRules: covering.map((r) => ({ ports: describePorts(r), sources: ruleSources(r) })),
          publicAddresses: exposure.publicAddresses,
        });
      }
      if (exposure.state === 'unknown') {
        return unknownBecause(ref, `${label} allows all ports from a prefix list whose addresses could not be read.`, [exposure.reason], evidence);
      }
      return pass(ref, `${label} does not allow all ports from the internet.`, evidence);
    }),
});
