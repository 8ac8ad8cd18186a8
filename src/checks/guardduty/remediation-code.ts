/** CloudFormation and Terraform fixes for the GuardDuty checks (src/core/remediation-code.ts). */
import { lines, type RemediationCodeTable } from '../../core/remediation-code.js';

export const GUARDDUTY_REMEDIATION_CODE: RemediationCodeTable = {
  guardduty_is_enabled: {
    cloudformationType: 'AWS::GuardDuty::Detector',
    terraformType: 'aws_guardduty_detector',
    cloudformation: lines('Detector:', '  Type: AWS::GuardDuty::Detector', '  Properties:', '    Enable: true', '    FindingPublishingFrequency: FIFTEEN_MINUTES'),
    terraform: lines('resource "aws_guardduty_detector" "this" {', '  enable                       = true', '  finding_publishing_frequency = "FIFTEEN_MINUTES"', '}'),
  },
};
