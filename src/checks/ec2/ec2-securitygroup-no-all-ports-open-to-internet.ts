import { defineCheck, fail, pass } from '../../core/check.js';
import { forEachSecurityGroup, internetSources, ruleEvidence, ruleOpensAllPorts } from './network-rules.js';

export const ec2SecuritygroupNoAllPortsOpenToInternet = defineCheck({
  id: 'ec2_securitygroup_no_all_ports_open_to_internet',
  title: 'Security groups do not allow all ports from the internet',
  service: 'ec2',
  resourceType: 'AWS::EC2::SecurityGroup',
  severity: 'high',
  reads: ['ec2:DescribeSecurityGroups', 'ec2:DescribeNetworkInterfaces'],
  remediation: {
    summary:
      'Replace inbound rules that allow all traffic (protocol -1, or TCP/UDP 0-65535) from 0.0.0.0/0 or ::/0 with rules for the specific ports the workload serves.',
    console: 'EC2 console > Security Groups > select the group > Inbound rules > Edit inbound rules > replace "All traffic" with specific ports.',
    cli: 'aws ec2 revoke-security-group-ingress --group-id <sg-id> --ip-permissions IpProtocol=-1,IpRanges=[{CidrIp=0.0.0.0/0}]',
    iac: [
      '# CloudFormation: open only the port the service needs',
      'SecurityGroupIngress:',
      '  - IpProtocol: tcp',
      '    FromPort: 443',
      '    ToPort: 443',
      '    CidrIp: 0.0.0.0/0',
    ].join('\n'),
    docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
  },
  evaluate: (snapshot) =>
    forEachSecurityGroup(snapshot, ({ sg, ref, attached }) => {
      const label = `Security group ${sg.groupId} (${sg.groupName})`;
      const open = sg.ingress.filter((r) => internetSources(r).length > 0 && ruleOpensAllPorts(r)).map(ruleEvidence);
      const evidence = { groupName: sg.groupName, vpcId: sg.vpcId, attached };
      if (open.length === 0) return pass(ref, `${label} does not allow all ports from the internet.`, evidence);
      const what = open.map((o) => `${o.ports} from ${o.sources.join(' and ')}`).join('; ');
      return fail(ref, `${label} allows ${what}.`, { ...evidence, openRules: open });
    }),
});
