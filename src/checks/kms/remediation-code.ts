/** CloudFormation and Terraform fixes for the KMS checks (src/core/remediation-code.ts). */
import { lines, type RemediationCodeTable } from '../../core/remediation-code.js';

export const KMS_REMEDIATION_CODE: RemediationCodeTable = {
  kms_cmk_rotation_enabled: {
    cloudformationType: 'AWS::KMS::Key',
    terraformType: 'aws_kms_key',
    cloudformation: lines(
      'DataKey:',
      '  Type: AWS::KMS::Key',
      '  Properties:',
      '    Description: Data encryption key',
      '    EnableKeyRotation: true',
      '    KeyPolicy:',
      "      Version: '2012-10-17'",
      '      Statement:',
      '        - Sid: AccountAdministers',
      '          Effect: Allow',
      "          Principal: { AWS: !Sub 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root' }",
      "          Action: 'kms:*'",
      "          Resource: '*'",
    ),
    terraform: lines(
      'resource "aws_kms_key" "data" {',
      '  description         = "Data encryption key"',
      '  enable_key_rotation = true',
      '}',
    ),
  },
};
