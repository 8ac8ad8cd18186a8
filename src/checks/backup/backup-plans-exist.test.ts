import { describe, expect, it } from 'vitest';
import type { Observed } from '../../core/observed.js';
import type { BackupPlan, BackupSlice } from '../../core/slices/backup.js';
import { aRegion, aSnapshot, anAccount, denied, observed } from '../../../test/helpers/snapshot-builder.js';
import { backupPlansExist } from './backup-plans-exist.js';

const plan = (o: Partial<BackupPlan> = {}): BackupPlan => ({
  id: 'p1', arn: null, name: 'daily', versionId: null, lastExecutionDate: null, rules: observed([]),
  selections: observed([{ id: 's1', name: 'tagged', iamRoleArn: null }]), ...o,
});
const slice = (plans: Observed<readonly BackupPlan[]>): BackupSlice => ({
  plans, vaults: observed([]), protectedResources: observed([]), jobsSince: '2025-11-01T00:00:00.000Z',
  restoreJobs: observed([]), copyJobs: observed([]), restoreTestingPlans: observed([]),
});
const run = (...regions: [string, Observed<readonly BackupPlan[]>][]) =>
  backupPlansExist.evaluate(aSnapshot({ accounts: [anAccount({ regional: regions.map(([r, plans]) => aRegion(r, { backup: observed(slice(plans)) })) })] }));

describe('backup_plans_exist', () => {
  it.each([
    ['a plan with a resource selection', observed([plan()]), 'PASS'],
    ['a plan without selections', observed([plan({ selections: observed([]) })]), 'FAIL'],
    ['no plan', observed([]), 'FAIL'],
    ['selections unreadable (moto answers 500)', observed([plan({ selections: denied('backup', 'ListBackupSelections', 'unsupported') })]), 'UNKNOWN'],
    ['plans unreadable', denied('backup', 'ListBackupPlans'), 'UNKNOWN'],
  ])('%s -> %s', (_label, plans, status) => {
    const outcomes = run(['eu-west-1', plans]);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ status, resourceType: 'AWS::::Account' });
  });

  it('counts a plan in any region for the account', () => {
    const outcomes = run(['eu-west-1', observed([])], ['us-east-1', observed([plan()])]);
    expect(outcomes.map((o) => o.status)).toEqual(['PASS']);
    expect(outcomes[0]?.message).toContain('daily (us-east-1)');
  });

  it('is UNKNOWN for an account the scanner could not enter', () => {
    const outcomes = backupPlansExist.evaluate(aSnapshot({ accounts: [anAccount({ access: denied('sts', 'AssumeRole') })] }));
    expect(outcomes.map((o) => o.status)).toEqual(['UNKNOWN']);
  });
});
