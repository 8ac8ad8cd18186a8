import { defineCheck, fail, pass } from '../../core/check.js';
import { describePorts, forEachSecurityGroup } from './network-rules.js';

export const ec2SecuritygroupDefaultRestrictTraffic = defineCheck({
  id: 'ec2_securitygroup_default_restrict_traffic',
  title: "Each VPC's default security group has no inbound or outbound rules",
  service: 'ec2',
  resourceType: 'AWS::EC2::SecurityGroup',
  severity: 'medium',
  reads: ['ec2:DescribeSecurityGroups', 'ec2:DescribeNetworkInterfaces'],
  remediation: {
    summary:
      'Delete every inbound and outbound rule of the default security group (it cannot be deleted itself), and attach purpose-built groups to resources instead. Resources launched without an explicit group then get no access by accident.',
    console: 'VPC console > Security groups > the group named "default" > Inbound rules / Outbound rules > delete all rules.',
    cli: [
      'aws ec2 revoke-security-group-ingress --group-id <default-sg-id> --ip-permissions \'[{"IpProtocol":"-1","UserIdGroupPairs":[{"GroupId":"<default-sg-id>"}]}]\'',
      'aws ec2 revoke-security-group-egress --group-id <default-sg-id> --ip-permissions \'[{"IpProtocol":"-1","IpRanges":[{"CidrIp":"0.0.0.0/0"}]}]\'',
    ].join('\n'),
    iac: [
      '# Terraform: adopt the default security group and leave it with no rules',
      'resource "aws_default_security_group" "default" {',
      '  vpc_id = aws_vpc.main.id',
      '}',
    ].join('\n'),
    docs: 'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-2',
  },
  evaluate: (snapshot) =>
    forEachSecurityGroup(
      snapshot,
      ({ sg, ref, attached }) => {
        const label = `Default security group ${sg.groupId} of ${sg.vpcId ?? 'EC2-Classic'}`;
        const evidence = { vpcId: sg.vpcId, inboundRules: sg.ingress.length, outboundRules: sg.egress.length, attached };
        if (sg.ingress.length === 0 && sg.egress.length === 0) return pass(ref, `${label} has no rules.`, evidence);
        return fail(ref, `${label} has ${sg.ingress.length} inbound and ${sg.egress.length} outbound rule(s); it should have none.`, {
          ...evidence,
          rules: [...sg.ingress.map((r) => `inbound ${describePorts(r)}`), ...sg.egress.map((r) => `outbound ${describePorts(r)}`)],
        });
      },
      (sg) => sg.isDefault,
    ),
});
