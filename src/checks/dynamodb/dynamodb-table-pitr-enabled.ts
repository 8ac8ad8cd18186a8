import { defineCheck, fail, forEachRegion, pass, regionRef, unknown } from '../../core/check.js';
import type { CheckOutcome } from '../../core/finding.js';
import { backupProtection } from '../backup/backup-protection.js';
import { unknownBecause } from '../s3/s3-helpers.js';

/**
 * BAR-001 (evidence): every DynamoDB table can be restored: PITR enabled, or an AWS Backup recovery point no
 * older than RECENT_BACKUP_DAYS (backup:ListProtectedResources in the table's region).
 */
export const dynamodbTablePitrEnabled = defineCheck({
  id: 'dynamodb_table_pitr_enabled',
  title: 'DynamoDB tables have point-in-time recovery or AWS Backup protection',
  service: 'dynamodb',
  resourceType: 'AWS::DynamoDB::Table',
  severity: 'medium',
  reads: ['dynamodb:ListTables', 'dynamodb:DescribeTable', 'dynamodb:DescribeContinuousBackups', 'backup:ListProtectedResources', 'backup:ListBackupPlans'],
  remediation: {
    summary:
      'Enable point-in-time recovery (PITR) so the table can be restored to any second of the recovery period (up to 35 days), protecting against accidental writes and deletes, or back the table up with an AWS Backup plan.',
    console: 'DynamoDB console > Tables > <table> > Backups > Point-in-time recovery > Edit > Turn on.',
    cli: 'aws dynamodb update-continuous-backups --table-name <table> --point-in-time-recovery-specification PointInTimeRecoveryEnabled=true',
    docs: 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery_Howitworks.html',
  },
  evaluate: (snapshot) =>
    forEachRegion(snapshot, 'dynamodb', (ddb, account, regional) => {
      const { region } = regional;
      if (!ddb.tables.ok) return [unknown(regionRef(account.accountId, region), ddb.tables.error)];
      return ddb.tables.value.flatMap((table): CheckOutcome[] => {
        const arn = (table.details.ok ? table.details.value?.arn : null) ?? `arn:${snapshot.partition}:dynamodb:${region}:${account.accountId}:table/${table.name}`;
        const ref = { accountId: account.accountId, region, resourceType: 'AWS::DynamoDB::Table', resourceId: table.name, resourceArn: arn };
        const label = `DynamoDB table ${table.name} (${account.accountId}/${region})`;
        const cb = table.continuousBackups;
        if (!cb.ok) return [unknown(ref, cb.error)];
        if (cb.value === null) return []; // deleted while we scanned
        const evidence = { pitrStatus: cb.value.pitrStatus, recoveryPeriodInDays: cb.value.recoveryPeriodInDays };
        if (cb.value.pitrStatus === null) return [unknown(ref, `${label}: DynamoDB did not report the point-in-time recovery status.`, evidence)];
        if (cb.value.pitrStatus === 'ENABLED') {
          return [pass(ref, `${label} has point-in-time recovery enabled${cb.value.recoveryPeriodInDays ? ` (${cb.value.recoveryPeriodInDays} days)` : ''}.`, evidence)];
        }
        // PITR off is a gap only when AWS Backup does not back the table up either.
        const backup = backupProtection(regional, arn, snapshot);
        const pitr = `point-in-time recovery ${cb.value.pitrStatus.toLowerCase()}`;
        switch (backup.state) {
          case 'protected':
            return [
              pass(ref, `${label} has ${pitr}, but AWS Backup protects it (last recovery point ${backup.lastBackupTime.slice(0, 10)}).`, {
                ...evidence,
                awsBackupLastBackupTime: backup.lastBackupTime,
              }),
            ];
          case 'not-protected':
            return [fail(ref, `${label} has ${pitr} and ${backup.why}.`, { ...evidence, awsBackupLastBackupTime: backup.lastBackupTime })];
          case 'unknown':
            return [unknownBecause(ref, `${label} has ${pitr}; whether AWS Backup protects it could not be read.`, [backup.reason], evidence)];
        }
      });
    }),
});
