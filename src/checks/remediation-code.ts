/**
 * Every check's fix as code (CloudFormation and Terraform), by check id: the per-area tables kept beside the
 * checks. Evaluation joins them into each check's remediation (evaluate.ts), so every report reads them from
 * the assessment. A check whose fix is not one resource setting (root usage, people, processes) has none.
 */
import type { RemediationCode } from '../core/remediation-code.js';
import { ACCESSANALYZER_REMEDIATION_CODE } from './accessanalyzer/remediation-code.js';
import { BACKUP_REMEDIATION_CODE } from './backup/remediation-code.js';
import { CLOUDFRONT_REMEDIATION_CODE } from './cloudfront/remediation-code.js';
import { CLOUDTRAIL_REMEDIATION_CODE } from './cloudtrail/remediation-code.js';
import { CONFIG_REMEDIATION_CODE } from './config/remediation-code.js';
import { DYNAMODB_REMEDIATION_CODE } from './dynamodb/remediation-code.js';
import { EC2_REMEDIATION_CODE } from './ec2/remediation-code.js';
import { ELBV2_REMEDIATION_CODE } from './elbv2/remediation-code.js';
import { GUARDDUTY_REMEDIATION_CODE } from './guardduty/remediation-code.js';
import { KMS_REMEDIATION_CODE } from './kms/remediation-code.js';
import { MACIE_REMEDIATION_CODE } from './macie/remediation-code.js';
import { RDS_REMEDIATION_CODE } from './rds/remediation-code.js';
import { S3_REMEDIATION_CODE } from './s3/remediation-code.js';
import { SECURITYHUB_REMEDIATION_CODE } from './securityhub/remediation-code.js';

export const REMEDIATION_CODE: Readonly<Record<string, RemediationCode>> = {
  ...ACCESSANALYZER_REMEDIATION_CODE,
  ...BACKUP_REMEDIATION_CODE,
  ...CLOUDFRONT_REMEDIATION_CODE,
  ...CLOUDTRAIL_REMEDIATION_CODE,
  ...CONFIG_REMEDIATION_CODE,
  ...DYNAMODB_REMEDIATION_CODE,
  ...EC2_REMEDIATION_CODE,
  ...ELBV2_REMEDIATION_CODE,
  ...GUARDDUTY_REMEDIATION_CODE,
  ...KMS_REMEDIATION_CODE,
  ...MACIE_REMEDIATION_CODE,
  ...RDS_REMEDIATION_CODE,
  ...S3_REMEDIATION_CODE,
  ...SECURITYHUB_REMEDIATION_CODE,
};

export type { RemediationCode };
