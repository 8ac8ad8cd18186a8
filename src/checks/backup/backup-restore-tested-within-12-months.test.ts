import { describe, expect, it } from 'vitest';
import type { Observed } from '../../core/observed.js';
import type { BackupRestoreJob, BackupSlice } from '../../core/slices/backup.js';
import { aRegion, aSnapshot, anAccount, denied, observed } from '../../../test/helpers/snapshot-builder.js';
import { backupRestoreTestedWithin12Months as check } from './backup-restore-tested-within-12-months.js';

// The fixture snapshot finished at 2026-11-01T10:05Z: the window starts 2025-11-01T10:05Z.
const job = (o: Partial<BackupRestoreJob> = {}): BackupRestoreJob => ({
  id: 'r1', status: 'COMPLETED', resourceType: 'RDS', creationDate: '2026-06-01T00:00:00.000Z', completionDate: '2026-06-01T01:00:00.000Z',
  restoreTestingPlanArn: null, ...o,
});
const slice = (restoreJobs: Observed<readonly BackupRestoreJob[]>): BackupSlice => ({
  plans: observed([]), vaults: observed([]), protectedResources: observed([]), jobsSince: '2025-10-01T00:00:00.000Z',
  restoreJobs, copyJobs: observed([]), restoreTestingPlans: observed([{ name: 'monthly', arn: null, schedule: 'cron(0 6 1 * ? *)', lastExecutionTime: null }]),
});
const run = (...regions: [string, Observed<readonly BackupRestoreJob[]>][]) =>
  check.evaluate(aSnapshot({ accounts: [anAccount({ regional: regions.map(([r, jobs]) => aRegion(r, { backup: observed(slice(jobs)) })) })] }));

describe('backup_restore_tested_within_12_months', () => {
  it.each([
    ['a completed restore 5 months ago', observed([job()]), 'PASS'],
    ['only a failed restore', observed([job({ status: 'FAILED' })]), 'MANUAL'],
    ['a completed restore 13 months ago', observed([job({ creationDate: '2025-10-01T00:00:00.000Z', completionDate: '2025-10-01T01:00:00.000Z' })]), 'MANUAL'],
    ['no restore job', observed([]), 'MANUAL'],
    ['restore jobs unreadable', denied('backup', 'ListRestoreJobs'), 'UNKNOWN'],
  ])('%s -> %s', (_label, jobs, status) => {
    const outcomes = run(['eu-west-1', jobs]);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]?.status).toBe(status);
  });

  it('asks for the restore test record when nothing is found, with the restore testing plans as evidence', () => {
    const [outcome] = run(['eu-west-1', observed([])]);
    expect(outcome?.message).toContain('Provide the restore test record');
    expect(outcome?.evidence).toMatchObject({ since: '2025-11-01T10:05:00.000Z', restoreTestingPlans: [{ name: 'monthly' }] });
  });

  it('PASSes on a completed restore in one region even when another region is unreadable', () => {
    const outcomes = run(['eu-west-1', observed([job()])], ['us-east-1', denied('backup', 'ListRestoreJobs')]);
    expect(outcomes.map((o) => o.status)).toEqual(['PASS']);
    expect(outcomes[0]?.evidence).toMatchObject({ completedRestoreJobs: 1, latest: { region: 'eu-west-1', resourceType: 'RDS' } });
  });
});
