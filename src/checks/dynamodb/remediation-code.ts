/** CloudFormation and Terraform fixes for the DynamoDB checks (src/core/remediation-code.ts). */
import { lines, type RemediationCodeTable } from '../../core/remediation-code.js';

export const DYNAMODB_REMEDIATION_CODE: RemediationCodeTable = {
  dynamodb_table_pitr_enabled: {
    cloudformationType: 'AWS::DynamoDB::Table',
    terraformType: 'aws_dynamodb_table',
    cloudformation: lines(
      'OrdersTable:',
      '  Type: AWS::DynamoDB::Table',
      '  Properties:',
      '    BillingMode: PAY_PER_REQUEST',
      '    AttributeDefinitions:',
      '      - AttributeName: pk',
      '        AttributeType: S',
      '    KeySchema:',
      '      - AttributeName: pk',
      '        KeyType: HASH',
      '    PointInTimeRecoverySpecification:',
      '      PointInTimeRecoveryEnabled: true',
    ),
    terraform: lines(
      'resource "aws_dynamodb_table" "orders" {',
      '  name         = "orders"',
      '  billing_mode = "PAY_PER_REQUEST"',
      '  hash_key     = "pk"',
      '  attribute {',
      '    name = "pk"',
      '    type = "S"',
      '  }',
      '  point_in_time_recovery {',
      '    enabled = true',
      '  }',
      '}',
    ),
  },
};
