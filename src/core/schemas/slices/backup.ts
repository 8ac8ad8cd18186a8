/** Schema of the AWS Backup slice (src/core/slices/backup.ts). */
import { z } from 'zod';
import { isoTime, nullableIsoTime, observed } from '../primitives.js';

const days = z.number().nullable();

export const backupCopyActionSchema = z.object({
  destinationVaultArn: z.string(),
  deleteAfterDays: days,
});

export const backupRuleSchema = z.object({
  name: z.string(),
  targetVaultName: z.string().nullable(),
  schedule: z.string().nullable(),
  enableContinuousBackup: z.boolean(),
  lifecycle: z.object({ deleteAfterDays: days, moveToColdStorageAfterDays: days }).nullable(),
  copyActions: z.array(backupCopyActionSchema),
});

export const backupSelectionSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  iamRoleArn: z.string().nullable(),
});

export const backupPlanSchema = z.object({
  id: z.string(),
  arn: z.string().nullable(),
  name: z.string().nullable(),
  versionId: z.string().nullable(),
  lastExecutionDate: nullableIsoTime,
  rules: observed(z.array(backupRuleSchema).nullable()),
  selections: observed(z.array(backupSelectionSchema)),
});

export const backupVaultSchema = z.object({
  name: z.string(),
  arn: z.string().nullable(),
  encryptionKeyArn: z.string().nullable(),
  locked: z.boolean(),
  minRetentionDays: days,
  numberOfRecoveryPoints: z.number().nullable(),
});

export const backupProtectedResourceSchema = z.object({
  arn: z.string(),
  type: z.string().nullable(),
  lastBackupTime: nullableIsoTime,
});

export const backupRestoreJobSchema = z.object({
  id: z.string(),
  status: z.string().nullable(),
  resourceType: z.string().nullable(),
  creationDate: nullableIsoTime,
  completionDate: nullableIsoTime,
  restoreTestingPlanArn: z.string().nullable(),
});

export const backupCopyJobSchema = z.object({
  id: z.string(),
  state: z.string().nullable(),
  sourceVaultArn: z.string().nullable(),
  destinationVaultArn: z.string().nullable(),
  resourceType: z.string().nullable(),
  creationDate: nullableIsoTime,
  completionDate: nullableIsoTime,
});

export const backupRestoreTestingPlanSchema = z.object({
  name: z.string(),
  arn: z.string().nullable(),
  schedule: z.string().nullable(),
  lastExecutionTime: nullableIsoTime,
});

export const backupSliceSchema = z.object({
  plans: observed(z.array(backupPlanSchema)),
  vaults: observed(z.array(backupVaultSchema)),
  protectedResources: observed(z.array(backupProtectedResourceSchema)),
  jobsSince: isoTime,
  restoreJobs: observed(z.array(backupRestoreJobSchema)),
  copyJobs: observed(z.array(backupCopyJobSchema)),
  restoreTestingPlans: observed(z.array(backupRestoreTestingPlanSchema)),
});
