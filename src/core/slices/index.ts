/**
 * Per-service slices of the snapshot. Each slice type lives in its own file, owned by its collector.
 * A slice is absent when its collector did not run (e.g. not selected), and an Observed error when the
 * collector as a whole failed; partial failures live inside the slice as Observed fields.
 */
import type { Observed } from '../observed.js';
import type { IamSlice } from './iam.js';
import type { AccountSlice } from './account.js';
import type { OrganizationsSlice } from './organizations.js';
import type { SupportSlice } from './support.js';
import type { S3Slice } from './s3.js';
import type { CloudFrontSlice } from './cloudfront.js';
import type { CostsSlice } from './costs.js';
import type { Ec2Slice } from './ec2.js';
import type { Elbv2Slice } from './elbv2.js';
import type { CloudTrailSlice } from './cloudtrail.js';
import type { KmsSlice } from './kms.js';
import type { RdsSlice } from './rds.js';
import type { DynamoDbSlice } from './dynamodb.js';
import type { BackupSlice } from './backup.js';
import type { ConfigSlice } from './config.js';
import type { GuardDutySlice } from './guardduty.js';
import type { SecurityHubSlice } from './securityhub.js';
import type { Inspector2Slice } from './inspector2.js';
import type { MacieSlice } from './macie.js';
import type { AccessAnalyzerSlice } from './accessanalyzer.js';
import type { WellArchitectedSlice } from './wellarchitected.js';
import type { SecretsSlice } from './secrets.js';
import type { LambdaSlice } from './lambda.js';
import type { LogsSlice } from './logs.js';
import type { CloudWatchSlice } from './cloudwatch.js';
import type { CloudFormationSlice } from './cloudformation.js';
import type { AutoScalingSlice } from './autoscaling.js';
import type { CodePipelineSlice } from './codepipeline.js';
import type { TaggingSlice } from './tagging.js';

export type { IamSlice } from './iam.js';
export type { AccountSlice } from './account.js';
export type { OrganizationsSlice } from './organizations.js';
export type { SupportSlice } from './support.js';
export type { S3Slice } from './s3.js';
export type { CloudFrontSlice } from './cloudfront.js';
export type { CostsSlice } from './costs.js';
export type { Ec2Slice } from './ec2.js';
export type { Elbv2Slice } from './elbv2.js';
export type { CloudTrailSlice } from './cloudtrail.js';
export type { KmsSlice } from './kms.js';
export type { RdsSlice } from './rds.js';
export type { DynamoDbSlice } from './dynamodb.js';
export type { BackupSlice } from './backup.js';
export type { ConfigSlice } from './config.js';
export type { GuardDutySlice } from './guardduty.js';
export type { SecurityHubSlice } from './securityhub.js';
export type { Inspector2Slice } from './inspector2.js';
export type { MacieSlice } from './macie.js';
export type { AccessAnalyzerSlice } from './accessanalyzer.js';
export type { WellArchitectedSlice } from './wellarchitected.js';
export type { SecretsSlice } from './secrets.js';
export type { LambdaSlice } from './lambda.js';
export type { LogsSlice } from './logs.js';
export type { CloudWatchSlice } from './cloudwatch.js';
export type { CloudFormationSlice } from './cloudformation.js';
export type { AutoScalingSlice } from './autoscaling.js';
export type { CodePipelineSlice } from './codepipeline.js';
export type { TaggingSlice } from './tagging.js';

/** Slices collected once per account (global endpoints). */
export interface GlobalSlices {
  readonly iam?: Observed<IamSlice>;
  readonly account?: Observed<AccountSlice>;
  readonly organizations?: Observed<OrganizationsSlice>;
  readonly support?: Observed<SupportSlice>;
  readonly s3?: Observed<S3Slice>;
  readonly cloudfront?: Observed<CloudFrontSlice>;
  readonly costs?: Observed<CostsSlice>;
}

/** Slices collected once per account and enabled region. */
export interface RegionalSlices {
  readonly ec2?: Observed<Ec2Slice>;
  readonly elbv2?: Observed<Elbv2Slice>;
  readonly cloudtrail?: Observed<CloudTrailSlice>;
  readonly kms?: Observed<KmsSlice>;
  readonly rds?: Observed<RdsSlice>;
  readonly dynamodb?: Observed<DynamoDbSlice>;
  readonly backup?: Observed<BackupSlice>;
  readonly config?: Observed<ConfigSlice>;
  readonly guardduty?: Observed<GuardDutySlice>;
  readonly securityhub?: Observed<SecurityHubSlice>;
  readonly inspector2?: Observed<Inspector2Slice>;
  readonly macie?: Observed<MacieSlice>;
  readonly accessanalyzer?: Observed<AccessAnalyzerSlice>;
  readonly wellarchitected?: Observed<WellArchitectedSlice>;
  readonly secrets?: Observed<SecretsSlice>;
  readonly lambda?: Observed<LambdaSlice>;
  readonly logs?: Observed<LogsSlice>;
  readonly cloudwatch?: Observed<CloudWatchSlice>;
  readonly cloudformation?: Observed<CloudFormationSlice>;
  readonly autoscaling?: Observed<AutoScalingSlice>;
  readonly codepipeline?: Observed<CodePipelineSlice>;
  readonly tagging?: Observed<TaggingSlice>;
}

export type GlobalServiceKey = keyof GlobalSlices;
export type RegionalServiceKey = keyof RegionalSlices;
export const GLOBAL_SERVICE_KEYS = ['iam', 'account', 'organizations', 'support', 's3', 'cloudfront', 'costs'] as const satisfies readonly GlobalServiceKey[];
export const REGIONAL_SERVICE_KEYS = ['ec2', 'elbv2', 'cloudtrail', 'kms', 'rds', 'dynamodb', 'backup', 'config', 'guardduty', 'securityhub', 'inspector2', 'macie', 'accessanalyzer', 'wellarchitected', 'secrets', 'lambda', 'logs', 'cloudwatch', 'cloudformation', 'autoscaling', 'codepipeline', 'tagging'] as const satisfies readonly RegionalServiceKey[];

/** The value type of a global slice (what its collector returns). */
export type GlobalValue<K extends GlobalServiceKey> = NonNullable<GlobalSlices[K]> extends Observed<infer T> ? T : never;
/** The value type of a regional slice (what its collector returns). */
export type RegionalValue<K extends RegionalServiceKey> = NonNullable<RegionalSlices[K]> extends Observed<infer T> ? T : never;
