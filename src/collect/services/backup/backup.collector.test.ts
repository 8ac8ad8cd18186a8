import {
  BackupClient,
  GetBackupPlanCommand,
  ListBackupPlansCommand,
  ListBackupSelectionsCommand,
  ListBackupVaultsCommand,
  ListCopyJobsCommand,
  ListProtectedResourcesCommand,
  ListRestoreJobsCommand,
  ListRestoreTestingPlansCommand,
} from '@aws-sdk/client-backup';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsError, testCollectorContext } from '../../../../test/helpers/collector-context.js';
import { backupCollector } from './backup.collector.js';

const backup = mockClient(BackupClient);
const DEST = 'arn:aws:backup:us-east-1:222222222222:backup-vault:dr-vault';

function mockEmpty(): void {
  backup.on(ListBackupPlansCommand).resolves({ BackupPlansList: [] });
  backup.on(ListBackupVaultsCommand).resolves({ BackupVaultList: [] });
  backup.on(ListProtectedResourcesCommand).resolves({ Results: [] });
  backup.on(ListRestoreJobsCommand).resolves({ RestoreJobs: [] });
  backup.on(ListCopyJobsCommand).resolves({ CopyJobs: [] });
  backup.on(ListRestoreTestingPlansCommand).resolves({ RestoreTestingPlans: [] });
}

describe('backupCollector', () => {
  beforeEach(() => {
    backup.reset();
    mockEmpty();
  });

  it('collects plans with rules, copy destinations and selections, vaults, and 12 months of jobs', async () => {
    backup.on(ListBackupPlansCommand).resolves({
      BackupPlansList: [{ BackupPlanId: 'p1', BackupPlanName: 'daily', BackupPlanArn: 'arn:p1', VersionId: 'v1' }],
    });
    backup.on(GetBackupPlanCommand, { BackupPlanId: 'p1' }).resolves({
      BackupPlan: {
        BackupPlanName: 'daily',
        Rules: [
          {
            RuleName: 'daily-35d',
            TargetBackupVaultName: 'main',
            ScheduleExpression: 'cron(0 5 ? * * *)',
            Lifecycle: { DeleteAfterDays: 35 },
            CopyActions: [{ DestinationBackupVaultArn: DEST, Lifecycle: { DeleteAfterDays: 90 } }],
          },
        ],
      },
    });
    backup.on(ListBackupSelectionsCommand, { BackupPlanId: 'p1' }).resolves({
      BackupSelectionsList: [{ SelectionId: 's1', SelectionName: 'tagged', IamRoleArn: 'arn:role' }],
    });
    backup.on(ListBackupVaultsCommand).resolves({
      BackupVaultList: [{ BackupVaultName: 'main', EncryptionKeyArn: 'arn:kms', Locked: true, NumberOfRecoveryPoints: 3 }],
    });
    backup.on(ListProtectedResourcesCommand).resolves({
      Results: [{ ResourceArn: 'arn:aws:rds:us-east-1:111111111111:db:a', ResourceType: 'RDS', LastBackupTime: new Date('2026-10-01T00:00:00Z') }],
    });
    backup.on(ListRestoreJobsCommand).resolves({
      RestoreJobs: [
        {
          RestoreJobId: 'r1',
          Status: 'COMPLETED',
          ResourceType: 'RDS',
          CreationDate: new Date('2026-06-01T00:00:00Z'),
          CompletionDate: new Date('2026-06-01T01:00:00Z'),
          CreatedBy: { RestoreTestingPlanArn: 'arn:rtp' },
        },
      ],
    });
    backup.on(ListCopyJobsCommand).resolves({
      CopyJobs: [{ CopyJobId: 'c1', State: 'COMPLETED', DestinationBackupVaultArn: DEST, CreationDate: new Date('2026-06-02T00:00:00Z') }],
    });
    const { ctx } = testCollectorContext();
    const slice = await backupCollector.collect(ctx);

    expect(slice.plans.ok && slice.plans.value).toEqual([
      {
        id: 'p1',
        arn: 'arn:p1',
        name: 'daily',
        versionId: 'v1',
        lastExecutionDate: null,
        rules: {
          ok: true,
          value: [
            {
              name: 'daily-35d',
              targetVaultName: 'main',
              schedule: 'cron(0 5 ? * * *)',
              enableContinuousBackup: false,
              lifecycle: { deleteAfterDays: 35, moveToColdStorageAfterDays: null },
              copyActions: [{ destinationVaultArn: DEST, deleteAfterDays: 90 }],
            },
          ],
        },
        selections: { ok: true, value: [{ id: 's1', name: 'tagged', iamRoleArn: 'arn:role' }] },
      },
    ]);
    expect(slice.vaults.ok && slice.vaults.value[0]).toMatchObject({ name: 'main', encryptionKeyArn: 'arn:kms', locked: true });
    expect(slice.protectedResources.ok && slice.protectedResources.value).toEqual([
      { arn: 'arn:aws:rds:us-east-1:111111111111:db:a', type: 'RDS', lastBackupTime: '2026-10-01T00:00:00.000Z' },
    ]);
    expect(slice.restoreJobs.ok && slice.restoreJobs.value[0]).toEqual({
      id: 'r1',
      status: 'COMPLETED',
      resourceType: 'RDS',
      creationDate: '2026-06-01T00:00:00.000Z',
      completionDate: '2026-06-01T01:00:00.000Z',
      restoreTestingPlanArn: 'arn:rtp',
    });
    expect(slice.copyJobs.ok && slice.copyJobs.value[0]).toMatchObject({ id: 'c1', destinationVaultArn: DEST, state: 'COMPLETED' });
  });

  it('asks for restore and copy jobs created in the last 12 months and records the window', async () => {
    const { ctx } = testCollectorContext();
    const slice = await backupCollector.collect(ctx);

    const restoreInput = backup.commandCalls(ListRestoreJobsCommand)[0]?.args[0].input;
    const copyInput = backup.commandCalls(ListCopyJobsCommand)[0]?.args[0].input;
    expect(restoreInput?.ByCreatedAfter?.toISOString()).toBe(slice.jobsSince);
    expect(copyInput?.ByCreatedAfter?.toISOString()).toBe(slice.jobsSince);
  });

  it('keeps everything else when ListRestoreJobs is denied and GetBackupPlan fails for one plan', async () => {
    backup.on(ListBackupPlansCommand).resolves({ BackupPlansList: [{ BackupPlanId: 'p1' }] });
    backup.on(GetBackupPlanCommand).rejects(awsError('AccessDeniedException', 'no', 403));
    backup.on(ListBackupSelectionsCommand).resolves({ BackupSelectionsList: [] });
    backup.on(ListRestoreJobsCommand).rejects(awsError('AccessDeniedException', 'no', 403));
    const { ctx, recorder } = testCollectorContext();
    const slice = await backupCollector.collect(ctx);

    const plan = slice.plans.ok ? slice.plans.value[0] : undefined;
    expect(plan?.rules).toMatchObject({ ok: false, error: { kind: 'access_denied' } });
    expect(plan?.selections).toEqual({ ok: true, value: [] });
    expect(slice.restoreJobs.ok ? null : slice.restoreJobs.error.operation).toBe('ListRestoreJobs');
    expect(slice.vaults).toEqual({ ok: true, value: [] });
    expect(recorder.errors.map((e) => e.operation).sort()).toEqual(['GetBackupPlan', 'ListRestoreJobs']);
  });

  it('turns the emulator 404 on ListProtectedResources and 500 on ListBackupSelections into error values', async () => {
    backup.on(ListBackupPlansCommand).resolves({ BackupPlansList: [{ BackupPlanId: 'p1' }] });
    backup.on(GetBackupPlanCommand).resolves({ BackupPlan: { BackupPlanName: 'x', Rules: [] } });
    backup.on(ListBackupSelectionsCommand).rejects(awsError('500', 'Internal Server Error', 500));
    backup.on(ListProtectedResourcesCommand).rejects(awsError('404', 'Not Found', 404));
    const { ctx } = testCollectorContext();
    const slice = await backupCollector.collect(ctx);

    expect(slice.protectedResources.ok ? null : slice.protectedResources.error.kind).toBe('unsupported');
    const plan = slice.plans.ok ? slice.plans.value[0] : undefined;
    expect(plan?.selections).toMatchObject({ ok: false, error: { code: '500' } });
    expect(plan?.rules).toEqual({ ok: true, value: [] });
  });

  it('records a plan deleted between listing and reading as null rules', async () => {
    backup.on(ListBackupPlansCommand).resolves({ BackupPlansList: [{ BackupPlanId: 'p1' }] });
    backup.on(GetBackupPlanCommand).rejects(awsError('ResourceNotFoundException'));
    backup.on(ListBackupSelectionsCommand).resolves({ BackupSelectionsList: [] });
    const { ctx } = testCollectorContext();
    const slice = await backupCollector.collect(ctx);

    expect(slice.plans.ok && slice.plans.value[0]?.rules).toEqual({ ok: true, value: null });
  });
});
