/** CloudFormation and Terraform fixes for the IAM Access Analyzer checks (src/core/remediation-code.ts). */
import { lines, type RemediationCodeTable } from '../../core/remediation-code.js';

export const ACCESSANALYZER_REMEDIATION_CODE: RemediationCodeTable = {
  accessanalyzer_enabled: {
    cloudformationType: 'AWS::AccessAnalyzer::Analyzer',
    terraformType: 'aws_accessanalyzer_analyzer',
    cloudformation: lines('ExternalAccessAnalyzer:', '  Type: AWS::AccessAnalyzer::Analyzer', '  Properties:', "    AnalyzerName: !Sub '${AWS::AccountId}-external-access'", '    Type: ACCOUNT'),
    terraform: lines('resource "aws_accessanalyzer_analyzer" "external_access" {', '  analyzer_name = "external-access"', '  type          = "ACCOUNT"', '}'),
  },
};
