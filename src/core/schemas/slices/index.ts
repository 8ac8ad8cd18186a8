/**
 * Schemas of every snapshot slice, keyed like GlobalSlices / RegionalSlices (src/core/slices/index.ts).
 * A slice is absent when its collector did not run; present, it is an Observed value.
 * Adding a field to a slice type without adding it here fails the type-sync test (schemas.test.ts).
 */
import { z } from 'zod';
import { observed } from '../primitives.js';
import { accessAnalyzerSliceSchema } from './accessanalyzer.js';
import { accountSliceSchema } from './account.js';
import { autoScalingSliceSchema } from './autoscaling.js';
import { backupSliceSchema } from './backup.js';
import { cloudFormationSliceSchema } from './cloudformation.js';
import { cloudFrontSliceSchema } from './cloudfront.js';
import { cloudTrailSliceSchema } from './cloudtrail.js';
import { cloudWatchSliceSchema } from './cloudwatch.js';
import { codePipelineSliceSchema } from './codepipeline.js';
import { configSliceSchema } from './config.js';
import { costsSliceSchema } from './costs.js';
import { dynamoDbSliceSchema } from './dynamodb.js';
import { ec2SliceSchema } from './ec2.js';
import { elbv2SliceSchema } from './elbv2.js';
import { guardDutySliceSchema } from './guardduty.js';
import { iamSliceSchema } from './iam.js';
import { inspector2SliceSchema } from './inspector2.js';
import { kmsSliceSchema } from './kms.js';
import { lambdaSliceSchema } from './lambda.js';
import { logsSliceSchema } from './logs.js';
import { macieSliceSchema } from './macie.js';
import { organizationsSliceSchema } from './organizations.js';
import { rdsSliceSchema } from './rds.js';
import { s3SliceSchema } from './s3.js';
import { secretsSliceSchema } from './secrets.js';
import { securityHubSliceSchema } from './securityhub.js';
import { supportSliceSchema } from './support.js';
import { taggingSliceSchema } from './tagging.js';
import { wellArchitectedSliceSchema } from './wellarchitected.js';

/** Each global slice schema by key (the type-sync test compares them one by one). */
export const GLOBAL_SLICE_SCHEMAS = {
  iam: iamSliceSchema,
  account: accountSliceSchema,
  organizations: organizationsSliceSchema,
  support: supportSliceSchema,
  s3: s3SliceSchema,
  cloudfront: cloudFrontSliceSchema,
  costs: costsSliceSchema,
};

/** Each regional slice schema by key. */
export const REGIONAL_SLICE_SCHEMAS = {
  ec2: ec2SliceSchema,
  elbv2: elbv2SliceSchema,
  cloudtrail: cloudTrailSliceSchema,
  kms: kmsSliceSchema,
  rds: rdsSliceSchema,
  dynamodb: dynamoDbSliceSchema,
  backup: backupSliceSchema,
  config: configSliceSchema,
  guardduty: guardDutySliceSchema,
  securityhub: securityHubSliceSchema,
  inspector2: inspector2SliceSchema,
  macie: macieSliceSchema,
  accessanalyzer: accessAnalyzerSliceSchema,
  wellarchitected: wellArchitectedSliceSchema,
  secrets: secretsSliceSchema,
  lambda: lambdaSliceSchema,
  logs: logsSliceSchema,
  cloudwatch: cloudWatchSliceSchema,
  cloudformation: cloudFormationSliceSchema,
  autoscaling: autoScalingSliceSchema,
  codepipeline: codePipelineSliceSchema,
  tagging: taggingSliceSchema,
};

type OptionalObserved<S extends Record<string, z.ZodType>> = { [K in keyof S]: z.ZodExactOptional<ReturnType<typeof observed<S[K]>>> };

function optionalObserved<S extends Record<string, z.ZodType>>(schemas: S): OptionalObserved<S> {
  return Object.fromEntries(Object.entries(schemas).map(([key, schema]) => [key, observed(schema).exactOptional()])) as OptionalObserved<S>;
}

export const globalSlicesShape = optionalObserved(GLOBAL_SLICE_SCHEMAS);
export const regionalSlicesShape = optionalObserved(REGIONAL_SLICE_SCHEMAS);
