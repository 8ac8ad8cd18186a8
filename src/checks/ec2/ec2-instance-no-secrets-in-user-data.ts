import { defineCheck, fail, forEachRegion, pass, regionRef, seen, unknown } from '../../core/check.js';
import type { CheckOutcome } from '../../core/finding.js';
import { ec2Ref } from './network-rules.js';

export const ec2InstanceNoSecretsInUserData = defineCheck({
  id: 'ec2_instance_no_secrets_in_user_data',
  title: 'EC2 instance user data holds no secrets',
  service: 'ec2',
  resourceType: 'AWS::EC2::Instance',
  severity: 'critical',
  reads: ['ec2:DescribeInstances', 'ec2:DescribeInstanceAttribute'],
  remediation: {
    summary:
      'Move credentials out of user data (anyone with ec2:DescribeInstanceAttribute, and any process on the instance via IMDS, can read it). Store them in Secrets Manager or SSM Parameter Store (SecureString) and fetch them at boot with the instance role. Rotate every credential that was in user data.',
    console: 'EC2 console > Instances > stop the instance > Actions > Instance settings > Edit user data > remove the secret; then rotate it.',
    cli: [
      'aws secretsmanager create-secret --name <app/db> --secret-string file://secret.json',
      '# in user data: DB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id <app/db> --query SecretString --output text)',
    ].join('\n'),
    iac: [
      '# CloudFormation: reference the secret, never inline it',
      'UserData: !Base64 |',
      '  #!/bin/bash',
      '  DB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id app/db --query SecretString --output text)',
    ].join('\n'),
    docs: 'https://docs.aws.amazon.com/secretsmanager/latest/userguide/intro.html',
  },
  evaluate: (snapshot) =>
    forEachRegion(snapshot, 'ec2', (ec2, account, { region }) => {
      const out: CheckOutcome[] = [];
      const instances = seen(ec2.instances, regionRef(account.accountId, region), out);
      if (!instances) return out;
      for (const i of instances.value) {
        const ref = ec2Ref(snapshot, account.accountId, region, 'AWS::EC2::Instance', 'instance', i.instanceId);
        const label = `Instance ${i.instanceId}${i.name ? ` (${i.name})` : ''}`;
        const ud = i.userData;
        if (!ud.ok) {
          out.push(unknown(ref, ud.error, { name: i.name }));
        } else if (ud.value === null) {
          out.push(pass(ref, `${label} has no user data.`, { name: i.name, userData: false }));
        } else if (ud.value.secretFindings.length === 0) {
          out.push(pass(ref, `${label} user data (${ud.value.bytes} bytes) shows no likely secrets.`, { name: i.name, bytes: ud.value.bytes }));
        } else {
          const f = ud.value.secretFindings;
          const kinds = [...new Set(f.map((x) => x.kind))].join(', ');
          out.push(
            fail(ref, `${label} user data contains ${f.length} likely secret(s) (${kinds}); rotate them and load them from a secret store.`, {
              name: i.name,
              secretFindings: f,
            }),
          );
        }
      }
      return out;
    }),
});
