import { defineCheck, fail, forEachRegion, pass, regionRef, unknown } from '../../core/check.js';

export const ec2EbsDefaultEncryption = defineCheck({
  id: 'ec2_ebs_default_encryption',
  title: 'EBS encryption by default is enabled in every region',
  service: 'ec2',
  resourceType: 'AWS::::Region',
  severity: 'medium',
  reads: ['ec2:GetEbsEncryptionByDefault'],
  remediation: {
    summary:
      'Enable EBS encryption by default in every region you use, so every new volume and snapshot copy is encrypted (with the AWS managed key or a customer managed key). Existing volumes are not changed.',
    console: 'EC2 console (each region) > Settings > Data protection and security > EBS encryption > Manage > Enable.',
    cli: 'aws ec2 enable-ebs-encryption-by-default --region <region>',
    iac: ['# Terraform (per region/provider alias)', 'resource "aws_ebs_encryption_by_default" "this" {', '  enabled = true', '}'].join('\n'),
    docs: 'https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html',
  },
  evaluate: (snapshot) =>
    forEachRegion(snapshot, 'ec2', (ec2, account, { region }) => {
      const ref = regionRef(account.accountId, region);
      const v = ec2.ebsEncryptionByDefault;
      if (!v.ok) return [unknown(ref, v.error)];
      return v.value
        ? [pass(ref, `EBS encryption by default is enabled in ${account.accountId}/${region}.`, { ebsEncryptionByDefault: true })]
        : [fail(ref, `EBS encryption by default is disabled in ${account.accountId}/${region}.`, { ebsEncryptionByDefault: false })];
    }),
});
