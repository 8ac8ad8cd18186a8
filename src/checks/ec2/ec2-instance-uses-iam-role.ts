import { defineCheck, fail, forEachRegion, pass, regionRef, seen } from '../../core/check.js';
import type { CheckOutcome } from '../../core/finding.js';
import { ec2Ref } from './network-rules.js';

export const ec2InstanceUsesIamRole = defineCheck({
  id: 'ec2_instance_uses_iam_role',
  title: 'EC2 instances get AWS credentials from an IAM role (instance profile)',
  service: 'ec2',
  resourceType: 'AWS::EC2::Instance',
  severity: 'medium',
  reads: ['ec2:DescribeInstances'],
  remediation: {
    summary:
      'Attach an instance profile with a least-privilege role, so software on the instance gets short-lived credentials from the instance metadata service instead of stored access keys. Then remove any access keys from the instance.',
    console: 'EC2 console > Instances > select the instance > Actions > Security > Modify IAM role > choose a role.',
    cli: 'aws ec2 associate-iam-instance-profile --instance-id <instance-id> --iam-instance-profile Name=<profile-name>',
    iac: [
      '# CloudFormation',
      'AppInstanceProfile:',
      '  Type: AWS::IAM::InstanceProfile',
      '  Properties:',
      '    Roles: [!Ref AppRole]',
      'AppInstance:',
      '  Type: AWS::EC2::Instance',
      '  Properties:',
      '    IamInstanceProfile: !Ref AppInstanceProfile',
    ].join('\n'),
    docs: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/iam-roles-for-amazon-ec2.html',
  },
  evaluate: (snapshot) =>
    forEachRegion(snapshot, 'ec2', (ec2, account, { region }) => {
      const out: CheckOutcome[] = [];
      const instances = seen(ec2.instances, regionRef(account.accountId, region), out);
      if (!instances) return out;
      for (const i of instances.value) {
        const ref = ec2Ref(snapshot, account.accountId, region, 'AWS::EC2::Instance', 'instance', i.instanceId);
        const label = `Instance ${i.instanceId}${i.name ? ` (${i.name})` : ''}`;
        const evidence = { name: i.name, state: i.state, iamInstanceProfileArn: i.iamInstanceProfileArn };
        out.push(
          i.iamInstanceProfileArn
            ? pass(ref, `${label} uses instance profile ${i.iamInstanceProfileArn}.`, evidence)
            : fail(ref, `${label} has no IAM instance profile; any AWS access from it would need long-term keys.`, evidence),
        );
      }
      return out;
    }),
});
