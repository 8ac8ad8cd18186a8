import { defineCheck, fail, forEachRegion, pass, regionRef, unknown } from '../../core/check.js';
import type { CheckOutcome } from '../../core/finding.js';
import { ec2Ref } from './network-rules.js';

/**
 * IAM-009 beyond running instances: every instance an Auto Scaling group or a person launches from a
 * template gets its user data, so a secret there spreads. The $Latest and $Default versions are checked.
 */
export const ec2LaunchTemplateNoSecrets = defineCheck({
  id: 'ec2_launch_template_no_secrets',
  title: 'EC2 launch templates hold no secrets in user data',
  service: 'ec2',
  resourceType: 'AWS::EC2::LaunchTemplate',
  severity: 'critical',
  reads: ['ec2:DescribeLaunchTemplateVersions'],
  remediation: {
    summary:
      'Remove credentials from the launch template user data, create a new template version that fetches them from Secrets Manager or SSM Parameter Store (SecureString) with the instance role, make it the default, and rotate every credential that was in the template.',
    console: 'EC2 console > Launch templates > the template > Actions > Modify template (Create new version) > Advanced details > User data; then Actions > Set default version.',
    cli: [
      'aws ec2 create-launch-template-version --launch-template-id <lt-id> --source-version <n> --launch-template-data file://data-without-secrets.json',
      'aws ec2 modify-launch-template --launch-template-id <lt-id> --default-version <new-n>',
      'aws ec2 delete-launch-template-versions --launch-template-id <lt-id> --versions <old-n>',
    ].join('\n'),
    iac: [
      '# Terraform: load the secret at boot, never inline it',
      'resource "aws_launch_template" "app" {',
      '  user_data = base64encode(<<-EOT',
      '    #!/bin/bash',
      '    DB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id app/db --query SecretString --output text)',
      '  EOT',
      '  )',
      '}',
    ].join('\n'),
    docs: 'https://docs.aws.amazon.com/autoscaling/ec2/userguide/launch-templates.html',
  },
  evaluate: (snapshot) =>
    forEachRegion(snapshot, 'ec2', (ec2, account, { region }) => {
      const versions = ec2.launchTemplateVersions;
      if (versions === undefined) {
        return [unknown(regionRef(account.accountId, region), 'This snapshot predates launch-template collection; re-scan to check launch templates.')];
      }
      if (!versions.ok) return [unknown(regionRef(account.accountId, region), versions.error)];
      const out: CheckOutcome[] = [];
      const byTemplate = new Map<string, (typeof versions.value)[number][]>();
      for (const v of versions.value) byTemplate.set(v.launchTemplateId, [...(byTemplate.get(v.launchTemplateId) ?? []), v]);
      for (const [templateId, list] of byTemplate) {
        const name = list[0]?.launchTemplateName ?? '';
        const ref = ec2Ref(snapshot, account.accountId, region, 'AWS::EC2::LaunchTemplate', 'launch-template', templateId);
        const label = `Launch template ${templateId}${name ? ` (${name})` : ''}`;
        const leaking = list.filter((v) => (v.userData?.secretFindings.length ?? 0) > 0);
        const checked = list.map((v) => v.versionNumber);
        if (leaking.length === 0) {
          out.push(pass(ref, `${label}: user data of version(s) ${checked.join(', ')} shows no likely secrets.`, { name, versions: checked }));
        } else {
          const findings = leaking.flatMap((v) => (v.userData?.secretFindings ?? []).map((f) => ({ version: v.versionNumber, ...f })));
          const kinds = [...new Set(findings.map((f) => f.kind))].join(', ');
          out.push(
            fail(ref, `${label}: user data of version(s) ${leaking.map((v) => v.versionNumber).join(', ')} contains ${findings.length} likely secret(s) (${kinds}); rotate them and load them from a secret store.`, {
              name,
              secretFindings: findings,
            }),
          );
        }
      }
      return out;
    }),
});
