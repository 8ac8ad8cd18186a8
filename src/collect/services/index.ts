/** Every collector, in the order the runner schedules them. Add a line here when you add a service folder. */
import type { GlobalCollector, RegionalCollector } from '../collector.js';
import { iamCollector } from './iam/iam.collector.js';
import { accountCollector } from './account/account.collector.js';
import { organizationsCollector } from './organizations/organizations.collector.js';
import { supportCollector } from './support/support.collector.js';
import { s3Collector } from './s3/s3.collector.js';
import { cloudfrontCollector } from './cloudfront/cloudfront.collector.js';
import { costsCollector } from './costs/costs.collector.js';
import { ec2Collector } from './ec2/ec2.collector.js';
import { elbv2Collector } from './elbv2/elbv2.collector.js';
import { cloudtrailCollector } from './cloudtrail/cloudtrail.collector.js';
import { kmsCollector } from './kms/kms.collector.js';
import { rdsCollector } from './rds/rds.collector.js';
import { dynamodbCollector } from './dynamodb/dynamodb.collector.js';
import { backupCollector } from './backup/backup.collector.js';
import { configCollector } from './config/config.collector.js';
import { guarddutyCollector } from './guardduty/guardduty.collector.js';
import { securityhubCollector } from './securityhub/securityhub.collector.js';
import { inspector2Collector } from './inspector2/inspector2.collector.js';
import { macieCollector } from './macie/macie.collector.js';
import { accessanalyzerCollector } from './accessanalyzer/accessanalyzer.collector.js';
import { wellarchitectedCollector } from './wellarchitected/wellarchitected.collector.js';
import { secretsCollector } from './secrets/secrets.collector.js';
import { lambdaCollector } from './lambda/lambda.collector.js';
import { logsCollector } from './logs/logs.collector.js';
import { cloudwatchCollector } from './cloudwatch/cloudwatch.collector.js';
import { cloudformationCollector } from './cloudformation/cloudformation.collector.js';
import { autoscalingCollector } from './autoscaling/autoscaling.collector.js';
import { codepipelineCollector } from './codepipeline/codepipeline.collector.js';
import { taggingCollector } from './tagging/tagging.collector.js';

export const GLOBAL_COLLECTORS: readonly GlobalCollector[] = [
  iamCollector,
  accountCollector,
  organizationsCollector,
  supportCollector,
  s3Collector,
  cloudfrontCollector,
  costsCollector,
];

export const REGIONAL_COLLECTORS: readonly RegionalCollector[] = [
  ec2Collector,
  elbv2Collector,
  cloudtrailCollector,
  kmsCollector,
  rdsCollector,
  dynamodbCollector,
  backupCollector,
  configCollector,
  guarddutyCollector,
  securityhubCollector,
  inspector2Collector,
  macieCollector,
  accessanalyzerCollector,
  wellarchitectedCollector,
  secretsCollector,
  lambdaCollector,
  logsCollector,
  cloudwatchCollector,
  cloudformationCollector,
  autoscalingCollector,
  codepipelineCollector,
  taggingCollector,
];
