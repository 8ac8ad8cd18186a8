import { defineCheck, fail, notApplicable, pass, unknown } from '../../core/check.js';
import { backupProtection } from '../backup/backup-protection.js';
import { unknownBecause } from '../s3/s3-helpers.js';
import { databaseEvidence, forEachDatabase } from './rds-databases.js';

/**
 * BAR-001 (evidence): every RDS database keeps automated backups (retention > 0), or AWS Backup holds a
 * recovery point of it no older than 35 days (backup-protection.ts). Read replicas rely on their source.
 */
export const rdsInstanceBackupEnabled = defineCheck({
  id: 'rds_instance_backup_enabled',
  title: 'RDS databases have automated backups or AWS Backup protection',
  service: 'rds',
  resourceType: 'AWS::RDS::DBInstance',
  severity: 'medium',
  reads: ['rds:DescribeDBInstances', 'rds:DescribeDBClusters', 'backup:ListProtectedResources', 'backup:ListBackupPlans'],
  remediation: {
    summary:
      'Set a backup retention period of at least 7 days (1-35) on every DB instance and DB cluster, so RDS takes daily automated snapshots and keeps transaction logs for point-in-time restore.',
    console: 'RDS console > Databases > <database> > Modify > Backup > Backup retention period > Continue > Apply immediately.',
    cli: 'aws rds modify-db-instance --db-instance-identifier <id> --backup-retention-period 7 --apply-immediately\naws rds modify-db-cluster --db-cluster-identifier <id> --backup-retention-period 7 --apply-immediately',
    docs: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html',
  },
  evaluate: (snapshot) =>
    forEachDatabase(snapshot, (db, regional) => {
      const days = db.backupRetentionPeriod;
      const evidence = { ...databaseEvidence(db), backupRetentionPeriod: days };
      if (days === null) return unknown(db.ref, `${db.label}: RDS did not report a backup retention period.`, evidence);
      if (days > 0) return pass(db.ref, `${db.label} keeps automated backups for ${days} day(s).`, evidence);
      if (db.readReplicaSourceId !== null) {
        return notApplicable(
          db.ref,
          `${db.label} is a read replica of ${db.readReplicaSourceId} without its own automated backups; the source database's backups apply.`,
          { ...evidence, readReplicaSourceId: db.readReplicaSourceId },
        );
      }
      // Automated backups off is a gap only when AWS Backup does not back the database up either.
      const backup = db.backupArn ? backupProtection(regional, db.backupArn, snapshot) : ({ state: 'unknown', reason: `${db.label} has no ARN to look up in AWS Backup.` } as const);
      switch (backup.state) {
        case 'protected':
          return pass(db.ref, `${db.label} has automated backups disabled, but AWS Backup protects it (last recovery point ${backup.lastBackupTime.slice(0, 10)}).`, {
            ...evidence,
            awsBackupLastBackupTime: backup.lastBackupTime,
          });
        case 'not-protected':
          return fail(db.ref, `${db.label} has automated backups disabled (retention 0 days) and ${backup.why}.`, { ...evidence, awsBackupLastBackupTime: backup.lastBackupTime });
        case 'unknown':
          return unknownBecause(db.ref, `${db.label} has automated backups disabled (retention 0 days); whether AWS Backup protects it could not be read.`, [backup.reason], evidence);
      }
    }),
});
