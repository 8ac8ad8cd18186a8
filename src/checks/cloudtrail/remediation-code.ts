/** CloudFormation and Terraform fixes for the CloudTrail checks (src/core/remediation-code.ts). */
import { lines, type RemediationCodeTable } from '../../core/remediation-code.js';

const trailCfn = (...props: string[]): string =>
  lines('OrganizationTrail:', '  Type: AWS::CloudTrail::Trail', '  Properties:', '    S3BucketName: !Ref TrailLogsBucket', '    IsLogging: true', ...props);
const trailTf = (...args: string[]): string =>
  lines('resource "aws_cloudtrail" "main" {', '  name           = "organization-trail"', '  s3_bucket_name = aws_s3_bucket.trail_logs.id', ...args, '}');

export const CLOUDTRAIL_REMEDIATION_CODE: RemediationCodeTable = {
  cloudtrail_multi_region_enabled_logging: {
    cloudformationType: 'AWS::CloudTrail::Trail',
    terraformType: 'aws_cloudtrail',
    cloudformation: trailCfn('    IsMultiRegionTrail: true', '    IncludeGlobalServiceEvents: true'),
    terraform: trailTf('  is_multi_region_trail         = true', '  include_global_service_events = true', '  enable_logging                = true'),
  },
  cloudtrail_log_file_validation_enabled: {
    cloudformationType: 'AWS::CloudTrail::Trail',
    terraformType: 'aws_cloudtrail',
    cloudformation: trailCfn('    EnableLogFileValidation: true'),
    terraform: trailTf('  enable_log_file_validation = true'),
  },
  cloudtrail_kms_encryption_enabled: {
    cloudformationType: 'AWS::CloudTrail::Trail',
    terraformType: 'aws_cloudtrail',
    cloudformation: trailCfn('    KMSKeyId: !GetAtt TrailKey.Arn'),
    terraform: trailTf('  kms_key_id = aws_kms_key.trail.arn'),
  },
  cloudtrail_logs_bucket_versioning_or_mfa_delete: {
    cloudformationType: 'AWS::S3::Bucket',
    terraformType: 'aws_s3_bucket_versioning',
    cloudformation: lines('TrailLogsBucket:', '  Type: AWS::S3::Bucket', '  Properties:', '    VersioningConfiguration:', '      Status: Enabled'),
    terraform: lines(
      'resource "aws_s3_bucket_versioning" "trail_logs" {',
      '  bucket = aws_s3_bucket.trail_logs.id',
      '  versioning_configuration {',
      '    status = "Enabled"',
      '  }',
      '}',
    ),
  },
  cloudtrail_logs_bucket_not_public: {
    cloudformationType: 'AWS::S3::Bucket',
    terraformType: 'aws_s3_bucket_public_access_block',
    cloudformation: lines(
      'TrailLogsBucket:',
      '  Type: AWS::S3::Bucket',
      '  Properties:',
      '    OwnershipControls:',
      '      Rules:',
      '        - ObjectOwnership: BucketOwnerEnforced',
      '    PublicAccessBlockConfiguration:',
      '      BlockPublicAcls: true',
      '      IgnorePublicAcls: true',
      '      BlockPublicPolicy: true',
      '      RestrictPublicBuckets: true',
    ),
    terraform: lines(
      'resource "aws_s3_bucket_public_access_block" "trail_logs" {',
      '  bucket                  = aws_s3_bucket.trail_logs.id',
      '  block_public_acls       = true',
      '  ignore_public_acls      = true',
      '  block_public_policy     = true',
      '  restrict_public_buckets = true',
      '}',
    ),
  },
};
