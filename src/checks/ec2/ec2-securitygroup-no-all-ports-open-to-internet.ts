import { defineCheck, fail, forEachRegion, pass, regionRef, seen } from '../../core/check.js';
import type { CheckOutcome } from '../../core/finding.js';
import { ec2Ref, internetSources, ruleEvidence, ruleOpensAllPorts } from './network-rules.js';

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
    forEachRegion(snapshot, 'ec2', (ec2, account, { region }) => {
      const out: CheckOutcome[] = [];
      const groups = seen(ec2.securityGroups, regionRef(account.accountId, region), out);
      if (!groups) return out;
      const attached = ec2.attachedSecurityGroupIds.ok ? new Set(ec2.attachedSecurityGroupIds.value) : null;
      for (const sg of groups.value) {
        const ref = ec2Ref(snapshot, account.accountId, region, 'AWS::EC2::SecurityGroup', 'security-group', sg.groupId);
        const label = `Security group ${sg.groupId} (${sg.groupName})`;
        const open = sg.ingress.filter((r) => internetSources(r).length > 0 && ruleOpensAllPorts(r)).map(ruleEvidence);
        const evidence = { groupName: sg.groupName, vpcId: sg.vpcId, attached: attached ? attached.has(sg.groupId) : null };
        if (open.length === 0) {
          out.push(pass(ref, `${label} does not allow all ports from the internet.`, evidence));
        } else {
          const what = open.map((o) => `${o.ports} from ${o.sources.join(' and ')}`).join('; ');
          out.push(fail(ref, `${label} allows ${what}.`, { ...evidence, openRules: open }));
        }
      }
      return out;
    }),
});
