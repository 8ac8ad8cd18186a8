import { describe, expect, it } from 'vitest';
import type { Observed } from '../../core/observed.js';
import type { BackupPlan, BackupProtectedResource, BackupSlice } from '../../core/slices/backup.js';
import type { RdsCluster, RdsInstance } from '../../core/slices/rds.js';
import { aRegion, aSnapshot, anAccount, denied, observed } from '../../../test/helpers/snapshot-builder.js';
import { rdsInstanceBackupEnabled } from './rds-instance-backup-enabled.js';

const db = (o: Partial<RdsInstance> = {}): RdsInstance => ({
  id: 'orders-db', arn: 'arn:aws:rds:eu-west-1:111111111111:db:orders-db', engine: 'postgres', status: 'available', clusterId: null,
  readReplicaSourceId: null, backupRetentionPeriod: 7, storageEncrypted: true, multiAz: true, publiclyAccessible: false, tags: {}, ...o,
});
const cluster = (o: Partial<RdsCluster> = {}): RdsCluster => ({
  id: 'aurora', arn: null, engine: 'aurora-postgresql', status: 'available', backupRetentionPeriod: 7, storageEncrypted: true, multiAz: true, memberIds: [], tags: {}, ...o,
});
/** AWS Backup in the region: no plan and nothing protected unless given (ListProtectedResources shape). */
const backup = (protectedResources: Observed<readonly BackupProtectedResource[]> = observed([]), plans: Observed<readonly BackupPlan[]> = observed([])): BackupSlice => ({
  plans, vaults: observed([]), protectedResources, jobsSince: '2025-11-01T00:00:00.000Z', restoreJobs: observed([]), copyJobs: observed([]), restoreTestingPlans: observed([]),
});
const run = (instances: ReturnType<typeof observed<readonly RdsInstance[]>>, clusters = observed<readonly RdsCluster[]>([]), backupSlice: BackupSlice = backup()) =>
  rdsInstanceBackupEnabled.evaluate(
    aSnapshot({ accounts: [anAccount({ regional: [aRegion('eu-west-1', { rds: observed({ instances, clusters }), backup: observed(backupSlice) })] })] }),
  );
const dailyPlan: BackupPlan = { id: 'p1', arn: null, name: 'daily', versionId: null, lastExecutionDate: null, rules: observed([]), selections: observed([]) };

describe('rds_instance_backup_enabled', () => {
  it.each([
    ['retention 7 days', db({ backupRetentionPeriod: 7 }), 'PASS'],
    ['retention 0 days', db({ backupRetentionPeriod: 0 }), 'FAIL'],
    ['read replica without own backups', db({ backupRetentionPeriod: 0, readReplicaSourceId: 'primary' }), 'NOT_APPLICABLE'],
    ['retention not reported', db({ backupRetentionPeriod: null }), 'UNKNOWN'],
  ])('%s -> %s', (_label, instance, status) => {
    const [outcome] = run(observed([instance]));
    expect(outcome?.status).toBe(status);
    expect(outcome?.resourceId).toBe('orders-db');
  });

  it('accepts AWS Backup protection instead of automated backups, and is UNKNOWN when it cannot be read', () => {
    const off = db({ backupRetentionPeriod: 0 });
    const recent = backup(observed([{ arn: off.arn ?? '', type: 'RDS', lastBackupTime: '2026-10-31T03:00:00.000Z' }]), observed([dailyPlan]));
    expect(run(observed([off]), undefined, recent)[0]).toMatchObject({ status: 'PASS', evidence: { awsBackupLastBackupTime: '2026-10-31T03:00:00.000Z' } });
    expect(run(observed([off]), undefined, backup(denied('backup', 'ListProtectedResources'), observed([dailyPlan])))[0]?.status).toBe('UNKNOWN');
  });

  it('looks up an Aurora member in AWS Backup by its cluster ARN', () => {
    const member = db({ id: 'aurora-1', clusterId: 'aurora', backupRetentionPeriod: 0 });
    const protectedCluster = backup(observed([{ arn: 'arn:aws:rds:eu-west-1:111111111111:cluster:aurora', type: 'Aurora', lastBackupTime: '2026-10-30T00:00:00.000Z' }]), observed([dailyPlan]));
    expect(run(observed([member]), observed([cluster({ backupRetentionPeriod: 0, memberIds: ['aurora-1'] })]), protectedCluster)[0]?.status).toBe('PASS');
  });

  it('takes the retention of an Aurora member from its cluster', () => {
    const member = db({ id: 'aurora-1', clusterId: 'aurora', backupRetentionPeriod: 1 });
    expect(run(observed([member]), observed([cluster({ backupRetentionPeriod: 0, memberIds: ['aurora-1'] })])).map((o) => o.status)).toEqual(['FAIL']);
    expect(run(observed([member]), observed([cluster({ backupRetentionPeriod: 14, memberIds: ['aurora-1'] })]))[0]?.evidence).toMatchObject({
      factsFromCluster: 'aurora',
      backupRetentionPeriod: 14,
    });
  });

  it('is UNKNOWN for a cluster member when the clusters could not be read', () => {
    const outcomes = run(observed([db({ clusterId: 'aurora' })]), denied('rds', 'DescribeDBClusters'));
    expect(outcomes.map((o) => [o.resourceType, o.status])).toEqual([
      ['AWS::RDS::DBInstance', 'UNKNOWN'],
      ['AWS::::Region', 'UNKNOWN'],
    ]);
  });

  it('evaluates a cluster without listed instances on its own', () => {
    const outcomes = run(observed([]), observed([cluster({ id: 'serverless', backupRetentionPeriod: 1 })]));
    expect(outcomes.map((o) => [o.resourceType, o.resourceId, o.status])).toEqual([['AWS::RDS::DBCluster', 'serverless', 'PASS']]);
  });

  it('is UNKNOWN for the region when the instances could not be read', () => {
    const outcomes = run(denied('rds', 'DescribeDBInstances'));
    expect(outcomes.map((o) => o.status)).toEqual(['UNKNOWN']);
    expect(outcomes[0]?.message).toContain('rds:DescribeDBInstances');
  });
});
