import { defineCheck, fail, forEachRegion, manual, pass, regionRef, seen } from '../../core/check.js';
import type { CheckOutcome } from '../../core/finding.js';
import type { Instance } from '../../core/slices/ec2.js';
import { ec2Ref } from './network-rules.js';

/** Secret kinds that are AWS static credentials (other secrets in user data are a different problem). */
const AWS_KEY_KINDS = new Set(['aws-access-key-id', 'aws-secret-access-key']);

/** Where the instance's user data holds AWS access keys, e.g. `userData:line 4`. */
function awsKeysInUserData(instance: Instance): string[] {
  if (!instance.userData.ok || instance.userData.value === null) return [];
  return instance.userData.value.secretFindings.filter((f) => AWS_KEY_KINDS.has(f.kind)).map((f) => f.location);
}

/**
 * IAM-012: workloads get temporary credentials from a role. Per instance:
 * - an instance profile => PASS;
 * - no profile and AWS access keys in its user data => FAIL (evidence of static keys on the instance);
 * - no profile otherwise => MANUAL: an instance without a role is not proof of stored keys; appliances,
 *   bastions and plain web servers often make no AWS API calls at all, so a person confirms it makes none
 *   (or that it gets credentials some other temporary way). The scanner cannot see inside the instance.
 */
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
        const keys = awsKeysInUserData(i);
        const evidence = { name: i.name, state: i.state, iamInstanceProfileArn: i.iamInstanceProfileArn, awsKeysInUserData: keys, userDataRead: i.userData.ok };
        if (i.iamInstanceProfileArn) out.push(pass(ref, `${label} uses instance profile ${i.iamInstanceProfileArn}.`, evidence));
        else if (keys.length > 0) {
          out.push(fail(ref, `${label} has no IAM instance profile and its user data holds AWS access keys (${keys.join(', ')}): it uses long-term keys.`, evidence));
        } else {
          out.push(
            manual(
              ref,
              `${label} has no IAM instance profile. That is fine if nothing on it calls AWS APIs (an appliance, a bastion); if something does, it must be using stored keys: confirm which, and attach a role if it calls AWS.`,
              evidence,
            ),
          );
        }
      }
      return out;
    }),
});
