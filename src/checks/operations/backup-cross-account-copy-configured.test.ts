import { describe, expect, it } from 'vitest';
import type { BackupPlan, BackupSlice } from '../../core/slices/backup.js';
import type { Observed } from '../../core/observed.js';
import { ACCOUNT_A, aRegion, aSnapshot, anAccount, denied, observed } from '../../../test/helpers/snapshot-builder.js';
import { backupCrossAccountCopyConfigured as check } from './backup-cross-account-copy-configured.js';

function plan(destinations: string[]): BackupPlan {
  return {
    id: 'p1',
    arn: null,
    name: 'daily',
    versionId: null,
    lastExecutionDate: null,
    rules: observed([
      { name: 'r', targetVaultName: 'v', schedule: null, enableContinuousBackup: false, lifecycle: null, copyActions: destinations.map((d) => ({ destinationVaultArn: d, deleteAfterDays: null })) },
    ]),
    selections: observed([]),
  };
}

function slice(plans: BackupSlice['plans']): Observed<BackupSlice> {
  return observed({
    plans,
    vaults: observed([]),
    protectedResources: observed([]),
    jobsSince: '2025-03-01T00:00:00.000Z',
    restoreJobs: observed([]),
    copyJobs: observed([]),
    restoreTestingPlans: observed([]),
  });
}

const otherAccountVault = 'arn:aws:backup:eu-west-1:999999999999:backup-vault:dr';
const sameAccountVault = `arn:aws:backup:eu-central-1:${ACCOUNT_A}:backup-vault:copy`;

function run(value: Observed<BackupSlice>) {
  return check.evaluate(aSnapshot({ accounts: [anAccount({ regional: [aRegion('eu-west-1', { backup: value })] })] }));
}

describe('backup_cross_account_copy_configured', () => {
  it.each<[string, Observed<BackupSlice>, string]>([
    ['a copy action to another account', slice(observed([plan([otherAccountVault])])), 'MANUAL'],
    ['a copy to another region of the same account only', slice(observed([plan([sameAccountVault])])), 'FAIL'],
    ['no backup plans', slice(observed([])), 'FAIL'],
    ['plans denied', slice(denied('backup', 'ListBackupPlans')), 'UNKNOWN'],
    ['plan rules denied', slice(observed([{ ...plan([]), rules: denied('backup', 'GetBackupPlan') }])), 'UNKNOWN'],
    ['slice failed', denied('backup', 'ListBackupPlans'), 'UNKNOWN'],
  ])('%s -> %s', (_name, value, status) => {
    expect(run(value)[0]).toMatchObject({ status, resourceType: 'AWS::::Account' });
  });

  it('names the destination account', () => {
    expect(run(slice(observed([plan([otherAccountVault])])))[0]?.message).toContain('999999999999');
  });
});
