/** The check registry: every check of every area. Registry tests keep ids unique and documented. */
import type { CheckDefinition } from '../core/check.js';
import { iamChecks } from './iam/index.js';
import { accountChecks } from './account/index.js';
import { supportChecks } from './support/index.js';
import { organizationsChecks } from './organizations/index.js';
import { s3Checks } from './s3/index.js';
import { cloudtrailChecks } from './cloudtrail/index.js';
import { ec2Checks } from './ec2/index.js';
import { elbv2Checks } from './elbv2/index.js';
import { cloudfrontChecks } from './cloudfront/index.js';
import { lambdaChecks } from './lambda/index.js';
import { kmsChecks } from './kms/index.js';
import { secretsChecks } from './secrets/index.js';
import { rdsChecks } from './rds/index.js';
import { dynamodbChecks } from './dynamodb/index.js';
import { backupChecks } from './backup/index.js';
import { guarddutyChecks } from './guardduty/index.js';
import { securityhubChecks } from './securityhub/index.js';
import { inspector2Checks } from './inspector2/index.js';
import { macieChecks } from './macie/index.js';
import { accessanalyzerChecks } from './accessanalyzer/index.js';
import { configChecks } from './config/index.js';
import { wellarchitectedChecks } from './wellarchitected/index.js';
import { operationsChecks } from './operations/index.js';

export const ALL_CHECKS: readonly CheckDefinition[] = [
  ...iamChecks,
  ...accountChecks,
  ...supportChecks,
  ...organizationsChecks,
  ...s3Checks,
  ...cloudtrailChecks,
  ...ec2Checks,
  ...elbv2Checks,
  ...cloudfrontChecks,
  ...lambdaChecks,
  ...kmsChecks,
  ...secretsChecks,
  ...rdsChecks,
  ...dynamodbChecks,
  ...backupChecks,
  ...guarddutyChecks,
  ...securityhubChecks,
  ...inspector2Checks,
  ...macieChecks,
  ...accessanalyzerChecks,
  ...configChecks,
  ...wellarchitectedChecks,
  ...operationsChecks,
];

const byId = new Map(ALL_CHECKS.map((check) => [check.id, check]));

export function findCheck(id: string): CheckDefinition | undefined {
  return byId.get(id);
}
