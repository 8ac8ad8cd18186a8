/** CloudFormation and Terraform fixes for the Security Hub checks (src/core/remediation-code.ts). */
import { lines, type RemediationCodeTable } from '../../core/remediation-code.js';

export const SECURITYHUB_REMEDIATION_CODE: RemediationCodeTable = {
  securityhub_enabled: {
    cloudformationType: 'AWS::SecurityHub::Hub',
    terraformType: 'aws_securityhub_account',
    cloudformation: lines('SecurityHub:', '  Type: AWS::SecurityHub::Hub', '  Properties:', '    EnableDefaultStandards: true', '    AutoEnableControls: true'),
    terraform: lines('resource "aws_securityhub_account" "this" {', '  enable_default_standards = true', '  auto_enable_controls     = true', '}'),
  },
};
