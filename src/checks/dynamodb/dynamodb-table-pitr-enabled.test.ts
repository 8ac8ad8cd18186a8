import { describe, expect, it } from 'vitest';
import type { Observed } from '../../core/observed.js';
import type { BackupPlan, BackupProtectedResource, BackupSlice } from '../../core/slices/backup.js';
import type { DynamoDbContinuousBackups, DynamoDbTable } from '../../core/slices/dynamodb.js';
import { aRegion, aSnapshot, anAccount, denied, observed } from '../../../test/helpers/snapshot-builder.js';
import { dynamodbTablePitrEnabled as check } from './dynamodb-table-pitr-enabled.js';

const ARN = 'arn:aws:dynamodb:eu-west-1:111111111111:table/orders';
const table = (continuousBackups: Observed<DynamoDbContinuousBackups | null>): DynamoDbTable => ({
  name: 'orders',
  details: observed({ arn: ARN, status: 'ACTIVE', billingMode: null, sse: null }),
  continuousBackups,
});
const cb = (pitrStatus: string | null): DynamoDbContinuousBackups => ({ continuousBackupsStatus: 'ENABLED', pitrStatus, recoveryPeriodInDays: 35 });
const plan: BackupPlan = { id: 'p1', arn: null, name: 'daily', versionId: null, lastExecutionDate: null, rules: observed([]), selections: observed([]) };
/** ListProtectedResources as AWS answers it: ResourceArn, ResourceType, LastBackupTime. */
const protectedTable = (lastBackupTime: string): BackupProtectedResource => ({ arn: ARN, type: 'DynamoDB', lastBackupTime });
const backup = (protectedResources: Observed<readonly BackupProtectedResource[]>, plans: Observed<readonly BackupPlan[]> = observed([plan])): BackupSlice => ({
  plans, vaults: observed([]), protectedResources, jobsSince: '2025-11-01T00:00:00.000Z', restoreJobs: observed([]), copyJobs: observed([]), restoreTestingPlans: observed([]),
});
// The snapshot finished 2026-11-01T10:05Z.
/** `null`: the backup collector did not run in the region. */
const run = (tables: Observed<readonly DynamoDbTable[]>, backupSlice: Observed<BackupSlice> | null = observed(backup(observed([])))) =>
  check.evaluate(
    aSnapshot({ accounts: [anAccount({ regional: [aRegion('eu-west-1', { dynamodb: observed({ tables }), ...(backupSlice ? { backup: backupSlice } : {}) })] })] }),
  );

describe('dynamodb_table_pitr_enabled', () => {
  it.each<[string, Observed<DynamoDbContinuousBackups | null>, Observed<BackupSlice> | null, string]>([
    ['PITR enabled', observed(cb('ENABLED')), null, 'PASS'],
    ['PITR disabled, AWS Backup does not protect it', observed(cb('DISABLED')), observed(backup(observed([]))), 'FAIL'],
    ['PITR disabled, AWS Backup backed it up yesterday', observed(cb('DISABLED')), observed(backup(observed([protectedTable('2026-10-31T05:00:00.000Z')]))), 'PASS'],
    ['PITR disabled, last AWS Backup recovery point 3 months old', observed(cb('DISABLED')), observed(backup(observed([protectedTable('2026-08-01T05:00:00.000Z')]))), 'FAIL'],
    ['PITR disabled, protected resources unreadable, plans exist', observed(cb('DISABLED')), observed(backup(denied('backup', 'ListProtectedResources'))), 'UNKNOWN'],
    ['PITR disabled, protected resources unreadable, no backup plan in the region', observed(cb('DISABLED')), observed(backup(denied('backup', 'ListProtectedResources', 'unsupported'), observed([]))), 'FAIL'],
    ['PITR disabled, backup collector did not run', observed(cb('DISABLED')), null, 'UNKNOWN'],
    ['PITR status missing', observed(cb(null)), null, 'UNKNOWN'],
    ['DescribeContinuousBackups denied', denied('dynamodb', 'DescribeContinuousBackups'), null, 'UNKNOWN'],
  ])('%s -> %s', (_label, continuousBackups, backupSlice, status) => {
    const outcomes = run(observed([table(continuousBackups)]), backupSlice);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ status, resourceId: 'orders', resourceArn: ARN });
  });

  it('names the AWS Backup recovery point that protects a table without PITR', () => {
    const [outcome] = run(observed([table(observed(cb('DISABLED')))]), observed(backup(observed([protectedTable('2026-10-31T05:00:00.000Z')]))));
    expect(outcome?.message).toContain('AWS Backup');
    expect(outcome?.message).toContain('2026-10-31');
    expect(outcome?.evidence).toMatchObject({ pitrStatus: 'DISABLED', awsBackupLastBackupTime: '2026-10-31T05:00:00.000Z' });
  });

  it('skips a table deleted during the scan', () => {
    expect(run(observed([table(observed(null))]))).toEqual([]);
  });

  it('is UNKNOWN for the region when the tables could not be listed', () => {
    expect(run(denied('dynamodb', 'ListTables')).map((o) => [o.resourceType, o.status])).toEqual([['AWS::::Region', 'UNKNOWN']]);
  });
});
