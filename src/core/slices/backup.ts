/**
 * Snapshot slice for AWS Backup (regional): plans with rules and resource assignments, vaults, protected
 * resources, and the restore and copy jobs of the last 12 months (before collection time).
 */
import type { Observed } from '../observed.js';

export interface BackupCopyAction {
  /** Destination vault ARN; its account id shows whether copies leave the account. */
  readonly destinationVaultArn: string;
  readonly deleteAfterDays: number | null;
}

export interface BackupRule {
  readonly name: string;
  readonly targetVaultName: string | null;
  /** cron()/rate() expression; null = on-demand/continuous only. */
  readonly schedule: string | null;
  readonly enableContinuousBackup: boolean;
  readonly lifecycle: { readonly deleteAfterDays: number | null; readonly moveToColdStorageAfterDays: number | null } | null;
  readonly copyActions: readonly BackupCopyAction[];
}

export interface BackupSelection {
  readonly id: string;
  readonly name: string | null;
  readonly iamRoleArn: string | null;
}

export interface BackupPlan {
  readonly id: string;
  readonly arn: string | null;
  readonly name: string | null;
  readonly versionId: string | null;
  readonly lastExecutionDate: string | null;
  /** backup:GetBackupPlan rules; null value = the plan was deleted meanwhile. */
  readonly rules: Observed<readonly BackupRule[] | null>;
  /** backup:ListBackupSelections: which resources the plan backs up. */
  readonly selections: Observed<readonly BackupSelection[]>;
}

export interface BackupVault {
  readonly name: string;
  readonly arn: string | null;
  readonly encryptionKeyArn: string | null;
  readonly locked: boolean;
  readonly minRetentionDays: number | null;
  readonly numberOfRecoveryPoints: number | null;
}

export interface BackupProtectedResource {
  readonly arn: string;
  readonly type: string | null;
  readonly lastBackupTime: string | null;
}

export interface BackupRestoreJob {
  readonly id: string;
  /** PENDING | RUNNING | COMPLETED | ABORTED | FAILED */
  readonly status: string | null;
  readonly resourceType: string | null;
  readonly creationDate: string | null;
  readonly completionDate: string | null;
  /** Whether a restore testing plan started it (CreatedBy.RestoreTestingPlanArn). */
  readonly restoreTestingPlanArn: string | null;
}

export interface BackupCopyJob {
  readonly id: string;
  /** CREATED | RUNNING | COMPLETED | FAILED | PARTIAL */
  readonly state: string | null;
  readonly sourceVaultArn: string | null;
  readonly destinationVaultArn: string | null;
  readonly resourceType: string | null;
  readonly creationDate: string | null;
  readonly completionDate: string | null;
}

export interface BackupRestoreTestingPlan {
  readonly name: string;
  readonly arn: string | null;
  readonly schedule: string | null;
  readonly lastExecutionTime: string | null;
}

export interface BackupSlice {
  readonly plans: Observed<readonly BackupPlan[]>;
  readonly vaults: Observed<readonly BackupVault[]>;
  readonly protectedResources: Observed<readonly BackupProtectedResource[]>;
  /** Start of the job window (ISO): restore and copy jobs created after it are listed. */
  readonly jobsSince: string;
  readonly restoreJobs: Observed<readonly BackupRestoreJob[]>;
  readonly copyJobs: Observed<readonly BackupCopyJob[]>;
  readonly restoreTestingPlans: Observed<readonly BackupRestoreTestingPlan[]>;
}
