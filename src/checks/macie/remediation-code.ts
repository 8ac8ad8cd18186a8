/** CloudFormation and Terraform fixes for the Macie checks (src/core/remediation-code.ts). */
import { lines, type RemediationCodeTable } from '../../core/remediation-code.js';

export const MACIE_REMEDIATION_CODE: RemediationCodeTable = {
  macie_is_enabled: {
    cloudformationType: 'AWS::Macie::Session',
    terraformType: 'aws_macie2_account',
    cloudformation: lines('MacieSession:', '  Type: AWS::Macie::Session', '  Properties:', '    Status: ENABLED', '    FindingPublishingFrequency: ONE_HOUR'),
    terraform: lines('resource "aws_macie2_account" "this" {', '  status                       = "ENABLED"', '  finding_publishing_frequency = "ONE_HOUR"', '}'),
  },
};
