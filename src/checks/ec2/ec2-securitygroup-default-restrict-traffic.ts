import { defineCheck, fail, forEachRegion, pass, regionRef, seen } from '../../core/check.js';
import type { CheckOutcome } from '../../core/finding.js';
import { describePorts, ec2Ref } from './network-rules.js';

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
    forEachRegion(snapshot, 'ec2', (ec2, account, { region }) => {
      const out: CheckOutcome[] = [];
      const groups = seen(ec2.securityGroups, regionRef(account.accountId, region), out);
      if (!groups) return out;
      const attached = ec2.attachedSecurityGroupIds.ok ? new Set(ec2.attachedSecurityGroupIds.value) : null;
      for (const sg of groups.value.filter((g) => g.isDefault)) {
        const ref = ec2Ref(snapshot, account.accountId, region, 'AWS::EC2::SecurityGroup', 'security-group', sg.groupId);
        const label = `Default security group ${sg.groupId} of ${sg.vpcId ?? 'EC2-Classic'}`;
        const evidence = {
          vpcId: sg.vpcId,
          inboundRules: sg.ingress.length,
          outboundRules: sg.egress.length,
          attached: attached ? attached.has(sg.groupId) : null,
        };
        if (sg.ingress.length === 0 && sg.egress.length === 0) {
          out.push(pass(ref, `${label} has no rules.`, evidence));
        } else {
          out.push(
            fail(ref, `${label} has ${sg.ingress.length} inbound and ${sg.egress.length} outbound rule(s); it should have none.`, {
              ...evidence,
              rules: [
                ...sg.ingress.map((r) => `inbound ${describePorts(r)}`),
                ...sg.egress.map((r) => `outbound ${describePorts(r)}`),
              ],
            }),
          );
        }
      }
      return out;
    }),
});
