/** CloudFormation and Terraform fixes for the AWS Config checks (src/core/remediation-code.ts). */
import { lines, type RemediationCodeTable } from '../../core/remediation-code.js';

export const CONFIG_REMEDIATION_CODE: RemediationCodeTable = {
  config_recorder_enabled_all_regions: {
    cloudformationType: 'AWS::Config::ConfigurationRecorder',
    terraformType: 'aws_config_configuration_recorder',
    cloudformation: lines(
      '# Deploy in every enabled region (a StackSet does it for every account and region).',
      'ConfigRecorder:',
      '  Type: AWS::Config::ConfigurationRecorder',
      '  Properties:',
      '    RoleARN: !Sub arn:${AWS::Partition}:iam::${AWS::AccountId}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig',
      '    RecordingGroup:',
      '      AllSupported: true',
      '      IncludeGlobalResourceTypes: true',
      'ConfigDeliveryChannel:',
      '  Type: AWS::Config::DeliveryChannel',
      '  Properties:',
      '    S3BucketName: !Ref ConfigBucket',
    ),
    terraform: lines(
      '# One per region (a provider alias per region).',
      'resource "aws_config_configuration_recorder" "this" {',
      '  role_arn = aws_iam_service_linked_role.config.arn',
      '  recording_group {',
      '    all_supported                 = true',
      '    include_global_resource_types = true',
      '  }',
      '}',
      '',
      'resource "aws_config_delivery_channel" "this" {',
      '  s3_bucket_name = aws_s3_bucket.config.id',
      '  depends_on     = [aws_config_configuration_recorder.this]',
      '}',
      '',
      'resource "aws_config_configuration_recorder_status" "this" {',
      '  name       = aws_config_configuration_recorder.this.name',
      '  is_enabled = true',
      '  depends_on = [aws_config_delivery_channel.this]',
      '}',
    ),
  },
};
