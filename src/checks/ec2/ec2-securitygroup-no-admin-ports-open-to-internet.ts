import { defineCheck, fail, pass } from '../../core/check.js';
import { ADMIN_PORTS, forEachSecurityGroup, internetSources, ruleCoversTcpPort, ruleEvidence } from './network-rules.js';

export const ec2SecuritygroupNoAdminPortsOpenToInternet = defineCheck({
  id: 'ec2_securitygroup_no_admin_ports_open_to_internet',
  title: 'Security groups do not allow SSH (22) or RDP (3389) from the internet',
  service: 'ec2',
  resourceType: 'AWS::EC2::SecurityGroup',
  severity: 'high',
  reads: ['ec2:DescribeSecurityGroups', 'ec2:DescribeNetworkInterfaces'],
  remediation: {
    summary:
      'Remove inbound rules that allow 0.0.0.0/0 or ::/0 to port 22 or 3389 (including all-traffic rules and port ranges that cover them). Use Session Manager, EC2 Instance Connect Endpoint or a VPN/bastion restricted to known addresses instead.',
    console: 'EC2 console > Security Groups > select the group > Inbound rules > Edit inbound rules > delete or narrow the rule.',
    cli: 'aws ec2 revoke-security-group-ingress --group-id <sg-id> --ip-permissions IpProtocol=tcp,FromPort=22,ToPort=22,IpRanges=[{CidrIp=0.0.0.0/0}]',
    iac: [
      '# Terraform: allow SSH only from the corporate range, or drop the rule and use SSM Session Manager',
      'resource "aws_vpc_security_group_ingress_rule" "ssh" {',
      '  security_group_id = aws_security_group.app.id',
      '  ip_protocol       = "tcp"',
      '  from_port         = 22',
      '  to_port           = 22',
      '  cidr_ipv4         = "10.0.0.0/8" # never 0.0.0.0/0',
      '}',
    ].join('\n'),
    docs: 'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-13',
  },
  evaluate: (snapshot) =>
    forEachSecurityGroup(snapshot, ({ sg, ref, attached }) => {
      const label = `Security group ${sg.groupId} (${sg.groupName})`;
      const open = ADMIN_PORTS.flatMap(({ port, name }) =>
        sg.ingress
          .filter((rule) => internetSources(rule).length > 0 && ruleCoversTcpPort(rule, port))
          .map((rule) => ({ port, name, ...ruleEvidence(rule) })),
      );
      const evidence = { groupName: sg.groupName, vpcId: sg.vpcId, attached };
      if (open.length === 0) return pass(ref, `${label} does not allow SSH or RDP from the internet.`, evidence);
      const what = [...new Set(open.map((o) => `${o.name} (${o.port}) from ${o.sources.join(' and ')}`))].join('; ');
      const use = attached === false ? ' It is not attached to any network interface now.' : '';
      return fail(ref, `${label} allows ${what}.${use}`, { ...evidence, openRules: open });
    }),
});
