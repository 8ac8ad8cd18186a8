import {
  BackupClient,
  GetBackupPlanCommand,
  paginateListBackupPlans,
  paginateListBackupSelections,
  paginateListBackupVaults,
  paginateListCopyJobs,
  paginateListProtectedResources,
  paginateListRestoreJobs,
  paginateListRestoreTestingPlans,
  type BackupRule as SdkBackupRule,
} from '@aws-sdk/client-backup';
import { collectPages, defineRegionalCollector } from '../../collector.js';
import { observed, type Observed } from '../../../core/observed.js';
import type { BackupPlan, BackupRule } from '../../../core/slices/backup.js';

const PLAN_NOT_FOUND = ['ResourceNotFoundException'];

/** How far back restore and copy jobs are listed: BAR-002 and competency 2.13 ask for the last 12 months. */
export const JOB_LOOKBACK_MONTHS = 12;

function monthsAgo(now: Date, months: number): Date {
  const d = new Date(now.getTime());
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

const iso = (d: Date | undefined): string | null => d?.toISOString() ?? null;

function toRule(rule: SdkBackupRule): BackupRule {
  return {
    name: rule.RuleName ?? '',
    targetVaultName: rule.TargetBackupVaultName ?? null,
    schedule: rule.ScheduleExpression ?? null,
    enableContinuousBackup: rule.EnableContinuousBackup ?? false,
    lifecycle: rule.Lifecycle
      ? {
          deleteAfterDays: rule.Lifecycle.DeleteAfterDays ?? null,
          moveToColdStorageAfterDays: rule.Lifecycle.MoveToColdStorageAfterDays ?? null,
        }
      : null,
    copyActions: (rule.CopyActions ?? []).flatMap((a) =>
      a.DestinationBackupVaultArn
        ? [{ destinationVaultArn: a.DestinationBackupVaultArn, deleteAfterDays: a.Lifecycle?.DeleteAfterDays ?? null }]
        : [],
    ),
  };
}

/**
 * AWS Backup: plans (rules with schedule, lifecycle and copy destinations; resource selections), vaults,
 * protected resources, restore/copy jobs of the last 12 months and restore testing plans.
 */
export const backupCollector = defineRegionalCollector({
  service: 'backup',
  scope: 'regional',
  // docs/decisions/0012-region-signal.md: restore jobs need a recovery point in a vault of the region
  regionalReads: 'resources',
  configResourceTypes: ['AWS::Backup::BackupPlan', 'AWS::Backup::BackupVault', 'AWS::Backup::RecoveryPoint'],
  operations: [
    { operation: 'ListBackupPlans', iamAction: 'backup:ListBackupPlans' },
    { operation: 'GetBackupPlan', iamAction: 'backup:GetBackupPlan', notFoundCodes: PLAN_NOT_FOUND },
    { operation: 'ListBackupSelections', iamAction: 'backup:ListBackupSelections' },
    { operation: 'ListBackupVaults', iamAction: 'backup:ListBackupVaults' },
    { operation: 'ListProtectedResources', iamAction: 'backup:ListProtectedResources' },
    { operation: 'ListRestoreJobs', iamAction: 'backup:ListRestoreJobs' },
    { operation: 'ListCopyJobs', iamAction: 'backup:ListCopyJobs' },
    { operation: 'ListRestoreTestingPlans', iamAction: 'backup:ListRestoreTestingPlans' },
  ],
  async collect(ctx) {
    const client = ctx.client(BackupClient);
    const since = monthsAgo(new Date(), JOB_LOOKBACK_MONTHS);

    const planList = await ctx.call('backup', 'ListBackupPlans', () =>
      collectPages(paginateListBackupPlans({ client }, {}), (p) => p.BackupPlansList),
    );
    let plans: Observed<readonly BackupPlan[]>;
    if (planList.ok) {
      const out: BackupPlan[] = [];
      for (const p of planList.value) {
        const id = p.BackupPlanId;
        if (!id) continue;
        const [rules, selections] = await Promise.all([
          ctx.call(
            'backup',
            'GetBackupPlan',
            async () => ((await client.send(new GetBackupPlanCommand({ BackupPlanId: id }))).BackupPlan?.Rules ?? []).map(toRule),
            { notFoundCodes: PLAN_NOT_FOUND },
          ),
          ctx.call('backup', 'ListBackupSelections', async () =>
            (await collectPages(paginateListBackupSelections({ client }, { BackupPlanId: id }), (page) => page.BackupSelectionsList)).map(
              (s) => ({ id: s.SelectionId ?? '', name: s.SelectionName ?? null, iamRoleArn: s.IamRoleArn ?? null }),
            ),
          ),
        ]);
        out.push({
          id,
          arn: p.BackupPlanArn ?? null,
          name: p.BackupPlanName ?? null,
          versionId: p.VersionId ?? null,
          lastExecutionDate: iso(p.LastExecutionDate),
          rules,
          selections,
        });
      }
      plans = observed(out);
    } else {
      plans = planList;
    }

    const [vaults, protectedResources, restoreJobs, copyJobs, restoreTestingPlans] = await Promise.all([
      ctx.call('backup', 'ListBackupVaults', async () =>
        (await collectPages(paginateListBackupVaults({ client }, {}), (p) => p.BackupVaultList)).map((v) => ({
          name: v.BackupVaultName ?? '',
          arn: v.BackupVaultArn ?? null,
          encryptionKeyArn: v.EncryptionKeyArn ?? null,
          locked: v.Locked ?? false,
          minRetentionDays: v.MinRetentionDays ?? null,
          numberOfRecoveryPoints: v.NumberOfRecoveryPoints ?? null,
        })),
      ),
      ctx.call('backup', 'ListProtectedResources', async () =>
        (await collectPages(paginateListProtectedResources({ client }, {}), (p) => p.Results)).flatMap((r) =>
          r.ResourceArn ? [{ arn: r.ResourceArn, type: r.ResourceType ?? null, lastBackupTime: iso(r.LastBackupTime) }] : [],
        ),
      ),
      ctx.call('backup', 'ListRestoreJobs', async () =>
        (await collectPages(paginateListRestoreJobs({ client }, { ByCreatedAfter: since }), (p) => p.RestoreJobs)).map((j) => ({
          id: j.RestoreJobId ?? '',
          status: j.Status ?? null,
          resourceType: j.ResourceType ?? null,
          creationDate: iso(j.CreationDate),
          completionDate: iso(j.CompletionDate),
          restoreTestingPlanArn: j.CreatedBy?.RestoreTestingPlanArn ?? null,
        })),
      ),
      ctx.call('backup', 'ListCopyJobs', async () =>
        (await collectPages(paginateListCopyJobs({ client }, { ByCreatedAfter: since }), (p) => p.CopyJobs)).map((j) => ({
          id: j.CopyJobId ?? '',
          state: j.State ?? null,
          sourceVaultArn: j.SourceBackupVaultArn ?? null,
          destinationVaultArn: j.DestinationBackupVaultArn ?? null,
          resourceType: j.ResourceType ?? null,
          creationDate: iso(j.CreationDate),
          completionDate: iso(j.CompletionDate),
        })),
      ),
      ctx.call('backup', 'ListRestoreTestingPlans', async () =>
        (await collectPages(paginateListRestoreTestingPlans({ client }, {}), (p) => p.RestoreTestingPlans)).map((t) => ({
          name: t.RestoreTestingPlanName ?? '',
          arn: t.RestoreTestingPlanArn ?? null,
          schedule: t.ScheduleExpression ?? null,
          lastExecutionTime: iso(t.LastExecutionTime),
        })),
      ),
    ]);

    return { plans, vaults, protectedResources, jobsSince: since.toISOString(), restoreJobs, copyJobs, restoreTestingPlans };
  },
});
